package dev.markata.profiler.process;

import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each sample stands for in a wall-time call tree, once handed-over work is grafted under
 * the thread that submitted it.
 *
 * <p>A thread that hands work to two workers and waits one second for it waited one second; the
 * workers' samples of that second add up to two. Grafted as they were, they made the submitter's
 * node two seconds longer than it ran (a 1.2 s build showed {@code 2.948 [thread main]}), and
 * every share below it a share of thread time, not of wall time. So the wait is what the work is
 * shown in. A <em>batch</em> is the tasks one thread handed over inside one span (a hook's
 * documents) with that thread's waits for them (its {@code [await]} samples while they ran): the
 * batch's task samples are scaled by one factor so they add up to the time waited, every task
 * keeping its share of the batch's work. When the work is less than the wait (the tasks queued,
 * the pool was busy with other work), it keeps its own time and the rest of the wait stays
 * {@code [await]}. A batch its submitter never waited for (background work) replaced no wait and
 * keeps its own time: only then is a thread's node longer than the thread ran. A task handed over
 * from inside a task is weighed against its submitter's waits as they are shown, already scaled,
 * so nested work stays inside its parent task's share.
 *
 * <p>So a thread that waits for what it hands over shows, at its root, the wall time it was
 * sampled for; and per sample the thread time behind it stays known ({@link #threadNanos}), so
 * reports still say how much the workers did. The page's tree ({@code model.js},
 * {@code wallShares}) does the same arithmetic in the same order, so the two agree to the
 * nanosecond.
 */
final class WallShares {

    /** Per thread (session order), per sample: the nanoseconds the sample stands for in the tree. */
    private final long[][] wall;
    /** Per thread, per sample: the thread time behind it (for an await sample: the part no task covered). */
    private final long[][] thread;

    private WallShares(long[][] wall, long[][] thread) {
        this.wall = wall;
        this.thread = thread;
    }

    long wallNanos(int threadIndex, int sample) {
        return wall[threadIndex][sample];
    }

    long threadNanos(int threadIndex, int sample) {
        return thread[threadIndex][sample];
    }

    /** Every sample at its own time: for trees that graft nothing (async mode DISABLED). */
    static WallShares unscaled(List<ThreadProfile> threads) {
        long[][] wall = new long[threads.size()][];
        for (int t = 0; t < threads.size(); t++) {
            List<Sample> samples = threads.get(t).samples();
            wall[t] = new long[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                wall[t][i] = samples.get(i).durationNanos();
            }
        }
        return new WallShares(wall, wall);
    }

    /**
     * @param threads    the session's threads
     * @param taskOf     per span: the handed-over task it belongs to, or {@link Span#NONE}
     * @param taskDepth  per task span: 1 for work handed over outside any task, 2 for work handed
     *                   over from inside one, and so on
     * @param submitter  per task span: the index (in {@code threads}) of the thread that handed it
     *                   over, or -1
     * @param batch      per task span: the span it was handed over in (its parent), which makes
     *                   the tasks one batch with the waits for them
     * @param waited     per thread, per sample: for a sample the tree shows as {@code [await]},
     *                   the task it waited for ({@link Span#NONE} when none was running); for any
     *                   other sample, {@link #NOT_WAITING}
     */
    static WallShares compute(List<ThreadProfile> threads, int[] taskOf, int[] taskDepth, int[] submitter,
                              int[] batch, int[][] waited) {
        int n = threads.size();
        double[][] weight = new double[n][];
        double[][] uncovered = new double[n][];
        for (int t = 0; t < n; t++) {
            List<Sample> samples = threads.get(t).samples();
            weight[t] = new double[samples.size()];
            uncovered[t] = new double[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                weight[t][i] = samples.get(i).durationNanos();
                uncovered[t][i] = 1;
            }
        }
        // A batch: the tasks one thread handed over inside one span, and its waits for them;
        // batches of work handed over from inside a task come after the batch of that task.
        Map<Batch, List<int[]>> tasks = new TreeMap<>();
        Map<Batch, List<int[]>> waits = new TreeMap<>();
        for (int t = 0; t < n; t++) {
            List<Sample> samples = threads.get(t).samples();
            for (int i = 0; i < samples.size(); i++) {
                int span = samples.get(i).spanId();
                int task = span >= 0 && span < taskOf.length ? taskOf[span] : Span.NONE;
                if (task != Span.NONE && submitter[task] >= 0) {
                    tasks.computeIfAbsent(batchOf(task, taskDepth, submitter, batch), k -> new ArrayList<>())
                            .add(new int[] {t, i});
                }
                int w = waited[t][i];
                if (w >= 0 && w < taskOf.length && submitter[w] == t) {
                    waits.computeIfAbsent(batchOf(w, taskDepth, submitter, batch), k -> new ArrayList<>())
                            .add(new int[] {t, i});
                }
            }
        }
        for (Map.Entry<Batch, List<int[]>> entry : tasks.entrySet()) {
            List<int[]> waitRows = waits.getOrDefault(entry.getKey(), List.of());
            double budget = 0;
            for (int[] ref : waitRows) {
                budget += weight[ref[0]][ref[1]];
            }
            long work = 0;
            for (int[] ref : entry.getValue()) {
                work += threads.get(ref[0]).samples().get(ref[1]).durationNanos();
            }
            if (budget == 0 || work == 0) {
                continue; // work nobody waited for keeps its own time
            }
            double used = Math.min(budget, (double) work);
            double factor = used / work;
            for (int[] ref : entry.getValue()) {
                weight[ref[0]][ref[1]] = threads.get(ref[0]).samples().get(ref[1]).durationNanos() * factor;
            }
            double left = (budget - used) / budget;
            for (int[] ref : waitRows) {
                uncovered[ref[0]][ref[1]] = left;
            }
        }
        long[][] wall = new long[n][];
        long[][] threadTime = new long[n][];
        for (int t = 0; t < n; t++) {
            List<Sample> samples = threads.get(t).samples();
            wall[t] = new long[samples.size()];
            threadTime[t] = new long[samples.size()];
            for (int i = 0; i < samples.size(); i++) {
                long d = samples.get(i).durationNanos();
                if (waited[t][i] != NOT_WAITING) {
                    wall[t][i] = Math.round(weight[t][i] * uncovered[t][i]);
                    threadTime[t][i] = Math.round(d * uncovered[t][i]);
                } else {
                    wall[t][i] = Math.round(weight[t][i]);
                    threadTime[t][i] = d;
                }
            }
        }
        return new WallShares(wall, threadTime);
    }

    /** {@link #compute}'s value for a sample that is not {@code [await]}. */
    static final int NOT_WAITING = -2;

    private static Batch batchOf(int task, int[] taskDepth, int[] submitter, int[] batch) {
        return new Batch(taskDepth[task], submitter[task], batch[task]);
    }

    /** Tasks handed over by one thread inside one span; ordered so outer work comes first. */
    private record Batch(int depth, int submitter, int span) implements Comparable<Batch> {
        @Override
        public int compareTo(Batch o) {
            int c = Integer.compare(depth, o.depth);
            if (c == 0) {
                c = Integer.compare(submitter, o.submitter);
            }
            return c != 0 ? c : Integer.compare(span, o.span);
        }
    }
}
