package dev.markata.profiler.sampling;

import dev.markata.profiler.TestStacks;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.markata.profiler.model.ThreadState.RUNNING;
import static dev.markata.profiler.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The origin rule on hand-built recordings: stacks root first, {@code Class.method} per frame,
 * classes under {@code app.} application code; times in milliseconds.
 */
class TaskOriginsTest {

    private static final String HOOK = "app.Main.main;app.Stage.run;app.Hook.run";
    private static final String WAIT_TAIL = ";dev.markata.profiler.sampling.ContextExecutorService$AwaitFuture.get"
            + ";java.util.concurrent.FutureTask.get;jdk.internal.misc.Unsafe.park";
    private static final String SUBMIT_TAIL = ";dev.markata.profiler.sampling.ContextExecutorService.submit"
            + ";dev.markata.profiler.sampling.Recording.decorate;dev.markata.profiler.sampling.Recording.captureOrigin"
            + ";java.lang.StackWalker.walk";
    private static final String WORKER = "java.lang.Thread.run;app.BuildExecutor.worker"
            + ";java.util.concurrent.ThreadPoolExecutor.runWorker;dev.markata.profiler.sampling.ContextTasks$ContextRunnable.run";

    /** A recording being written by hand. */
    private static final class Recorded {
        final TestStacks stacks = new TestStacks();
        final List<Span> spans = new ArrayList<>();
        final Map<Long, List<Sample>> samples = new LinkedHashMap<>();
        final Map<Integer, Integer> submitStacks = new HashMap<>();

        int span(int parent, String category, long thread, double startMs, double endMs) {
            int id = spans.size();
            spans.add(new Span(id, parent, category, category + id, thread, nanos(startMs), nanos(endMs),
                    StackTable.EMPTY, Map.of()));
            return id;
        }

        Recorded sample(long thread, double startMs, double endMs, String stack, ThreadState state, int span) {
            samples.computeIfAbsent(thread, t -> new ArrayList<>()).add(new Sample(nanos(startMs),
                    nanos(endMs) - nanos(startMs), stacks.stackId(stack), state, span, 1));
            return this;
        }

        Recorded submittedFrom(int span, String stack) {
            submitStacks.put(span, stacks.stackId(stack));
            return this;
        }

        /** The origin of a task submitted by {@code thread} at {@code atMs} inside {@code span}, as a stack string. */
        String origin(long thread, double atMs, int span) {
            StackTable table = stacks.build();
            int origin = new TaskOrigins(table, stacks.frames(), spans, samples, submitStacks)
                    .originOf(thread, nanos(atMs), span);
            return describe(table, origin);
        }

        /** The origins of tasks {@code (thread, atMs, span)} asked in turn of one {@link TaskOrigins}. */
        List<String> origins(Object[]... tasks) {
            StackTable table = stacks.build();
            TaskOrigins origins = new TaskOrigins(table, stacks.frames(), spans, samples, submitStacks);
            List<String> result = new ArrayList<>();
            for (Object[] task : tasks) {
                result.add(describe(table, origins.originOf((Long) task[0], nanos((Double) task[1]), (Integer) task[2])));
            }
            return result;
        }

        private String describe(StackTable table, int stack) {
            if (stack == StackTable.EMPTY) {
                return "";
            }
            StringBuilder text = new StringBuilder();
            for (int frame : table.framesRootFirst(stack)) {
                var f = stacks.frames().get(frame);
                text.append(text.length() == 0 ? "" : ";").append(f.className()).append('.').append(f.methodName());
            }
            return text.toString();
        }

        private static long nanos(double millis) {
            return Math.round(millis * 1_000_000);
        }
    }

    @Test
    void prepWorkTheHookRanBeforeSubmittingIsNotTheOrigin() {
        // (a): the sample covering the submit time (and the one nearest it) is the hook's
        // preparation; the submitter's wait on the work it handed over says where it submitted
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 20);
        int await = r.span(hook, "await", 1, 9, 20);
        r.sample(1, 0, 9, HOOK + ";app.Wikilinks.of;java.util.HashMap.put", RUNNING, hook)
                .sample(1, 9, 20, HOOK + ";app.Batch.map;app.Batch.runInPool" + WAIT_TAIL, WAITING, await);

