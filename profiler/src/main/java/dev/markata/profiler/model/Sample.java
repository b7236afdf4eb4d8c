package dev.markata.profiler.model;

import java.util.Objects;

/**
 * A thread seen at one stack for a stretch of time.
 *
 * <p>Samples are weighted by the real time they stand for ({@code durationNanos}), not by a
 * fixed tick, and consecutive samples of one thread with the same stack, state and span may be
 * merged into one: so a session grows with how often stacks change, not with how long it ran.
 *
 * @param startNanos    when the stretch began, in nanoseconds since the session started
 * @param durationNanos how much wall time this sample stands for (&gt; 0)
 * @param stackId       index into the session's {@link StackTable}; {@link StackTable#EMPTY} for
 *                      a thread seen with no Java frames
 * @param state         what the thread was doing
 * @param spanId        the innermost {@link Span} open for this thread's work at the time, or
 *                      {@link Span#NONE}
 * @param count         how many raw samples were merged into this one (&gt;= 1)
 */
public record Sample(long startNanos, long durationNanos, int stackId, ThreadState state, int spanId, int count) {

    public Sample {
        Objects.requireNonNull(state, "state");
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must be >= 0: " + durationNanos);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }
}
