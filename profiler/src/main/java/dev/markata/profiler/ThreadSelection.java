package dev.markata.profiler;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which threads a {@link Profiler} samples, besides the threads that run work handed over
 * through a wrapped executor (see {@link AsyncMode}).
 *
 * <p>JVM service threads (Reference Handler, Finalizer, Signal Dispatcher, Common-Cleaner, ...)
 * and the profiler's own threads are never sampled, whatever the selection.
 */
public final class ThreadSelection {

    private static final ThreadSelection STARTING = new ThreadSelection("the starting thread", null);
    private static final ThreadSelection ALL = new ThreadSelection("all threads", thread -> true);

    private final String description;
    private final Predicate<Thread> predicate;

    private ThreadSelection(String description, Predicate<Thread> predicate) {
        this.description = description;
        this.predicate = predicate;
    }

    /** Only the thread that calls {@link Profiler#start()} (the default). */
    public static ThreadSelection startingThread() {
        return STARTING;
    }

    /**
     * Every application thread, including threads started while profiling, however briefly
     * they live: async-profiler samples every thread of the process and the service threads
     * are left out when its recording is read; the JDK sampler looks for new threads at every
     * tick.
     */
    public static ThreadSelection allThreads() {
        return ALL;
    }

    /**
     * The starting thread plus every live thread {@code predicate} accepts, checked when the
     * thread is first seen (the JDK sampler looks at every tick; with async-profiler, which
     * needs each thread added, a watcher looks every 10 ms, so a thread that lives less than
     * that may be missed and the first milliseconds of the others are).
     *
     * @param description what the predicate selects, for the session header ("pool-*")
     */
    public static ThreadSelection matching(String description, Predicate<Thread> predicate) {
        return new ThreadSelection(Objects.requireNonNull(description, "description"),
                Objects.requireNonNull(predicate, "predicate"));
    }

    /** True when only the starting thread is selected (no thread scan is needed). */
    public boolean startingThreadOnly() {
        return predicate == null;
    }

    /**
     * Whether {@code thread} is selected (the starting thread always is, unless it is a service
     * thread: an agent attached to a running JVM starts on its "Attach Listener").
     */
    public boolean test(Thread thread) {
        return predicate != null && predicate.test(thread);
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
