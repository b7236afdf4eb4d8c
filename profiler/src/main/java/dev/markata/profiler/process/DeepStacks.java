package dev.markata.profiler.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs tree work on a thread with a large stack. Trees are as deep as the sampled stacks (a
 * runaway recursion gives thousands of frames, and grafted tasks add their submitter's depth),
 * and the processors and renderers walk them recursively: on an ordinary 1 MB thread stack a
 * 3,000-frame tree would overflow. Reserving address space for a big stack costs nothing until
 * it is touched.
 */
public final class DeepStacks {

    /** Enough for several hundred thousand levels of tree recursion. */
    static final long STACK_BYTES = 256L * 1024 * 1024;
    private static final ThreadLocal<Boolean> ON_DEEP_STACK = ThreadLocal.withInitial(() -> false);

    private DeepStacks() {
    }

    /** Work that may throw {@link IOException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} on a thread with a large stack and returns its result (inline if already
     * on one). Exceptions and errors are rethrown in the caller as they are.
     */
    public static <T> T call(Work<T> work) throws IOException {
        if (ON_DEEP_STACK.get()) {
            return work.run();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            ON_DEEP_STACK.set(true);
            try {
                result.set(work.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "markata-profiler-tree", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the work is short; finish it, then restore the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }

    /** Work without a result that may throw {@link IOException}. */
    @FunctionalInterface
    public interface Action {
        void run() throws IOException;
    }

    /** {@link #call} for work without a result, such as writing a report. */
    public static void run(Action action) throws IOException {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** {@link #call} for work without checked exceptions. */
    public static <T> T compute(Supplier<T> work) {
        try {
            return call(work::get);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a Supplier cannot throw it
        }
    }
}
