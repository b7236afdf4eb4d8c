package dev.markata.plugins.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Stage;
import dev.markata.plugins.load.LoadPlugin;
import dev.markata.plugins.render_markdown.RenderMarkdownPlugin;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the comparison with the previous profiled build says, from figures made by hand. */
class BuildComparisonTest {

    private static final Instant THEN = Instant.parse("2026-12-07T08:05:31Z");
    private static final Instant NOW = THEN.plusSeconds(3 * 60 + 10);
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** A build of {@code documents} documents rendering {@code rendered} of them, with these stage times in ms. */
    private static BuildFigures build(Instant finished, int documents, int rendered, Map<String, Long> stageMillis,
                                      List<BuildFigures.HookFigures> moreHooks) {
        List<BuildFigures.StageFigures> stages = new ArrayList<>();
        long wall = 0;
        for (Map.Entry<String, Long> stage : stageMillis.entrySet()) {
            stages.add(new BuildFigures.StageFigures(stage.getKey(), stage.getValue() * MS, stage.getValue() * MS));
            wall += stage.getValue() * MS;
        }
        List<BuildFigures.HookFigures> hooks = new ArrayList<>(List.of(
                new BuildFigures.HookFigures("load", LoadPlugin.ID, 5 * MS, documents),
                new BuildFigures.HookFigures("render", RenderMarkdownPlugin.ID, 5 * MS, rendered)));
        hooks.addAll(moreHooks);
        return new BuildFigures(finished, "ok", "", "1.0", wall, wall, documents, stages, hooks, BuildFigures.UNKNOWN,
                BuildFigures.UNKNOWN);
    }

    /** {@code build} with {@code pauses} GC pauses of {@code pauseMillis} in all. */
    private static BuildFigures withGc(BuildFigures build, int pauses, long pauseMillis) {
        return new BuildFigures(build.finishedAt(), build.outcome(), build.failedStage(), build.markataVersion(),
                build.wallNanos(), build.cpuNanos(), build.documents(), build.stages(), build.hooks(), pauses,
                pauseMillis * MS);
    }

    private static Map<String, Long> stages(long load, long render, long save) {
        var map = new java.util.LinkedHashMap<String, Long>();
        map.put("load", load);
        map.put("render", render);
        map.put("save", save);
        return map;
    }

    @Test
    void onlyStagesThatMovedByTwentyMillisecondsAndFivePercentAreListed() {
        // load: +19 ms (+19%): under 20 ms; render: +25 ms of 625 (4%): under 5%; save: +25 ms of 250 (10%)
        BuildFigures before = build(THEN, 10, 10, stages(100, 625, 250), List.of());
        BuildFigures now = build(NOW, 10, 10, stages(119, 650, 275), List.of());

        String text = BuildComparison.of(before, now).render(false);

        assertThat(text).startsWith("Compared with the previous profiled build (3 min ago, 2026-12-07 08:05 UTC):");
        assertThat(text).contains("stages that moved by 20 ms and 5% or more (1 of 3):")
                .containsPattern("\\n    save +250\\.0 -> +275\\.0 ms +\\+25\\.0 ms +\\+10%  CPU \\+25 ms")
                .doesNotContainPattern("\\n    load ").doesNotContainPattern("\\n    render ");
        assertThat(text).containsPattern("\\n  build wall +975\\.0 -> +1044\\.0 ms +\\+69\\.0 ms +\\+7%");
        // the process clock counts 10 ms ticks: CPU in whole milliseconds, as the stage table prints it
        assertThat(text).containsPattern("\\n  build CPU +975 -> +1044 ms +\\+69 ms +\\+7%");
        assertThat(text).contains("before: 10 documents, 10 loaded, 10 rendered, 0 skipped (cold)")
                .doesNotContain("note:");
    }

