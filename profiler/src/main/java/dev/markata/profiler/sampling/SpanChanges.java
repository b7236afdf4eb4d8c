package dev.markata.profiler.sampling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The moments one thread's spans opened or closed, as the JDK sampler asks for them while the
 * thread runs: between two of its looks at the thread, in time order (async-profiler's side,
 * which reads them at stop, is {@link SpanTimeline}).
 *
 * <p>The thread's {@link SpanLog} is read on from where the last question left it, never from
 * the start again (a build's worker opens a span per task, thousands, and the sampler asks at
 * every task's edge). The log is in the order the thread opened its spans, so in start order;
 * a span's end is known once it closed. What is kept between questions is the spans read
 * that had not closed by the end of the stretch asked about: at most the thread's nesting.
 * Used by the sampler's thread only, with questions about stretches that follow one another.
 */
final class SpanChanges {

    private final SpanLog log;
    /** How many records of the log have been read. */
    private int read;
    /** Records read whose end was not known, or came after the stretch last asked about. */
    private final List<SpanRecord> unfinished = new ArrayList<>();
    private final List<SpanRecord> fresh = new ArrayList<>();
    private long first;
    private long last;

    SpanChanges(SpanLog log) {
        this.log = log;
    }

    /**
     * Whether a span of the thread opened or closed after {@code from} and at or before
     * {@code to}; then {@link #first()} and {@link #last()} are the first and last such moments.
     * Each question must start at or after the end of the one before.
     */
    boolean between(long from, long to) {
        first = Long.MAX_VALUE;
        last = Long.MIN_VALUE;
        for (Iterator<SpanRecord> it = unfinished.iterator(); it.hasNext(); ) {
            long end = it.next().endNanos;
            if (end != SpanRecord.OPEN && end <= to) {
                note(end, from);
                it.remove(); // later questions start at or after to
            }
        }
        fresh.clear();
        log.copyTo(fresh, read);
        for (SpanRecord span : fresh) {
            if (span.startNanos > to) {
                break; // opened after the stretch: read again by the next question
            }
            read++;
            note(span.startNanos, from);
            long end = span.endNanos;
            if (end != SpanRecord.OPEN && end <= to) {
                note(end, from);
            } else {
                unfinished.add(span);
            }
        }
        fresh.clear();
        return first != Long.MAX_VALUE;
    }

    private void note(long at, long from) {
        if (at > from) {
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
    }

    /** The first change of the stretch last asked about. */
    long first() {
        return first;
    }

    /** The last change of the stretch last asked about. */
    long last() {
        return last;
    }
}
