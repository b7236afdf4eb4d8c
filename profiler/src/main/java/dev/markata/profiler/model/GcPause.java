package dev.markata.profiler.model;

import java.util.Objects;

/**
 * One stop-the-world garbage collection pause seen during a recording: every application
 * thread stood still for its length.
 *
 * <p>Times come from the JVM's {@code GcInfo} (its start and end in milliseconds since the JVM
 * started), so each is to the millisecond: a 0.3 ms young pause reads 0 or 1 ms. The error of
 * the start and of the end is alike, so a sum over many pauses is right on average.
 *
 * @param startNanos    start, in nanoseconds since the session started
 * @param durationNanos length
 * @param collector     the JVM's collector ("Copy", "G1 Young Generation", "ZGC Minor Pauses")
 * @param action        what it did, in the JVM's words ("end of minor GC", "end of major GC",
 *                      "end of concurrent GC pause" for G1's remark and cleanup, a Shenandoah
 *                      phase such as "Final Mark")
 * @param cause         why it ran ("Allocation Failure", "G1 Evacuation Pause", "System.gc()")
 */
public record GcPause(long startNanos, long durationNanos, String collector, String action, String cause) {

    public GcPause {
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(cause, "cause");
        if (durationNanos < 0) {
            throw new IllegalArgumentException("GC pause of " + collector + " has a negative duration: " + durationNanos);
        }
    }

    public long endNanos() {
        return startNanos + durationNanos;
    }

    /** How much of this pause falls between {@code fromNanos} and {@code toNanos} (session nanoseconds). */
    public long overlapNanos(long fromNanos, long toNanos) {
        return Math.max(0, Math.min(endNanos(), toNanos) - Math.max(startNanos, fromNanos));
    }
}
