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

    static Session record() throws Exception {
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
        assertThat(stage).as("stage frame in%n%s", Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults()))
                .isNotNull();
        assertThat(find(stage, "BuildWorkload.renderDocument")).as("documents grafted under the stage").isNotNull();
        // the stage waits for its documents, which fill its wait: the workers' time on them (its
        // thread time) is never less than the wall time they are shown in, and more when the two
        // workers ran at once (on a loaded machine they may run one after the other)
        assertThat(stage.threadNanos()).isGreaterThanOrEqualTo(stage.totalNanos());

        String text = Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults());
        assertThat(text).contains("BuildWorkload.stage", "Samples:");
        Map<?, ?> json = (Map<?, ?>) TestJson.parse(Reports.of(session).render(ReportFormat.JSON, ReportOptions.defaults()));
        assertThat(json.get("sample_count")).isEqualTo(session.sampleCount());
        // both say the thread time where it differs from the wall time, as the tree does
        Map<?, ?> mainJson = (Map<?, ?>) ((List<?>) json.get("threads")).get(0);
        if (Math.abs(main.threadNanos() - main.totalNanos()) * 200 > main.totalNanos()) {
            assertThat(text).contains("s of thread time");
            assertThat((Double) mainJson.get("thread_time")).isGreaterThan((Double) mainJson.get("time"));
        } else {
            assertThat(text).doesNotContain("s of thread time");
        }
        assertThat((Double) json.get("duration")).isPositive();
        Map<?, ?> speedscope = (Map<?, ?>) TestJson.parse(Reports.of(session).render(ReportFormat.SPEEDSCOPE,
                ReportOptions.defaults()));
        assertThat((List<?>) speedscope.get("profiles")).isNotEmpty();
        assertThat(Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults()).lines())
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
