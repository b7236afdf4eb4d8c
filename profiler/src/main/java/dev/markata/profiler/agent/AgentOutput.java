package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlRenderer;
import dev.markata.profiler.render.Renderer;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the agent's report in the format its file name asks for, atomically. */
final class AgentOutput {

    private AgentOutput() {
    }

    static void write(Session session, ReportFormat format, Path file) throws IOException {
        try {
            Reports.write(session, format, ReportOptions.defaults(), file);
        } catch (UnsupportedOperationException notWired) {
            if (format != ReportFormat.HTML) {
                throw notWired;
            }
            // ReportFormat does not hand out the HTML renderer yet: use it directly
            Renderer html = new HtmlRenderer();
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    html.render(session, out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        readableByAll(file);
    }

    /** Reports are written through owner-only temp files; make the result readable like any output. */
    private static void readableByAll(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the default
        }
    }
}
