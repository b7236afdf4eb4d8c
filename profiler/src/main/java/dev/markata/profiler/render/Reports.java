package dev.markata.profiler.render;

import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.Session;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reports of one session, rendered to strings and files: {@code Reports.of(session)}, then
 * one call per report. The reports made through one {@code Reports} share the session's raw call
 * tree, built by the first that needs it (the text tree, the pyinstrument JSON and collapsed
 * stacks each built it: ~50 ms of CPU at 10,000 posts), so whoever writes several reports of a
 * session makes one {@code Reports} for them all and lets it go when they are written (the trees
 * are held as long as it is). Thread-safe: reports may be rendered at once on several threads.
 */
public final class Reports {

    private final ReportTrees trees;

    Reports(ReportTrees trees) {
        this.trees = trees;
    }

    /** The reports of {@code session}. */
    public static Reports of(Session session) {
        return new Reports(new ReportTrees(Objects.requireNonNull(session, "session")));
    }

    /** The session these are the reports of. */
    public Session session() {
        return trees.session();
    }

    /**
     * Writes the {@code format} report to {@code file}, atomically (a temporary file in the same
     * folder, then renamed over the target), creating missing parent folders. A reader sees the
     * old file or the new one, never half of one.
     */
    public void write(ReportFormat format, ReportOptions options, Path file) throws IOException {
        Renderer renderer = format.renderer(options);
        AtomicFiles.writeText(file, out -> render(renderer, out));
    }

    /**
     * Writes the report the file name asks for ({@link ReportFormat#fromFileName}).
     *
     * @throws IllegalArgumentException when the extension names no format
     */
    public ReportFormat write(ReportOptions options, Path file) throws IOException {
        String name = file.getFileName().toString();
        ReportFormat format = ReportFormat.fromFileName(name).orElseThrow(() -> new IllegalArgumentException(
                file + ": cannot tell the report format from the file name; use one of "
                        + Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList()));
        write(format, options, file);
        return format;
    }

    /** The {@code format} report as a string (for the console, or a test). */
    public String render(ReportFormat format, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            render(format.renderer(options), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** A tree-shaped report draws the shared trees; the others read the session. */
    private void render(Renderer renderer, Writer out) throws IOException {
        if (renderer instanceof TreeRenderer tree) {
            tree.render(trees, out);
        } else {
            renderer.render(trees.session(), out);
        }
    }
}
