package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
        List<SpanRecord> records = new ArrayList<>();
        // two threads' logs one after the other, ids interleaved, one id never logged
        for (int id : new int[] {0, 2, 3, 6}) {
            records.add(record(a, id));
        }
        for (int id : new int[] {1, 5, 7}) {
            records.add(record(a, id));
        }

        assertThat(SessionAssembler.byId(records)).extracting(r -> r.id).containsExactly(0, 1, 2, 3, 5, 6, 7);
    }

    @Test
    void sparseIdsAreSortedToo() {
        ThreadContext a = new ThreadContext(Thread.currentThread());
        List<SpanRecord> records = new ArrayList<>(List.of(record(a, 1_000_000), record(a, 3), record(a, 50_000)));

        assertThat(SessionAssembler.byId(records)).extracting(r -> r.id).containsExactly(3, 50_000, 1_000_000);
    }
}
