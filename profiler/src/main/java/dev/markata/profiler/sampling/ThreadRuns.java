package dev.markata.profiler.sampling;

import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadState;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One thread's samples as async-profiler's recording is read back: runs of consecutive events
 * with the same stack, state and span. A run keeps its first and last time and its sample
 * count; an event out of time order starts a new run, and runs are put in order at the end.
 */
final class ThreadRuns {
    private final SpanTimeline timeline;
    private final List<long[]> done = new ArrayList<>();
    private long[] open;
    private long lastAt = Long.MIN_VALUE;
    /**
     * When the thread was found ended, its OS thread then carrying another Java thread, or
     * -1 when it did not: the runs after it, and the runs without a stack before them (the
     * other thread's, until the end was noticed), are dropped.
     */
    long endedNanos = -1;
    /**
     * Whether the thread had ended by the stop: the runs without a stack after its last
     * one with a Java frame are the JVM taking the thread apart (waiting for a lock the
     * threads being started hold), not its time, and are dropped. Kept until 2026-12-06,
     * they made a forked thread of 1 ms show as 25 ms of [self], or as an empty thread.
     */
    boolean ended;
    /**
     * When the recording stopped: in wall mode no run stands for time after it. A run
     * shorter than the interval had its one sample stand for half an interval after it
     * (a 2 ms program at a 1 s interval: 0.5 s of main in a session of 2 ms).
     */
    long endNanos = Long.MAX_VALUE;
    /**
     * When the recording began to watch the thread (it was registered), or
     * {@code Long.MAX_VALUE} for a thread known only from its samples. In wall mode its
     * first run stands for the time since then: under load async-profiler's timer thread is
     * starved like the rest, its first sample of a thread comes late, and the stretch before
     * it was in no sample (a session's main thread, first sampled some 200 ms in, was in
     * 88.5 % of it). Likewise the last run of a thread alive at the stop stands until
     * {@link #endNanos}, not half an interval after it: the JDK sampler's rule, and the
     * midpoint rule's where the next look is the stop. Either stretch goes no further than
     * the thread's span stayed what it was at the sample (a span opened or closed in between
     * says the thread was elsewhere then): a worker registered by a task, idle 100 ms, then
     * first sampled in its next task had those 100 ms inside that task.
     */
    long watchedFromNanos = Long.MAX_VALUE;

    // one run: {first, last (+ its batch), count, stackId, state ordinal, spanId}
    private static final int FIRST = 0;
    private static final int LAST = 1;
    private static final int COUNT = 2;
    private static final int STACK = 3;
    private static final int STATE = 4;
    private static final int SPAN = 5;
    private static final ThreadState[] STATES = ThreadState.values();

    ThreadRuns(List<SpanRecord> spans) {
        this.timeline = new SpanTimeline(spans);
    }

    void add(long at, long batchNanos, int count, int stackId, ThreadState state) {
        int span = timeline.spanAt(at);
        if (open != null && at >= lastAt && at < open[LAST]) {
            open[LAST] = at; // a batch of idle samples cannot stretch past the thread's next sample
        }
        if (open != null && at >= lastAt && open[STACK] == stackId && open[STATE] == state.ordinal()
                && open[SPAN] == span) {
            open[LAST] = at + batchNanos;
            open[COUNT] += count;
        } else {
            if (open != null) {
                done.add(open);
            }
            open = new long[] {at, at + batchNanos, count, stackId, state.ordinal(), span};
        }
        lastAt = Math.max(lastAt, at);
    }

    /** Replaces the stacks of the runs that {@code replaced} maps (virtual threads' cut stacks). */
    void restack(Map<Integer, Integer> replaced) {
        if (replaced.isEmpty()) {
            return;
        }
        if (open != null) {
            done.add(open);
            open = null;
        }
        for (long[] run : done) {
            Integer stack = replaced.get((int) run[STACK]);
            if (stack != null) {
                run[STACK] = stack;
            }
        }
    }

    /**
     * Makes the sorted runs disjoint. An event read out of order can fall inside a run made
     * before it was read (async-profiler wrote it to another buffer): the midpoints between
     * such overlapping neighbours cut the long run short and left the late one an end
     * before its start, and the time between was lost (a third of a 300 ms thread). A late
     * run of the same stack, state and span joins the run; another splits it into the part
     * before and the part after, each an interval away, so the late run stands for one
     * interval around it as any sample does and the rest keep the long run's time.
     */
    private void splitOverlaps(long intervalNanos) {
        for (int i = 1; i < done.size(); i++) {
            long[] before = done.get(i - 1);
            long[] late = done.get(i);
            if (late[FIRST] >= before[LAST]) {
                continue;
            }
            if (late[STACK] == before[STACK] && late[STATE] == before[STATE] && late[SPAN] == before[SPAN]) {
                before[LAST] = Math.max(before[LAST], late[LAST]);
                before[COUNT] += late[COUNT];
                done.remove(i);
            } else {
                long firstEnd = late[FIRST] - intervalNanos;
                long secondStart = late[LAST] + intervalNanos;
                long span = Math.max(1, before[LAST] - before[FIRST]);
                if (secondStart <= before[LAST] && firstEnd >= before[FIRST] && before[COUNT] > 1) {
                    long firstCount = Math.min(before[COUNT] - 1,
                            Math.max(1, before[COUNT] * (firstEnd - before[FIRST]) / span));
                    long[] after = before.clone();
                    after[FIRST] = secondStart;
                    after[COUNT] = before[COUNT] - firstCount;
                    before[LAST] = firstEnd;
                    before[COUNT] = firstCount;
                    done.add(i + 1, after);
                } else if (secondStart <= before[LAST]) { // nothing of the run before the late one
                    before[FIRST] = secondStart;
                    done.set(i - 1, late);
                    done.set(i, before);
                } else { // nothing of it after: it ends an interval before
                    before[LAST] = Math.max(before[FIRST], firstEnd);
                }
            }
            done.sort(Comparator.comparingLong(run -> run[FIRST]));
            i = 0; // again from the start: a split part can overlap the next late run
        }
    }

