package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpanLogTest {

    @Test
    void aReaderWhileTheOwnerAppendsAlwaysSeesAPrefixInOrderWithNoGaps() throws Exception {
        SpanLog log = new SpanLog();
        ThreadContext context = new ThreadContext(Thread.currentThread());
        int total = 200_000;
        SpanRecord[] records = new SpanRecord[total];
        for (int i = 0; i < total; i++) {
            records[i] = new SpanRecord(null, context, i, Span.NONE, "task", "t", i, -1, -1, Map.of());
        }
        Thread writer = new Thread(() -> {
            for (SpanRecord record : records) {
                log.add(record);
            }
        });
        writer.start();
        int reads = 0;
        int lastSize = 0;
        while (writer.isAlive() || reads == 0) {
            List<SpanRecord> seen = log.appended();
            assertThat(seen.size()).isGreaterThanOrEqualTo(lastSize);
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i) != records[i]) {
                    throw new AssertionError("read " + reads + ": record " + i + " of " + seen.size() + " is " + seen.get(i));
                }
            }
            lastSize = seen.size();
            reads++;
        }
        writer.join();
        List<SpanRecord> all = log.appended();
        assertThat(all).hasSize(total);
    }
}
