package dev.markata.profiler.render;

import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.Session;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
        return render(format.renderer(options));
    }

    private String render(Renderer renderer) {
        StringWriter out = new StringWriter();
        try {
            render(renderer, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Thresholds {@link #textFitting} tries, in turn, after the one given, until the tree fits. */
    private static final double[] RAISED_THRESHOLDS = {4, 5, 6, 8, 10, 15, 20, 30, 50};

    /**
     * The text tree cut to fit a screen of {@code maxLines} lines (the console summary of a
     * build, the agent's tree at exit), by the first of these that fits:
     * <ol>
     * <li>the whole tree at {@code thresholdPercent};
     * <li>the tree with each chain of single calls drawn as its first and last rows, the last
     * saying how many frames are between ("[37 frames between]"): a deep chain (javac's descents
     * through its visitors, a recursion) has no row that a threshold hides, and took the whole
     * screen, so that the calls beside it were not printed;
     * <li>that tree at the first higher threshold of {@link #RAISED_THRESHOLDS} that fits (the
     * footer says which: "hidden below 5%"). At 3 % a build whose time spreads over many nodes
     * (a loaded machine, where class loading and warm-up make more branches cross 3 %) printed
     * trees of 80 lines and more, and ran off the screen;
     * <li>where even the last threshold does not fit (threads of equal work, which no threshold
     * hides next to each other), the first {@code maxLines - 1} lines, then one that says how
     * many more the report has.
     * </ol>
     * Without a trailing line break.
     *
     * @param options the text options; their threshold is replaced
     */
    public String textFitting(ReportOptions options, double thresholdPercent, int maxLines) {
        if (maxLines < 2) {
            throw new IllegalArgumentException("a screen of at least 2 lines, got " + maxLines);
        }
        String text = screen(options.withThresholdPercent(thresholdPercent), false);
        if (text.lines().count() > maxLines) {
            text = screen(options.withThresholdPercent(thresholdPercent), true);
        }
        for (int i = 0; i < RAISED_THRESHOLDS.length && text.lines().count() > maxLines; i++) {
            if (RAISED_THRESHOLDS[i] > thresholdPercent) {
                text = screen(options.withThresholdPercent(RAISED_THRESHOLDS[i]), true);
            }
        }
        List<String> lines = text.lines().toList();
        if (lines.size() <= maxLines) {
            return text;
        }
        int more = lines.size() - (maxLines - 1);
        return String.join("\n", lines.subList(0, maxLines - 1)) + "\n[" + more + " more lines not printed: the"
                + " report has the whole tree]";
    }

    /** The text tree, its chains folded or not, without its last line break. */
    private String screen(ReportOptions options, boolean foldChains) {
        return render(new TextRenderer(options, foldChains)).stripTrailing();
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
