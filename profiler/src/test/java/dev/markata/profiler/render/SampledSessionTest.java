package dev.markata.profiler.render;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;
import dev.markata.profiler.io.TestJson;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import dev.markata.profiler.process.TreeOptions;
import dev.markata.testapp.BuildWorkload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderers on a real recording: a "stage" hands documents to a wrapped pool and waits. */
class SampledSessionTest {

    private static Session record() throws Exception {
        Profiler profiler = Profiler.builder().interval(Duration.ofMillis(2)).asyncMode(AsyncMode.ENABLED)
                .target("sampled test").applicationCode(BuildWorkload.class).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ExecutorService wrapped = profiler.wrap(pool);
            profiler.start();
            try (SpanScope ignored = profiler.span("stage", "render")) {
                BuildWorkload.stage(wrapped, 4, 40);
            }
            return profiler.stop();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksAreGraftedUnderTheStageAndEveryFormatRenders() throws Exception {
        Session session = record();
        CallNode main = CallTrees.of(session, TreeOptions.defaults().withThresholdPercent(0).withGroupLibraries(false))
                .children().get(0);

        CallNode stage = find(main, "BuildWorkload.stage");
        assertThat(stage).as("stage frame in%n%s", Reports.render(session, ReportFormat.TEXT, ReportOptions.defaults()))
                .isNotNull();
        assertThat(find(stage, "BuildWorkload.renderDocument")).as("documents grafted under the stage").isNotNull();
        // the stage waits for its documents, which two workers ran at once: they fill its wait,
        // so its time is less than the workers' (its thread time)
        assertThat(stage.threadNanos()).as("the stage's documents ran on two workers")
                .isGreaterThan(stage.totalNanos() * 5 / 4);

        String text = Reports.render(session, ReportFormat.TEXT, ReportOptions.defaults());
        assertThat(text).contains("BuildWorkload.stage", "s of thread time", "Samples:");
        Map<?, ?> json = (Map<?, ?>) TestJson.parse(Reports.render(session, ReportFormat.JSON, ReportOptions.defaults()));
        assertThat(json.get("sample_count")).isEqualTo(session.sampleCount());
        Map<?, ?> mainJson = (Map<?, ?>) ((List<?>) json.get("threads")).get(0);
        assertThat((Double) mainJson.get("thread_time")).isGreaterThan((Double) mainJson.get("time"));
        assertThat((Double) json.get("duration")).isPositive();
        Map<?, ?> speedscope = (Map<?, ?>) TestJson.parse(Reports.render(session, ReportFormat.SPEEDSCOPE,
                ReportOptions.defaults()));
        assertThat((List<?>) speedscope.get("profiles")).isNotEmpty();
        assertThat(Reports.render(session, ReportFormat.COLLAPSED, ReportOptions.defaults()).lines())
                .isNotEmpty()
                .allMatch(line -> line.matches("\\[thread [^;]*\\](;[^;]+)* [1-9][0-9]*"))
                .anyMatch(line -> line.contains("BuildWorkload.stage;") && line.contains("renderDocument"));
    }

    private static CallNode find(CallNode node, String label) {
        if (node.label().equals(label)) {
            return node;
        }
        for (CallNode child : node.children()) {
            CallNode found = find(child, label);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
