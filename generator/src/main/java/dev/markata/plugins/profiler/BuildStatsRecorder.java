package dev.markata.plugins.profiler;

import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures a build with clocks as it runs: stage and hook wall times, the process's CPU time
 * per stage, and the per-document tasks (count and time per document and stage). Works with
 * or without the sampling profiler; register it as a {@link BuildObserver}.
 *
 * <p>Cheap on the per-task path (a clock read is done by the executor already): one map lookup
 * and two atomic adds per task. A task run inside another task on the same thread (a nested
 * batch) is counted within the outer one only, so document times never count twice. A document
 * whose task was the first a thread ran for a hook is marked as warming up: the slowest documents
 * of a cold build are mostly those, slow because the hook's code was loaded and compiled while
 * they ran, and a reader should not go looking in their content for the cause.
 */
public final class BuildStatsRecorder implements BuildObserver {

    private static final int STAGES = Stage.values().length;

    private record HookKey(Stage stage, String pluginId) {
    }

    private record TaskTotals(LongAdder count, LongAdder nanos) {
    }

    /**
     * Per document: time and task count per stage ordinal, and whether one of its tasks was the
     * first its thread ran for a hook.
     */
    private record DocumentTotals(AtomicLongArray nanos, AtomicLongArray tasks, AtomicBoolean warmUp) {
    }

    private final List<BuildStats.StageStat> stages = new ArrayList<>();
    private final List<BuildStats.HookStat> hooks = new ArrayList<>();
    private final Map<HookKey, TaskTotals> tasks = new ConcurrentHashMap<>();
    private final Map<String, DocumentTotals> documents = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> taskDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<Set<HookKey>> hooksRunOnThread = ThreadLocal.withInitial(HashSet::new);
    private long firstStart = -1;
    private long lastEnd = -1;
    private long cpuAtStart;
    private long stageCpuStart;
    private Stage currentStage;
    private long currentStageStart;
    private volatile BuildFailure failure;

    @Override
    public synchronized void stageStarted(Stage stage) {
        long cpu = processCpuNanos();
        if (firstStart < 0) {
            firstStart = System.nanoTime();
            cpuAtStart = cpu;
        }
        stageCpuStart = cpu;
        currentStage = stage;
        currentStageStart = System.nanoTime();
    }

    @Override
    public synchronized void stageFinished(Stage stage, long elapsedNanos, boolean failed) {
        // timed from this observer's own start event, so that work observers registered before
        // it do at a stage's start (starting the profiler) is not counted as the stage's
        long now = System.nanoTime();
        long wall = currentStage == stage ? now - currentStageStart : elapsedNanos;
        stages.add(new BuildStats.StageStat(stage, wall, Math.max(0, processCpuNanos() - stageCpuStart), failed));
        lastEnd = now;
        currentStage = null;
    }

    @Override
    public synchronized void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
        TaskTotals totals = tasks.get(new HookKey(stage, pluginId));
        hooks.add(new BuildStats.HookStat(stage, pluginId, elapsedNanos,
                totals == null ? 0 : (int) totals.count().sum(), totals == null ? 0 : totals.nanos().sum(), failed));
    }

    @Override
    public void taskStarted(TaskContext task) {
        taskDepth.get()[0]++;
    }

    @Override
    public void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
        int[] depth = taskDepth.get();
        depth[0]--;
        if (depth[0] > 0) {
            return; // inside another task on this thread: its time is the outer task's
        }
        HookKey hook = new HookKey(task.stage(), task.pluginId());
        TaskTotals totals = tasks.computeIfAbsent(hook, k -> new TaskTotals(new LongAdder(), new LongAdder()));
        totals.count().increment();
        totals.nanos().add(elapsedNanos);
        DocumentTotals document = documents.computeIfAbsent(task.document(),
                d -> new DocumentTotals(new AtomicLongArray(STAGES), new AtomicLongArray(STAGES), new AtomicBoolean()));
        document.nanos().addAndGet(task.stage().ordinal(), elapsedNanos);
        document.tasks().incrementAndGet(task.stage().ordinal());
        if (hooksRunOnThread.get().add(hook)) {
            document.warmUp().set(true);
        }
    }

    @Override
    public void buildFailed(BuildFailure failure) {
        this.failure = failure;
    }

    /**
     * The build so far: while a stage is still running (the profiler stops inside save), it is
     * included with its time up to now, and the wall time runs to now.
     */
    public synchronized BuildStats snapshot() {
        List<BuildStats.DocumentStat> documentStats = new ArrayList<>(documents.size());
        documents.forEach((name, totals) -> {
            Map<Stage, Long> perStage = new EnumMap<>(Stage.class);
            long sum = 0;
            int count = 0;
            for (Stage stage : Stage.values()) {
                long nanos = totals.nanos().get(stage.ordinal());
                int stageTasks = (int) totals.tasks().get(stage.ordinal());
                if (stageTasks > 0) {
                    perStage.put(stage, nanos);
                    sum += nanos;
                    count += stageTasks;
                }
            }
            documentStats.add(new BuildStats.DocumentStat(name, sum, count, perStage, totals.warmUp().get()));
        });
        long now = System.nanoTime();
        long cpuNow = processCpuNanos();
        List<BuildStats.StageStat> stagesSoFar = new ArrayList<>(stages);
        if (currentStage != null) {
            stagesSoFar.add(new BuildStats.StageStat(currentStage, now - currentStageStart,
                    Math.max(0, cpuNow - stageCpuStart), false));
        }
        long end = currentStage != null || lastEnd < 0 ? now : lastEnd;
        long wall = firstStart < 0 ? 0 : end - firstStart;
        long cpu = firstStart < 0 ? 0 : Math.max(0, cpuNow - cpuAtStart);
        return new BuildStats(stagesSoFar, hooks, documentStats, wall, cpu, Optional.ofNullable(failure));
    }

    /** CPU time of the whole process so far (every thread), or 0 when the JVM does not report it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }
}
