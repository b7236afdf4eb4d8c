package dev.markata.plugins.profiler;

import dev.markata.lifecycle.Stage;
import dev.markata.plugins.load.LoadPlugin;
import dev.markata.plugins.render_markdown.RenderMarkdownPlugin;
import dev.markata.profiler.model.JvmActivity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one build's comparison with another needs of it: its clock figures per stage and hook,
 * when it finished and how much work it did. Made from this build's {@link BuildStats}, or read
 * back from the {@link StatsJson} file the previous profiled build left beside its report; stage
 * ids are kept as text, so a file of a build whose stages differ still reads.
 *
 * @param finishedAt     when the figures were taken
 * @param outcome        "ok", "failed" or "interrupted"
 * @param failedStage    the stage it failed in ("" when it did not)
 * @param markataVersion the version that built it
 * @param documents      documents with per-document work
 * @param stages         stages in the order they ran
 * @param hooks          hooks in the order they ran (a plugin's hooks in one stage added up)
 * @param gcPauses       the JVM's GC pauses during the build, or {@link #UNKNOWN} (the JVM's figures
 *                       were not recorded, or a file written before they were has none)
 * @param gcPauseNanos   their summed length, or {@link #UNKNOWN}
 */
record BuildFigures(Instant finishedAt, String outcome, String failedStage, String markataVersion, long wallNanos,
                    long cpuNanos, int documents, List<StageFigures> stages, List<HookFigures> hooks, int gcPauses,
                    long gcPauseNanos) {

    /** A figure the build did not give. */
    static final int UNKNOWN = -1;

    BuildFigures {
        stages = List.copyOf(stages);
        hooks = List.copyOf(hooks);
    }

    record StageFigures(String stage, long wallNanos, long cpuNanos) {
    }

    /** One plugin's hooks in one stage: their wall time and the per-document tasks they handed out. */
    record HookFigures(String stage, String plugin, long wallNanos, int tasks) {

        String key() {
            return stage + " " + plugin;
        }
    }

    static BuildFigures of(BuildStats stats, Instant finishedAt) {
        List<StageFigures> stages = new ArrayList<>();
        for (BuildStats.StageStat stage : stats.stages()) {
            stages.add(new StageFigures(stage.stage().id(), stage.wallNanos(), stage.cpuNanos()));
        }
        Map<String, HookFigures> hooks = new LinkedHashMap<>();
        for (BuildStats.HookStat hook : stats.hooks()) {
            add(hooks, new HookFigures(hook.stage().id(), hook.pluginId(), hook.wallNanos(), hook.tasks()));
        }
        String failedStage = stats.failure().isPresent() ? stats.failure().get().stage().id() : "";
        int gcPauses = UNKNOWN;
        long gcPauseNanos = UNKNOWN;
        if (stats.jvm().isPresent()) {
            JvmActivity jvm = stats.jvm().get().activity();
            gcPauses = jvm.gcPauses().size();
            gcPauseNanos = jvm.pauseNanos();
        }
        return new BuildFigures(finishedAt, stats.outcome(), failedStage, StatsJson.markataVersion(), stats.wallNanos(),
                stats.cpuNanos(), stats.documents().size(), stages, List.copyOf(hooks.values()), gcPauses, gcPauseNanos);
    }

    /**
     * Adds {@code hook} to its plugin's figures in its stage. No lambdas here or in the comparison:
     * each one's first call links a class at run time, ~0.3 ms apiece on the build's way out.
     */
    private static void add(Map<String, HookFigures> hooks, HookFigures hook) {
        HookFigures earlier = hooks.get(hook.key());
        hooks.put(hook.key(), earlier == null ? hook : new HookFigures(hook.stage(), hook.plugin(),
                earlier.wallNanos() + hook.wallNanos(), earlier.tasks() + hook.tasks()));
    }

    /**
     * The figures of a {@link StatsJson} object ({@code schema} checked by the caller);
     * {@code fileTime} stands in for a missing {@code finished_at} (a file written before it was).
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong type
     */
    static BuildFigures fromJson(Map<?, ?> json, Instant fileTime) {
        long wall = nanos(json, "wall_ms", "");
        long cpu = nanos(json, "cpu_ms", "");
        String outcome = text(json, "outcome", "");
        List<StageFigures> stages = new ArrayList<>();
        for (Map<?, ?> stage : objects(json, "stages")) {
            stages.add(new StageFigures(text(stage, "stage", "stages[]"), nanos(stage, "wall_ms", "stages[]"),
                    nanos(stage, "cpu_ms", "stages[]")));
        }
        Map<String, HookFigures> hooks = new LinkedHashMap<>();
        for (Map<?, ?> hook : objects(json, "hooks")) {
            add(hooks, new HookFigures(text(hook, "stage", "hooks[]"), text(hook, "plugin", "hooks[]"),
                    nanos(hook, "wall_ms", "hooks[]"), (int) number(hook, "tasks", "hooks[]")));
        }
        Instant finished = fileTime;
        if (json.get("finished_at") != null) {
            try {
                finished = Instant.parse(text(json, "finished_at", ""));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("finished_at is \"" + json.get("finished_at")
                        + "\", not a time like 2026-12-07T08:05:31Z");
            }
        }
        int documents = json.get("documents_total") != null ? (int) number(json, "documents_total", "")
                : objects(json, "documents").size();
        int gcPauses = UNKNOWN;
        long gcPauseNanos = UNKNOWN;
        Object jvm = json.get("jvm");
        if (jvm != null) { // a file written before the JVM's figures were, or a build that did not record them, has none
            if (!(jvm instanceof Map<?, ?> figures)) {
                throw wrong("jvm", "", jvm, "an object");
            }
            gcPauses = (int) number(figures, "gc_pauses", "jvm");
            gcPauseNanos = nanos(figures, "gc_pause_ms", "jvm");
        }
        return new BuildFigures(finished, outcome,
                json.get("failed_stage") != null ? text(json, "failed_stage", "") : "",
                json.get("markata_version") != null ? text(json, "markata_version", "") : "",
                wall, cpu, documents, stages, List.copyOf(hooks.values()), gcPauses, gcPauseNanos);
    }

    /** Whether the build's GC pauses are known (a profiled build's that recorded the JVM's figures). */
    boolean gcPausesKnown() {
        return gcPauses != UNKNOWN && gcPauseNanos != UNKNOWN;
    }

    /** Documents the load stage read (from their files or its cache), or -1 when markata's load plugin did not run. */
    int loaded() {
        return tasks(Stage.LOAD.id(), LoadPlugin.ID);
    }

    /**
     * Documents whose Markdown the render stage rendered again, or -1 without markata's
     * render_markdown plugin: the skip plugin leaves out those whose sources, templates and
     * settings did not change since the last build, and they cost no task.
     */
    int rendered() {
        return tasks(Stage.RENDER.id(), RenderMarkdownPlugin.ID);
    }

    /** Documents loaded but not rendered again (found unchanged), or -1 when either is unknown. */
    int skipped() {
        int loaded = loaded();
        int rendered = rendered();
        return loaded < 0 || rendered < 0 ? -1 : Math.max(0, loaded - rendered);
    }

    private int tasks(String stage, String plugin) {
        for (HookFigures hook : hooks) {
            if (hook.stage().equals(stage) && hook.plugin().equals(plugin)) {
                return hook.tasks();
            }
        }
        return -1;
    }

    private static List<Map<?, ?>> objects(Map<?, ?> json, String field) {
        if (!(json.get(field) instanceof List<?> list)) {
            throw wrong(field, "", json.get(field), "a list");
        }
        List<Map<?, ?>> objects = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> object)) {
                throw wrong(field + "[]", "", item, "an object");
            }
            objects.add(object);
        }
        return objects;
    }

    private static String text(Map<?, ?> json, String field, String where) {
        if (json.get(field) instanceof String text) {
            return text;
        }
        throw wrong(field, where, json.get(field), "a string");
    }

    private static double number(Map<?, ?> json, String field, String where) {
        if (json.get(field) instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        throw wrong(field, where, json.get(field), "a number");
    }

    private static long nanos(Map<?, ?> json, String field, String where) {
        return Math.round(number(json, field, where) * 1e6);
    }

    private static IllegalArgumentException wrong(String field, String where, Object value, String allowed) {
        String name = where.isEmpty() ? field : where + "." + field;
        if (value == null) {
            return new IllegalArgumentException(name + " is missing");
        }
        String shown = value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return new IllegalArgumentException(name + " is " + shown + ", not " + allowed);
    }
}
