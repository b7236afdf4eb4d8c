package dev.markata.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Collects stage and hook times (written by the main thread) and per-document task times
 * (written by workers, into adders keyed by stage and plugin). Cheap: one clock read on each
 * side of each call.
 */
public final class TimingRecorder {

    /** equals and hashCode by hand: a record's own are method handles, linked on first use and not inlined by C1. */
    private record TaskKey(Stage stage, String pluginId) {
        @Override
        public boolean equals(Object other) {
            return other instanceof TaskKey key && stage == key.stage && pluginId.equals(key.pluginId);
        }

        @Override
        public int hashCode() {
            return 31 * stage.hashCode() + pluginId.hashCode();
        }
    }

    private record TaskTotals(LongAdder count, LongAdder nanos) {
    }

    private final long startNanos = System.nanoTime();
    private final List<BuildTimings.StageTiming> stages = new ArrayList<>();
    private final List<BuildTimings.HookTiming> hooks = new ArrayList<>();
    private final Map<TaskKey, TaskTotals> tasks = new ConcurrentHashMap<>();

    synchronized void stage(Stage stage, long nanos, boolean failed) {
        stages.add(new BuildTimings.StageTiming(stage, nanos, failed));
    }

    synchronized void hook(Stage stage, String pluginId, long nanos, boolean failed) {
        TaskTotals totals = tasks.get(new TaskKey(stage, pluginId));
        int count = totals == null ? 0 : (int) totals.count().sum();
        long taskNanos = totals == null ? 0 : totals.nanos().sum();
        hooks.add(new BuildTimings.HookTiming(stage, pluginId, nanos, count, taskNanos, failed));
    }

    void task(TaskContext task, long nanos) {
        TaskTotals totals = tasks.computeIfAbsent(new TaskKey(task.stage(), task.pluginId()),
                k -> new TaskTotals(new LongAdder(), new LongAdder()));
        totals.count().increment();
        totals.nanos().add(nanos);
    }

    public synchronized BuildTimings snapshot() {
        return new BuildTimings(stages, hooks, System.nanoTime() - startNanos);
    }
}
