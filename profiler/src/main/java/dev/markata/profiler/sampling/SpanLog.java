package dev.markata.profiler.sampling;

import java.util.Arrays;
import java.util.Collections;
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

    /**
     * The records appended so far, as a read-only list over the log's own array (no copy: the
     * slots below the size are never written again, and a growing log writes a new array).
     */
    List<SpanRecord> appended() {
        int n = size;
        return Collections.unmodifiableList(Arrays.asList(records).subList(0, n));
    }

    /**
     * Puts each record appended so far at its id in {@code slots}; returns {@code slots}, or a
     * larger copy of it when an id did not fit.
     */
    SpanRecord[] placeById(SpanRecord[] slots) {
        int n = size;
        SpanRecord[] array = records;
        for (int i = 0; i < n; i++) {
            SpanRecord record = array[i];
            if (record.id >= slots.length) {
                slots = Arrays.copyOf(slots, Math.max(record.id + 1, 2 * slots.length));
            }
            slots[record.id] = record;
        }
        return slots;
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
