package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the agent's report in the format its file name asks for, atomically. */
final class AgentOutput {

    private AgentOutput() {
    }

    static void write(Session session, ReportFormat format, Path file) throws IOException {
        Reports.write(session, format, ReportOptions.defaults(), file);
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
