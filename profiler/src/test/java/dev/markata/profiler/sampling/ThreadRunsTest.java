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

/** async-profiler's events as they are read back: runs, weights by the midpoint rule, spans. */
class ThreadRunsTest {

    private static final long MS = 1_000_000L;
    private static final long A = 1;
    private static final long B = 2;

    private static List<Sample> deliver(ThreadRuns runs, TimeMode mode) {
        ThreadSamples samples = new ThreadSamples();
        runs.deliverTo(samples, mode, MS);
        return samples.samples();
    }

    private static ThreadRuns noSpans() {
        return new ThreadRuns(List.of());
    }

    @Test
    void consecutiveEventsWithOneStackAreOneRunWeighedByTheMidpointRule() {
        var runs = noSpans();
        for (long at : new long[] {1, 2, 3}) {
            runs.add(at * MS, 0, 1, (int) A, RUNNING);
        }
        runs.add(4 * MS, 0, 1, (int) B, RUNNING);
        runs.add(6 * MS, 0, 1, (int) B, RUNNING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::durationNanos, Sample::stackId,
                Sample::count).containsExactly(tuple(MS / 2, 3 * MS, (int) A, 3), tuple(7 * MS / 2, 3 * MS, (int) B, 2));
    }

    @Test
    void aBatchOfIdleSamplesStandsForItsStretchAndTheStateSplitsRuns() {
        var runs = noSpans();
        runs.add(1 * MS, 0, 1, (int) A, RUNNING);
        runs.add(2 * MS, 10 * MS, 10, (int) A, WAITING); // 10 idle samples from 2 to 12 ms
        runs.add(13 * MS, 0, 1, (int) A, RUNNING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::durationNanos, Sample::state,
                Sample::count).containsExactly(tuple(MS / 2, MS, RUNNING, 1), tuple(3 * MS / 2, 11 * MS, WAITING, 10),
                tuple(25 * MS / 2, MS, RUNNING, 1));
    }

