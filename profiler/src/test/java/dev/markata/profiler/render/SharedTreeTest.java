package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reports of one {@link Reports} share the session's raw call tree (a profiled build writes
 * the pyinstrument JSON on a writer thread while its console summary renders the text tree, at
 * several thresholds): built once per layout, counted through the builder the trees are given,
 * and each report the same as from a tree of its own.
 */
class SharedTreeTest {

    private static Session recorded;

    @BeforeAll
    static void record() throws Exception {
        recorded = SampledSessionTest.record();
    }

    /** Builds raw trees as {@link CallTrees#build} does, counting them per layout. */
    private static final class CountingBuilder implements ReportTrees.Builder {
        final AtomicInteger aggregated = new AtomicInteger();
        final AtomicInteger timeline = new AtomicInteger();

        @Override
        public CallNode build(Session session, boolean timeline) {
            (timeline ? this.timeline : aggregated).incrementAndGet();
            return CallTrees.build(session, timeline);
        }
    }

    private static final ReportOptions SUMMARY = ReportOptions.defaults().withUnit(ReportOptions.Unit.SECONDS)
            .withMaxDepth(18).withThresholdPercent(3.0).withHide(List.of("dev.markata.testapp.BuildWorkload.stage"));

    @Test
    void everyTreeReportOfOneReportsBuildsTheRawTreeOncePerLayout() {
        CountingBuilder builder = new CountingBuilder();
        Reports reports = new Reports(new ReportTrees(recorded, builder));

        reports.render(ReportFormat.JSON, ReportOptions.defaults());
        reports.render(ReportFormat.TEXT, SUMMARY);
        reports.render(ReportFormat.TEXT, SUMMARY.withThresholdPercent(5.0)); // the summary's next try
        reports.render(ReportFormat.TEXT, ReportOptions.defaults().withFlat(ReportOptions.Flat.SELF));
        reports.render(ReportFormat.COLLAPSED, ReportOptions.defaults());
        assertThat(builder.aggregated).hasValue(1);
        assertThat(builder.timeline).hasValue(0);

        reports.render(ReportFormat.TEXT, ReportOptions.defaults().withTimeline(true));
        reports.render(ReportFormat.JSON, ReportOptions.defaults().withTimeline(true));
        assertThat(builder.timeline).hasValue(1);
        assertThat(builder.aggregated).hasValue(1);
    }

    @Test
    void aReportAskedForWhileAnotherThreadBuildsTheTreeWaitsForThatOne() throws Exception {
        AtomicInteger entered = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountingBuilder counting = new CountingBuilder();
        ReportTrees.Builder slow = (session, timeline) -> {
            entered.incrementAndGet();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return counting.build(session, timeline);
        };
        Reports reports = new Reports(new ReportTrees(recorded, slow));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> json = threads.submit(() -> reports.render(ReportFormat.JSON, ReportOptions.defaults()));
            waitUntil(() -> entered.get() == 1);
            Future<String> text = threads.submit(() -> reports.render(ReportFormat.TEXT, SUMMARY));
            // the text report's tree thread waits for the tree the JSON's is building (or, were the
            // tree not shared, builds its own)
            waitUntil(() -> entered.get() > 1 || Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("markata-profiler-tree") && t.getState() == Thread.State.BLOCKED));
            release.countDown();

            assertThat(json.get(30, TimeUnit.SECONDS)).isEqualTo(Reports.of(recorded).render(ReportFormat.JSON,
                    ReportOptions.defaults()));
            assertThat(text.get(30, TimeUnit.SECONDS)).isEqualTo(Reports.of(recorded).render(ReportFormat.TEXT, SUMMARY));
            assertThat(counting.aggregated).hasValue(1);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void aRawTreeThatFailedToBuildIsBuiltAgainByTheNextReport() {
        AtomicInteger calls = new AtomicInteger();
        ReportTrees.Builder failsOnce = (session, timeline) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first build fails");
            }
            return CallTrees.build(session, timeline);
        };
        Reports reports = new Reports(new ReportTrees(recorded, failsOnce));

        assertThatThrownBy(() -> reports.render(ReportFormat.TEXT, ReportOptions.defaults()))
                .hasMessage("first build fails");
        assertThat(reports.render(ReportFormat.TEXT, ReportOptions.defaults()))
                .isEqualTo(Reports.of(recorded).render(ReportFormat.TEXT, ReportOptions.defaults()));
        reports.render(ReportFormat.JSON, ReportOptions.defaults());
        assertThat(calls).hasValue(2);
    }

    @Test
    void everyTreeReportIsTheSameFromASharedTree() {
        ReportOptions defaults = ReportOptions.defaults();
        for (ReportOptions options : List.of(defaults, SUMMARY, defaults.withTimeline(true))) {
            Reports shared = Reports.of(recorded);
            shared.render(ReportFormat.JSON, options); // the tree built ahead, as the other report's writer would
            for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.COLLAPSED)) {
                String fromShared = shared.render(format, options);
                String fromOwn = Reports.of(recorded).render(format, options);
                String rendererAlone = renderAlone(format, options);

                assertThat(fromShared).as("%s %s", format, options).isEqualTo(fromOwn).isEqualTo(rendererAlone)
                        .isNotBlank();
            }
        }
    }

    private static String renderAlone(ReportFormat format, ReportOptions options) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            format.renderer(options).render(recorded, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
