package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the innermost span open on one thread at increasing times, as async-profiler's events
 * are read back at the stop (the JDK sampler's side, which asks while the thread runs, is
 * {@link SpanChanges}), and the moments around a sample when the thread's span changed, where
 * {@link ThreadRuns} stops a run's time.
 */
final class SpanTimeline {
    private final List<SpanRecord> byStart;
    private final List<SpanRecord> active = new ArrayList<>();
    private int next;
    private long lastNanos = Long.MIN_VALUE;
    private long[] changes;

    /** {@code spans}: the thread's spans, kept as they are when in start order (not modified). */
    SpanTimeline(List<SpanRecord> spans) {
        // A thread's log is in this order already (it opens its spans one after another);
        // checked rather than sorted, which under C1 cost more than the check, and not copied.
        boolean sorted = true;
        SpanRecord before = null;
        for (SpanRecord span : spans) {
            if (before != null && !(before.startNanos < span.startNanos
                    || (before.startNanos == span.startNanos && before.id < span.id))) {
                sorted = false;
                break;
            }
            before = span;
        }
        if (sorted) {
            byStart = spans;
        } else {
            byStart = new ArrayList<>(spans);
            byStart.sort(Comparator.comparingLong((SpanRecord s) -> s.startNanos).thenComparingInt(s -> s.id));
        }
    }

    /**
     * The last moment at or before {@code nanos} when a span opened or closed, or
     * {@code Long.MIN_VALUE}. Searched in the sorted moments: asked at every change of span
     * between two runs, a scan of a worker's spans (one per task) made it quadratic.
     */
    long lastChangeAtOrBefore(long nanos) {
        long[] at = changes();
        int i = insertionPoint(at, nanos + 1) - 1; // the last index with a moment <= nanos
        return i < 0 ? Long.MIN_VALUE : at[i];
    }

    /** The first moment after {@code nanos} when a span opened or closed, or {@code Long.MAX_VALUE}. */
    long firstChangeAfter(long nanos) {
        long[] at = changes();
        int i = nanos == Long.MAX_VALUE ? at.length : insertionPoint(at, nanos + 1);
        return i < at.length ? at[i] : Long.MAX_VALUE;
    }

    /** The index of the first moment at or after {@code nanos}. */
    private static int insertionPoint(long[] sorted, long nanos) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Every moment a span of the thread opened or closed, sorted; made when first asked. */
    private long[] changes() {
        if (changes == null) {
            long[] at = new long[2 * byStart.size()];
            int n = 0;
            for (SpanRecord span : byStart) {
                at[n++] = span.startNanos;
                if (span.endNanos != SpanRecord.OPEN) {
                    at[n++] = span.endNanos;
                }
            }
            changes = Arrays.copyOf(at, n);
            Arrays.sort(changes);
        }
        return changes;
    }

    int spanAt(long nanos) {
        if (nanos < lastNanos) { // an event out of time order: sweep again from the start
            next = 0;
            active.clear();
        }
        lastNanos = nanos;
        // The spans that ended before this sample are dropped: those that started since the
        // sample before (a worker runs dozens of tasks between two samples) are not even added.
        int kept = 0;
        for (int i = 0; i < active.size(); i++) {
            SpanRecord span = active.get(i);
            if (!endedBy(span, nanos)) {
                active.set(kept++, span);
            }
        }
        while (active.size() > kept) {
            active.remove(active.size() - 1);
        }
        int size = byStart.size();
        while (next < size) {
            SpanRecord span = byStart.get(next);
            if (span.startNanos > nanos) {
                break;
            }
            next++;
            if (!endedBy(span, nanos)) {
                active.add(span);
            }
        }
        return active.isEmpty() ? Span.NONE : active.get(active.size() - 1).id;
    }

    private static boolean endedBy(SpanRecord span, long nanos) {
        long end = span.endNanos;
        return end != SpanRecord.OPEN && end <= nanos;
    }
}