    @Test
    void anEventReadOutOfOrderIsPutInOrderAndNoTimeIsCountedTwiceOrLost() {
        var runs = noSpans();
        runs.add(1 * MS, 0, 1, (int) A, RUNNING);
        runs.add(3 * MS, 0, 1, (int) A, RUNNING);
        runs.add(2 * MS, 0, 1, (int) B, RUNNING); // written late, from another buffer
        runs.add(4 * MS, 0, 1, (int) A, RUNNING);

        List<Sample> samples = deliver(runs, TimeMode.WALL);
        assertThat(samples).extracting(Sample::stackId).contains((int) B);

        assertThat(samples.stream().mapToLong(Sample::durationNanos).sum()).isEqualTo(4 * MS);
        assertThat(samples.stream().mapToInt(Sample::count).sum()).isEqualTo(4);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).startNanos()).isGreaterThanOrEqualTo(samples.get(i - 1).endNanos());
        }
    }

    /**
     * Seen in an agent run: a thread busy for 300 ms in one stack, whose two samples of another
     * stack at 73 and 74 ms were read after all the others (async-profiler wrote them to another
     * buffer). Runs were sorted and weighed by midpoints between neighbours, but the long run
     * already covered those times: it was cut at halfway to the first late one, the first late
     * one had an end before its start and was dropped, and the thread came out at 187 ms
     * instead of 300 ms (1 run in 5 of a test program lost a third of a thread this way).
     */
    @Test
    void eventsReadOutOfOrderInsideALongRunSplitItAndNoTimeIsLost() {
        var runs = noSpans();
        for (long at = 1; at <= 10; at++) {
            runs.add(at * MS, 0, 1, (int) A, RUNNING);
        }
        runs.add(11 * MS, 0, 1, (int) A, RUNNING);
        runs.add(3 * MS + MS / 2, 0, 1, (int) B, RUNNING); // written late, from another buffer
        runs.add(6 * MS + MS / 2, 0, 1, (int) B, RUNNING);
        runs.add(8 * MS + MS / 2, 0, 1, (int) A, RUNNING); // late too, of the long run's stack

        List<Sample> samples = deliver(runs, TimeMode.WALL);
        assertThat(samples.stream().mapToLong(Sample::durationNanos).sum()).as("%s", samples).isEqualTo(11 * MS);
        assertThat(samples.stream().mapToInt(Sample::count).sum()).isEqualTo(14);
        assertThat(samples.stream().filter(s -> s.stackId() == B).mapToLong(Sample::durationNanos).sum())
                .as("%s", samples).isEqualTo(2 * MS);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).startNanos()).isGreaterThanOrEqualTo(samples.get(i - 1).endNanos());
        }
    }

    @Test
    void aBatchOfIdleSamplesEndsWhereTheThreadIsNextSeenAndTheSpansAfterItKeepTheirTime() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        SpanRecord task = new SpanRecord(null, context, 0, Span.NONE, "task", "t", 4 * MS + MS / 2, -1, -1, Map.of());
        task.endNanos = 7 * MS + MS / 2;
        var runs = new ThreadRuns(List.of(task));
        runs.add(1 * MS, 10 * MS, 10, (int) A, WAITING); // says idle until 11 ms, but the thread ran at 5
        runs.add(5 * MS, 0, 1, (int) B, RUNNING);
        runs.add(6 * MS, 0, 1, (int) B, RUNNING);
        runs.add(7 * MS, 0, 1, (int) B, RUNNING);
        runs.add(8 * MS, 0, 1, (int) A, WAITING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::durationNanos, Sample::spanId,
                Sample::count).containsExactly(tuple(MS / 2, 9 * MS / 2, Span.NONE, 10),
                tuple(5 * MS, 5 * MS / 2, 0, 3), tuple(15 * MS / 2, MS, Span.NONE, 1));
    }

    @Test
    void aSpanBoundarySplitsARunOfOneStack() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        SpanRecord span = new SpanRecord(null, context, 0, Span.NONE, "stage", "render", 2 * MS + MS / 2, -1, -1,
                Map.of());
        span.endNanos = 4 * MS + MS / 2;
        var runs = new ThreadRuns(List.of(span));
        for (long at = 1; at <= 6; at++) {
            runs.add(at * MS, 0, 1, (int) A, RUNNING);
        }

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::spanId, Sample::count)
                .containsExactly(tuple(Span.NONE, 2), tuple(0, 2), tuple(Span.NONE, 2));
    }

    /**
     * Under load async-profiler's timer thread is starved like the rest, and its first sample
     * of a thread came late: in the AccuracyTest a session's main thread was first sampled some
     * 200 ms after the start, and those 200 ms were in no sample (its samples covered 88.5 % of
     * the session). A thread watched since it was registered has its time from then: its first
     * sample stands for the stretch before it, as the JDK sampler's first observation does.
     */
    @Test
    void aThreadFirstSampledLateHasItsTimeFromWhenItWasWatched() {
        var runs = noSpans();
        runs.watchedFromNanos = 2 * MS;
        runs.add(30 * MS, 0, 1, (int) A, RUNNING);
        runs.add(31 * MS, 0, 1, (int) A, RUNNING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::durationNanos)
                .containsExactly(tuple(2 * MS, 29 * MS + MS / 2));
    }

    /**
     * The stretch before a late first sample (after a last one) is filed with that sample's
     * stack only as far as the thread's span stayed the same: a worker registered by a task
     * that idled 100 ms before the task first sampled had those 100 ms inside the task
     * (ProfilerTest's STRICT test: 102 ms inside an 80 ms task).
     */
    @Test
    void theStretchesAtTheEndsGoNoFurtherThanTheThreadsSpanStayedTheSame() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        SpanRecord task = new SpanRecord(null, context, 0, Span.NONE, "task", "t", 20 * MS, -1, -1, Map.of());
        task.endNanos = 40 * MS;
        var runs = new ThreadRuns(List.of(task));
        runs.watchedFromNanos = 0;
        runs.endNanos = 100 * MS;
        runs.add(30 * MS, 0, 1, (int) A, RUNNING);
        runs.add(31 * MS, 0, 1, (int) A, RUNNING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(20 * MS, 40 * MS, 0));
    }

    /**
     * Between two runs of different spans the midpoint rule stops at the span change between
     * them, as the stretches at a thread's ends do: a worker idle in its pool, sampled last
     * long before its next task began (async-profiler's wall mode batches idle threads; under
     * load a sample comes late), had half that idle stretch inside the task (ProfilerTest's
     * STRICT test: 111 ms inside an 80 ms task). The idle run keeps its time until the task.
     */
    @Test
    void aStretchBetweenRunsOfDifferentSpansStopsAtTheSpanChange() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        SpanRecord task = new SpanRecord(null, context, 0, Span.NONE, "task", "t", 60 * MS, -1, -1, Map.of());
        task.endNanos = 140 * MS;
        var runs = new ThreadRuns(List.of(task));
        runs.watchedFromNanos = 0;
        runs.endNanos = 200 * MS;
        runs.add(1 * MS, 0, 1, (int) A, WAITING); // idle in the pool, then no sample for 69 ms
        for (long at = 70; at <= 130; at += 10) {
            runs.add(at * MS, 0, 1, (int) B, RUNNING); // the task, from 60 to 140 ms
        }
        runs.add(190 * MS, 0, 1, (int) A, WAITING); // idle again, sampled 50 ms after the task

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(0L, 60 * MS, Span.NONE), tuple(60 * MS, 140 * MS, 0),
                        tuple(140 * MS, 200 * MS, Span.NONE));
    }

    /**
     * A run keeps half an interval either side of itself whatever the spans say, as at the
     * thread's ends (a span opened just before a sample is still where that sample stands),
     * and runs of one span keep the midpoint between them even when a span nested in theirs
     * opened and closed unsampled in between (the thread was in their span all along).
     */
    @Test
    void theSpanChangeNeverCutsARunBelowHalfAnIntervalAndRunsOfOneSpanKeepTheMidpoint() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        SpanRecord outer = new SpanRecord(null, context, 0, Span.NONE, "stage", "s", 0, -1, -1, Map.of());
        SpanRecord inner = new SpanRecord(null, context, 1, 0, "task", "t", 20 * MS, -1, -1, Map.of());
        inner.endNanos = 30 * MS;
        SpanRecord late = new SpanRecord(null, context, 2, 0, "task", "u", 59 * MS + 3 * MS / 4, -1, -1, Map.of());
        var runs = new ThreadRuns(List.of(outer, inner, late));
        runs.watchedFromNanos = 0;
        runs.endNanos = 70 * MS;
        runs.add(10 * MS, 0, 1, (int) A, RUNNING);
        runs.add(40 * MS, 0, 1, (int) A, WAITING); // same span, the inner task unsampled between
        runs.add(60 * MS, 0, 1, (int) B, RUNNING); // the late task began 1/4 ms before this sample

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::endNanos, Sample::spanId)
                .containsExactly(tuple(0L, 25 * MS, 0), tuple(25 * MS, 59 * MS + MS / 2, 0),
                        tuple(59 * MS + MS / 2, 70 * MS, 2));
    }

    /** Known only from its samples (no look found it alive): its time starts at them, as before. */
    @Test
    void aThreadKnownOnlyFromItsSamplesStartsHalfAnIntervalBeforeTheFirst() {
        var runs = noSpans();
        runs.add(30 * MS, 0, 1, (int) A, RUNNING);

        assertThat(deliver(runs, TimeMode.WALL)).extracting(Sample::startNanos, Sample::durationNanos)
                .containsExactly(tuple(30 * MS - MS / 2, MS));
    }

    /**
     * The same at the other end: a thread still alive at the stop whose last sample came long
     * before it (the timer starved) has its time until the stop; one that ended keeps half an
     * interval after its last sample, and no thread has time after the stop.
     */
    @Test
    void aThreadAliveAtTheStopHasItsTimeUntilTheStop() {
        var alive = noSpans();
        alive.endNanos = 50 * MS;
        alive.add(1 * MS, 0, 1, (int) A, RUNNING);
        alive.add(2 * MS, 0, 1, (int) B, RUNNING);
        assertThat(deliver(alive, TimeMode.WALL)).extracting(Sample::startNanos, Sample::endNanos)
                .containsExactly(tuple(MS / 2, 3 * MS / 2), tuple(3 * MS / 2, 50 * MS));

        var ended = noSpans();
        ended.endNanos = 50 * MS;
        ended.ended = true;
        ended.add(1 * MS, 0, 1, (int) A, RUNNING);
        ended.add(2 * MS, 0, 1, (int) B, RUNNING);
        assertThat(deliver(ended, TimeMode.WALL)).extracting(Sample::startNanos, Sample::endNanos)
                .containsExactly(tuple(MS / 2, 3 * MS / 2), tuple(3 * MS / 2, 5 * MS / 2));
    }

    @Test
    void cpuModeCountsOneIntervalPerSample() {
        var runs = noSpans();
        runs.add(1 * MS, 0, 1, (int) A, RUNNING);
        runs.add(2 * MS, 0, 1, (int) A, RUNNING);
        runs.add(9 * MS, 0, 1, (int) B, RUNNING);

        assertThat(deliver(runs, TimeMode.CPU)).extracting(Sample::durationNanos, Sample::count)
                .containsExactly(tuple(2 * MS, 2), tuple(MS, 1));
    }
}
