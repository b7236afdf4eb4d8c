package dev.markata.profiler.sampling;

import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.markata.profiler.model.ThreadState.RUNNING;
import static dev.markata.profiler.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What the JDK sampler's observations of a thread stand for in wall mode: the midpoint rule
 * between observations of one span, the span change between observations of different spans
 * (the rule {@link ThreadRuns} follows, see {@code ThreadRunsTest}).
 */
class JdkSamplerWeightsTest {

    private static final long MS = 1_000_000L;
    private static final int A = 1;
    private static final int B = 2;

    private final JdkSampler sampler = new JdkSampler(TimeMode.WALL);
    private final ThreadContext context = new ThreadContext(Thread.currentThread());

    private SpanRecord span(int id, int parent, long startNanos, long endNanos) {
        SpanRecord span = new SpanRecord(null, context, id, parent, "task", "t" + id, startNanos, -1, -1, Map.of());
        span.endNanos = endNanos;
        context.spans.add(span);
        return span;
    }

    private void observe(long at, int stack, dev.markata.profiler.model.ThreadState state, int span) {
        sampler.observe(context, at, stack, state, span, MS);
    }

    private List<Sample> samplesUntil(long end) {
        JdkSampler.flush(context, end);
        return context.samples.samples();
    }

    @Test
    void observationsOfOneSpanShareTheTimeBetweenThemAtTheMidpoint() {
        observe(1 * MS, A, RUNNING, Span.NONE);
        observe(2 * MS, A, RUNNING, Span.NONE);
        observe(4 * MS, B, RUNNING, Span.NONE);

        assertThat(samplesUntil(5 * MS)).extracting(Sample::startNanos, Sample::endNanos, Sample::stackId, Sample::count)
                .containsExactly(tuple(0L, 3 * MS, A, 2), tuple(3 * MS, 5 * MS, B, 1));
    }

    /**
     * A worker idle in its pool, last seen long before its next task began (under load the
     * sampler's ticks come tens of milliseconds late), had half that idle stretch inside the
     * task: the time between observations of different spans passes at the span change.
     */
    @Test
    void theTimeBetweenObservationsOfDifferentSpansPassesAtTheSpanChange() {
        span(0, Span.NONE, 60 * MS, 140 * MS);
        observe(1 * MS, A, WAITING, Span.NONE); // idle in the pool, then not seen for 69 ms
        for (long at = 70; at <= 130; at += 10) {
            observe(at * MS, B, RUNNING, 0); // the task, from 60 to 140 ms
        }
        observe(190 * MS, A, WAITING, Span.NONE); // idle again, seen 50 ms after the task

        assertThat(samplesUntil(200 * MS)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(0L, 60 * MS, Span.NONE), tuple(60 * MS, 140 * MS, 0),
                        tuple(140 * MS, 200 * MS, Span.NONE));
    }

    /**
     * An observation keeps half an interval either side of itself whatever the spans say (a
     * span opened just before a look is still where that look stands), and observations of one
     * span keep the midpoint even when a span nested in theirs opened and closed unseen between.
     */
    @Test
    void theSpanChangeNeverCutsAnObservationBelowHalfAnIntervalAndOneSpanKeepsTheMidpoint() {
        span(0, Span.NONE, 0, SpanRecord.OPEN);
        span(1, 0, 20 * MS, 30 * MS);
        span(2, 0, 59 * MS + 3 * MS / 4, SpanRecord.OPEN);
        observe(10 * MS, A, RUNNING, 0);
        observe(40 * MS, A, WAITING, 0); // same span, the inner task unseen between
        observe(60 * MS, B, RUNNING, 2); // the late task began 1/4 ms before this look

        assertThat(samplesUntil(70 * MS)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(0L, 25 * MS, 0), tuple(25 * MS, 59 * MS + MS / 2, 0),
                        tuple(59 * MS + MS / 2, 70 * MS, 2));
    }

    /**
     * With several span changes between two observations (a task began and ended unseen between
     * them) neither stands for the stretch from the first change to the last: the thread was in
     * neither's span then.
     */
    @Test
    void aStretchOfSpansNoObservationSawIsInNoSample() {
        span(0, Span.NONE, 20 * MS, 30 * MS); // unseen
        span(1, Span.NONE, 40 * MS, SpanRecord.OPEN);
        observe(10 * MS, A, WAITING, Span.NONE);
        observe(50 * MS, B, RUNNING, 1);

        assertThat(samplesUntil(60 * MS)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(0L, 20 * MS, Span.NONE), tuple(40 * MS, 60 * MS, 1));
    }

    /**
     * A thread's first observation stands for the time since it was registered, but not across
     * a span change: a worker registered by one task, idle, and first seen in its next task.
     */
    @Test
    void theFirstObservationStandsBackNoFurtherThanTheSpanItIsIn() {
        span(0, Span.NONE, 1 * MS, 2 * MS); // the task that registered the worker, unseen
        span(1, Span.NONE, 100 * MS, SpanRecord.OPEN);
        observe(130 * MS, B, RUNNING, 1);

        assertThat(samplesUntil(140 * MS)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(100 * MS, 140 * MS, 1));
    }

    /**
     * The sampler reads a worker's spans as it goes, never from the start again: a worker of a
     * build runs thousands of tasks. Every boundary between tasks is still found.
     */
    @Test
    void everyTaskOfALongRunningWorkerGetsItsOwnTime() {
        int tasks = 2_000;
        for (int i = 0; i < tasks; i++) {
            span(i, Span.NONE, (10L * i + 2) * MS, (10L * i + 8) * MS); // 6 ms tasks, 4 ms idle between
        }
        for (int i = 0; i < tasks; i++) {
            observe((10L * i + 1) * MS, A, WAITING, Span.NONE); // seen once idle, once in each task
            observe((10L * i + 5) * MS, B, RUNNING, i);
        }

        List<Sample> samples = samplesUntil((10L * tasks - 2) * MS); // the last task's end
        assertThat(samples).filteredOn(s -> s.spanId() != Span.NONE).hasSize(tasks)
                .allSatisfy(s -> assertThat(s.endNanos() - s.startNanos()).isEqualTo(6 * MS));
    }
}
