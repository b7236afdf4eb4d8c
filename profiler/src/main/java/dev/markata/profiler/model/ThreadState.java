package dev.markata.profiler.model;

/**
 * What a thread was doing when it was sampled, as far as the sampler can tell.
 *
 * <p>Reports use it to split wall time into work and waiting. {@code RUNNING} follows the JVM's
 * {@code RUNNABLE}, which includes threads blocked in native I/O.
 */
public enum ThreadState {
    RUNNING,
    /** Blocked on a monitor, parked, waiting on a condition, a future or sleeping. */
    WAITING,
    /** The sampler cannot tell (for example async-profiler's wall mode). */
    UNKNOWN
}
