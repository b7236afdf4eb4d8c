package dev.markata.lifecycle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.content.Utf8;
import dev.markata.plugin.PluginException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Runs per-document work of a build in parallel, on threads the build owns, knowing for each
 * task the stage, plugin and document it belongs to. Around every task it calls the
 * {@link BuildObserver}s (on the worker thread) and applies the {@link TaskDecorator}s (captured
 * on the submitting thread), and it adds the task's time to the hook's figures.
 *
 * <p>A batch started from inside a task runs inline on that worker, so nested batches never
 * wait for threads that are all busy waiting.
 */
public final class BuildExecutor implements AutoCloseable {

    /** Per-document work; may throw, the executor records it against the document. */
    @FunctionalInterface
    public interface DocumentTask<T, R> {
        R apply(T item) throws Exception;
    }

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** The executor whose worker the current thread is, if any (nested batches run inline). */
    private static final ThreadLocal<BuildExecutor> WORKER_OF = new ThreadLocal<>();

    private final int workers;
    private final ExecutorService pool;
    private final BuildObserver observer;
    private final List<TaskDecorator> decorators;
    private final TimingRecorder timings;

    /**
     * @param workers    threads; 1 runs every batch inline on the calling thread (serial builds)
     * @param observer   told about each task on the thread that runs it
     * @param decorators wrap each task, first registered outermost
     * @param timings    receives each task's time
     */
    public BuildExecutor(int workers, BuildObserver observer, List<TaskDecorator> decorators, TimingRecorder timings) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        }
        this.workers = workers;
        this.observer = Objects.requireNonNull(observer);
        this.decorators = List.copyOf(decorators);
        this.timings = Objects.requireNonNull(timings);
        int pool = POOLS.incrementAndGet();
        if (workers == 1) {
            this.pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Runnable worker = () -> {
                    WORKER_OF.set(this);
                    r.run();
                };
                Thread t = new Thread(worker, "markata-build-" + pool + "-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(workers, factory);
        }
    }

    public int workers() {
        return workers;
    }

    /**
     * Applies {@code task} to every item, in parallel, and returns the results in the items'
     * order. Every item is tried; if any failed, throws {@link DocumentFailures} listing each
     * failed document (a {@code PluginException}'s message is shown as is, other exceptions
     * with their type).
     *
     * @param stage      the running stage
     * @param pluginId   the plugin doing the work
     * @param items      the items (posts, files)
     * @param documentOf the document name of an item, for context and error messages
     */
    public <T, R> List<R> map(Stage stage, String pluginId, List<T> items, Function<T, String> documentOf,
                              DocumentTask<T, R> task) throws DocumentFailures, InterruptedException {
        if (items.isEmpty()) {
            return List.of();
        }
        TaskContext batch = new TaskContext(stage, pluginId, "*");
        observer.tasksSubmitted(batch, items.size());
        Object[] results = new Object[items.size()];
        BuildFailure.Problem[] problems = new BuildFailure.Problem[items.size()];
        List<Runnable> runnables = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            int index = i;
            TaskContext context = new TaskContext(stage, pluginId, documentOf.apply(item));
            Runnable body = () -> {
                long start = System.nanoTime();
                observer.taskStarted(context);
                boolean failed = false;
                try {
                    results[index] = task.apply(item);
                } catch (Exception | LinkageError | AssertionError e) {
                    failed = true;
                    problems[index] = new BuildFailure.Problem(context.document(), describe(context.document(), e), e);
                } finally {
                    long elapsed = System.nanoTime() - start;
                    timings.task(context, elapsed);
                    observer.taskFinished(context, elapsed, failed);
                }
            };
            // The decorators are applied here, not in a helper method: a profiler grafts the
            // task at this frame (where the work was handed over), and a helper's frame would
            // stand between map and the work in every profile.
            Runnable decorated = body;
            for (int d = decorators.size() - 1; d >= 0; d--) {
                decorated = Objects.requireNonNull(decorators.get(d).decorate(context, decorated),
                        "a TaskDecorator returned null");
            }
            runnables.add(decorated);
        }
        if (pool == null || items.size() == 1 || isWorkerThread()) {
            for (Runnable r : runnables) {
                r.run();
            }
        } else {
            runInPool(runnables, batch);
        }
        List<BuildFailure.Problem> failed = Arrays.stream(problems).filter(Objects::nonNull).toList();
        if (!failed.isEmpty()) {
            throw new DocumentFailures(failed);
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return list;
    }

    /**
     * Runs the batch on the pool and waits for all of it. One latch, not a wait on each task's
     * future: waiting on futures in turn wakes the caller once per finished task (10,000 wake-ups
     * for a 10,000-post stage, a few percent of a cold build's CPU); the latch wakes it once. The
     * latch is counted down by {@link BatchTask#done}, after the task, so no frame of ours stands
     * between the pool and the task in a profile.
     */
    private void runInPool(List<Runnable> runnables, TaskContext batch) throws InterruptedException {
        CountDownLatch finished = new CountDownLatch(runnables.size());
        List<BatchTask> tasks = new ArrayList<>(runnables.size());
        for (Runnable r : runnables) {
            BatchTask task = new BatchTask(r, finished);
            tasks.add(task);
            pool.execute(task);
        }
        try {
            observer.batchWaitStarted(batch);
            try {
                finished.await();
            } finally {
                observer.batchWaitFinished(batch);
            }
            for (BatchTask task : tasks) {
                task.get(); // all done: throws only for a task that ended in an Error
            }
        } catch (InterruptedException e) {
            tasks.forEach(t -> t.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            // Each task catches its own failures; only an Error (out of memory...) gets here.
            tasks.forEach(t -> t.cancel(true));
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A task of a batch run on the pool: counts the batch's latch down once it is over, however it ended. */
    private static final class BatchTask extends FutureTask<Void> {
        private final CountDownLatch finished;

        BatchTask(Runnable task, CountDownLatch finished) {
            super(task, null);
            this.finished = finished;
        }

        @Override
        protected void done() {
            finished.countDown();
        }
    }

    private boolean isWorkerThread() {
        return WORKER_OF.get() == this;
    }

    /** A one-line, user-facing description of a document's failure. */
    static String describe(String document, Throwable e) {
        String message = message(e);
        return message.startsWith(document) ? message : document + ": " + message;
    }

    /**
     * What to tell the user of {@code e}: its message when it is written for users; for a file
     * the system refused (a post or folder the build may not read), the file and the system's
     * reason, without the exception's class name; else the exception as it prints (a bug).
     */
    static String message(Throwable e) {
        if (isUserFacing(e) && e.getMessage() != null) {
            return e.getMessage();
        }
        Throwable io = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (io instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = io instanceof AccessDeniedException ? "permission denied"
                    : io instanceof NoSuchFileException ? "no such file or folder"
                    : fs.getReason() != null ? fs.getReason() : io.getClass().getSimpleName();
            return fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
        }
        return e.toString();
    }

    /** Whether the exception carries a message written for users (its type name adds nothing). */
    static boolean isUserFacing(Throwable e) {
        return e instanceof PluginException || e instanceof OutputDir.WriteFailed || e instanceof Utf8.Invalid
                || e instanceof Post.PageNotKept
                || e instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof OutputDir.WriteFailed;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
