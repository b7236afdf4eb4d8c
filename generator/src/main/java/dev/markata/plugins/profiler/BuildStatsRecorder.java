package dev.markata.plugins.profiler;

import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.profiler.JvmWatch;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures a build with clocks as it runs: stage and hook wall times, the process's CPU time
 * per stage, and the per-document tasks (count and time per document and stage). Works with
 * or without the sampling profiler; register it as a {@link BuildObserver}.
 *
 * <p>Cheap on the per-task path, which a 10,000-post build takes 50,000-70,000 times: each
 * thread appends its tasks to a log of its own (a document, a stage and a time in arrays) and
 * adds them to its own totals of the hook, under a lock only {@link #snapshot} and
 * {@link #hookFinished} ever contend for; the logs are added up per document at the snapshot.
 * Before, every task made two look-ups in maps shared by all threads and four atomic adds
 * (under the C1-only JIT builds run with, ~5 % of a warm build's samples on the workers).
 *
 * <p>A task run inside another task on the same thread (a nested batch) is counted within the
 * outer one only, so document times never count twice. A document whose task was the first a
 * thread ran for a hook is marked as warming up: the slowest documents of a cold build are
 * mostly those, slow because the hook's code was loaded and compiled while they ran, and a
 * reader should not go looking in their content for the cause.
 */
public final class BuildStatsRecorder implements BuildObserver {

    private static final int STAGES = Stage.values().length;

    private record HookKey(Stage stage, String pluginId) {
    }

    /** A hook's tasks on one thread: how many, and their time. */
    private static final class HookTotals {
        long count;
        long nanos;
    }

    /**
     * What one thread recorded: written by that thread (holding its lock, which is all but
     * never contended), read by the snapshot and at a hook's end (holding it too).
     */
    private static final class ThreadTotals {
        /** Tasks open on the thread (only the thread itself reads it): a task inside another is the outer one's time. */
        int depth;
        // the hook of the thread's last task and its totals: a thread runs a hook's tasks in a row
        Stage lastStage;
        String lastPlugin;
        HookTotals lastTotals;
        final Map<HookKey, HookTotals> hooks = new HashMap<>();
        // the log of the thread's (outermost) tasks
        int size;
        String[] documents = new String[256];
        long[] nanos = new long[256];
        /** The stage's ordinal, plus {@link #WARM_UP} when the task was its hook's first on this thread. */
        byte[] stages = new byte[256];

        static final int WARM_UP = 0x40;
        /** The stage's ordinal in {@link #stages} (the enum has 13 stages). */
        static final int STAGE = 0x3f;

        void add(String document, int stage, long taskNanos) {
            if (size == documents.length) {
                int grown = size * 2;
                documents = Arrays.copyOf(documents, grown);
                nanos = Arrays.copyOf(nanos, grown);
                stages = Arrays.copyOf(stages, grown);
            }
            documents[size] = document;
            nanos[size] = taskNanos;
            stages[size] = (byte) stage;
            size++;
        }
    }

    /** Per document, while the logs are added up: time and task count per stage ordinal. */
    private static final class DocumentTotals {
        final long[] nanos = new long[STAGES];
        final int[] tasks = new int[STAGES];
        long sum;
        int count;
        boolean warmUp;
    }

    private final List<BuildStats.StageStat> stages = new ArrayList<>();
    private final List<BuildStats.HookStat> hooks = new ArrayList<>();
    /** Every thread's totals, in the order the threads ran their first task. */
    private final List<ThreadTotals> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadTotals> own = ThreadLocal.withInitial(() -> {
        ThreadTotals totals = new ThreadTotals();
        threads.add(totals);
        return totals;
    });
    private long firstStart = -1;
    /** What the JVM does from the first stage on, when asked for ({@link #watchingTheJvm()}). */
    private final boolean watchJvm;
    private JvmWatch jvm;
    /** Each stage's run, in nanoseconds since the first stage started (the watch's time). */
    private final List<JvmFigures.StageTime> stageTimes = new ArrayList<>();
    private long lastEnd = -1;
    private long cpuAtStart;
    private long stageCpuStart;
    private Stage currentStage;
    private long currentStageStart;
    private volatile BuildFailure failure;

    /** A recorder of the build's figures alone (a profiled build has the JVM's from its session). */
    public BuildStatsRecorder() {
        this(false);
    }

    private BuildStatsRecorder(boolean watchJvm) {
        this.watchJvm = watchJvm;
    }

    /**
     * A recorder that also watches what the JVM does from the first stage on (GC pauses, JIT,
     * classes loaded), for {@code --stats-json}: its figures end at the first snapshot.
     */
    public static BuildStatsRecorder watchingTheJvm() {
        return new BuildStatsRecorder(true);
    }

    @Override
    public synchronized void stageStarted(Stage stage) {
        long cpu = processCpuNanos();
        if (firstStart < 0) {
            if (watchJvm) {
                jvm = JvmWatch.start();
            }
            firstStart = jvm != null ? jvm.zeroNanoTime() : System.nanoTime();
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
        stageTimes.add(new JvmFigures.StageTime(stage, now - wall - firstStart, now - firstStart));
        lastEnd = now;
        currentStage = null;
    }

    @Override
    public synchronized void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
        HookKey key = new HookKey(stage, pluginId);
        long count = 0;
        long nanos = 0;
        for (ThreadTotals thread : threads) {
            synchronized (thread) {
                HookTotals totals = thread.hooks.get(key);
                if (totals != null) {
                    count += totals.count;
                    nanos += totals.nanos;
                }
            }
        }
        hooks.add(new BuildStats.HookStat(stage, pluginId, elapsedNanos, (int) count, nanos, failed));
    }

    @Override
    public void taskStarted(TaskContext task) {
        own.get().depth++;
    }

    @Override
    public void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
        ThreadTotals thread = own.get();
        if (--thread.depth > 0) {
            return; // inside another task on this thread: its time is the outer task's
        }
        synchronized (thread) {
            Stage stage = task.stage();
            String plugin = task.pluginId();
            HookTotals totals = thread.lastTotals;
            int flags = stage.ordinal();
            if (totals == null || thread.lastStage != stage || !thread.lastPlugin.equals(plugin)) {
                HookKey key = new HookKey(stage, plugin);
                totals = thread.hooks.get(key);
                if (totals == null) { // the hook's first task on this thread
                    totals = new HookTotals();
                    thread.hooks.put(key, totals);
                    flags |= ThreadTotals.WARM_UP;
                }
                thread.lastStage = stage;
                thread.lastPlugin = plugin;
                thread.lastTotals = totals;
            }
            totals.count++;
            totals.nanos += elapsedNanos;
            thread.add(task.document(), flags, elapsedNanos);
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
    public BuildStats snapshot() {
        return snapshot(now());
    }

    /** The build's clocks at one moment, for a {@link #snapshot(Moment)} made after it. */
    public record Moment(long nanos, long cpuNanos) {
    }

    /** The clocks now: {@link #snapshot(Moment)} of it counts the build up to here. */
    public Moment now() {
        return new Moment(System.nanoTime(), processCpuNanos());
    }

    /**
     * The build up to {@code at}, as {@link #snapshot()} would have said then, when no task or
     * stage ended since (the profiler takes the moment before it stops, and adds the documents
     * up on another thread while it stops).
     */
    public synchronized BuildStats snapshot(Moment at) {
        long now = at.nanos();
        long cpuNow = at.cpuNanos();
        List<BuildStats.StageStat> stagesSoFar = new ArrayList<>(stages);
        if (currentStage != null) {
            stagesSoFar.add(new BuildStats.StageStat(currentStage, now - currentStageStart,
                    Math.max(0, cpuNow - stageCpuStart), false));
        }
        long end = currentStage != null || lastEnd < 0 ? now : lastEnd;
        long wall = firstStart < 0 ? 0 : end - firstStart;
        long cpu = firstStart < 0 ? 0 : Math.max(0, cpuNow - cpuAtStart);
        Optional<JvmFigures> jvmFigures = Optional.empty();
        if (jvm != null) {
            List<JvmFigures.StageTime> times = new ArrayList<>(stageTimes);
            if (currentStage != null) {
                times.add(new JvmFigures.StageTime(currentStage, currentStageStart - firstStart, now - firstStart));
            }
            jvmFigures = Optional.of(JvmFigures.of(jvm.stop(end), times));
        }
        return new BuildStats(stagesSoFar, hooks, documentStats(), wall, cpu, Optional.ofNullable(failure), jvmFigures);
    }

    /**
     * Every document's tasks, added up from the threads' logs (in no order: {@link BuildStats}
     * sorts them, slowest first). Each task and each document is a method call, not a loop's
     * body: under the launcher's C1-only JIT a method is compiled after 50 calls, a loop only
     * after 10,000 turns (a 10k build logs ~40,000 tasks, which mostly ran in the interpreter).
     */
    private List<BuildStats.DocumentStat> documentStats() {
        Map<String, DocumentTotals> byDocument = new HashMap<>();
        for (ThreadTotals thread : threads) {
            synchronized (thread) {
                for (int i = 0; i < thread.size; i++) {
                    addTask(thread, i, byDocument);
                }
            }
        }
        Stage[] all = Stage.values();
        List<BuildStats.DocumentStat> documents = new ArrayList<>(byDocument.size());
        for (Map.Entry<String, DocumentTotals> entry : byDocument.entrySet()) {
            documents.add(documentStat(entry.getKey(), entry.getValue(), all));
        }
        return documents;
    }

    private static void addTask(ThreadTotals thread, int i, Map<String, DocumentTotals> byDocument) {
        DocumentTotals totals = byDocument.get(thread.documents[i]);
        if (totals == null) {
            totals = new DocumentTotals();
            byDocument.put(thread.documents[i], totals);
        }
        int stage = thread.stages[i] & ThreadTotals.STAGE;
        totals.nanos[stage] += thread.nanos[i];
        totals.tasks[stage]++;
        totals.sum += thread.nanos[i];
        totals.count++;
        totals.warmUp |= (thread.stages[i] & ThreadTotals.WARM_UP) != 0;
    }

    /**
     * One document's figures. Its stages' map is made immutable here (a document has tasks in one
     * or two stages: {@code Map.of}, which the record keeps as it is, instead of an
     * {@code EnumMap} copied into a hashed map for each of 10,000 documents).
     */
    private static BuildStats.DocumentStat documentStat(String name, DocumentTotals totals, Stage[] all) {
        int first = -1;
        int second = -1;
        int count = 0;
        for (int stage = 0; stage < STAGES; stage++) {
            if (totals.tasks[stage] > 0) {
                if (count == 0) {
                    first = stage;
                } else if (count == 1) {
                    second = stage;
                }
                count++;
            }
        }
        Map<Stage, Long> perStage;
        if (count == 0) {
            perStage = Map.of();
        } else if (count == 1) {
            perStage = Map.of(all[first], totals.nanos[first]);
        } else if (count == 2) {
            perStage = Map.of(all[first], totals.nanos[first], all[second], totals.nanos[second]);
        } else {
            Map<Stage, Long> some = new EnumMap<>(Stage.class);
            for (int stage = 0; stage < STAGES; stage++) {
                if (totals.tasks[stage] > 0) {
                    some.put(all[stage], totals.nanos[stage]);
                }
            }
            perStage = some;
        }
        return new BuildStats.DocumentStat(name, totals.sum, totals.count, perStage, totals.warmUp);
    }

    /** CPU time of the whole process so far (every thread), or 0 when the JVM does not report it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.max(0, sun.getProcessCpuTime());
        }
        return 0;
    }
}
