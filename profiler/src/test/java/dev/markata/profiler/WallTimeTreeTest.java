package dev.markata.profiler;

import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A thread that hands work to two workers and waits for it: its tree adds up to the wall time it
 * ran, not to the workers' time on top of it. Grafted raw, two workers busy for the second their
 * submitter waited made its node two seconds longer than it ran (a 1.2 s build showed
 * {@code 2.948 [thread main]}); now the work is shown in the wait it filled, each task keeping its
 * share, and the workers' own time stays known as the nodes' thread time.
 */
class WallTimeTreeTest {

    /** Shares of the same wall time, as {@link AccuracyTest} allows. */
    private static final double TOLERANCE = 5.0;

    @ParameterizedTest
    @CsvSource({"ASYNC_PROFILER, ENABLED", "ASYNC_PROFILER, STRICT", "JDK, ENABLED", "JDK, STRICT"})
    void aThreadWaitingForTwoWorkersShowsItsWallTimeWithEachTaskKeepingItsShare(SamplerChoice sampler,
                                                                                AsyncMode mode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(sampler).asyncMode(mode).build();
        ExecutorService wrapped = profiler.wrap(pool);
        long[] measured = new long[2]; // wall time inside bigTask, smallTask, as the workers measured it
        profiler.start();
        try (SpanScope stage = profiler.span("stage", "render")) {
            Workloads.spin(40); // the submitter's own work, before it hands any over
            submitAndWait(wrapped, measured);
        }
        Session session = profiler.stop();
        pool.shutdown();

        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        // the raw tree: the processed one leaves out the profiler's own frames, this test's among them
        CallNode tree = CallTrees.build(session, false);
        CallNode mainNode = CallTrees.thread(tree, main.threadId()).orElseThrow();
        long big = timeIn(mainNode, "bigTask");
        long small = timeIn(mainNode, "smallTask");
        long bigThreadTime = threadTimeIn(mainNode, "bigTask");
        long smallThreadTime = threadTimeIn(mainNode, "smallTask");
        String found = String.format(sampler + " " + mode + ": main node %d ms (thread time %d ms), main sampled %d ms, session %d ms; "
                        + "in the tree bigTask %d ms, smallTask %d ms (thread time %d ms, %d ms); measured %d ms, %d ms;"
                        + " sampled anywhere %d ms, %d ms",
                mainNode.totalNanos() / 1_000_000, mainNode.threadNanos() / 1_000_000, main.totalNanos() / 1_000_000,
                session.duration().toMillis(), big / 1_000_000, small / 1_000_000, bigThreadTime / 1_000_000,
                smallThreadTime / 1_000_000, measured[0] / 1_000_000, measured[1] / 1_000_000,
                sampledIn(session, "bigTask") / 1_000_000, sampledIn(session, "smallTask") / 1_000_000)
                + session.threads().stream().map(t -> t.name() + " " + t.totalNanos() / 1_000_000 + " ms from "
                + (t.samples().isEmpty() ? -1 : t.samples().get(0).startNanos() / 1_000_000)).toList()
                + session.spans().stream().filter(sp -> sp.category().equals("task")).map(sp -> sp.threadId() + "@"
                + sp.startNanos() / 1_000_000 + "-" + sp.endNanos() / 1_000_000).toList();

        // the thread's root is the wall time it was sampled for (that the samples cover the
        // session's wall time is AccuracyTest's to check)
        assertThat(Workloads.percent(mainNode.totalNanos(), main.totalNanos())).as(found)
                .isCloseTo(100, within(TOLERANCE));
        // the tasks are under the submitter, in the time it waited for them, each with its share:
        // the same share as of the workers' time (one batch, one factor), and that is the share
        // the workers measured (each task's edges are known to about a sample: tasks of tens of
        // milliseconds keep that within the tolerance)
        assertThat(big + small).as(found).isPositive();
        assertThat(Workloads.percent(big, big + small)).as(found)
                .isCloseTo(Workloads.percent(bigThreadTime, bigThreadTime + smallThreadTime), within(0.1));
        // (each of the 20 ends of a task is placed to about one sampling gap: on a loaded machine
        // the JDK sampler read the workers every 5-15 ms, and a run at a load of 15 put 8.6 points
        // of smallTask's time into bigTask; the share is held to 5 points, or to what this run's
        // sampling can resolve when that is coarser)
        long gap = widestGap(session, main.threadId());
        double resolution = Workloads.percent(20 * gap, measured[0] + measured[1]);
        assertThat(Workloads.percent(big, big + small)).as(found + "; widest sampling gap " + gap / 1_000_000 + " ms")
                .isCloseTo(Workloads.percent(measured[0], measured[0] + measured[1]),
                        within(Math.max(TOLERANCE, resolution)));
        // and the workers' own time is still there, as thread time: what they measured (not
        // more; under load some of their samples fall just outside a task's span); the tasks'
        // time in the tree is never more than that, and less by what the two workers did at once
        // (on a loaded machine they may have run one after the other, and then by nothing)
        long taskThreadTime = bigThreadTime + smallThreadTime;
        assertThat(Workloads.percent(taskThreadTime, measured[0] + measured[1])).as(found)
                .isLessThan(100 + TOLERANCE);
        assertThat(taskThreadTime).as(found).isGreaterThanOrEqualTo(big + small - 2);
        assertThat(mainNode.threadNanos() - mainNode.totalNanos()).as(found)
                .isGreaterThanOrEqualTo(taskThreadTime - (big + small) - 2);
    }

