package dev.markata.profiler.sampling;

import dev.markata.profiler.SpanScope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Internal: an executor whose tasks carry the submitter's profiling context (see
 * {@link ContextTasks}), and whose futures mark the time a caller waits on them with an
 * {@code await} span. It asks for the current recording at each submit, so an executor wrapped
 * before the profiler starts follows every later recording.
 */
public final class ContextExecutorService implements ExecutorService {

    /** The category of the spans that mark waiting for handed-over work. */
    public static final String AWAIT = "await";
    /** The category of the spans of handed-over work. */
    public static final String TASK = "task";

    private final ExecutorService delegate;
    private final Supplier<Recording> recording;

    public ContextExecutorService(ExecutorService delegate, Supplier<Recording> recording) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recording = Objects.requireNonNull(recording, "recording");
    }

    private Runnable wrap(Runnable task) {
        Recording now = recording.get();
        return now == null ? task : now.decorate(task, TASK, TASK, Map.of());
    }

    private <T> Callable<T> wrap(Callable<T> task) {
        Recording now = recording.get();
        return now == null ? task : now.decorate(task, TASK, TASK, Map.of());
    }

    private <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
        List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            wrapped.add(wrap(task));
        }
        return wrapped;
    }

    private SpanScope await(String name) {
        Recording now = recording.get();
        return now == null || !now.isActive() ? SpanScope.NONE : now.beginSpan(AWAIT, name, Map.of());
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(wrap(command));
    }

    @Override
    public Future<?> submit(Runnable task) {
        return new AwaitFuture<>(delegate.submit(wrap(task)));
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return new AwaitFuture<>(delegate.submit(wrap(task), result));
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return new AwaitFuture<>(delegate.submit(wrap(task)));
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        List<Callable<T>> wrapped = wrapAll(tasks); // inside the submitter's span, not the await span
        try (SpanScope ignored = await("invokeAll")) {
            return delegate.invokeAll(wrapped);
        }
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        List<Callable<T>> wrapped = wrapAll(tasks); // inside the submitter's span, not the await span
        try (SpanScope ignored = await("invokeAll")) {
            return delegate.invokeAll(wrapped, timeout, unit);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        List<Callable<T>> wrapped = wrapAll(tasks); // inside the submitter's span, not the await span
        try (SpanScope ignored = await("invokeAny")) {
            return delegate.invokeAny(wrapped);
        }
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Callable<T>> wrapped = wrapAll(tasks); // inside the submitter's span, not the await span
        try (SpanScope ignored = await("invokeAny")) {
            return delegate.invokeAny(wrapped, timeout, unit);
        }
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        try (SpanScope ignored = await("awaitTermination")) {
            return delegate.awaitTermination(timeout, unit);
        }
    }

    /** A future whose blocking gets are marked as {@code await} spans. */
    private final class AwaitFuture<T> implements Future<T> {
        private final Future<T> future;

        AwaitFuture(Future<T> future) {
            this.future = future;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return future.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            if (future.isDone()) {
                return future.get();
            }
            try (SpanScope ignored = await("future")) {
                return future.get();
            }
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            if (future.isDone()) {
                return future.get(timeout, unit);
            }
            try (SpanScope ignored = await("future")) {
                return future.get(timeout, unit);
            }
        }
    }
}
