package dev.markata.plugins.timer;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.Comparator;
import java.util.Locale;

/**
 * {@code markata.plugins.timer}: at teardown, where the build's wall time went, one line a stage,
 * each starting as markata logs the stage's end ({@code "render complete"}), with its time, its
 * share of the build and the plugin whose hook took most of it; then the build's time from its
 * first stage to the end of save. From the build's own stage and hook timings: no sampling, so it
 * costs nothing to leave on (the profiler, {@code markata.plugins.pyinstrument}, says where inside
 * the code; {@code --verbose} prints every hook's time).
 *
 * <p>markata's own timer module is an unfinished stub (it prints "before call" and opens
 * Python's debugger around glob); this is what its name promises. Printed as progress
 * information: {@code --quiet} hides it. Not in the default set.
 */
public final class TimerPlugin implements Plugin {

    public static final String ID = "markata.plugins.timer";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        setup.hook(Stage.TEARDOWN, context -> context.reporter().info(summary(context)));
    }

    private static String summary(BuildContext context) {
        BuildTimings timings = context.timings();
        double total = Math.max(1, timings.totalNanos());
        StringBuilder text = new StringBuilder("timer: the build's wall time per stage");
        for (BuildTimings.StageTiming stage : timings.stages()) {
            text.append(String.format(Locale.ROOT, "%n  %s %s in %.1f ms (%5.1f%%)", stage.stage().id(),
                    stage.failed() ? "failed" : "complete", stage.nanos() / 1e6, 100 * stage.nanos() / total));
            timings.hooks().stream().filter(hook -> hook.stage() == stage.stage())
                    .max(Comparator.comparingLong(BuildTimings.HookTiming::nanos))
                    .ifPresent(hook -> text.append(String.format(Locale.ROOT, " %s %.1f ms", hook.pluginId(),
                            hook.nanos() / 1e6)));
        }
        return text.append(String.format(Locale.ROOT, "%n  build complete in %.1f ms", timings.totalNanos() / 1e6))
                .toString();
    }
}
