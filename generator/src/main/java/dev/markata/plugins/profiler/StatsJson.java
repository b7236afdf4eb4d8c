package dev.markata.plugins.profiler;

import dev.markata.MarkataVersion;
import dev.markata.profiler.io.AtomicFiles;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.Stage;
import dev.markata.profiler.io.JsonWriter;
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
        json.name("stages").beginArray();
        for (BuildStats.StageStat stage : stats.stages()) {
            json.beginObject().name("stage").value(stage.stage().id())
                    .name("wall_ms").value(millis(stage.wallNanos()))
                    .name("cpu_ms").value(millis(stage.cpuNanos()))
                    .name("failed").value(stage.failed()).endObject();
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
