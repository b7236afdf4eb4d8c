package dev.markata.plugins.profiler;

import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.lifecycle.TaskDecorator;
import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.HandOff;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SpanScope;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the build's events into profiler spans, so the report can say where time went by
 * stage, plugin and document:
 *
 * <ul>
 *   <li>{@code "stage"} spans named by the stage id ({@code render}), on the build thread;</li>
 *   <li>{@code "hook"} spans named by the plugin id, attribute {@code stage}, inside their stage;</li>
 *   <li>{@code "document"} spans named by the document's source path, attributes {@code stage}
 *       and {@code plugin}, opened on the worker thread that does the work, so the worker's
 *       samples carry them;</li>
 *   <li>{@code "task"} spans, made by {@link Profiler#decorate}, around every task handed to the
 *       build executor: the worker's samples are grafted under the hook that submitted them
 *       (async_mode enabled / strict).</li>
 * </ul>
 *
 * <p>Spans are kept per thread on a small stack and closed on the thread that opened them; a
 * span opened while the profiler was not running is {@link SpanScope#NONE}, so starts and ends
 * always pair up. The first stage event starts the profiler ({@code onFirstStage}), so the
 * profile covers the build from its first stage. Per task this costs two span opens and closes
 * and one decoration: no stack is walked.
 */
final class BuildSpans implements BuildObserver, TaskDecorator, HandOff {

    private final Profiler profiler;
    private final AsyncMode asyncMode;
    private final Consumer<Stage> onFirstStage;
    private final ThreadLocal<ArrayDeque<SpanScope>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private boolean firstStageSeen;

    /**
     * @param onFirstStage called once, on the build thread, before the first stage's span opens
     *                     (starts the profiler; must not throw)
     */
    BuildSpans(Profiler profiler, AsyncMode asyncMode, Consumer<Stage> onFirstStage) {
        this.profiler = profiler;
        this.asyncMode = asyncMode;
        this.onFirstStage = onFirstStage;
    }

    @Override
    public void stageStarted(Stage stage) {
        synchronized (this) {
            if (!firstStageSeen) {
                firstStageSeen = true;
                onFirstStage.accept(stage);
            }
        }
        push(profiler.span("stage", stage.id()));
    }

    @Override
    public void stageFinished(Stage stage, long elapsedNanos, boolean failed) {
        pop(failed);
    }

    @Override
    public void hookStarted(Stage stage, String pluginId) {
        push(profiler.span("hook", pluginId, Map.of("stage", stage.id())));
    }

    @Override
    public void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
        pop(failed);
    }

    @Override
    public void taskStarted(TaskContext task) {
        push(profiler.span("document", task.document(), Map.of("stage", task.stage().id(), "plugin", task.pluginId())));
    }

    @Override
    public void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
        pop(failed);
    }

    @Override
    public Runnable decorate(TaskContext context, Runnable task) {
        if (asyncMode == AsyncMode.DISABLED) {
            return task; // only the build thread is profiled: nothing to carry over
        }
        return profiler.decorate("task", context.document(), task);
    }

    private void push(SpanScope scope) {
        open.get().addLast(scope);
    }

    private void pop(boolean failed) {
        SpanScope scope = open.get().pollLast();
        if (scope == null) {
            return;
        }
        try {
            if (failed) {
                scope.attribute("failed", "true");
            }
            scope.close();
        } catch (RuntimeException e) {
            // a span the profiler no longer tracks (it stopped meanwhile): nothing to close
        }
    }
}
