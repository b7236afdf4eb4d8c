package dev.markata.profiler.sampling;

import dev.markata.profiler.Session;

import java.time.Duration;

/**
 * Takes stack samples of the threads a {@link Recording} selects and hands them to it as
 * {@link ThreadContext#samples}. Two implementations: {@link AsyncProfilerSampler} (preferred)
 * and {@link JdkSampler} (the JDK alone). Nothing outside this package sees either.
 */
interface Sampler {

    /** The smallest interval this sampler really holds on a 2-vCPU machine. */
    Duration floor();

    /** Starts sampling the threads registered so far; later ones arrive via {@link #addThread}. */
    void start(Recording recording, Duration interval) throws Exception;

    /** A thread to sample from now on (called once per thread, on any thread). */
    void addThread(ThreadContext context);

    /**
     * Whether this sampler looks for the threads to sample itself, at every tick (through
     * {@link Recording#watchThreads(long)}), so the recording needs no watcher thread.
     */
    default boolean watchesThreads(Recording recording) {
        return false;
    }

    /**
     * When and why sampling stopped before {@link #stop} ({@code "at 1.234 s: OutOfMemoryError:
     * Java heap space"}), or null when it ran to the end.
     */
    default String stoppedEarly() {
        return null;
    }

    /** Stops sampling; when it returns, every sample is in its thread's {@link ThreadSamples}. */
    void stop(Recording recording);

    /** Name and detail for the session header. */
    Session.SamplerInfo info(String why);
}
