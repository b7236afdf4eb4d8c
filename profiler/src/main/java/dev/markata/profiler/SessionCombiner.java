package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins two sessions into one, as pyinstrument's {@code Session.combine} does: the second
 * recording is appended after the first on the timeline, frames and stacks are interned into
 * shared tables, and a thread seen in both (same id and name) keeps one lane.
 */
final class SessionCombiner {

    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final List<Frame> frames = new ArrayList<>();
    private final StackTable.Builder stacks = new StackTable.Builder();

    static Session combine(Session first, Session second) {
        return new SessionCombiner().join(first, second);
    }

    private Session join(Session first, Session second) {
        Map<String, List<Sample>> lanes = new LinkedHashMap<>();
        Map<String, ThreadProfile> laneThreads = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>();
        long offset = 0;
        for (Session session : List.of(first, second)) {
            int[] stackMap = remapStacks(session);
            int spanBase = spans.size();
            for (Span span : session.spans()) {
                spans.add(new Span(span.id() + spanBase, shiftId(span.parentId(), spanBase), span.category(),
                        span.name(), span.threadId(), span.startNanos() + offset, span.endNanos() + offset,
                        remap(stackMap, span.originStackId()), span.attributes()));
            }
            for (ThreadProfile thread : session.threads()) {
                String key = thread.threadId() + "\u0000" + thread.name();
                laneThreads.putIfAbsent(key, thread);
                List<Sample> lane = lanes.computeIfAbsent(key, k -> new ArrayList<>());
                for (Sample sample : thread.samples()) {
                    lane.add(new Sample(sample.startNanos() + offset, sample.durationNanos(),
                            remap(stackMap, sample.stackId()), sample.state(),
                            shiftId(sample.spanId(), spanBase), sample.count()));
                }
            }
            offset += session.duration().toNanos();
        }
        List<ThreadProfile> threads = new ArrayList<>();
        laneThreads.forEach((key, thread) -> threads.add(new ThreadProfile(thread.threadId(), thread.name(), lanes.get(key))));

        Map<String, String> metadata = new LinkedHashMap<>(second.metadata());
        metadata.putAll(first.metadata());
        Instant startedAt = first.startedAt().isBefore(second.startedAt()) ? first.startedAt() : second.startedAt();
        String target = first.targetDescription().equals(second.targetDescription())
                ? first.targetDescription()
                : first.targetDescription() + " + " + second.targetDescription();
        return new Session(startedAt, first.duration().plus(second.duration()), first.interval(),
                first.cpuTime().plus(second.cpuTime()), target, first.sampler(), first.asyncMode(),
                first.timeMode(), frames, stacks.build(), threads, spans, metadata,
                jvm(first.jvm(), second.jvm(), first.duration().toNanos()));
    }

    /**
     * What the JVM did in both: the second's pauses moved after the first, as its samples are,
     * and the figures added; a figure either does not know stays unknown, and so does all of it
     * when either recorded none (a session saved before it was recorded).
     */
    static JvmActivity jvm(JvmActivity first, JvmActivity second, long offsetNanos) {
        if (!first.recorded() || !second.recorded()) {
            return JvmActivity.NONE;
        }
        List<GcPause> pauses = new ArrayList<>(first.gcPauses());
        for (GcPause pause : second.gcPauses()) {
            pauses.add(new GcPause(pause.startNanos() + offsetNanos, pause.durationNanos(), pause.collector(),
                    pause.action(), pause.cause()));
        }
        return new JvmActivity(true, pauses, first.gcCycles() + second.gcCycles(),
                first.gcCycleNanos() + second.gcCycleNanos(), sum(first.jitNanos(), second.jitNanos()),
                sum(first.compilerCpuNanos(), second.compilerCpuNanos()), sum(first.gcCpuNanos(), second.gcCpuNanos()),
                sum(first.vmThreadCpuNanos(), second.vmThreadCpuNanos()),
                sum(first.classesLoaded(), second.classesLoaded()), sum(first.classesUnloaded(), second.classesUnloaded()));
    }

    private static long sum(long a, long b) {
        return a == JvmActivity.UNKNOWN || b == JvmActivity.UNKNOWN ? JvmActivity.UNKNOWN : a + b;
    }

    /** Maps each stack id of {@code session} to its id in the combined table. */
    private int[] remapStacks(Session session) {
        StackTable table = session.stacks();
        int[] map = new int[table.size()];
        for (int i = 0; i < table.size(); i++) {
            int parent = table.parentId(i) == StackTable.EMPTY ? StackTable.EMPTY : map[table.parentId(i)];
            map[i] = stacks.intern(parent, frameId(session.frames().get(table.frameId(i))));
        }
        return map;
    }

    private int frameId(Frame frame) {
        return frameIds.computeIfAbsent(frame, f -> {
            frames.add(f);
            return frames.size() - 1;
        });
    }

    private static int remap(int[] stackMap, int stackId) {
        return stackId == StackTable.EMPTY ? StackTable.EMPTY : stackMap[stackId];
    }

    private static int shiftId(int id, int base) {
        return id == Span.NONE ? Span.NONE : id + base;
    }
}
