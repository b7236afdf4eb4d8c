package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAssemblerTest {

    private static SpanRecord record(ThreadContext owner, int id) {
        return new SpanRecord(null, owner, id, Span.NONE, "task", "t" + id, id, -1, -1, Map.of());
    }

    @Test
    void spanRecordsFromSeveralThreadLogsComeOutInIdOrder() {
        ThreadContext a = new ThreadContext(Thread.currentThread());
        // two threads' logs, ids interleaved, one id never logged
        SpanLog first = new SpanLog();
        for (int id : new int[] {0, 2, 3, 6}) {
            first.add(record(a, id));
        }
        SpanLog second = new SpanLog();
        for (int id : new int[] {1, 5, 7}) {
            second.add(record(a, id));
        }

        assertThat(SessionAssembler.byId(List.of(first, second), 8)).extracting(r -> r.id)
                .containsExactly(0, 1, 2, 3, 5, 6, 7);
    }

    /** A span opened while the logs were read has an id past the count taken before: kept, in order. */
    @Test
    void idsPastTheCountTakenFitToo() {
        ThreadContext a = new ThreadContext(Thread.currentThread());
        SpanLog log = new SpanLog();
        for (int id : new int[] {50_000, 3, 1}) {
            log.add(record(a, id));
        }

        assertThat(SessionAssembler.byId(List.of(log), 4)).extracting(r -> r.id).containsExactly(1, 3, 50_000);
    }

    @Test
    void aLogIsReadAsItIsWithoutTheRecordsAddedLater() {
        ThreadContext a = new ThreadContext(Thread.currentThread());
        SpanLog log = new SpanLog();
        for (int id = 0; id < 8; id++) {
            log.add(record(a, id));
        }
        List<SpanRecord> appended = log.appended();
        for (int id = 8; id < 20; id++) { // grows the log's array
            log.add(record(a, id));
        }

        assertThat(appended).extracting(r -> r.id).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(log.appended()).hasSize(20);
    }
}
