package dev.markata.lifecycle;

import java.util.List;

/**
 * How long each stage and each plugin hook took, as measured so far (a snapshot: read at
 * teardown, the teardown stage itself is not in it yet).
 *
 * @param stages     stages that ran, in order
 * @param hooks      hooks that ran, in the order they ran
 * @param totalNanos wall time from the first stage's start to the snapshot
 */
public record BuildTimings(List<StageTiming> stages, List<HookTiming> hooks, long totalNanos) {

    public BuildTimings {
        stages = List.copyOf(stages);
        hooks = List.copyOf(hooks);
    }

    /** One stage's wall time. */
    public record StageTiming(Stage stage, long nanos, boolean failed) {
    }

    /**
     * One hook's wall time on the main thread, and the per-document tasks it ran on the build
     * executor: how many and their summed time across worker threads.
     */
    public record HookTiming(Stage stage, String pluginId, long nanos, int tasks, long taskNanos, boolean failed) {
    }
}
