package dev.markata.plugins.profiler;

import dev.markata.MarkataVersion;
import dev.markata.profiler.io.AtomicFiles;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.Stage;
import dev.markata.profiler.io.JsonWriter;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes {@link BuildStats} as JSON for tracking build time in CI ({@code markata build
 * --stats-json FILE}). Times are milliseconds; every document with per-document work is listed,
 * slowest first. The shape:
 *
 * <pre>{@code
 * {"schema": "markata-build-stats/1", "markata_version": "0.1.0",
 *  "finished_at": "2026-12-07T08:05:31.250Z", "outcome": "ok", "wall_ms": 812.5, "cpu_ms": 1490.2,
 *  "stages": [{"stage": "render", "wall_ms": 400.1, "cpu_ms": 760.0, "failed": false}, ...],
 *  "hooks": [{"stage": "render", "plugin": "markata.plugins.render_markdown", "wall_ms": 398.7,
 *             "tasks": 31, "task_ms": 770.2, "failed": false}, ...],
 *  "documents_total": 31,
 *  "documents": [{"document": "posts/a.md", "total_ms": 12.3, "tasks": 4, "warm_up": false,
 *                 "stages": {"load": 1.0, "render": 9.0}}, ...]}
 * }</pre>
 *
 * A failed build adds {@code failed_stage}, {@code failed_plugin}, {@code failed_document} (when
 * per-document) and {@code error} (the first problem, one line). {@code warm_up} marks a document
 * one of whose tasks was the first its thread ran for a plugin's hook: its time includes loading
 * and compiling that code, so a CI check comparing documents' times across builds can leave it out.
 * {@code finished_at} is when the figures were taken (UTC, ISO-8601) and {@code documents_total}
 * how many documents had per-document work.
 *
 * <p>What the JVM did during the build (a profiled build's, and {@code --stats-json}'s) adds,
 * before {@code stages}:
 * <pre>{@code
 *  "jvm": {"gc_pauses": 155, "gc_pause_ms": 430.0, "gc_longest_pause_ms": 12.0, "gc_cycles": 0,
 *          "gc_cycle_ms": 0.0, "jit_ms": 550.0, "compiler_cpu_ms": 610.2, "gc_cpu_ms": 0.0,
 *          "vm_thread_cpu_ms": 452.1, "classes_loaded": 6120, "classes_unloaded": 0},
 * }</pre>
 * and {@code "gc_pause_ms"} to each stage (its part of the pauses, by overlap). Pauses are
 * stop-the-world pauses, each to the millisecond ({@code GcPause}); {@code gc_cycles} are a
 * concurrent collector's cycles (ZGC, Shenandoah), which ran beside the build. The thread CPU
 * figures ({@code compiler_cpu_ms}, {@code gc_cpu_ms}, {@code vm_thread_cpu_ms}) are read from
 * Linux's {@code /proc} and left out elsewhere, as is any figure the JVM did not give. Additive
 * fields: the schema stays {@code markata-build-stats/1}.
 *
 * <p>A profiled build also writes its figures in this schema beside its report
 * ({@code index.stats.json}), for the next profiled build to compare itself with
 * ({@link BuildComparison}); that file lists only the {@link ConsoleSummary#SLOWEST_DOCUMENTS}
 * slowest documents ({@code documents_total} still counts them all), so it stays a few kB at
 * 10,000 posts instead of the 1.7 MB every document takes: the next build reads it on its way.
 */
public final class StatsJson {

    /** The schema name written in every file; bumped when a field changes meaning. */
    public static final String SCHEMA = "markata-build-stats/1";

    private StatsJson() {
    }

    /** Writes {@code stats}, every document, to {@code file} atomically, creating missing folders. */
    public static void write(BuildStats stats, Path file) throws IOException {
        Instant finished = Instant.now();
        AtomicFiles.writeText(file.toAbsolutePath().normalize(), out -> write(stats, finished, Integer.MAX_VALUE, out));
    }

    /**
     * Writes {@code stats} to {@code file} atomically with only the slowest documents the console
     * shows: the figures a profiled build leaves beside its report for the next one.
     */
    static void writeSummary(BuildStats stats, Instant finishedAt, Path file) throws IOException {
        AtomicFiles.writeText(file, out -> write(stats, finishedAt, ConsoleSummary.SLOWEST_DOCUMENTS, out));
    }

    /** {@code stats} as JSON, listing the {@code documents} slowest documents. */
    static void write(BuildStats stats, Instant finishedAt, int documents, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out).beginObject()
                .name("schema").value(SCHEMA)
                .name("markata_version").value(markataVersion())
                .name("finished_at").value(finishedAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .name("outcome").value(stats.outcome());
        if (stats.failure().isPresent()) {
            BuildFailure failure = stats.failure().get();
            json.name("failed_stage").value(failure.stage().id())
                    .name("failed_plugin").value(failure.pluginId());
            if (failure.document().isPresent()) {
                json.name("failed_document").value(failure.document().get());
            }
            json.name("error").value(oneLine(failure.problems().get(0).message()));
        }
        json.name("wall_ms").value(millis(stats.wallNanos()))
                .name("cpu_ms").value(millis(stats.cpuNanos()));
        if (stats.jvm().isPresent()) {
            writeJvm(stats.jvm().get().activity(), json);
        }
        json.name("stages").beginArray();
        for (BuildStats.StageStat stage : stats.stages()) {
            json.beginObject().name("stage").value(stage.stage().id())
                    .name("wall_ms").value(millis(stage.wallNanos()))
                    .name("cpu_ms").value(millis(stage.cpuNanos()));
            if (stats.jvm().isPresent()) {
                json.name("gc_pause_ms").value(millis(stats.jvm().get().pauseNanos(stage.stage())));
            }
            json.name("failed").value(stage.failed()).endObject();
        }
        json.endArray().name("hooks").beginArray();
        for (BuildStats.HookStat hook : stats.hooks()) {
            json.beginObject().name("stage").value(hook.stage().id())
                    .name("plugin").value(hook.pluginId())
                    .name("wall_ms").value(millis(hook.wallNanos()))
                    .name("tasks").value(hook.tasks())
                    .name("task_ms").value(millis(hook.taskNanos()))
                    .name("failed").value(hook.failed()).endObject();
        }
        json.endArray().name("documents_total").value(stats.documents().size()).name("documents").beginArray();
        for (BuildStats.DocumentStat document : stats.slowestDocuments(documents)) {
            json.beginObject().name("document").value(document.document())
                    .name("total_ms").value(millis(document.nanos()))
                    .name("tasks").value(document.tasks())
                    .name("warm_up").value(document.warmUp())
                    .name("stages").beginObject();
            for (Stage stage : Stage.inOrder()) {
                Long nanos = document.stageNanos().get(stage);
                if (nanos != null) {
                    json.name(stage.id()).value(millis(nanos));
                }
            }
            json.endObject().endObject();
        }
        json.endArray().endObject().flush();
    }

    /** The {@code "jvm"} object: what the JVM did during the build; a figure it or the OS did not give is left out. */
    private static void writeJvm(JvmActivity jvm, JsonWriter json) {
        GcPause longest = jvm.longestPause();
        json.name("jvm").beginObject()
                .name("gc_pauses").value(jvm.gcPauses().size())
                .name("gc_pause_ms").value(millis(jvm.pauseNanos()))
                .name("gc_longest_pause_ms").value(millis(longest == null ? 0 : longest.durationNanos()))
                .name("gc_cycles").value(jvm.gcCycles())
                .name("gc_cycle_ms").value(millis(jvm.gcCycleNanos()));
        optional(json, "jit_ms", jvm.jitNanos(), true);
        optional(json, "compiler_cpu_ms", jvm.compilerCpuNanos(), true);
        optional(json, "gc_cpu_ms", jvm.gcCpuNanos(), true);
        optional(json, "vm_thread_cpu_ms", jvm.vmThreadCpuNanos(), true);
        optional(json, "classes_loaded", jvm.classesLoaded(), false);
        optional(json, "classes_unloaded", jvm.classesUnloaded(), false);
        json.endObject();
    }

    private static void optional(JsonWriter json, String name, long value, boolean nanos) {
        if (value == JvmActivity.UNKNOWN) {
            return;
        }
        if (nanos) {
            json.name(name).value(millis(value));
        } else {
            json.name(name).value(value);
        }
    }

    /** Milliseconds with microsecond precision. */
    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    static String oneLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /** The version Maven wrote into {@code dev/markata/version.properties}, or "unknown". */
    static String markataVersion() {
        return Version.VALUE;
    }

    /**
     * The version, read from the jar once: it cannot change while the process runs, and each read
     * opened the jar's resource (a profiled build asked three times, for the session, its figures
     * and the comparison with the previous build).
     */
    private static final class Version {
        static final String VALUE = read();

        private static String read() {
            try {
                return MarkataVersion.current().version();
            } catch (UncheckedIOException e) {
                return "unknown";
            }
        }
    }
}
