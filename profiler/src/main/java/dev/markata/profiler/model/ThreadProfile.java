package dev.markata.profiler.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything sampled on one thread, in time order.
 *
 * @param threadId the JVM's thread id
 * @param name     the thread's name when it was first seen
 * @param samples  the thread's samples, ordered by {@link Sample#startNanos()}
 */
public record ThreadProfile(long threadId, String name, List<Sample> samples) {

    public ThreadProfile {
        Objects.requireNonNull(name, "name");
        samples = List.copyOf(samples);
    }

    /** The wall time this thread was seen for, summed over its samples. */
    public long totalNanos() {
        long total = 0;
        for (Sample sample : samples) {
            total += sample.durationNanos();
        }
        return total;
    }
}