    /**
     * Weighs the runs by the midpoint rule (a run stands for half the gap to the run before
     * and half the gap to the run after, plus its own stretch) and adds them to
     * {@code samples}; in CPU mode each sample stands for one interval of CPU time.
     */
    void deliverTo(ThreadSamples samples, TimeMode timeMode, long intervalNanos) {
        if (open != null) {
            done.add(open);
            open = null;
        }
        // In time order. An event read out of order (async-profiler may write a thread's sample
        // to another buffer when its own is busy) is a run of its own among the others; each
        // boundary is the midpoint between two neighbours, shared by both, so no time is counted
        // twice, as when the events themselves were sorted.
        if (!inOrder(done)) {
            done.sort(Comparator.comparingLong(run -> run[FIRST]));
        }
        splitOverlaps(intervalNanos); // a late event can start after a long run began, inside it
        if (endedNanos >= 0) {
            while (!done.isEmpty() && (done.get(done.size() - 1)[FIRST] > endedNanos
                    || done.get(done.size() - 1)[STACK] == StackTable.EMPTY)) {
                done.remove(done.size() - 1);
            }
        } else if (ended) {
            while (!done.isEmpty() && done.get(done.size() - 1)[STACK] == StackTable.EMPTY) {
                done.remove(done.size() - 1);
            }
        }
        boolean aliveAtStop = !ended && endedNanos < 0 && endNanos != Long.MAX_VALUE;
        for (int i = 0; i < done.size(); i++) {
            long[] run = done.get(i);
            long from;
            long to;
            if (timeMode == TimeMode.CPU) {
                from = run[FIRST];
                to = from + run[COUNT] * intervalNanos;
            } else {
                from = i > 0 ? boundary(done.get(i - 1), run, intervalNanos)
                        : Math.min(run[FIRST] - intervalNanos / 2,
                                Math.max(watchedFromNanos, timeline.lastChangeAtOrBefore(run[FIRST])));
                to = i + 1 < done.size() ? stretchUntil(run, done.get(i + 1), intervalNanos)
                        : !aliveAtStop ? run[LAST] + intervalNanos / 2
                        : Math.max(run[LAST] + intervalNanos / 2,
                                Math.min(endNanos, timeline.firstChangeAfter(run[LAST])));
                to = Math.min(to, endNanos);
            }
            from = Math.max(0, from);
            if (to > from) {
                samples.add(from, to - from, (int) run[STACK], STATES[(int) run[STATE]], (int) run[SPAN],
                        (int) run[COUNT]);
            }
        }
        done.clear();
    }

    /**
     * Where the time between two neighbouring runs passes from {@code before} to
     * {@code after}: the midpoint, unless their spans differ. Then, as at the thread's ends,
     * neither stands for time across the span change between them beyond half an interval
     * from itself: a worker idle in its pool, last sampled long before its next task
     * began (async-profiler's wall mode batches idle threads, and under load a sample comes
     * late), had half that idle stretch inside the task (111 ms in an 80 ms task). With one
     * change between them the boundary is that change; with several (a span opened and
     * closed unsampled in between) the stretch from the first to the last is in no run.
     */
    private long boundary(long[] before, long[] after, long intervalNanos) {
        long mid = (before[LAST] + after[FIRST]) / 2;
        if (before[SPAN] == after[SPAN]) {
            return mid;
        }
        long beforeTo = beforeTo(before, intervalNanos);
        long afterFrom = afterFrom(after, intervalNanos);
        return MidpointRule.acrossSpanChange(beforeTo, afterFrom, mid);
    }

    /** Where {@code before}'s time ends: {@link #boundary}, or earlier for a stretch in no run. */
    private long stretchUntil(long[] before, long[] after, long intervalNanos) {
        long from = boundary(before, after, intervalNanos);
        return before[SPAN] == after[SPAN] ? from : Math.min(from, beforeTo(before, intervalNanos));
    }

    /** How far a run stands after itself before its span changed (at least half an interval). */
    private long beforeTo(long[] run, long intervalNanos) {
        return Math.max(run[LAST] + intervalNanos / 2, timeline.firstChangeAfter(run[LAST]));
    }

    /** How far back a run stands before itself since its span changed (at least half an interval). */
    private long afterFrom(long[] run, long intervalNanos) {
        return Math.min(run[FIRST] - intervalNanos / 2, timeline.lastChangeAtOrBefore(run[FIRST]));
    }

    /** Whether the runs are in time order already (they nearly always are: then no sort). */
    private static boolean inOrder(List<long[]> runs) {
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i)[0] < runs.get(i - 1)[0]) {
                return false;
            }
        }
        return true;
    }
}
