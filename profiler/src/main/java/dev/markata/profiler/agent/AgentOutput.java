package dev.markata.profiler.agent;

import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;

/** Writes the agent's report in the format its file name asks for, atomically, and its tree for the console. */
final class AgentOutput {

    /** The most lines {@code print=tree} prints before the agent's line: a screen. */
    static final int SCREEN_LINES = 40;
    /**
     * The printed tree's first threshold, as the generator's console summary's: the report
     * file's text tree shows 1 % and up, which runs off a screen on most programs.
     */
    private static final double SCREEN_THRESHOLD_PERCENT = 3.0;

    private AgentOutput() {
    }

    /** The report, with the {@code show} and {@code hide} patterns of the agent's arguments. */
    static void write(Reports reports, AgentOptions options) throws IOException {
        reports.write(options.format(), reportOptions(options), options.output());
    }

    /**
     * The text call tree for standard error, cut to {@link #SCREEN_LINES} ({@link Reports#textFitting}),
     * drawn from the same trees as the report.
     */
    static String screenTree(Reports reports, AgentOptions options) {
        ReportOptions text = ReportOptions.forStandardError().withShow(options.show()).withHide(options.hide());
        return reports.textFitting(text, SCREEN_THRESHOLD_PERCENT, SCREEN_LINES);
    }

    private static ReportOptions reportOptions(AgentOptions options) {
        return ReportOptions.defaults().withShow(options.show()).withHide(options.hide());
    }
}
