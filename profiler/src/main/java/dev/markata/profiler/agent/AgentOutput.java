package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;

/** Writes the agent's report in the format its file name asks for, atomically. */
final class AgentOutput {

    private AgentOutput() {
    }

    /** The report, with the {@code show} and {@code hide} patterns of the agent's arguments. */
    static void write(Session session, AgentOptions options) throws IOException {
        Reports.of(session).write(options.format(),
                ReportOptions.defaults().withShow(options.show()).withHide(options.hide()), options.output());
    }
}
