package dev.markata.profiler.sampling;

import java.util.concurrent.Callable;

/**
 * Tasks that carry their submitter's context to the thread that runs them. On the worker they
 * register the thread for sampling (unless {@code asyncMode} is DISABLED) and open a span whose
 * parent is the submitter's innermost span and whose origin is the submitting thread and time;
 * the session's {@code originStackId} is later read from the submitter's own samples.
 */
final class ContextTasks {

    private ContextTasks() {
    }

    static final class ContextRunnable implements Runnable {
        private final Recording recording;
        private final Recording.TaskOrigin origin;
        private final Runnable task;

        ContextRunnable(Recording recording, Recording.TaskOrigin origin, Runnable task) {
            this.recording = recording;
            this.origin = origin;
            this.task = task;
        }

        @Override
        public void run() {
            if (!recording.isActive()) {
                task.run();
                return;
            }
            SpanRecord span = recording.enterTask(origin);
            try {
                task.run();
            } finally {
                span.close();
            }
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }

    static final class ContextCallable<T> implements Callable<T> {
        private final Recording recording;
        private final Recording.TaskOrigin origin;
        private final Callable<T> task;

        ContextCallable(Recording recording, Recording.TaskOrigin origin, Callable<T> task) {
            this.recording = recording;
            this.origin = origin;
            this.task = task;
        }

        @Override
        public T call() throws Exception {
            if (!recording.isActive()) {
                return task.call();
            }
            SpanRecord span = recording.enterTask(origin);
            try {
                return task.call();
            } finally {
                span.close();
            }
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }
}
