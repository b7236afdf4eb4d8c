package dev.markata.plugins.profiler;

import dev.markata.lifecycle.Stage;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the profiler prints after a build: a one-line header, a stage table (wall time, share,
 * CPU time, and from the samples the share of the stage's work spent running or waiting), the
 * plugin hooks that took longest, the slowest documents with their time per stage, and the call
 * tree. Screen-sized by default (top hooks, a tree cut to a depth and threshold, at most
 * {@link #SCREEN_LINES} lines in all); with {@code --verbose} every hook and the whole tree.
 */
final class ConsoleSummary {

    static final int SLOWEST_DOCUMENTS = 10;
    /** The most lines the short summary takes: its tree shows fewer nodes when the rest would not fit. */
    static final int SCREEN_LINES = 100;
    private static final int HOTSPOTS = 5;
    /** Said once above the slowest documents when some of them are marked as warming up. */
    static final String WARM_UP_NOTE = "; * ran the first task of a plugin on its thread: its time includes"
            + " loading and compiling that plugin's code";
    /** The short tree: levels below each thread, and the smallest share shown. */
    private static final int SHORT_TREE_DEPTH = 18;
    private static final double SHORT_TREE_THRESHOLD_PERCENT = 3.0;
    /** Stages shorter than this are left out of the short table (most of markata's early stages). */
    private static final long TINY_STAGE_NANOS = 500_000;

    /**
     * The short tree folds the command line and the stage loop (a dozen frames above every
     * plugin hook) into one line, like library code, so the screen starts at the plugins.
     */
    private static final List<String> SCAFFOLDING = List.of("dev.markata.cli.*", "picocli.*",
            "dev.markata.Markata", "dev.markata.Markata$*", "dev.markata.lifecycle.StageRunner*");

    private ConsoleSummary() {
    }

    /** The thread that ran the stages (the work handed to workers is grafted into its tree). */
    private static Long buildThread(Session session) {
        return session.spans().stream().filter(s -> s.category().equals("stage")).findFirst()
                .map(s -> s.threadId()).orElse(null);
    }

    /**
     * @param reports   the profile's reports, those the build writes too, so the tree is built once
     *                  for them all (null when the sampler did not run: no tree, no CPU split)
     * @param stats     the clock-measured build figures
     * @param options   the report options from the configuration
     * @param verbose   the full list of hooks and the whole tree
     * @param ending    printed last, after the tree, which leaves room for it on the screen: the
     *                  comparison with the previous profiled build ("" for none)
     */
    static String render(Reports reports, BuildStats stats, ReportOptions options, boolean verbose, String ending) {
        Session session = reports == null ? null : reports.session();
        StringBuilder out = new StringBuilder();
        header(session, stats, out);
        stats.jvm().ifPresent(jvm -> jvm(jvm, stats, verbose, options.unicode() ? " · " : "; ", out));
        stages(session, stats, verbose, out);
        hotspots(stats, verbose, out);
        documents(stats, out);
        if (session != null) {
            ReportOptions tree = options.withUnit(ReportOptions.Unit.SECONDS);
            String text;
            if (!verbose && !options.showAll()) {
                double configured = options.thresholdPercent() == null ? 0 : options.thresholdPercent();
                List<String> hide = new ArrayList<>(options.hide());
                hide.addAll(SCAFFOLDING);
                tree = tree.withMaxDepth(SHORT_TREE_DEPTH).withHide(hide).withThreadId(buildThread(session));
                // at a higher threshold where 3 % would run off the screen (Reports.textFitting),
                // leaving room for the ending
                int endingLines = ending.isEmpty() ? 0 : 1 + (int) ending.lines().count();
                text = reports.textFitting(tree, Math.max(configured, SHORT_TREE_THRESHOLD_PERCENT),
                        SCREEN_LINES - 1 - (int) out.toString().lines().count() - endingLines);
            } else {
                text = reports.render(ReportFormat.TEXT, tree).stripTrailing();
            }
            out.append('\n').append(text).append('\n');
        }
        if (!ending.isEmpty()) {
            out.append('\n').append(ending).append('\n');
        }
        return out.toString();
    }

    private static void header(Session session, BuildStats stats, StringBuilder out) {
        out.append(String.format(Locale.ROOT, "Build profile: %s wall, %s CPU", seconds(stats.wallNanos()),
                seconds(stats.cpuNanos())));
        if (session != null) {
            out.append(String.format(Locale.ROOT, ", %,d samples (%s, %s, every %s ms)", session.sampleCount(),
                    session.sampler().name(), session.timeMode() == TimeMode.CPU ? "CPU time" : "wall clock",
                    trim(session.interval().toNanos() / 1e6)));
        }
        if (!stats.outcome().equals("ok")) {
            out.append(" - build ").append(stats.outcome());
            stats.failure().ifPresent(f -> out.append(" in stage ").append(f.stage().id()));
        }
        out.append('\n');
    }

    /**
     * What the JVM did beside the build, on one line (two with {@code verbose}), its parts apart by
     * {@code separator} (" · ", or "; " where the output is not unicode): its GC pauses
     * stopped every thread, and the samples charge them to whatever method each was in; its JIT
     * compilers run on threads of their own, which are not sampled.
     */
    static void jvm(JvmFigures figures, BuildStats stats, boolean verbose, String separator, StringBuilder out) {
        JvmActivity jvm = figures.activity();
        List<String> parts = new ArrayList<>();
        int pauses = jvm.gcPauses().size();
        if (pauses == 0) {
            parts.add("no GC pauses");
        } else {
            GcPause longest = jvm.longestPause();
            parts.add(String.format(Locale.ROOT, "%,d GC pause%s, %s (%.1f%% of the build; longest %s%s)", pauses,
                    pauses == 1 ? "" : "s", time(jvm.pauseNanos()), 100.0 * jvm.pauseNanos() / Math.max(1, stats.wallNanos()),
                    time(longest.durationNanos()),
                    figures.longestPauseStage() == null ? "" : ", in " + figures.longestPauseStage().id()));
        }
        if (jvm.gcCycles() > 0) {
            parts.add(String.format(Locale.ROOT, "%,d concurrent GC cycle%s, %s beside the build", jvm.gcCycles(),
                    jvm.gcCycles() == 1 ? "" : "s", time(jvm.gcCycleNanos())));
        }
        if (jvm.compilerCpuNanos() != JvmActivity.UNKNOWN) {
            parts.add("JIT compiler " + time(jvm.compilerCpuNanos()) + " CPU on its own threads");
        } else if (jvm.jitNanos() != JvmActivity.UNKNOWN) {
            parts.add("JIT compiling " + time(jvm.jitNanos()));
        }
        if (jvm.classesLoaded() != JvmActivity.UNKNOWN) {
            parts.add(String.format(Locale.ROOT, "%,d classes loaded", jvm.classesLoaded()));
        }
        out.append("JVM: ").append(String.join(separator, parts)).append('\n');
        if (!verbose) {
            return;
        }
        List<String> more = new ArrayList<>();
        Map<String, long[]> byCollector = new LinkedHashMap<>();
        for (GcPause pause : jvm.gcPauses()) {
            long[] sum = byCollector.computeIfAbsent(pause.collector(), k -> new long[2]);
            sum[0]++;
            sum[1] += pause.durationNanos();
        }
        byCollector.forEach((collector, sum) -> more.add(String.format(Locale.ROOT, "%s %,d pause%s %s",
                collector, sum[0], sum[0] == 1 ? "" : "s", time(sum[1]))));
        if (jvm.gcCpuNanos() > 0) { // none for the serial collector, which collects on the VM thread
            more.add("GC threads " + time(jvm.gcCpuNanos()) + " CPU");
        }
        if (jvm.vmThreadCpuNanos() != JvmActivity.UNKNOWN) {
            more.add("VM thread " + time(jvm.vmThreadCpuNanos()) + " CPU");
        }
        if (jvm.jitNanos() != JvmActivity.UNKNOWN) {
            // the compilations' elapsed time, waits for a core included: more than their CPU on a busy machine
            more.add("JIT compilations " + time(jvm.jitNanos()) + " elapsed");
        }
        if (jvm.classesUnloaded() > 0) {
            more.add(String.format(Locale.ROOT, "%,d classes unloaded", jvm.classesUnloaded()));
        }
        if (!more.isEmpty()) {
            out.append("     ").append(String.join(separator, more)).append('\n');
        }
    }

    /**
     * Whether the stage table gets a column of each stage's GC pause time: when the pauses are 1 %
     * of the build or more, or with {@code verbose} when there are any.
     */
    private static boolean gcColumn(BuildStats stats, boolean verbose) {
        return stats.jvm().map(j -> {
            long paused = j.activity().pauseNanos();
            return paused > 0 && (verbose || paused * 100 >= stats.wallNanos());
        }).orElse(false);
    }

    /** A time as the JVM line says it: {@code 0.43 s} from a second's tenth up, else {@code 12 ms}, {@code 3.5 ms}. */
    static String time(long nanos) {
        return nanos >= 100_000_000L ? seconds(nanos) : trim(nanos / 1e6) + " ms";
    }

    /**
     * The stage table. CPU is printed in whole milliseconds: it is the process's CPU time, which
     * the OS counts in clock ticks (10 ms on Linux), where wall time is read to the nanosecond.
     */
    private static void stages(Session session, BuildStats stats, boolean verbose, StringBuilder out) {
        Map<String, StageBreakdown> breakdown = session == null ? Map.of() : StageBreakdown.of(session);
        boolean gc = gcColumn(stats, verbose);
        out.append(String.format(Locale.ROOT, "%n%-14s %10s %7s %10s %8s %8s%s%n", "stage", "wall ms", "share",
                "CPU ms", "running", "waiting", gc ? String.format(Locale.ROOT, " %8s", "GC ms") : ""));
        long total = Math.max(1, stats.wallNanos());
        long stageSum = 0;
        int tiny = 0;
        for (BuildStats.StageStat stage : stats.stages()) {
            stageSum += stage.wallNanos();
            if (!verbose && !stage.failed() && stage.wallNanos() < TINY_STAGE_NANOS) {
                tiny++;
                continue;
            }
            StageBreakdown split = breakdown.get(stage.stage().id());
            // without trailing blanks: a stage with no pauses (or no samples) has empty cells at the end
            out.append(String.format(Locale.ROOT, "%-14s %10.1f %6.1f%% %10.0f %8s %8s%s%s", stage.stage().id(),
                    stage.wallNanos() / 1e6, 100.0 * stage.wallNanos() / total, stage.cpuNanos() / 1e6,
                    split == null ? "" : percent(split.runningShare()), split == null ? "" : percent(split.waitingShare()),
                    gc ? gcCell(stats.jvm().get().pauseNanos(stage.stage())) : "", stage.failed() ? "  FAILED" : "")
                    .stripTrailing()).append('\n');
        }
        // The build's row is the whole build (100 %), not the sum of the rows above: "total" beside
        // the stages' share of the build read as a contradiction (the two differ by what ran
        // between the stages), so that share has a line of its own.
        out.append(String.format(Locale.ROOT, "%-14s %10.1f %6.1f%% %10.0f%s%n", "build", stats.wallNanos() / 1e6,
                100.0, stats.cpuNanos() / 1e6,
                gc ? String.format(Locale.ROOT, " %8s %8s", "", "") + gcCell(stats.jvm().get().activity().pauseNanos()) : ""));
        List<String> notes = new ArrayList<>();
        if (tiny > 0) {
            notes.add(String.format(Locale.ROOT, "%d stages under %.1f ms not shown; --verbose shows all", tiny,
                    TINY_STAGE_NANOS / 1e6));
        }
        notes.add(String.format(Locale.ROOT, "%.1f%% of the build ran between the stages",
                100.0 * Math.max(0, total - stageSum) / total));
        out.append('(').append(String.join("; ", notes)).append(")\n");
    }

    /**
     * A stage's GC pause time in the table's column: blank when it had none. In whole
     * milliseconds, as the collectors' notifications time pauses to the millisecond.
     */
    private static String gcCell(long nanos) {
        return nanos == 0 ? String.format(Locale.ROOT, " %8s", "") : String.format(Locale.ROOT, " %8.0f", nanos / 1e6);
    }

    private static void hotspots(BuildStats stats, boolean verbose, StringBuilder out) {
        List<BuildStats.HookStat> hooks = stats.hotspots();
        if (hooks.isEmpty()) {
            return;
        }
        int shown = verbose ? hooks.size() : Math.min(HOTSPOTS, hooks.size());
        out.append(String.format(Locale.ROOT, "%nPlugin hotspots (%d of %d hooks)%n", shown, hooks.size()));
        for (BuildStats.HookStat hook : hooks.subList(0, shown)) {
            out.append(String.format(Locale.ROOT, "  %10.1f ms  %-12s %s", hook.wallNanos() / 1e6, hook.stage().id(),
                    hook.pluginId()));
            if (hook.tasks() > 0) {
                out.append(String.format(Locale.ROOT, "  (%d documents, %.1f ms of work on the build threads)",
                        hook.tasks(), hook.taskNanos() / 1e6));
            }
            out.append(hook.failed() ? "  FAILED\n" : "\n");
        }
    }

    private static void documents(BuildStats stats, StringBuilder out) {
        List<BuildStats.DocumentStat> slowest = stats.slowestDocuments(SLOWEST_DOCUMENTS);
        if (slowest.isEmpty()) {
            return;
        }
        boolean warmUps = slowest.stream().anyMatch(BuildStats.DocumentStat::warmUp);
        out.append(String.format(Locale.ROOT, "%nSlowest documents (%d of %d%s)%n", slowest.size(),
                stats.documents().size(), warmUps ? WARM_UP_NOTE : ""));
        int width = slowest.stream().mapToInt(d -> d.document().length()).max().orElse(10);
        width = Math.min(width, 48);
        for (BuildStats.DocumentStat document : slowest) {
            String perStage = Stage.inOrder().stream().filter(document.stageNanos()::containsKey)
                    .map(s -> s.id() + " " + trim(document.stageNanos().get(s) / 1e6))
                    .collect(Collectors.joining(", "));
            out.append(String.format(Locale.ROOT, "  %10.1f ms %s %-" + width + "s  %s%n", document.nanos() / 1e6,
                    document.warmUp() ? "*" : " ", shorten(document.document(), width), perStage));
        }
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String trim(double millis) {
        return millis >= 10 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }
}
