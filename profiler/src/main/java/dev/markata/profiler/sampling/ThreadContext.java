package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Span;

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
    /** The innermost open span, read by the JDK sampler to tag samples as they are taken. */
    volatile int currentSpanId = Span.NONE;
    /** Set once the thread is registered with the sampler. */
    volatile boolean sampled;
    /** When sampling of the thread began, in session nanoseconds. */
    long sampledSinceNanos;

    // Sampler-side state (one sampler thread, or the stopping thread for async-profiler).
    long lastSampleNanos;
    long lastCpuNanos = -1;
    final ThreadSamples samples = new ThreadSamples();

    ThreadContext(Thread thread) {
        this.thread = thread;
        this.threadId = thread.getId();
        this.name = thread.getName();
    }

    /** Updates the span the sampler sees after a push or pop. */
    void refreshCurrentSpan() {
        SpanRecord innermost = open.peekLast();
        currentSpanId = innermost == null ? Span.NONE : innermost.id;
    }
}
