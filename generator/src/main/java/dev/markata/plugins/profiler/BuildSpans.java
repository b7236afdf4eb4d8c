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
 *       and {@code plugin}, around every task handed to the build executor, on the thread that
 *       does the work, so its samples carry them. With async_mode enabled or strict the span is
 *       the one {@link Profiler#decorate} opens for the task, whose samples are then grafted under
 *       the hook that submitted it; with async_mode disabled (only the build thread is sampled)
 *       it is a plain span, opened when the task starts.</li>
 * </ul>
 *
 * <p>One span per task, not a task span with a document span inside: a 10,000-post build runs
 * 70,000 tasks, and every span is kept, assembled and written into the report. Spans are kept
 * per thread on a small stack and closed on the thread that opened them; a span opened while
 * the profiler was not running is {@link SpanScope#NONE}, so starts and ends always pair up.
 * The first stage event starts the profiler ({@code onFirstStage}), so the profile covers the
 * build from its first stage. No stack is walked per task.
 */
final class BuildSpans implements BuildObserver, TaskDecorator, HandOff {

    private static final String DOCUMENT = "document";
    /** The category reports read as waiting for handed-over work ([await]). */
    private static final String AWAIT = "await";

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

    /**
     * With async_mode disabled only the build thread is sampled, and nothing ties its wait for a
     * batch to the workers' tasks: an {@code "await"} span says what it waits for, so reports
     * count that time as awaiting workers, as the console does, not as the build thread's own
     * waiting. With grafting on, the profiler finds that wait from the tasks' spans.
     */
    @Override
    public void batchWaitStarted(TaskContext batch) {
        if (asyncMode == AsyncMode.DISABLED) {
            push(profiler.span(AWAIT, batch.pluginId(), Map.of("stage", batch.stage().id())));
        }
    }

    @Override
    public void batchWaitFinished(TaskContext batch) {
        if (asyncMode == AsyncMode.DISABLED) {
            pop(false);
        }
    }

    @Override
    public void taskStarted(TaskContext task) {
        // The task's decorated span, when there is one, is this task's: the decorator wraps the
        // body that calls this observer, and the profiler starts before the first stage, so a
        // task decorated while it was not running cannot start while it runs.
        SpanScope decorated = asyncMode == AsyncMode.DISABLED ? SpanScope.NONE : profiler.currentTask();
        push(decorated == SpanScope.NONE ? profiler.span(DOCUMENT, task.document(), attributes(task))
                : new Borrowed(decorated));
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
        return profiler.decorate(DOCUMENT, context.document(), attributes(context), task);
    }

    /**
     * A task's span attributes. A batch hands over thousands of tasks of one stage and plugin in a
     * row, and they share one map (a span that gets a detail of its own copies it first): a map
     * and the stage's id per task were 50,000 of each in a warm 10k build.
     */
    private Map<String, String> attributes(TaskContext task) {
        Attributes last = lastAttributes;
        if (last != null && last.stage() == task.stage() && last.pluginId().equals(task.pluginId())) {
            return last.map();
        }
        Map<String, String> map = Map.of("stage", task.stage().id(), "plugin", task.pluginId());
        lastAttributes = new Attributes(task.stage(), task.pluginId(), map);
        return map;
    }

    /** The attributes of the last task's stage and plugin (any thread may hand tasks over). */
    private record Attributes(Stage stage, String pluginId, Map<String, String> map) {
    }

    private volatile Attributes lastAttributes;

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

    /** The span of a decorated task, seen from inside it: details go to it; its wrapper closes it. */
    private record Borrowed(SpanScope span) implements SpanScope {
        @Override
        public SpanScope attribute(String key, String value) {
            span.attribute(key, value);
            return this;
        }

        @Override
        public void close() {
        }
    }
}
