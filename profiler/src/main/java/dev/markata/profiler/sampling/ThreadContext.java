package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * What one recording knows about one thread: its open spans (touched only by the thread
 * itself) and, once the thread is sampled, its samples (touched only by the sampler).
 */
final class ThreadContext {

    final Thread thread;
    final long threadId;
    final String name;
    /** Open spans, innermost last; only the owning thread reads or writes it. */
    final ArrayDeque<SpanRecord> open = new ArrayDeque<>();
    /** Every span the thread opened; appended only by the thread itself. */
    final SpanLog spans = new SpanLog();
    /** The innermost open span, read by the JDK sampler to tag samples as they are taken. */
    volatile int currentSpanId = Span.NONE;
    /** Set once the thread is registered with the sampler. */
    volatile boolean sampled;
    /** The OS thread id (Linux), read when the thread registers itself; -1 when unknown. */
    volatile long osThreadId = -1;
    /**
     * For a virtual thread that registered itself: the OS id of the carrier it was mounted on
     * (not its own: a carrier runs many virtual threads, and its samples are the carrier's).
     */
    volatile long carrierOsThreadId = -1;
    /**
     * When a look at the live threads first found this sampled thread ended (session
     * nanoseconds), or -1; noted only while async-profiler samples every thread.
     */
    volatile long endedNanos = -1;
    /** When sampling of the thread began, in session nanoseconds. */
    long sampledSinceNanos;

    // Sampler-side state (one sampler thread, or the stopping thread for async-profiler).
    long lastSampleNanos;
    long lastCpuNanos = -1;
    static final int NO_PENDING = Integer.MIN_VALUE;
    /** The JDK sampler's last observation, closed when the next one comes (midpoint rule). */
    int pendingStackId = NO_PENDING;
    long pendingFrom;
    ThreadState pendingState;
    int pendingSpanId;
    final ThreadSamples samples = new ThreadSamples();

    ThreadContext(Thread thread) {
        this.thread = thread;
        this.threadId = thread.getId();
        this.name = thread.getName();
    }

    /**
     * A thread known only from the sampler's recording (a virtual threads' carrier, which
     * async-profiler samples while it runs them); it has no spans and is never registered.
     */
    ThreadContext(long threadId, String name) {
        this.thread = null;
        this.threadId = threadId;
        this.name = name;
    }

    /**
     * Whether {@code thread} is a virtual thread that runs mounted on a carrier (JDK 21+;
     * compiled for 17, so by class rather than {@code Thread.isVirtual()}). A virtual thread
     * bound to its own OS thread is not one.
     */
    static boolean mountsOnCarrier(Thread thread) {
        return thread.getClass().getName().equals("java.lang.VirtualThread");
    }

    /**
     * The calling thread's OS id, from {@code /proc/thread-self} (Linux); -1 elsewhere. Lets
     * async-profiler's samples be matched to the thread even when the OS thread later carries
     * another Java thread (the main thread becomes "DestroyJavaVM" when main returns).
     */
    static long currentOsThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(link.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return -1;
        }
    }

    /** Updates the span the sampler sees after a push or pop. */
    void refreshCurrentSpan() {
        SpanRecord innermost = open.peekLast();
        currentSpanId = innermost == null ? Span.NONE : innermost.id;
    }
}
