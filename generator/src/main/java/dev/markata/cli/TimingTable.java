package dev.markata.cli;

import dev.markata.lifecycle.BuildTimings;
import java.io.PrintStream;

/** The {@code --verbose} table of stage and hook times. */
final class TimingTable {

    private TimingTable() {
    }

    static void print(BuildTimings timings, PrintStream out) {
        out.printf("%-44s %10s %7s %12s%n", "stage / plugin", "wall ms", "tasks", "task ms");
        for (BuildTimings.StageTiming stage : timings.stages()) {
            out.printf("%-44s %10.1f%s%n", stage.stage().id(), stage.nanos() / 1e6, stage.failed() ? "  FAILED" : "");
            for (BuildTimings.HookTiming hook : timings.hooks()) {
                if (hook.stage() == stage.stage()) {
                    out.printf("  %-42s %10.1f %7s %12s%s%n", hook.pluginId(), hook.nanos() / 1e6,
                            hook.tasks() == 0 ? "" : String.valueOf(hook.tasks()),
                            hook.tasks() == 0 ? "" : String.format("%.1f", hook.taskNanos() / 1e6),
                            hook.failed() ? "  FAILED" : "");
                }
            }
        }
        out.printf("%-44s %10.1f%n", "total", timings.totalNanos() / 1e6);
    }
}
