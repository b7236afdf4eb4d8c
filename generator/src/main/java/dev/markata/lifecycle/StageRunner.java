package dev.markata.lifecycle;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the stages of one build in order, each stage's hooks in priority then list order, timing
 * every stage and hook and telling the observers. The first failing hook stops the build;
 * {@link Stage#TEARDOWN} then runs exactly once, whatever happened (also from
 * {@link #interrupt()} when the process is being stopped).
 */
public final class StageRunner {

    private final List<ScheduledHook> hooks;
    private final BuildObserver observer;
    private final TimingRecorder timings;
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private final AtomicReference<BuildFailure> failure = new AtomicReference<>();
    private volatile Stage current;

    public StageRunner(List<ScheduledHook> hooks, BuildObserver observer, TimingRecorder timings) {
        this.hooks = List.copyOf(hooks);
        this.observer = observer;
        this.timings = timings;
    }

    /**
     * Runs every stage up to and including {@code last} (then teardown).
     *
     * @throws BuildException if a hook failed, after teardown ran
     */
    public void run(Stage last) throws BuildException {
        try {
            for (Stage stage : Stage.inOrder()) {
                if (stage == Stage.TEARDOWN || last.isBefore(stage)) {
                    break;
                }
                if (!runStage(stage) || failure.get() != null) {
                    break;
                }
            }
        } finally {
            teardown();
        }
        BuildFailure failed = failure.get();
        if (failed != null) {
            throw new BuildException(failed);
        }
    }

    /** The failure so far, if any (plugins read it at teardown). */
    public Optional<BuildFailure> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * The process is being stopped (Ctrl-C): records the interruption as the build's failure and
     * runs teardown now if it has not run. Safe to call from a shutdown hook.
     */
    public void interrupt() {
        Stage stage = current == null ? Stage.CONFIG_MODEL : current;
        fail(BuildFailure.interruption(stage));
        teardown();
    }

    private boolean runStage(Stage stage) {
        current = stage;
        List<ScheduledHook> stageHooks = ScheduledHook.forStage(hooks, stage);
        long start = System.nanoTime();
        observer.stageStarted(stage);
        boolean ok = true;
        for (ScheduledHook hook : stageHooks) {
            if (!runHook(hook)) {
                ok = false;
                if (stage != Stage.TEARDOWN) {
                    break;
                }
            }
        }
        long elapsed = System.nanoTime() - start;
        timings.stage(stage, elapsed, !ok);
        observer.stageFinished(stage, elapsed, !ok);
        return ok;
    }

    private boolean runHook(ScheduledHook hook) {
        long start = System.nanoTime();
        observer.hookStarted(hook.stage(), hook.pluginId());
        Throwable thrown = null;
        try {
            hook.call().run();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            thrown = e;
        }
        long elapsed = System.nanoTime() - start;
        timings.hook(hook.stage(), hook.pluginId(), elapsed, thrown != null);
        observer.hookFinished(hook.stage(), hook.pluginId(), elapsed, thrown != null);
        if (thrown != null) {
            if (thrown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            fail(new BuildFailure(hook.stage(), hook.pluginId(), problems(thrown)));
            return false;
        }
        return true;
    }

    private static List<BuildFailure.Problem> problems(Throwable thrown) {
        if (thrown instanceof DocumentFailures documents) {
            return documents.problems();
        }
        if (thrown instanceof BuildException build) {
            return build.failure().problems();
        }
        if (thrown instanceof InterruptedException) {
            return List.of(new BuildFailure.Problem(null, "interrupted", thrown));
        }
        return List.of(new BuildFailure.Problem(null, BuildExecutor.message(thrown), thrown));
    }

    private void fail(BuildFailure failed) {
        if (failure.compareAndSet(null, failed)) {
            observer.buildFailed(failed);
        }
    }

    private void teardown() {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        // every teardown hook runs even if one fails; the first failure of the build is kept
        runStage(Stage.TEARDOWN);
    }
}
