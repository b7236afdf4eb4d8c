package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the agent's report in the format its file name asks for, atomically. */
final class AgentOutput {

    private AgentOutput() {
    }

    static void write(Session session, ReportFormat format, Path file) throws IOException {
        Reports.of(session).write(format, ReportOptions.defaults(), file);
    }
}
