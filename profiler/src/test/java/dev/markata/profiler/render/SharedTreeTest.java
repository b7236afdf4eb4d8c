package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports of one session share its raw call tree (a profiled build writes the pyinstrument
 * JSON on a writer thread while its console summary renders the text tree): built once, and each
 * report the same as from a tree of its own.
 */
class SharedTreeTest {

    private static Session recorded;

    @BeforeAll
    static void record() throws Exception {
        recorded = SampledSessionTest.record();
    }

    /** An equal session that is another object: nothing built for {@code session} is shared with it. */
    private static Session copyOf(Session session) {
        return new Session(session.startedAt(), session.duration(), session.interval(), session.cpuTime(),
                session.targetDescription(), session.sampler(), session.asyncMode(), session.timeMode(),
                session.frames(), session.stacks(), session.threads(), session.spans(), session.metadata());
    }

    @Test
    void aSessionsRawTreeIsBuiltOncePerLayout() {
        Session session = copyOf(recorded);

        CallNode aggregated = CallTrees.build(session, false);
        CallNode timeline = CallTrees.build(session, true);

        assertThat(CallTrees.build(session, false)).isSameAs(aggregated);
        assertThat(CallTrees.build(session, true)).isSameAs(timeline);
        assertThat(timeline).isNotSameAs(aggregated);
        assertThat(CallTrees.build(copyOf(session), false)).isNotSameAs(aggregated);
    }

    @Test
    void reportsRenderedAtOnceOnTwoThreadsShareTheTree() throws Exception {
        Session session = copyOf(recorded);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Callable<CallNode>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(() -> CallTrees.build(session, false));
            }
            List<Future<CallNode>> trees = threads.invokeAll(both);
            assertThat(trees.get(1).get()).isSameAs(trees.get(0).get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void everyTreeReportIsTheSameFromASharedTree() {
        ReportOptions defaults = ReportOptions.defaults();
        ReportOptions summary = defaults.withUnit(ReportOptions.Unit.SECONDS).withMaxDepth(8).withThresholdPercent(3.0)
                .withHide(List.of("dev.markata.testapp.BuildWorkload.stage"));
        for (ReportOptions options : List.of(defaults, summary, defaults.withTimeline(true))) {
            for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.COLLAPSED)) {
                Session shared = copyOf(recorded);
                CallTrees.build(shared, options.timeline()); // built ahead, as the other report's writer would
                String fromShared = Reports.render(shared, format, options);
                String fromOwn = Reports.render(copyOf(recorded), format, options);

                assertThat(fromShared).as("%s %s", format, options).isEqualTo(fromOwn).isNotBlank();
            }
        }
    }
}
