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

        assertThat(TreeText.of(root)).isEqualTo("""
                [all threads] 80/0 await 20
                  [thread main] 65/0 await 20
                    Main.main 65/0 await 20
                      Stage.run 65/0 await 20
                        Pool.submit 35/0
                          Thread.run 35/0
                            Render.doc 35/0
                              [self] 20/20
                              Markdown.parse 15/15
                        [await] 20/20 await 20
                        [self] 10/10
                  [thread worker-2] 10/0
                    Thread.run 10/0
                      Idle.poll 10/10
                  [thread worker-3] 5/0
                    Thread.run 5/0
                      Idle.poll 5/5
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
                [all threads] 50/0 await 20
                  [thread main] 50/0 await 20
                    Main.main 50/0 await 20
                      Stage.run 50/0 await 20
                        [await] 20/20 await 20
                        Pool.submit 20/0
                          Thread.run 20/0
                            Render.doc 20/20
                        [self] 10/10
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
        assertThat(root.children().get(0).totalNanos()).isEqualTo(65_000_000L);
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

        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 26/0 await 10
                  Main.main 26/0 await 10
                    Thread.run 16/0
                      Render.doc 16/0
                        [self] 10/10
                        Pool.submit 6/0
                          Thread.run 6/0
                            Img.resize 6/6
                    [await] 10/10 await 10
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

        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 40/0 await 10
                  Main.main 40/0 await 10
                    Pool.submit 20/0
                      Task.run 20/20
                    Main.work 10/10
                    [await] 10/10 await 10
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

        assertThat(TreeText.of(main)).isEqualTo("""
                [thread main] 35/0 await 20
                  Main.main 35/0 await 20
                    Stage.run 35/0 await 20
                      [await] 20/20 await 20
                      Thread.run 15/0
                        Task.run 15/15
                """);
    }
}
