package dev.markata.plugins.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.profiler.render.ReportOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuildStatsRecorderTest {

    private final BuildStatsRecorder recorder = new BuildStatsRecorder();

    @Test
    void marksTheDocumentsThatRanAHooksFirstTaskOnTheirThread() throws Exception {
        recorder.stageStarted(Stage.RENDER);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            // the main thread renders a and b, a worker c and d; then one more hook on the worker
            run(Stage.RENDER, "markata.plugins.render_markdown", "posts/a.md");
            run(Stage.RENDER, "markata.plugins.render_markdown", "posts/b.md");
            worker.submit(() -> {
                run(Stage.RENDER, "markata.plugins.render_markdown", "posts/c.md");
                run(Stage.RENDER, "markata.plugins.render_markdown", "posts/d.md");
                run(Stage.RENDER, "markata.plugins.post_template", "posts/d.md");
                run(Stage.RENDER, "markata.plugins.post_template", "posts/e.md");
            }).get();
        } finally {
            worker.shutdown();
        }
        recorder.stageFinished(Stage.RENDER, 0, false);

        Map<String, Boolean> warmUp = recorder.snapshot().documents().stream()
                .collect(Collectors.toMap(BuildStats.DocumentStat::document, BuildStats.DocumentStat::warmUp));
        assertThat(warmUp).containsExactlyInAnyOrderEntriesOf(Map.of(
                "posts/a.md", true, "posts/b.md", false, "posts/c.md", true, "posts/d.md", true, "posts/e.md", false));
    }

    @Test
    void aTaskInsideAnotherOnTheSameThreadIsPartOfTheOuterOne() {
        recorder.stageStarted(Stage.LOAD);
        TaskContext outer = new TaskContext(Stage.LOAD, "markata.plugins.load", "posts/a.md");
        recorder.taskStarted(outer);
        run(Stage.LOAD, "markata.plugins.load", "posts/b.md");
        recorder.taskFinished(outer, 5_000_000, false);
        recorder.stageFinished(Stage.LOAD, 0, false);

        Map<String, BuildStats.DocumentStat> documents = recorder.snapshot().documents().stream()
                .collect(Collectors.toMap(BuildStats.DocumentStat::document, Function.identity()));
        assertThat(documents).containsOnlyKeys("posts/a.md");
        assertThat(documents.get("posts/a.md").nanos()).isEqualTo(5_000_000);
        assertThat(documents.get("posts/a.md").warmUp()).isTrue();
    }

    @Test
    void theSummaryStarsWarmingUpDocumentsAndSaysWhyOnce() {
        recorder.stageStarted(Stage.RENDER);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/first.md", 9_000_000);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/second.md", 2_000_000);
        recorder.stageFinished(Stage.RENDER, 0, false);

        List<String> lines = ConsoleSummary.render(null, recorder.snapshot(), ReportOptions.defaults(), false, "").lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("Slowest documents")).singleElement()
                .satisfies(l -> assertThat(l).endsWith(ConsoleSummary.WARM_UP_NOTE + ")"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +9\\.0 ms \\* posts/first\\.md +render 9\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +2\\.0 ms {3}posts/second\\.md +render 2\\.0"));
    }

    @Test
    void addsUpEveryTaskOfEveryThreadByDocumentStageAndHook() throws Exception {
        // 4 threads run the tasks of two hooks over 50 documents, a document's tasks landing
        // on any of them: each document's time per stage and each hook's task count and time
        // are the sums of its tasks, wherever they ran
        int threads = 4;
        int documents = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            recorder.stageStarted(Stage.LOAD);
            recorder.hookStarted(Stage.LOAD, "markata.plugins.load");
            runAll(pool, Stage.LOAD, "markata.plugins.load", documents, 1_000);
            recorder.hookFinished(Stage.LOAD, "markata.plugins.load", 7_000_000, false);
            recorder.stageFinished(Stage.LOAD, 0, false);
            recorder.stageStarted(Stage.RENDER);
            recorder.hookStarted(Stage.RENDER, "markata.plugins.render_markdown");
            runAll(pool, Stage.RENDER, "markata.plugins.render_markdown", documents, 10_000);
            recorder.hookFinished(Stage.RENDER, "markata.plugins.render_markdown", 9_000_000, false);
            recorder.stageFinished(Stage.RENDER, 0, false);
        } finally {
            pool.shutdown();
        }

        BuildStats stats = recorder.snapshot();
        assertThat(stats.documents()).hasSize(documents);
        for (BuildStats.DocumentStat document : stats.documents()) {
            int i = Integer.parseInt(document.document().replaceAll("\\D", ""));
            // every document ran twice in each stage (two rounds below)
            assertThat(document.stageNanos()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(Stage.LOAD, 2L * 1_000 * (i + 1), Stage.RENDER, 2L * 10_000 * (i + 1)));
            assertThat(document.tasks()).isEqualTo(4);
            assertThat(document.nanos()).isEqualTo(2L * 11_000 * (i + 1));
        }
        long sum = (long) documents * (documents + 1) / 2; // 1 + 2 + ... + documents
        assertThat(stats.hooks()).extracting(BuildStats.HookStat::pluginId, BuildStats.HookStat::tasks,
                BuildStats.HookStat::taskNanos).containsExactly(
                org.assertj.core.groups.Tuple.tuple("markata.plugins.load", 2 * documents, 2 * 1_000 * sum),
                org.assertj.core.groups.Tuple.tuple("markata.plugins.render_markdown", 2 * documents, 2 * 10_000 * sum));
        // slowest first
        assertThat(stats.documents().get(0).document()).isEqualTo("posts/" + (documents - 1) + ".md");
    }

    @Test
    void documentsOfTheSameTimeAreInNameOrder() {
        recorder.stageStarted(Stage.RENDER);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/c.md", 3_000_000);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/b.md", 2_000_000);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/z.md", 2_000_000);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/a.md", 2_000_000);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/d.md", 0);
        run(Stage.RENDER, "markata.plugins.render_markdown", "posts/e.md", 9_000_000_000_000L);
        recorder.stageFinished(Stage.RENDER, 0, false);

        assertThat(recorder.snapshot().documents()).extracting(BuildStats.DocumentStat::document)
                .containsExactly("posts/e.md", "posts/c.md", "posts/a.md", "posts/b.md", "posts/z.md", "posts/d.md");
    }

    /** Two rounds of one task per document, document i taking (i + 1) * unit. */
    private void runAll(ExecutorService pool, Stage stage, String plugin, int documents, long unit) throws Exception {
        List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < documents; i++) {
                String document = "posts/" + i + ".md";
                long nanos = (i + 1) * unit;
                futures.add(pool.submit(() -> run(stage, plugin, document, nanos)));
            }
        }
        for (java.util.concurrent.Future<?> future : futures) {
            future.get();
        }
    }

    private void run(Stage stage, String plugin, String document) {
        run(stage, plugin, document, 1_000_000);
    }

    private void run(Stage stage, String plugin, String document, long nanos) {
        TaskContext task = new TaskContext(stage, plugin, document);
        recorder.taskStarted(task);
        recorder.taskFinished(task, nanos, false);
    }
}
