package dev.markata.profiler.render;

import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.Session;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;

/** Renders sessions to strings and files. */
public final class Reports {

    private Reports() {
    }

    /**
     * Writes the {@code format} report of {@code session} to {@code file}, atomically (a temporary
     * file in the same folder, then renamed over the target), creating missing parent folders.
     * A reader sees the old file or the new one, never half of one.
     */
    public static void write(Session session, ReportFormat format, ReportOptions options, Path file)
            throws IOException {
        Renderer renderer = format.renderer(options);
        AtomicFiles.writeText(file, out -> renderer.render(session, out));
    }

    /**
     * Writes the report the file name asks for ({@link ReportFormat#fromFileName}).
     *
     * @throws IllegalArgumentException when the extension names no format
     */
    public static ReportFormat write(Session session, ReportOptions options, Path file) throws IOException {
        String name = file.getFileName().toString();
        ReportFormat format = ReportFormat.fromFileName(name).orElseThrow(() -> new IllegalArgumentException(
                file + ": cannot tell the report format from the file name; use one of "
                        + java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList()));
        write(session, format, options, file);
        return format;
    }

    /** The {@code format} report of {@code session} as a string (for the console, or a test). */
    public static String render(Session session, ReportFormat format, ReportOptions options) {
        StringWriter out = new StringWriter();
        try {
            format.renderer(options).render(session, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
