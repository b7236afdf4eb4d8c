package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.ThreadState;

import java.util.ArrayList;
import java.util.List;

/**
 * The samples of one thread, merged as they arrive: a sample with the same stack, state and
 * span as the previous one only extends it, so memory grows with how often the stack changes,
 * not with how long the thread ran. Only contiguous samples merge (a gap longer than the new
 * sample itself starts a new one), and durations are summed, so weights stay exact. Written by
 * one thread at a time.
 */
final class ThreadSamples {

    private final List<Sample> done = new ArrayList<>();
    private long start = -1;
    private long duration;
    private int stackId;
    private ThreadState state;
    private int spanId;
    private int count;

    void add(long startNanos, long durationNanos, int stackId, ThreadState state, int spanId, int count) {
        if (this.count > 0 && stackId == this.stackId && state == this.state && spanId == this.spanId
                && startNanos - (this.start + this.duration) <= durationNanos) {
            this.duration += durationNanos;
            this.count += count;
            return;
        }
        flush();
        this.start = startNanos;
        this.duration = durationNanos;
        this.stackId = stackId;
        this.state = state;
        this.spanId = spanId;
        this.count = count;
    }

    private void flush() {
        if (count > 0) {
            done.add(new Sample(start, duration, stackId, state, spanId, count));
            count = 0;
        }
    }

    boolean isEmpty() {
        return count == 0 && done.isEmpty();
    }

    /** The merged samples in time order. */
    List<Sample> samples() {
        flush();
        return done;
    }
}
