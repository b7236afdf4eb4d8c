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

        List<String> lines = ConsoleSummary.render(null, recorder.snapshot(), ReportOptions.defaults(), false).lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith("Slowest documents")).singleElement()
                .satisfies(l -> assertThat(l).endsWith(ConsoleSummary.WARM_UP_NOTE + ")"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +9\\.0 ms \\* posts/first\\.md +render 9\\.0"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches(" +2\\.0 ms {3}posts/second\\.md +render 2\\.0"));
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
