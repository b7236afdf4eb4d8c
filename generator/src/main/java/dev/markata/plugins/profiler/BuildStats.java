package dev.markata.plugins.profiler;

import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.Stage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one build spent its time, measured with clocks (no sampling): per stage, per plugin
 * hook and per document. What {@code --stats-json} writes and the profiler's console summary
 * prints; a snapshot taken by {@link BuildStatsRecorder#snapshot()}.
 *
 * @param stages    stages that ran, in order
 * @param hooks     hooks that ran, in the order they ran
 * @param documents every document that had per-document work, slowest first
 * @param wallNanos from the first stage's start to the snapshot (or to the last stage's end)
 * @param cpuNanos  CPU time of the whole process over the same stretch (0 when the JVM does not say)
 * @param failure   why the build failed, if it did
 * @param jvm       what the JVM did meanwhile (GC pauses, JIT, classes loaded), when it was watched
 */
record BuildStats(List<StageStat> stages, List<HookStat> hooks, List<DocumentStat> documents,
                  long wallNanos, long cpuNanos, Optional<BuildFailure> failure, Optional<JvmFigures> jvm) {

    public BuildStats {
        stages = List.copyOf(stages);
        hooks = List.copyOf(hooks);
        documents = slowestFirst(documents);
    }

    /** Figures without the JVM's. */
    BuildStats(List<StageStat> stages, List<HookStat> hooks, List<DocumentStat> documents, long wallNanos,
               long cpuNanos, Optional<BuildFailure> failure) {
        this(stages, hooks, documents, wallNanos, cpuNanos, failure, Optional.empty());
    }

    /** These figures with what the JVM did (a profiled build's, from its session). */
    BuildStats withJvm(JvmFigures figures) {
        return new BuildStats(stages, hooks, documents, wallNanos, cpuNanos, failure, Optional.of(figures));
    }

    /**
     * {@code documents} slowest first, then by name. One comparator of its own: the stream and
     * composed comparators it replaces (a lambda per key, the time's order reversed) took ~20 ms of
     * a profiled build's stop for 10,000 documents under the C1-only JIT a build runs with.
     */
    static List<DocumentStat> slowestFirst(List<DocumentStat> documents) {
        DocumentStat[] sorted = documents.toArray(new DocumentStat[0]);
        Arrays.sort(sorted, SLOWEST_FIRST);
        return List.of(sorted);
    }

    private static final Comparator<DocumentStat> SLOWEST_FIRST = (a, b) -> a.nanos() != b.nanos()
            ? Long.compare(b.nanos(), a.nanos()) : a.document().compareTo(b.document());

    /**
     * One stage.
     *
     * @param cpuNanos CPU time the whole process used while the stage ran (all threads, GC included)
     */
    public record StageStat(Stage stage, long wallNanos, long cpuNanos, boolean failed) {
    }

    /**
     * One plugin hook: its wall time on the build thread, and the per-document tasks it handed
     * to the build executor (how many, and their time summed over the worker threads).
     */
    public record HookStat(Stage stage, String pluginId, long wallNanos, int tasks, long taskNanos, boolean failed) {
    }

    /**
     * One document's per-document work, summed over its tasks.
     *
     * @param nanos       all its tasks' time
     * @param stageNanos  that time per stage, in stage order (stages with none are left out)
     * @param warmUp      one of its tasks was the first its thread ran for that plugin's hook, so
     *                    its time includes loading and compiling the hook's code
     */
    public record DocumentStat(String document, long nanos, int tasks, Map<Stage, Long> stageNanos, boolean warmUp) {
        public DocumentStat {
            stageNanos = Map.copyOf(stageNanos);
        }
    }

    /** "ok", "failed" or "interrupted" (the process was being stopped). */
    public String outcome() {
        return failure.map(BuildStats::outcomeOf).orElse("ok");
    }

    static String outcomeOf(BuildFailure failure) {
        return failure.interrupted() ? "interrupted" : "failed";
    }

    /** The {@code count} slowest documents. */
    public List<DocumentStat> slowestDocuments(int count) {
        return documents.subList(0, Math.min(count, documents.size()));
    }

    /** Hooks by wall time, largest first. */
    public List<HookStat> hotspots() {
        return hooks.stream().sorted(Comparator.comparingLong(HookStat::wallNanos).reversed()).toList();
    }
}
