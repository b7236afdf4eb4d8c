package dev.markata.profiler.process;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;

import static dev.markata.profiler.model.ThreadState.RUNNING;
import static dev.markata.profiler.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stage on the main thread hands two documents to workers 2 and 3 and waits for them; worker 2
 * was idle before, worker 3 after.
 *
 * <p>A thread's node is the wall time it ran: the work it waited for is shown in the wait,
 * scaled to fill it, with the workers' own time as the nodes' thread time ({@link WallShares}).
 */
class AsyncGraftingTest {

    private static final TreeOptions RAW = TreeOptions.defaults().withThresholdPercent(0).withGroupLibraries(false);
    private static final String SUBMIT = "app.Main.main;app.Stage.run;app.Pool.submit";

    private static Session session(AsyncMode mode) {
        TaskSessions b = new TaskSessions().asyncMode(mode);
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30, null);
        int docA = b.span(stage, "task", "a.md", 2, 10, 30, SUBMIT);
        int docB = b.span(stage, "task", "b.md", 3, 10, 25, SUBMIT);
        int inner = b.span(docA, "document", "a.md", 2, 20, 30, null);
        b.sample(1, 0, 10, "app.Main.main;app.Stage.run", RUNNING, stage)
                .sample(1, 10, 20, "app.Main.main;app.Stage.run;java.util.concurrent.FutureTask.get;"
                        + "jdk.internal.misc.Unsafe.park", WAITING, stage)
                .sample(2, 0, 10, "java.lang.Thread.run;app.Idle.poll", WAITING, Span.NONE)
                .sample(2, 10, 10, "java.lang.Thread.run;app.Render.doc", RUNNING, docA)
                .sample(2, 20, 10, "java.lang.Thread.run;app.Render.doc", RUNNING, inner)
                .sample(3, 10, 15, "java.lang.Thread.run;app.Render.doc;app.Markdown.parse", RUNNING, docB)
                .sample(3, 25, 5, "java.lang.Thread.run;app.Idle.poll", WAITING, Span.NONE);
        return b.build();
    }

    @Test
    void enabledGraftsTasksUnderTheSubmitterAndShowsWaitingAsAwait() {
        CallNode root = CallTrees.of(session(AsyncMode.ENABLED), RAW);

        // main ran 30 ms: 10 of its own, then a 20 ms wait that 35 ms of the workers' work
        // filled, each document keeping its share (20 : 15); until 2026-12-06 main said 65 ms
        assertThat(TreeText.of(root)).isEqualTo("""
                [all threads] 45/0 thread 60
                  [thread main] 30/0 thread 45
                    Main.main 30/0 thread 45
                      Stage.run 30/0 thread 45
                        Pool.submit 20/0 thread 35
                          Thread.run 20/0 thread 35
                            Render.doc 20/0 thread 35
                              [self] 11/11 thread 20
                              Markdown.parse 8/8 thread 15
                        [self] 10/10
                        [await] 0/0
                  [thread worker-2] 10/0
                    Thread.run 10/0
                      Idle.poll 10/10
                  [thread worker-3] 5/0
                    Thread.run 5/0
                      Idle.poll 5/5
                """);
        CallNode main = root.children().get(0);
        assertThat(main.totalNanos()).isCloseTo(30_000_000L, org.assertj.core.api.Assertions.within(2L));
    }

    /** Work shorter than the wait (the task queued behind other work) keeps its time; the rest is [await]. */
    @Test
    void workShorterThanTheWaitKeepsItsTimeAndTheRestStaysAwait() {
        TaskSessions b = new TaskSessions().asyncMode(AsyncMode.ENABLED);
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30, null);
        int doc = b.span(stage, "task", "a.md", 2, 10, 20, SUBMIT);
        b.sample(1, 0, 30, "app.Main.main;app.Stage.run;java.util.concurrent.FutureTask.get;"
                        + "jdk.internal.misc.Unsafe.park", WAITING, stage)
                .sample(2, 10, 10, "java.lang.Thread.run;app.Render.doc", RUNNING, doc);

        assertThat(TreeText.of(CallTrees.of(b.build(), RAW).children().get(0))).isEqualTo("""
                [thread main] 30/0 await 20
                  Main.main 30/0 await 20
                    Stage.run 30/0 await 20
                      [await] 20/20 await 20
                      Pool.submit 10/0
                        Thread.run 10/0
                          Render.doc 10/10
                """);
    }

    /**
     * On the worker, the profiler's task wrapper runs the task; the pool's machinery under it is
     * no part of the task and is left out of the graft. A sample without the wrapper (a stack the
     * sampler cut short) keeps its whole stack.
     */
    @Test
    void aGraftedTaskStartsAboveItsWrapperWithoutThePoolsMachinery() {
        String pool = "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor$Worker.run;";
        String wrapper = "dev.markata.profiler.sampling.ContextTasks$ContextRunnable.run;";
        TaskSessions b = new TaskSessions().asyncMode(AsyncMode.ENABLED);
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30, null);
        int docA = b.span(stage, "task", "a.md", 2, 0, 30, SUBMIT);
        int docB = b.span(stage, "task", "b.md", 3, 0, 30, SUBMIT);
        b.sample(1, 0, 30, "app.Main.main;app.Stage.run;app.Pool.submit", RUNNING, stage)
                .sample(2, 0, 20, pool + wrapper + "app.Render.doc", RUNNING, docA)
                .sample(2, 20, 10, pool + wrapper + "app.Render.doc;app.Markdown.parse", RUNNING, docA)
                .sample(3, 0, 30, "app.Render.doc", RUNNING, docB);

        assertThat(TreeText.of(CallTrees.of(b.build(), RAW))).isEqualTo("""
                [all threads] 90/0
                  [thread main] 90/0
                    Main.main 90/0
                      Stage.run 90/0
                        Pool.submit 90/0
                          Render.doc 60/0
                            [self] 50/50
                            Markdown.parse 10/10
                          [self] 30/30
                """);
    }

    @Test
    void awaitIsPlacedWhereTheWaitingMeetsTheSubmitEvenWhenOnlyTheSamplerSawALambdaProxy() {
        // A sampler sees the hidden class behind a lambda (Main$$Lambda.run); the stack walked at
        // submit time does not. Both mean Main.main -> Stage.run.
        String lambda = "app.Main.main;app.Main$$Lambda$12/0x0000000800c01234.run;app.Stage.run";
        TaskSessions b = new TaskSessions().asyncMode(AsyncMode.ENABLED);
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30, null);
        b.span(stage, "task", "a.md", 2, 10, 30, SUBMIT);
        b.sample(1, 0, 10, lambda, RUNNING, stage)
                .sample(1, 10, 20, lambda + ";java.util.concurrent.FutureTask.get;jdk.internal.misc.Unsafe.park",
                        WAITING, stage)
                .sample(2, 10, 20, "java.lang.Thread.run;app.Render.doc", RUNNING, 1);

        CallNode root = CallTrees.of(b.build(), RAW);

        assertThat(TreeText.of(root)).isEqualTo("""
                [all threads] 30/0
                  [thread main] 30/0
                    Main.main 30/0
                      Stage.run 30/0
                        Pool.submit 20/0
                          Thread.run 20/0
                            Render.doc 20/20
                        [self] 10/10
                        [await] 0/0
                """);
    }

    @Test
    void strictKeepsHelperSamplesOutsideTasksApart() {
        CallNode root = CallTrees.of(session(AsyncMode.STRICT), RAW);

        assertThat(TreeText.of(root)).endsWith("""
                  [thread worker-2] 10/0
                    [out-of-context] 10/10
                  [thread worker-3] 5/0
                    [out-of-context] 5/5
                """);
        // main's wall time, as in ENABLED mode (its 20 ms wait filled by the documents' 35 ms)
        assertThat(root.children().get(0).totalNanos()).isCloseTo(30_000_000L, org.assertj.core.api.Assertions.within(2L));
    }

    @Test
    void disabledKeepsEveryThreadToItself() {
        CallNode root = CallTrees.of(session(AsyncMode.DISABLED), RAW);

        assertThat(TreeText.of(root)).isEqualTo("""
                [all threads] 80/0
                  [thread main] 30/0
                    Main.main 30/0
                      Stage.run 30/0
                        FutureTask.get 20/0
                          Unsafe.park 20/20
                        [self] 10/10
                  [thread worker-2] 30/0
                    Thread.run 30/0
                      Render.doc 20/20
                      Idle.poll 10/10
                  [thread worker-3] 20/0
                    Thread.run 20/0
                      Render.doc 15/0
                        Markdown.parse 15/15
                      Idle.poll 5/5
                """);
    }

    @Test
    void taskHandedOverFromInsideATaskIsGraftedUnderThatTask() {
        TaskSessions b = new TaskSessions();
        int outer = b.span(Span.NONE, "task", "outer", 2, 0, 10, "app.Main.main");
        int nested = b.span(outer, "task", "nested", 3, 2, 8, "java.lang.Thread.run;app.Render.doc;app.Pool.submit");
        b.sample(1, 0, 10, "app.Main.main;app.Main.join", WAITING, Span.NONE)
                .sample(2, 0, 10, "java.lang.Thread.run;app.Render.doc", RUNNING, outer)
                .sample(3, 2, 6, "java.lang.Thread.run;app.Img.resize", RUNNING, nested);

        CallNode main = CallTrees.of(b.build(), RAW).children().get(0);

        // worker 2 did not wait for the nested task: it replaced no wait and keeps its own time
        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 16/0
                  Main.main 16/0
                    Thread.run 16/0
                      Render.doc 16/0
                        [self] 10/10
                        Pool.submit 6/0
                          Thread.run 6/0
                            Img.resize 6/6
                    [await] 0/0
                """);
    }

    /**
     * Nested batches: main waits 10 ms for one outer task, which hands two nested tasks (8 ms
     * each, on workers 3 and 4) over and waits for them. The outer task's 10 ms fill main's wait;
     * inside it, its 8 ms wait is filled by the nested tasks' 16 ms, scaled to 8.
     */
    @Test
    void workHandedOverInsideATaskIsScaledIntoThatTasksWait() {
        TaskSessions b = new TaskSessions();
        int outer = b.span(Span.NONE, "task", "outer", 2, 0, 10, "app.Main.main");
        String submit = "java.lang.Thread.run;app.Render.doc;app.Pool.submit";
        int first = b.span(outer, "task", "first", 3, 1, 9, submit);
        int second = b.span(outer, "task", "second", 4, 1, 9, submit);
        b.sample(1, 0, 10, "app.Main.main;app.Main.join", WAITING, Span.NONE)
                .sample(2, 0, 1, "java.lang.Thread.run;app.Render.doc", RUNNING, outer)
                .sample(2, 1, 8, "java.lang.Thread.run;app.Render.doc;java.util.concurrent.FutureTask.get", WAITING,
                        outer)
                .sample(2, 9, 1, "java.lang.Thread.run;app.Render.doc", RUNNING, outer)
                .sample(3, 1, 8, "java.lang.Thread.run;app.Img.resize", RUNNING, first)
                .sample(4, 1, 8, "java.lang.Thread.run;app.Img.resize", RUNNING, second);

        CallNode main = CallTrees.of(b.build(), RAW).children().get(0);

        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 10/0 thread 18
                  Main.main 10/0 thread 18
                    Thread.run 10/0 thread 18
                      Render.doc 10/0 thread 18
                        Pool.submit 8/0 thread 16
                          Thread.run 8/0 thread 16
                            Img.resize 8/8 thread 16
                        [self] 2/2
                        [await] 0/0
                    [await] 0/0
                """);
    }

    @Test
    void timelineGraftsInTimeOrder() {
        CallNode main = CallTrees.of(session(AsyncMode.ENABLED), RAW.withTimeline(true)).children().get(0);
        CallNode stage = main.children().get(0).children().get(0);

        // The wait and the tasks both begin at 10 ms; on a tie, threads keep the session's order.
        assertThat(stage.children()).extracting(CallNode::label)
                .containsExactly("[self]", "[await]", "Pool.submit");
        assertThat(stage.children()).extracting(CallNode::startNanos)
                .containsExactly(0L, 10_000_000L, 10_000_000L);
    }

    @Test
    void unknownStateCountsAsWaitingOnlyInABlockingCall() {
        TaskSessions b = new TaskSessions();
        int task = b.span(Span.NONE, "task", "t", 2, 0, 20, "app.Main.main;app.Pool.submit");
        b.sample(1, 0, 10, "app.Main.main;app.Main.work", ThreadState.UNKNOWN, Span.NONE)
                .sample(1, 10, 10, "app.Main.main;java.util.concurrent.locks.LockSupport.park", ThreadState.UNKNOWN,
                        Span.NONE)
                .sample(2, 0, 20, "app.Task.run", RUNNING, task);

        CallNode main = CallTrees.of(b.build(), RAW).children().get(0);

        // the task's 20 ms fill the 10 ms main waited in the park
        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 20/0 thread 30
                  Main.main 20/0 thread 30
                    Main.work 10/10
                    Pool.submit 10/0 thread 20
                      Task.run 10/10 thread 20
                    [await] 0/0
                """);
    }

    @Test
    void awaitSpansMarkWaitingEvenWhileTheThreadRuns() {
        TaskSessions b = new TaskSessions();
        int await = b.span(Span.NONE, "await", "invokeAll", 1, 0, 20, null);
        int task = b.span(await, "task", "t", 2, 5, 20, "app.Main.main;app.Stage.run");
        b.sample(1, 0, 5, "app.Main.main;app.Stage.run;java.util.concurrent.AbstractExecutorService.invokeAll",
                        RUNNING, await)
                .sample(1, 5, 15, "app.Main.main;app.Stage.run;java.util.concurrent.FutureTask.get", RUNNING, await)
                .sample(2, 5, 15, "java.lang.Thread.run;app.Task.run", RUNNING, task);

        CallNode main = CallTrees.of(b.build(), RAW).children().get(0);

        // the first 5 ms no task ran: [await]; the task's 15 ms fill the rest
        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 20/0 await 5
                  Main.main 20/0 await 5
                    Stage.run 20/0 await 5
                      Thread.run 15/0
                        Task.run 15/15
                      [await] 5/5 await 5
                """);
    }
}
