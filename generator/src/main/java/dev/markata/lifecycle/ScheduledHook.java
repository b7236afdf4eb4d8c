package dev.markata.lifecycle;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One plugin's hook for one stage, ready to run.
 *
 * @param stage     the stage
 * @param priority  first / normal / last within the stage
 * @param pluginId  the plugin's id
 * @param listIndex the plugin's position in the resolved {@code hooks} list (ties within a priority);
 *                  negative for a hook that runs before the stage's others
 *                  ({@code PluginSetup.hookBeforeOthers})
 * @param call      runs the hook
 */
public record ScheduledHook(Stage stage, Priority priority, String pluginId, int listIndex, Call call) {

    /** Runs the hook; anything it throws fails the build at this hook. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /** Priority first, then list order; stable for hooks of one plugin registered in order. */
    public static final Comparator<ScheduledHook> ORDER =
            Comparator.comparing(ScheduledHook::priority).thenComparingInt(ScheduledHook::listIndex);

    public ScheduledHook {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(call, "call");
    }

    /** The hooks of {@code stage}, in the order they run. */
    public static List<ScheduledHook> forStage(List<ScheduledHook> hooks, Stage stage) {
        return hooks.stream().filter(h -> h.stage() == stage).sorted(ORDER).toList();
    }
}
