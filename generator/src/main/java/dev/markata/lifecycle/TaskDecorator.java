package dev.markata.lifecycle;

/**
 * Wraps every task submitted to the build executor. {@link #decorate} runs on the submitting
 * thread, so it can capture that thread's context (a profiler's current span, a stack id);
 * the returned runnable runs on the worker thread, where it can install the context, run
 * {@code task}, and remove it again. Decorators registered first end up outermost.
 */
@FunctionalInterface
public interface TaskDecorator {

    Runnable decorate(TaskContext context, Runnable task);
}