    @Test
    void theGcPausesOfBothBuildsAreARowUnderTheBuildCpuInWholeMilliseconds() {
        BuildFigures before = withGc(build(THEN, 10, 10, stages(100, 625, 250), List.of()), 12, 40);
        BuildFigures now = withGc(build(NOW, 10, 10, stages(119, 650, 275), List.of()), 20, 95);

        assertThat(BuildComparison.of(before, now).render(false)).containsPattern(
                "\\n  build CPU [^\\n]*\\n  GC pauses +40 -> +95 ms +\\+55 ms +\\+138%  \\(12 -> 20 pauses\\)\\n  before: ");
        assertThat(BuildComparison.of(withGc(before, 0, 0), now).render(false))
                .containsPattern("\\n  GC pauses +0 -> +95 ms +\\+95 ms  +\\(0 -> 20 pauses\\)\\n");
    }

    @Test
    void withoutTheGcPausesOfEitherBuildTheComparisonIsAsBeforeTheyWereKept() {
        BuildFigures older = build(THEN, 10, 10, stages(100, 625, 250), List.of()); // its file has no "jvm"
        BuildFigures now = build(NOW, 10, 10, stages(119, 650, 275), List.of());
        String without = BuildComparison.of(older, now).render(false);

        assertThat(without).doesNotContain("GC pause");
        assertThat(BuildComparison.of(older, withGc(now, 20, 95)).render(false)).isEqualTo(without);
        assertThat(BuildComparison.of(withGc(older, 20, 95), now).render(false)).isEqualTo(without);
        assertThat(BuildComparison.of(older, withGc(now, 20, 95)).baseline()).doesNotContainKeys(
                "baseline.gc_pauses", "baseline.gc_pause_nanos");
    }

    @Test
    void nothingOverTheFloorSaysSoInOneLine() {
        BuildFigures before = build(THEN, 10, 10, stages(100, 200, 300), List.of());
        BuildFigures now = build(NOW, 10, 10, stages(110, 190, 305), List.of());

        assertThat(BuildComparison.of(before, now).render(false)).endsWith("\n  no stage or hook moved by 20 ms and 5% or more");
    }

    @Test
    void theThreeLargestChangesAreListedAndVerboseListsThemAll() {
        Map<String, Long> four = new java.util.LinkedHashMap<>(stages(100, 200, 300));
        four.put("post_render", 400L);
        BuildFigures before = build(THEN, 10, 10, four, List.of());
        Map<String, Long> slower = new java.util.LinkedHashMap<>(stages(200, 400, 600));
        slower.put("post_render", 800L);
        BuildFigures now = build(NOW, 10, 10, slower, List.of());

        String text = BuildComparison.of(before, now).render(false);
        assertThat(text).contains("(3 of 4)").doesNotContainPattern("\\n    load ");
        assertThat(text.indexOf("    post_render")).isLessThan(text.indexOf("    save")); // largest first
        assertThat(BuildComparison.of(before, now).render(true)).contains("(4 of 4)").containsPattern("\\n    load ");
    }

    @Test
    void newAndGoneHooksAreNamed() {
        BuildFigures before = build(THEN, 4, 4, stages(10, 10, 10),
                List.of(new BuildFigures.HookFigures("save", "markata.plugins.feeds", 60 * MS, 0)));
        BuildFigures now = build(NOW, 4, 4, stages(10, 10, 10),
                List.of(new BuildFigures.HookFigures("render", "test.slow_render", 600 * MS, 4)));

        String text = BuildComparison.of(before, now).render(false);

        assertThat(text).containsPattern("\\n    render +test\\.slow_render +new +600\\.0 ms")
                .containsPattern("\\n    save +markata\\.plugins\\.feeds +gone \\(was 60\\.0 ms\\)");
    }

    @Test
    void aWarmBuildAfterAColdOneIsNotCalledASpeedUpAndTheReverseNotASlowDown() {
        BuildFigures cold = build(THEN, 32, 32, stages(200, 800, 100), List.of());
        BuildFigures warm = build(NOW, 32, 0, stages(30, 10, 10), List.of());

        assertThat(BuildComparison.of(cold, warm).render(false))
                .contains("  now: 32 documents, 32 loaded, 0 rendered, 32 skipped (warm)")
                .contains("  note: this build rendered 0 documents again, the previous one 32: the time saved is work"
                        + " skipped (unchanged documents), not a speed-up of the code");
        assertThat(BuildComparison.of(warm, cold).render(false)).contains("not a slow-down of the code");
        BuildFigures oneChanged = build(NOW, 32, 1, stages(30, 20, 10), List.of());
        assertThat(BuildComparison.of(cold, oneChanged).render(false))
                .contains("  note: this build rendered 1 document again, the previous one 32:");
    }

