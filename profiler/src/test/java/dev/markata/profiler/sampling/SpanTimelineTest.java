package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The innermost span open on a thread at the times its samples are read back. */
class SpanTimelineTest {

    private static final long MS = 1_000_000L;

    /**
     * The innermost span open at each sample, from a worker's log: a stage around many short
     * tasks, most of them over between two samples, one with a span of its own inside, one
     * still open at the stop; an event out of time order is looked up again from the start.
     */
    @Test
    void eachSampleIsInTheInnermostSpanOpenAtItsTime() {
        ThreadContext context = new ThreadContext(Thread.currentThread());
        java.util.List<SpanRecord> log = new java.util.ArrayList<>();
        SpanRecord stage = new SpanRecord(null, context, 0, Span.NONE, "stage", "render", 0, -1, -1, Map.of());
        log.add(stage);
        for (int i = 0; i < 10; i++) { // tasks [10i + 1, 10i + 9] ms; task 5 has a span in [53, 55]
            SpanRecord task = new SpanRecord(null, context, 1 + 2 * i, 0, "task", "t" + i, (10 * i + 1) * MS, -1, -1, Map.of());
            task.endNanos = (10 * i + 9) * MS;
            log.add(task);
            if (i == 5) {
                SpanRecord inner = new SpanRecord(null, context, 2 + 2 * i, 1 + 2 * i, "hook", "h", 53 * MS, -1, -1, Map.of());
                inner.endNanos = 55 * MS;
                log.add(inner);
            }
        }
        SpanRecord open = new SpanRecord(null, context, 30, 0, "task", "open", 101 * MS, -1, -1, Map.of());
        log.add(open);
        stage.endNanos = SpanRecord.OPEN;
        SpanTimeline timeline = new SpanTimeline(log);

        assertThat(new int[] {timeline.spanAt(0), timeline.spanAt(5 * MS), timeline.spanAt(9 * MS),
                timeline.spanAt(50 * MS), timeline.spanAt(54 * MS), timeline.spanAt(56 * MS), timeline.spanAt(95 * MS),
                timeline.spanAt(99 * MS + 1), timeline.spanAt(200 * MS), timeline.spanAt(54 * MS), timeline.spanAt(15 * MS)})
                .containsExactly(0, 1, 0, 0, 12, 11, 19, 0, 30, 12, 3);
    }
}