    private static void submitAndWait(ExecutorService wrapped, long[] measured) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(wrapped.submit(() -> {
                long t0 = System.nanoTime();
                bigTask();
                add(measured, 0, System.nanoTime() - t0);
            }));
            futures.add(wrapped.submit(() -> {
                long t0 = System.nanoTime();
                smallTask();
                add(measured, 1, System.nanoTime() - t0);
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static synchronized void add(long[] measured, int index, long nanos) {
        measured[index] += nanos;
    }

    /** Work of a known CPU time: see {@link Workloads#spinCpu} for why not a wall-clock spin. */
    private static void bigTask() {
        Workloads.spinCpu(45);
    }

    private static void smallTask() {
        Workloads.spinCpu(15);
    }

    /** The widest spacing of the running samples of every thread but {@code except} (a row of n samples over d: d / n). */
    private static long widestGap(Session session, long except) {
        long gap = 0;
        for (ThreadProfile thread : session.threads()) {
            if (thread.threadId() == except) {
                continue;
            }
            for (dev.markata.profiler.model.Sample sample : thread.samples()) {
                if (sample.state() == dev.markata.profiler.model.ThreadState.RUNNING) {
                    gap = Math.max(gap, sample.durationNanos() / sample.count());
                }
            }
        }
        return gap;
    }

    /** Time of the session's samples whose stack runs through {@code method}, wherever they are. */
    private static long sampledIn(Session session, String method) {
        long sum = 0;
        for (ThreadProfile thread : session.threads()) {
            for (dev.markata.profiler.model.Sample sample : thread.samples()) {
                if (Workloads.stackContains(session, sample.stackId(), WallTimeTreeTest.class, method)) {
                    sum += sample.durationNanos();
                }
            }
        }
        return sum;
    }

    /** Total time of the nodes of {@code method} (this class's) in {@code node}'s tree, each path counted once. */
    private static long timeIn(CallNode node, String method) {
        return sumOf(node, method, false);
    }

    private static long threadTimeIn(CallNode node, String method) {
        return sumOf(node, method, true);
    }

    private static long sumOf(CallNode node, String method, boolean threadTime) {
        long sum = 0;
        for (CallNode child : node.children()) {
            if (child.frame().className().equals(WallTimeTreeTest.class.getName())
                    && child.frame().methodName().equals(method)) {
                sum += threadTime ? child.threadNanos() : child.totalNanos();
            } else {
                sum += sumOf(child, method, threadTime);
            }
        }
        return sum;
    }
}