        assertThat(r.origin(1, 8.9, hook)).isEqualTo(HOOK + ";app.Batch.map;app.Batch.runInPool");
    }

    @Test
    void aWaitSampledWhileStillRunningGivesWayToOneSeenWaiting() {
        // under load a sample can carry the await span while its stack is still the code before
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 20);
        int await = r.span(hook, "await", 1, 9, 20);
        r.sample(1, 0, 9, HOOK + ";app.Wikilinks.of", RUNNING, hook)
                .sample(1, 9, 10, HOOK + ";app.Wikilinks.of", RUNNING, await)
                .sample(1, 10, 20, HOOK + ";app.Batch.map" + WAIT_TAIL, WAITING, await);

        assertThat(r.origin(1, 8, hook)).isEqualTo(HOOK + ";app.Batch.map");
    }

    @Test
    void eachTaskIsPlacedByTheWaitThatFollowsItsOwnSubmit() {
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 20);
        int first = r.span(hook, "await", 1, 2, 6);
        int second = r.span(hook, "await", 1, 12, 20);
        r.sample(1, 0, 2, HOOK + ";app.Pages.submitAll", RUNNING, hook)
                .sample(1, 2, 6, HOOK + ";app.Pages.submitAll" + WAIT_TAIL, WAITING, first)
                .sample(1, 6, 12, HOOK + ";app.Feeds.prepare", RUNNING, hook)
                .sample(1, 12, 20, HOOK + ";app.Feeds.submitAll" + WAIT_TAIL, WAITING, second);

        assertThat(r.origin(1, 1, hook)).isEqualTo(HOOK + ";app.Pages.submitAll");
        assertThat(r.origin(1, 11.5, hook)).isEqualTo(HOOK + ";app.Feeds.submitAll");
    }

    @Test
    void tasksAskedInTurnKeepTheirOwnSpansAndWaits() {
        // one TaskOrigins answers a build's tasks one after another: a batch's tasks share their
        // span's answer, another span's task in between has its own, and in a span with waits
        // each task still gets the wait after its own submit
        Recorded r = new Recorded();
        int stage = r.span(Span.NONE, "stage", 1, 0, 60);
        int first = r.span(stage, "hook", 1, 0, 10);
        int second = r.span(stage, "hook", 1, 10, 20);
        int waiting = r.span(stage, "hook", 1, 20, 60);
        int early = r.span(waiting, "await", 1, 22, 30);
        int late = r.span(waiting, "await", 1, 42, 60);
        r.submittedFrom(first, "app.Main.main;app.First.run;app.Batch.map" + SUBMIT_TAIL)
                .submittedFrom(second, "app.Main.main;app.Second.run;app.Batch.map" + SUBMIT_TAIL)
                .sample(1, 20, 22, HOOK + ";app.Pages.submitAll", RUNNING, waiting)
                .sample(1, 22, 30, HOOK + ";app.Pages.submitAll" + WAIT_TAIL, WAITING, early)
                .sample(1, 30, 42, HOOK + ";app.Feeds.prepare", RUNNING, waiting)
                .sample(1, 42, 60, HOOK + ";app.Feeds.submitAll" + WAIT_TAIL, WAITING, late);

        assertThat(r.origins(new Object[] {1L, 1.0, first}, new Object[] {1L, 2.0, first},
                new Object[] {1L, 11.0, second}, new Object[] {1L, 3.0, first},
                new Object[] {1L, 21.0, waiting}, new Object[] {1L, 41.0, waiting}, new Object[] {1L, 21.5, waiting}))
                .containsExactly("app.Main.main;app.First.run;app.Batch.map", "app.Main.main;app.First.run;app.Batch.map",
                        "app.Main.main;app.Second.run;app.Batch.map", "app.Main.main;app.First.run;app.Batch.map",
                        HOOK + ";app.Pages.submitAll", HOOK + ";app.Feeds.submitAll", HOOK + ";app.Pages.submitAll");
    }

    @Test
    void aHookShorterThanOneIntervalIsPlacedWhereItFirstSubmitted() {
        // (b): no sample falls in the 0.7 ms hook; the one stack walk at its first submit says where
        Recorded r = new Recorded();
        int stage = r.span(Span.NONE, "stage", 1, 5, 30);
        int hook = r.span(stage, "hook", 1, 10.2, 10.9);
        r.sample(1, 0, 5, "app.Runner.test;app.Setup.prepare", RUNNING, Span.NONE)
                .sample(1, 5, 10, "app.Runner.test;app.Stage.run;app.OtherHook.run", RUNNING, stage)
                .sample(1, 10, 30, "app.Runner.test;app.Stage.run;app.ThirdHook.run", RUNNING, stage)
                .submittedFrom(hook, "app.Runner.test;app.Stage.run;app.ShortHook.run;app.Batch.map" + SUBMIT_TAIL);

        assertThat(r.origin(1, 10.5, hook)).isEqualTo("app.Runner.test;app.Stage.run;app.ShortHook.run;app.Batch.map");
    }

    @Test
    void aSpanWithNoSampleAndNoKnownSubmitIsPlacedAtItsEnclosingSpansPosition() {
        // (b) without the stack walk: not the neighbouring hooks' code, not the test runner's
        Recorded r = new Recorded();
        int stage = r.span(Span.NONE, "stage", 1, 5, 30);
        int hook = r.span(stage, "hook", 1, 10.2, 10.9);
        r.sample(1, 0, 5, "app.Runner.test;app.Setup.prepare", RUNNING, Span.NONE)
                .sample(1, 5, 10, "app.Runner.test;app.Stage.run;app.OtherHook.run", RUNNING, stage)
                .sample(1, 10, 30, "app.Runner.test;app.Stage.run;app.ThirdHook.run", RUNNING, stage);

        assertThat(r.origin(1, 10.5, hook)).isEqualTo("app.Runner.test;app.Stage.run");
    }

    @Test
    void withoutAWaitTheCommonStackOfTheSubmittingSpanIsUsed() {
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 20);
        int document = r.span(hook, "document", 1, 12, 20);
        r.sample(1, 0, 10, HOOK + ";app.Wikilinks.of", RUNNING, hook)
                .sample(1, 10, 12, HOOK + ";app.Batch.fireAndForget", RUNNING, hook)
                .sample(1, 12, 20, HOOK + ";app.Render.inline", RUNNING, document);

        assertThat(r.origin(1, 9.5, hook)).isEqualTo(HOOK);
    }

    @Test
    void aTaskSubmittedFromInsideATaskKeepsTheWorkersStackDownToTheSubmittingMethod() {
        // (c): the worker's own samples are read (not another thread's filed under its id), and
        // the task wrapper up the worker's stack is kept: no one-frame [BuildExecutor] origin
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 30);
        int mainAwait = r.span(hook, "await", 1, 1, 30);
        int outer = r.span(hook, "task", 2, 2, 28);
        int nestedAwait = r.span(outer, "await", 2, 10, 20);
        r.sample(1, 0, 1, HOOK + ";app.Batch.map", RUNNING, hook)
                .sample(1, 1, 30, HOOK + ";app.Batch.map" + WAIT_TAIL, WAITING, mainAwait)
                .sample(2, 0, 2, "java.lang.Thread.run;app.BuildExecutor.worker;java.util.concurrent.LinkedBlockingQueue.take",
                        WAITING, Span.NONE)
                .sample(2, 2, 10, WORKER + ";app.Render.doc;app.Render.parse", RUNNING, outer)
                .sample(2, 10, 20, WORKER + ";app.Render.doc;app.Batch.map" + WAIT_TAIL, WAITING, nestedAwait)
                .sample(2, 20, 28, WORKER + ";app.Render.doc;app.Render.write", RUNNING, outer)
                .sample(2, 28, 30, "java.lang.Thread.run;app.BuildExecutor.worker;java.util.concurrent.LinkedBlockingQueue.take",
                        WAITING, Span.NONE);

        assertThat(r.origin(2, 9, outer)).isEqualTo(WORKER + ";app.Render.doc;app.Batch.map");
    }

    @Test
    void withoutAWaitATaskInsideATaskIsPlacedAtTheCommonStackOfThatTask() {
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 30);
        int outer = r.span(hook, "task", 2, 2, 28);
        r.sample(1, 0, 30, HOOK + ";app.Batch.map" + WAIT_TAIL, WAITING, hook)
                .sample(2, 0, 2, "java.lang.Thread.run;app.BuildExecutor.worker", WAITING, Span.NONE)
                .sample(2, 2, 10, WORKER + ";app.Render.doc;app.Render.parse", RUNNING, outer)
                .sample(2, 20, 28, WORKER + ";app.Render.doc;app.Render.write", RUNNING, outer);

        assertThat(r.origin(2, 9, outer)).isEqualTo(WORKER + ";app.Render.doc");
    }

    @Test
    void workSubmittedOutsideAnySpanUsesTheWaitsOutsideSpansOrTheThreadsCommonStack() {
        Recorded waited = new Recorded();
        int await = waited.span(Span.NONE, "await", 1, 5, 10);
        waited.sample(1, 0, 5, "app.Main.main;app.Main.prepare", RUNNING, Span.NONE)
                .sample(1, 5, 10, "app.Main.main;app.Main.fanOut" + WAIT_TAIL, WAITING, await);
        assertThat(waited.origin(1, 4.5, Span.NONE)).isEqualTo("app.Main.main;app.Main.fanOut");

        Recorded unwaited = new Recorded();
        unwaited.sample(1, 0, 5, "app.Main.main;app.Main.prepare", RUNNING, Span.NONE)
                .sample(1, 5, 10, "app.Main.main;app.Main.fanOut", RUNNING, Span.NONE);
        assertThat(unwaited.origin(1, 4.5, Span.NONE)).isEqualTo("app.Main.main");
    }

    @Test
    void aSubmitterNeverSampledHasNoOrigin() {
        Recorded r = new Recorded();
        int hook = r.span(Span.NONE, "hook", 1, 0, 20);
        r.sample(2, 0, 20, WORKER + ";app.Render.doc", RUNNING, Span.NONE);

        assertThat(r.origin(1, 5, hook)).isEmpty();
    }
}
