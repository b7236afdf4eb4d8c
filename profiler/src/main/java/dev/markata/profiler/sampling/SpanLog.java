package dev.markata.profiler.sampling;

import java.util.Arrays;
import java.util.List;

/**
 * The spans one thread opened, in the order it opened them. Appended only by that thread (no
 * lock, no compare-and-set shared with other threads: task spans are opened by every worker for
 * every task) and read by the thread that stops the recording.
 *
 * <p>Safe publication: the writer stores the record, then the size (volatile); when it grows the
 * array it publishes the copy (volatile) before storing into it. A reader reads the size first,
 * then the array, so it sees an array holding at least that many records.
 */
final class SpanLog {

    private volatile SpanRecord[] records = new SpanRecord[8];
    private volatile int size;

    /** Appends {@code record}; called only by the owning thread. */
    void add(SpanRecord record) {
        SpanRecord[] array = records;
        int n = size;
        if (n == array.length) {
            array = Arrays.copyOf(array, n * 2);
            records = array;
        }
        array[n] = record;
        size = n + 1;
    }

    /** Adds the records appended so far to {@code out}; any thread. */
    void copyTo(List<SpanRecord> out) {
        copyTo(out, 0);
    }

    /**
     * Adds the records appended so far from index {@code from} on to {@code out}; any thread.
     * For a reader that follows the log as it grows (the JDK sampler), without copying it all.
     */
    void copyTo(List<SpanRecord> out, int from) {
        int n = size;
        SpanRecord[] array = records;
        for (int i = from; i < n; i++) {
            out.add(array[i]);
        }
    }
}
