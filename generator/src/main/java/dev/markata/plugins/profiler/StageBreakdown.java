package dev.markata.plugins.profiler;

import dev.markata.lifecycle.BuildExecutor;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per stage, how the build's threads spent the stage's work time, from the samples' thread
 * states: running on a CPU (or in native I/O, which the JVM also calls runnable), or waiting
 * (blocked, parked, sleeping). The build thread's time waiting for its own batch on the build
 * executor is left out, since the workers' samples already stand for that stretch; what is left
 * is the work of every thread on the stage, which can add up to more than the wall time when
 * workers run in parallel.
 *
 * @param stage        the stage id
 * @param workNanos    sampled thread time on the stage's work
 * @param runningNanos the part sampled while running
 * @param waitingNanos the part sampled while waiting
 */
record StageBreakdown(String stage, long workNanos, long runningNanos, long waitingNanos) {

    /** The frame the build thread waits in while its batch runs on the workers. */
    private static final String EXECUTOR = BuildExecutor.class.getName();
    private static final String POOL_WAIT_METHOD = "runInPool";

    /** Running share of the work, 0..1, or NaN when no sample said. */
    double runningShare() {
        long known = runningNanos + waitingNanos;
        return known == 0 ? Double.NaN : (double) runningNanos / workNanos;
    }

    /** Waiting share of the work, 0..1, or NaN when no sample said. */
    double waitingShare() {
        long known = runningNanos + waitingNanos;
        return known == 0 ? Double.NaN : (double) waitingNanos / workNanos;
    }

    /** One entry per stage id that has samples, in the order the stages first appear. */
    static Map<String, StageBreakdown> of(Session session) {
        List<Span> spans = session.spans();
        int[] stageOf = stageOfSpans(spans);
        boolean[] poolWait = poolWaitStacks(session);
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (Span span : spans) {
            if (span.category().equals("stage")) {
                sums.computeIfAbsent(span.name(), k -> new long[3]);
            }
        }
        for (ThreadProfile thread : session.threads()) {
            for (Sample sample : thread.samples()) {
                int spanId = sample.spanId();
                if (spanId < 0 || spanId >= spans.size() || stageOf[spanId] < 0) {
                    continue;
                }
                if (sample.stackId() != StackTable.EMPTY && poolWait[sample.stackId()]) {
                    continue;
                }
                long[] sum = sums.get(spans.get(stageOf[spanId]).name());
                sum[0] += sample.durationNanos();
                switch (sample.state()) {
                    case RUNNING -> sum[1] += sample.durationNanos();
                    case WAITING -> sum[2] += sample.durationNanos();
                    default -> {
                    }
                }
            }
        }
        Map<String, StageBreakdown> result = new LinkedHashMap<>();
        sums.forEach((stage, sum) -> result.put(stage, new StageBreakdown(stage, sum[0], sum[1], sum[2])));
        return result;
    }

    /**
     * For each span, the id of the stage span it belongs to (itself, or an ancestor), or -1.
     * A span's parent nearly always has a smaller id (it was open first), so its answer is
     * known already and read, not walked again: 140,000 spans at 10,000 posts.
     */
    private static int[] stageOfSpans(List<Span> spans) {
        int n = spans.size();
        int[] stageOf = new int[n];
        for (int i = 0; i < n; i++) {
            Span span = spans.get(i);
            int parent = span.parentId();
            if (span.category().equals("stage")) {
                stageOf[i] = i;
            } else if (parent >= 0 && parent < i) {
                stageOf[i] = stageOf[parent];
            } else {
                stageOf[i] = walk(spans, i);
            }
        }
        return stageOf;
    }

    /** The stage span of span {@code id}, found by following parents (any order of ids). */
    private static int walk(List<Span> spans, int id) {
        int steps = 0;
        while (id >= 0 && id < spans.size() && steps++ <= spans.size()) {
            Span span = spans.get(id);
            if (span.category().equals("stage")) {
                return id;
            }
            id = span.parentId();
        }
        return -1;
    }

    /** For each stack, whether it is inside the build executor's wait for a batch. */
    private static boolean[] poolWaitStacks(Session session) {
        StackTable stacks = session.stacks();
        List<Frame> frames = session.frames();
        boolean[] inWait = new boolean[stacks.size()];
        for (int s = 0; s < stacks.size(); s++) { // parents come before their children
            Frame frame = frames.get(stacks.frameId(s));
            int parent = stacks.parentId(s);
            inWait[s] = (parent != StackTable.EMPTY && inWait[parent])
                    || (frame.className().equals(EXECUTOR) && frame.methodName().equals(POOL_WAIT_METHOD));
        }
        return inWait;
    }
}
