package dev.markata.lifecycle;

/**
 * Watches a build as it runs. Every method is called synchronously on the thread where the
 * event happens: stage and hook events on the build's main thread, task events on the build
 * executor's worker thread that runs the task (or on the main thread when the executor runs a
 * batch inline). Methods must be cheap, thread-safe and must not throw.
 *
 * <p>Register one from a plugin with {@code PluginSetup.observe(...)}, or from the embedding
 * program with {@code Markata.Builder.observer(...)}.
 */
public interface BuildObserver {

    default void stageStarted(Stage stage) {
    }

    default void stageFinished(Stage stage, long elapsedNanos, boolean failed) {
    }

    default void hookStarted(Stage stage, String pluginId) {
    }

    default void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
    }

    /**
     * A hook handed {@code count} documents to the build executor; {@code batch.document()} is
     * "*". Called on the submitting thread before any of them starts.
     */
    default void tasksSubmitted(TaskContext batch, int count) {
    }

    /**
     * The submitting thread starts waiting for a batch it handed to the build executor's
     * threads ({@code batch.document()} is "*"); not called for a batch run inline.
     */
    default void batchWaitStarted(TaskContext batch) {
    }

    /** The submitting thread's wait for its batch is over, however the batch ended. */
    default void batchWaitFinished(TaskContext batch) {
    }

    default void taskStarted(TaskContext task) {
    }

    default void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
    }

    /** The build failed (called once, before teardown runs). */
    default void buildFailed(BuildFailure failure) {
    }
}