    @Test
    void differentNumbersOfDocumentsAFailedPreviousBuildAndAnotherVersionAreNoted() {
        BuildFigures before = new BuildFigures(THEN, "failed", "render", "0.9", 100 * MS, 100 * MS, 4, List.of(), List.of(),
                BuildFigures.UNKNOWN, BuildFigures.UNKNOWN);
        BuildFigures now = build(NOW, 12, 12, stages(10, 10, 10), List.of());

        String text = BuildComparison.of(before, now).render(false);

        assertThat(text).contains("  before: 4 documents\n") // no load or render hook ran: no counts to give
                .contains("note: the previous build failed in stage render: its figures stop where it stopped")
                .contains("note: the builds had different numbers of documents (4 before, 12 now)")
                .contains("note: the previous build ran markata-java 0.9, this one 1.0");
    }

    @Test
    void theBaselineForTheReportHoldsThePreviousStageTimesAndWhatThatBuildDid() {
        BuildFigures before = build(THEN, 32, 32, stages(200, 800, 100), List.of());
        BuildFigures now = build(NOW, 32, 0, stages(30, 10, 10), List.of());

        assertThat(BuildComparison.of(before, now).baseline())
                .containsEntry("baseline.label", "the previous profiled build, 2026-12-07 08:05 UTC (3 min before this"
                        + " one): 32 documents, 32 loaded, 32 rendered, 0 skipped (cold)")
                .containsEntry("baseline.build_wall_nanos", Long.toString(1100 * MS))
                .containsEntry("baseline.stage.render", Long.toString(800 * MS))
                .containsEntry("baseline.stage.load", Long.toString(200 * MS));
        assertThat(BuildComparison.of(withGc(before, 12, 40), withGc(now, 3, 9)).baseline())
                .containsEntry("baseline.gc_pauses", "12")
                .containsEntry("baseline.gc_pause_nanos", Long.toString(40 * MS));
    }

    @Test
    void theFiguresABuildWritesReadBackAsTheyWere() throws IOException {
        BuildStats stats = new BuildStats(
                List.of(new BuildStats.StageStat(Stage.LOAD, 12_345_000, 20_000_000, false),
                        new BuildStats.StageStat(Stage.RENDER, 400_100_000, 760_000_000, false)),
                List.of(new BuildStats.HookStat(Stage.LOAD, LoadPlugin.ID, 12_000_000, 3, 30_000_000, false),
                        new BuildStats.HookStat(Stage.RENDER, RenderMarkdownPlugin.ID, 398_700_000, 2, 700_000_000, false),
                        new BuildStats.HookStat(Stage.RENDER, RenderMarkdownPlugin.ID, 1_000_000, 0, 0, false)),
                documents(15), 812_500_000, 1_490_200_000, Optional.empty());
        Path file = dir.resolve("_profile/index.stats.json");

        StatsJson.writeSummary(stats, NOW, file);

        PreviousBuild read = PreviousBuild.read(file);
        assertThat(read).isEqualTo(new PreviousBuild.Found(BuildFigures.of(stats, NOW)));
        BuildFigures figures = ((PreviousBuild.Found) read).figures();
        assertThat(figures.documents()).isEqualTo(15);
        assertThat(figures.loaded()).isEqualTo(3);
        assertThat(figures.rendered()).as("a plugin's two hooks in one stage add up").isEqualTo(2);
        assertThat(figures.skipped()).isEqualTo(1);
        // only the slowest documents are listed: the file stays small at 10,000 posts
        assertThat(Files.readString(file)).contains("\"documents_total\":15").contains("posts/p00.md")
                .doesNotContain("posts/p14.md");
    }

