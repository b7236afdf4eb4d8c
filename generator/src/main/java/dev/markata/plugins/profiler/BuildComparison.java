package dev.markata.plugins.profiler;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Did my change make the build slower?": a profiled build's figures beside the previous profiled
 * build's, for the end of the console summary and for the report's Build tab.
 *
 * <p>The total wall and CPU time always, and the JVM's GC pauses when both builds recorded them
 * (a file written before they were has none: the comparison leaves them out); then the stages
 * and plugin hooks that moved by at least {@link #FLOOR_NANOS} and {@link #FLOOR_SHARE} of their earlier time, largest change first. The
 * clocks themselves are exact, but two builds of an unchanged site are not: six warm builds of
 * examples/blog (load 3 on 2 cores) moved a stage by 5-23 ms from run to run (a garbage
 * collection, a descheduled thread), so 20 ms keeps that jitter of small stages out, and 5 % that
 * of a big one (a 2 s render moving by 60 ms). Nothing keeps out a busy machine: six warm builds
 * of a 1,000-post corpus at load 3.6 moved the load stage's wall time by up to 300 ms while its
 * CPU time moved by 10 ms (the process CPU clock's tick here), which is why each stage's CPU
 * change is printed beside its wall change: wall time that is not CPU time is waiting, or other
 * programs.
 *
 * <p>It also says what makes the two comparable or not: when the previous build ran, and the work
 * each did (documents loaded, rendered again, skipped as unchanged). A warm build after a cold one
 * is faster because it skipped work, not because the code got faster, and the note says so
 * instead of leaving a "-80 %" to be read as a speed-up.
 *
 * <p>One comparison serves the profiled build's three uses of it (the summary's block, the
 * report's address, the Build tab's metadata): the stages and hooks of the two builds are paired
 * once, when it is made.
 */
final class BuildComparison {

    /** A stage or hook moved when its wall time changed by at least this much... */
    static final long FLOOR_NANOS = 20_000_000L;
    /** ... and by at least this share of its earlier time. */
    static final double FLOOR_SHARE = 0.05;
    /** Stages and hooks listed each, unless --verbose. */
    private static final int SHOWN = 3;
    static final String HEADER = "Compared with the previous profiled build";

    private final BuildFigures before;
    private final BuildFigures now;
    /** The stages and hooks of both builds, paired by name, in this build's order, then the previous one's. */
    private final List<Change> stages;
    private final List<Change> hooks;

    private BuildComparison(BuildFigures before, BuildFigures now) {
        this.before = before;
        this.now = now;
        this.stages = stages(before, now);
        this.hooks = hooks(before, now);
    }

    /** {@code now}, a profiled build, beside {@code before}, the previous profiled build of the site. */
    static BuildComparison of(BuildFigures before, BuildFigures now) {
        return new BuildComparison(before, now);
    }

    /** One stage's or hook's time in both builds (0 where a build did not run it). */
    private record Change(String label, long before, long now, long cpuBefore, long cpuNow, boolean inBefore,
                          boolean inNow) {

        long delta() {
            return now - before;
        }

        boolean moved() {
            long change = Math.abs(delta());
            return change >= FLOOR_NANOS && (before == 0 || change >= FLOOR_SHARE * before);
        }
    }

    /** The block printed at the end of the console summary, without a trailing line break. */
    String render(boolean verbose) {
        StringBuilder out = new StringBuilder();
        String elapsed = elapsed(before.finishedAt(), now.finishedAt());
        out.append(HEADER).append(" (").append(elapsed.isEmpty() ? "" : elapsed + " ago, ")
                .append(when(before.finishedAt())).append("):\n");
        out.append(row("build wall", before.wallNanos(), now.wallNanos(), 1)).append('\n');
        // the process clock counts 10 ms ticks on Linux: a tenth of a millisecond would be noise
        out.append(row("build CPU", before.cpuNanos(), now.cpuNanos(), 0)).append('\n');
        if (before.gcPausesKnown() && now.gcPausesKnown()) {
            // each pause is timed to the millisecond: whole milliseconds, as the stage table's GC column
            out.append(row("GC pauses", before.gcPauseNanos(), now.gcPauseNanos(), 0)).append("  (")
                    .append(before.gcPauses()).append(" -> ").append(now.gcPauses()).append(" pauses)\n");
        }
        out.append("  before: ").append(work(before)).append('\n');
        out.append("  now: ").append(work(now)).append('\n');
        for (String note : notes(before, now)) {
            out.append("  note: ").append(note).append('\n');
        }
        List<Change> movedStages = moved(stages);
        List<Change> movedHooks = moved(hooks);
        String floor = String.format(Locale.ROOT, "by %.0f ms and %.0f%% or more", FLOOR_NANOS / 1e6, FLOOR_SHARE * 100);
        if (movedStages.isEmpty() && movedHooks.isEmpty()) {
            out.append("  no stage or hook moved ").append(floor).append('\n');
        }
        if (!movedStages.isEmpty()) {
            int shown = verbose ? movedStages.size() : Math.min(SHOWN, movedStages.size());
            out.append(String.format(Locale.ROOT, "  stages that moved %s (%d of %d):%n", floor, shown, stages.size()));
            for (Change stage : movedStages.subList(0, shown)) {
                out.append("  ").append(row(stage.label(), stage)).append(String.format(Locale.ROOT, "  CPU %+.0f ms",
                        (stage.cpuNow() - stage.cpuBefore()) / 1e6)).append('\n');
            }
        }
        if (!movedHooks.isEmpty()) {
            int shown = verbose ? movedHooks.size() : Math.min(SHOWN, movedHooks.size());
            out.append(String.format(Locale.ROOT, "  hooks that moved %s (%d of %d):%n", floor, shown, hooks.size()));
            int width = 0;
            for (Change hook : movedHooks.subList(0, shown)) {
                width = Math.max(width, hook.label().length());
            }
            for (Change hook : movedHooks.subList(0, shown)) {
                out.append("  ").append(row(String.format(Locale.ROOT, "%-" + width + "s", hook.label()), hook))
                        .append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /**
     * Whether a stage of {@code now} took longer than in {@code before}, by more than the floor:
     * the report then opens on its Build tab, where the two builds stand side by side.
     */
    boolean aStageGotSlower() {
        for (Change stage : stages) {
            if (stage.moved() && stage.delta() > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The previous build's figures for the report's Build tab, as session metadata: the report
     * shows {@code baseline.stage.<stage>} beside each stage's wall time (nanoseconds), with the
     * change, under {@code baseline.label}, and {@code baseline.gc_pauses} and
     * {@code baseline.gc_pause_nanos} beside its JVM line when both builds recorded their pauses.
     */
    Map<String, String> baseline() {
        Map<String, String> metadata = new LinkedHashMap<>();
        String elapsed = elapsed(before.finishedAt(), now.finishedAt());
        metadata.put("baseline.label", "the previous profiled build, " + when(before.finishedAt())
                + (elapsed.isEmpty() ? "" : " (" + elapsed + " before this one)") + ": " + work(before));
        metadata.put("baseline.build_wall_nanos", Long.toString(before.wallNanos()));
        // the page colours only what the console would list (its 5 % share is the page's own)
        metadata.put("baseline.floor_nanos", Long.toString(FLOOR_NANOS));
        if (before.gcPausesKnown() && now.gcPausesKnown()) { // shown beside the JVM line, as in the console
            metadata.put("baseline.gc_pauses", Integer.toString(before.gcPauses()));
            metadata.put("baseline.gc_pause_nanos", Long.toString(before.gcPauseNanos()));
        }
        for (BuildFigures.StageFigures stage : before.stages()) {
            String key = "baseline.stage." + stage.stage();
            String earlier = metadata.get(key);
            metadata.put(key, Long.toString(stage.wallNanos() + (earlier == null ? 0 : Long.parseLong(earlier))));
        }
        return metadata;
    }

    /** The one line printed instead of a comparison when the previous figures are in another schema. */
    static String notCompared(PreviousBuild.OtherSchema other) {
        return "Previous profiled build not compared: " + other.file() + " has schema " + other.schema()
                + " (this version reads " + StatsJson.SCHEMA + "); this build's figures replace it";
    }

    /** The warning for a previous file that cannot be read. */
    static String damaged(PreviousBuild.Damaged damaged) {
        return "not compared with the previous profiled build: its figures in " + damaged.file() + " cannot be used ("
                + damaged.problem() + "); this build's figures replace them";
    }

    /** "2026-12-07 08:05 UTC" (by hand: a DateTimeFormatter's pattern is parsed and built on first use). */
    private static String when(Instant instant) {
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return time.getYear() + "-" + twoDigits(time.getMonthValue()) + "-" + twoDigits(time.getDayOfMonth()) + " "
                + twoDigits(time.getHour()) + ":" + twoDigits(time.getMinute()) + " UTC";
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /** "3 min" from {@code then} to {@code now} (empty when the clock went backwards). */
    private static String elapsed(Instant then, Instant now) {
        long seconds = Duration.between(then, now).getSeconds();
        if (seconds < 0) {
            return "";
        }
        return seconds < 120 ? seconds + " s" : seconds < 120 * 60 ? seconds / 60 + " min"
                : seconds < 48 * 3600 ? seconds / 3600 + " h" : seconds / 86_400 + " days";
    }

    /** "32 documents, 32 loaded, 0 rendered, 32 skipped (warm)": what the build had to do. */
    private static String work(BuildFigures build) {
        StringBuilder out = new StringBuilder(documents(build.documents()));
        if (build.loaded() >= 0) {
            out.append(", ").append(build.loaded()).append(" loaded");
        }
        if (build.rendered() >= 0) {
            out.append(", ").append(build.rendered()).append(" rendered");
        }
        if (build.skipped() >= 0) {
            // cold: every document rendered (no cache, or everything changed); warm: some were skipped
            out.append(", ").append(build.skipped()).append(" skipped (").append(build.skipped() == 0 ? "cold" : "warm")
                    .append(')');
        }
        return out.toString();
    }

    private static String documents(int count) {
        return count == 1 ? "1 document" : count + " documents";
    }

    /** What makes the two builds' times differ besides the code. */
    private static List<String> notes(BuildFigures before, BuildFigures now) {
        List<String> notes = new ArrayList<>();
        if (!before.outcome().equals("ok")) {
            notes.add("the previous build " + before.outcome() + (before.failedStage().isEmpty() ? ""
                    : " in stage " + before.failedStage()) + ": its figures stop where it stopped");
        }
        if (before.documents() != now.documents()) {
            notes.add("the builds had different numbers of documents (" + before.documents() + " before, "
                    + now.documents() + " now): their times differ by that work too");
        } else if (before.rendered() >= 0 && now.rendered() >= 0 && before.rendered() != now.rendered()) {
            notes.add(now.rendered() < before.rendered()
                    ? "this build rendered " + documents(now.rendered()) + " again, the previous one " + before.rendered()
                            + ": the time saved is work skipped (unchanged documents), not a speed-up of the code"
                    : "this build rendered " + documents(now.rendered()) + " again, the previous one " + before.rendered()
                            + ": the time added is that work, not a slow-down of the code");
        }
        if (!before.markataVersion().isEmpty() && !before.markataVersion().equals(now.markataVersion())) {
            notes.add("the previous build ran markata-java " + before.markataVersion() + ", this one "
                    + now.markataVersion());
        }
        return notes;
    }

    private static List<Change> stages(BuildFigures before, BuildFigures now) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (BuildFigures.StageFigures stage : now.stages()) {
            add(changes, stage.stage(), new Change(stage.stage(), 0, stage.wallNanos(), 0, stage.cpuNanos(), false, true));
        }
        for (BuildFigures.StageFigures stage : before.stages()) {
            add(changes, stage.stage(), new Change(stage.stage(), stage.wallNanos(), 0, stage.cpuNanos(), 0, true, false));
        }
        return List.copyOf(changes.values());
    }

    private static List<Change> hooks(BuildFigures before, BuildFigures now) {
        Map<String, Change> changes = new LinkedHashMap<>();
        for (BuildFigures.HookFigures hook : now.hooks()) {
            add(changes, hook.key(), new Change(hookLabel(hook), 0, hook.wallNanos(), 0, 0, false, true));
        }
        for (BuildFigures.HookFigures hook : before.hooks()) {
            add(changes, hook.key(), new Change(hookLabel(hook), hook.wallNanos(), 0, 0, 0, true, false));
        }
        return List.copyOf(changes.values());
    }

    /** Adds {@code change} to the one under {@code key} (no lambdas: see {@link BuildFigures}). */
    private static void add(Map<String, Change> changes, String key, Change change) {
        Change earlier = changes.get(key);
        changes.put(key, earlier == null ? change : new Change(earlier.label(), earlier.before() + change.before(),
                earlier.now() + change.now(), earlier.cpuBefore() + change.cpuBefore(), earlier.cpuNow() + change.cpuNow(),
                earlier.inBefore() || change.inBefore(), earlier.inNow() || change.inNow()));
    }

    /** "render     markata.plugins.post_template" (concatenated: made for every hook of both builds). */
    private static String hookLabel(BuildFigures.HookFigures hook) {
        StringBuilder label = new StringBuilder(hook.stage());
        while (label.length() < 10) {
            label.append(' ');
        }
        return label.append(' ').append(hook.plugin()).toString();
    }

    /** The changes over the floor, largest first. */
    private static List<Change> moved(List<Change> changes) {
        List<Change> moved = new ArrayList<>();
        for (Change change : changes) {
            if (change.moved()) {
                moved.add(change);
            }
        }
        moved.sort(LARGEST_FIRST);
        return moved;
    }

    /** A class of its own rather than a lambda (see {@link BuildFigures}). */
    private static final Comparator<Change> LARGEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Change a, Change b) {
            return Long.compare(Math.abs(b.delta()), Math.abs(a.delta()));
        }
    };

    private static String row(String label, long before, long now, int decimals) {
        return row(label, new Change(label, before, now, 0, 0, true, true), decimals);
    }

    /** "render      400.1 ->      14.3 ms    -385.8 ms   -96%", or "new" / "gone" for a side that did not run it. */
    private static String row(String label, Change change) {
        return row(label, change, 1);
    }

    private static String row(String label, Change change, int decimals) {
        if (!change.inBefore()) {
            return String.format(Locale.ROOT, "  %-14s new %9.1f ms", label, change.now() / 1e6);
        }
        if (!change.inNow()) {
            return String.format(Locale.ROOT, "  %-14s gone (was %.1f ms)", label, change.before() / 1e6);
        }
        String share = change.before() > 0
                ? String.format(Locale.ROOT, "%+5.0f%%", 100.0 * change.delta() / change.before()) : "";
        String millis = "%9." + decimals + "f";
        return String.format(Locale.ROOT, "  %-14s " + millis + " -> " + millis + " ms  %+10." + decimals + "f ms  %s", label,
                change.before() / 1e6, change.now() / 1e6, change.delta() / 1e6, share);
    }
}
