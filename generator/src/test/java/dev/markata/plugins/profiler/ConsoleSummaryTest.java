package dev.markata.plugins.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Stage;
import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    /**
     * The summary after a build is screen-sized, whatever the build's profile looks like. Its
     * short tree showed every node of 3 % or more to 18 levels: a profile whose time spreads
     * over many such nodes (under load, warm-up and class loading made more branches cross 3 %
     * in ProfiledBuildTest's build: 125 lines of output against the test's 120) ran off the
     * screen. Here 17 plugin hooks of 3-8 % each, six levels deep: over 100 lines of tree at 3 %.
     * Drawn with each hook's chain of calls folded to its first and last rows, they fit at 3 %;
     * below a long comparison with the previous build, the threshold is raised until they fit.
     */
    @Test
    void theShortSummaryFitsTheScreenWhenManyNodesPassTheThreshold() {
        Session session = wideBuild();
        BuildStats stats = new BuildStats(List.of(new BuildStats.StageStat(Stage.RENDER, 1_000_000_000L, 0, false)),
                List.of(), List.of(), 1_000_000_000L, 0, Optional.empty());

        List<String> folded = ConsoleSummary.render(Reports.of(session), stats, ReportOptions.defaults(), false, "")
                .lines().toList();
        assertThat(folded).hasSizeLessThanOrEqualTo(ConsoleSummary.SCREEN_LINES)
                .anySatisfy(l -> assertThat(l).contains("Plugin19.leaf").endsWith("[4 frames between]"))
                .noneSatisfy(l -> assertThat(l).contains("Plugin19.work"));
        assertThat(folded.get(folded.size() - 1)).matches("[0-9]+ nodes hidden below 3%");

        String ending = "Compared with the previous profiled build\n" + "  a moved stage\n".repeat(59);
        String summary = ConsoleSummary.render(Reports.of(session), stats, ReportOptions.defaults(), false, ending);
        List<String> lines = summary.lines().toList();

        assertThat(lines).hasSizeLessThanOrEqualTo(ConsoleSummary.SCREEN_LINES);
        assertThat(summary).endsWith(ending + "\n");
        // what is shown is the biggest work; the footer says how much was left out, and below what
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Plugin19.leaf"));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("Plugin0.hook"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("[0-9]+ nodes hidden below [0-9]+%")
                .doesNotContain("below 3%"));
        // --verbose is the whole tree
        assertThat(ConsoleSummary.render(Reports.of(session), stats, ReportOptions.defaults(), true, "").lines())
                .hasSizeGreaterThan(ConsoleSummary.SCREEN_LINES).anySatisfy(l -> assertThat(l).contains("Plugin0.leaf"));
    }

    /**
     * The process's CPU time comes from the OS in clock ticks (10 ms on Linux), so the stage
     * table prints it in whole milliseconds: "0.0" and "50.0" beside a stage sampled running
     * the whole time claimed a precision the figure does not have.
     */
    @Test
    void theStageTablePrintsCpuTimeInWholeMilliseconds() {
        BuildStats stats = new BuildStats(List.of(new BuildStats.StageStat(Stage.LOAD, 29_800_000L, 50_000_000L, false),
                new BuildStats.StageStat(Stage.GLOB, 4_100_000L, 0, false)), List.of(), List.of(), 40_000_000L,
                60_000_000L, Optional.empty());

        List<String> lines = ConsoleSummary.render(Reports.of(wideBuild()), stats, ReportOptions.defaults(), false, "")
                .lines().toList();

        assertThat(lines).anySatisfy(l -> assertThat(l).matches("load +29\\.8 +[0-9.]+% +50( .*)?"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("glob +4\\.1 +[0-9.]+% +0( .*)?"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("build +40\\.0 +100\\.0% +60"));
    }

    private static final long MS = 1_000_000L;

    /**
     * A build of load 0-100 ms, render 100-400 ms and save 400-500 ms with three pauses: 95-105 ms
     * (across load and render), 200-212 ms (render, the longest) and 450-452 ms (save).
     */
    private static BuildStats withPauses(long buildWallNanos) {
        JvmActivity jvm = new JvmActivity(true, List.of(
                new GcPause(95 * MS, 10 * MS, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(200 * MS, 12 * MS, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(450 * MS, 2 * MS, "MarkSweepCompact", "end of major GC", "System.gc()")),
                0, 0, 550 * MS, 610 * MS, JvmActivity.UNKNOWN, 40 * MS, 6120, 3);
        JvmFigures figures = JvmFigures.of(jvm, List.of(new JvmFigures.StageTime(Stage.LOAD, 0, 100 * MS),
                new JvmFigures.StageTime(Stage.RENDER, 100 * MS, 400 * MS), new JvmFigures.StageTime(Stage.SAVE, 400 * MS, 500 * MS)));
        return new BuildStats(List.of(new BuildStats.StageStat(Stage.LOAD, 100 * MS, 100 * MS, false),
                new BuildStats.StageStat(Stage.RENDER, 300 * MS, 500 * MS, false),
                new BuildStats.StageStat(Stage.SAVE, 100 * MS, 100 * MS, false)), List.of(), List.of(), buildWallNanos,
                700 * MS, Optional.empty()).withJvm(figures);
    }

    @Test
    void aLineSaysWhatTheJvmDidAndTheStageTableEachStagesPauses() {
        List<String> lines = ConsoleSummary.render(null, withPauses(500 * MS), ReportOptions.defaults(), false, "")
                .lines().toList();

        assertThat(lines.get(1)).isEqualTo("JVM: 3 GC pauses, 24 ms (4.8% of the build; longest 12 ms, in render)"
                + " · JIT compiler 0.61 s CPU on its own threads · 6,120 classes loaded");
        assertThat(lines).contains(
                "stage             wall ms   share     CPU ms  running  waiting    GC ms",
                // the pause across load and render is split between them by its overlap with each
                "load                100.0   20.0%        100                          5",
                "render              300.0   60.0%        500                         17",
                "save                100.0   20.0%        100                          2",
                "build               500.0  100.0%        700                         24");
    }

    @Test
    void thePauseColumnIsLeftOutWhenThePausesAreNotMaterialAndVerboseSaysMore() {
        BuildStats stats = withPauses(10_000 * MS); // 24 ms of a 10 s build

        List<String> lines = ConsoleSummary.render(null, stats, ReportOptions.defaults(), false, "").lines().toList();
        assertThat(lines.get(1)).startsWith("JVM: 3 GC pauses, 24 ms (0.2% of the build;");
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("GC ms"));

        List<String> verbose = ConsoleSummary.render(null, stats, ReportOptions.defaults(), true, "").lines().toList();
        assertThat(verbose.get(2)).isEqualTo("     Copy 2 pauses 22 ms · MarkSweepCompact 1 pause 2.0 ms · VM thread 40 ms CPU"
                + " · JIT compilations 0.55 s elapsed · 3 classes unloaded");
        assertThat(verbose).anySatisfy(l -> assertThat(l).endsWith("GC ms"));
    }

    @Test
    void aBuildWithoutTheJvmsFiguresHasNoJvmLine() {
        BuildStats stats = new BuildStats(List.of(new BuildStats.StageStat(Stage.LOAD, 100 * MS, 100 * MS, false)),
                List.of(), List.of(), 100 * MS, 100 * MS, Optional.empty());

        String text = ConsoleSummary.render(null, stats, ReportOptions.defaults(), false, "");

        assertThat(text).doesNotContain("JVM:").doesNotContain("GC ms");
    }

    @Test
    void theSummaryWithTheJvmLineStillFitsTheScreen() {
        List<String> lines = ConsoleSummary.render(Reports.of(wideBuild()), withPauses(500 * MS), ReportOptions.defaults(),
                false, "").lines().toList();

        assertThat(lines).hasSizeLessThanOrEqualTo(ConsoleSummary.SCREEN_LINES);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("JVM: 3 GC pauses"));
    }

    /** The build thread runs 20 hooks, hook {@code i} with {@code 30 + 4 i} ms of work six frames deep. */
    private static Session wideBuild() {
        List<Frame> frames = new ArrayList<>();
        StackTable.Builder stacks = new StackTable.Builder();
        frames.add(new Frame("dev.markata.plugins.app.Build", "run", "Build.java", 1, FrameKind.APPLICATION));
        int root = stacks.intern(StackTable.EMPTY, 0);
        List<Sample> samples = new ArrayList<>();
        long clock = 0;
        for (int i = 0; i < 20; i++) {
            int stack = root;
            for (String method : List.of("hook", "work", "inner", "step", "part", "leaf")) {
                frames.add(new Frame("dev.markata.plugins.app.Plugin" + i, method, "Plugin" + i + ".java", 1,
                        FrameKind.APPLICATION));
                stack = stacks.intern(stack, frames.size() - 1);
            }
            long nanos = (30 + 4L * i) * 1_000_000L;
            samples.add(new Sample(clock, nanos, stack, ThreadState.RUNNING, 0, (int) (nanos / 1_000_000L)));
            clock += nanos;
        }
        Span stage = new Span(0, Span.NONE, "stage", "render", 1, 0, clock, StackTable.EMPTY, Map.of());
        return new Session(Instant.parse("2026-12-06T12:00:00Z"), Duration.ofNanos(clock), Duration.ofMillis(1),
                Duration.ofNanos(clock), "markata build", new Session.SamplerInfo("test", "hand-built"),
                AsyncMode.ENABLED, TimeMode.WALL, frames, stacks.build(), List.of(new ThreadProfile(1, "main", samples)),
                List.of(stage), Map.of());
    }
}