    @Test
    void theGcPausesABuildWritesReadBackAndAFileWithoutThemReadsAsUnknown() throws IOException {
        JvmActivity jvm = new JvmActivity(true, List.of(
                new GcPause(5 * MS, 10 * MS, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(50 * MS, 12 * MS, "Copy", "end of minor GC", "Allocation Failure")),
                0, 0, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN,
                JvmActivity.UNKNOWN, JvmActivity.UNKNOWN);
        BuildStats stats = new BuildStats(List.of(new BuildStats.StageStat(Stage.LOAD, 100 * MS, 100 * MS, false)),
                List.of(), documents(2), 100 * MS, 100 * MS, Optional.empty())
                .withJvm(JvmFigures.of(jvm, List.of(new JvmFigures.StageTime(Stage.LOAD, 0, 100 * MS))));
        Path file = dir.resolve("index.stats.json");

        StatsJson.writeSummary(stats, NOW, file);

        BuildFigures figures = ((PreviousBuild.Found) PreviousBuild.read(file)).figures();
        assertThat(figures).isEqualTo(BuildFigures.of(stats, NOW));
        assertThat(figures.gcPauses()).isEqualTo(2);
        assertThat(figures.gcPauseNanos()).isEqualTo(22 * MS);

        // a file written before the JVM's figures were
        Files.writeString(file, "{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1, \"outcome\":"
                + " \"ok\", \"stages\": [], \"hooks\": [], \"documents_total\": 0}");
        BuildFigures older = ((PreviousBuild.Found) PreviousBuild.read(file)).figures();
        assertThat(older.gcPauses()).isEqualTo(BuildFigures.UNKNOWN);
        assertThat(older.gcPauseNanos()).isEqualTo(BuildFigures.UNKNOWN);
    }

    @Test
    void aMissingFileIsNoPreviousBuildAndAnotherSchemaOrDamageIsSaidSo() throws IOException {
        Path file = dir.resolve("index.stats.json");
        assertThat(PreviousBuild.read(file)).isEqualTo(new PreviousBuild.None());

        Files.writeString(file, "{\"schema\": \"markata-build-stats/2\"}");
        assertThat(PreviousBuild.read(file)).isEqualTo(new PreviousBuild.OtherSchema(file, "markata-build-stats/2"));

        for (String[] damage : new String[][] {
                {"", "unexpected end of input at offset 0"},
                {"[1, 2]", "not a JSON object"},
                {"{\"wall_ms\": 1}", "no \"schema\""},
                {"{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1}", "outcome is missing"},
                {"{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1, \"outcome\": \"ok\","
                        + " \"stages\": [{\"stage\": \"load\", \"wall_ms\": null}]}", "stages[].wall_ms is missing"},
                {"{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1, \"outcome\": \"ok\","
                        + " \"stages\": [], \"hooks\": [], \"documents_total\": 0, \"finished_at\": \"yesterday\"}",
                        "finished_at is \"yesterday\", not a time like 2026-12-07T08:05:31Z"},
                {"{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1, \"outcome\": \"ok\","
                        + " \"stages\": [], \"hooks\": [], \"documents_total\": 0,"
                        + " \"jvm\": {\"gc_pauses\": \"many\"}}",
                        "jvm.gc_pauses is \"many\", not a number"},
                {"{\"schema\": \"markata-build-stats/1\", \"wall_ms\": 1, \"cpu_ms\": 1, \"outcome\": \"ok\","
                        + " \"stages\": [], \"hooks\": [], \"documents_total\": 0, \"jvm\": 3}", "jvm is 3, not an object"}}) {
            Files.writeString(file, damage[0]);
            assertThat(PreviousBuild.read(file)).as(damage[0]).isEqualTo(new PreviousBuild.Damaged(file, damage[1]));
        }
        // the build goes on whatever the file holds
        Files.writeString(file, "[".repeat(1_000_000));
        assertThat(PreviousBuild.read(file)).isEqualTo(new PreviousBuild.Damaged(file,
                "nested deeper than 512 levels at offset 512"));
    }

    private static List<BuildStats.DocumentStat> documents(int count) {
        List<BuildStats.DocumentStat> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new BuildStats.DocumentStat(String.format("posts/p%02d.md", i), (100 - i) * MS, 2,
                    Map.of(Stage.LOAD, MS, Stage.RENDER, (99 - i) * MS), false));
        }
        return documents;
    }
}
