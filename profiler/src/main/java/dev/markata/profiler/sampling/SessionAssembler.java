package dev.markata.profiler.sampling;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.process.FrameFilters;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a stopped recording's samples, spans and frames into a {@link Session}. */
final class SessionAssembler {

    /** The synthetic frame of samples taken outside any handed-over work in STRICT mode. */
    static final String OUT_OF_CONTEXT = "[out-of-context]";

    private final FrameTable frames;
    private final long startingThreadId;
    private final AsyncMode asyncMode;

    SessionAssembler(FrameTable frames, long startingThreadId, AsyncMode asyncMode) {
        this.frames = frames;
        this.startingThreadId = startingThreadId;
        this.asyncMode = asyncMode;
    }

    Session assemble(Recording recording, long durationNanos, Duration cpu, Session.SamplerInfo samplerInfo,
                     Duration interval, List<SpanRecord> spanRecords, List<ThreadContext> contexts) {
        contexts.sort(Comparator.comparing((ThreadContext c) -> c.threadId != startingThreadId)
                .thenComparingLong(c -> c.sampledSinceNanos));
        Map<Long, List<Sample>> samplesByThread = new HashMap<>();
        List<ThreadProfile> threads = new ArrayList<>();
        int outOfContext = asyncMode == AsyncMode.STRICT ? frames.syntheticStack(OUT_OF_CONTEXT) : StackTable.EMPTY;
        for (ThreadContext context : contexts) {
            if (context.samples.isEmpty()) {
                continue;
            }
            List<Sample> samples = context.samples.samples();
            if (context.threadId == startingThreadId) { // an agent's premain starts the recording on main
                samples = hideAgentStart(samples);
            }
            if (asyncMode == AsyncMode.STRICT && context.threadId != startingThreadId) {
                samples = markOutOfContext(samples, outOfContext);
            }
            samplesByThread.put(context.threadId, samples);
            threads.add(new ThreadProfile(context.threadId, context.name, samples));
        }

        // Each loop over the spans is a method of its own (as span() is): see span().
        Map<Integer, Integer> submitStacks = submitStacks(spanRecords);
        StackTable table = frames.stacks().build();
        List<Span> spans = spans(spanRecords, durationNanos);
        TaskOrigins origins = new TaskOrigins(table, frames.frames(), spans, samplesByThread, submitStacks);
        addOrigins(spanRecords, spans, origins, durationNanos);

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("jdk", Runtime.version().toString());
        metadata.put("threads", recording.options().threads().description());
        metadata.put("interval.requested", recording.options().interval().toNanos() + "ns");
        return new Session(recording.startedAt(), Duration.ofNanos(durationNanos), interval, cpu,
                recording.options().targetDescription(), samplerInfo, asyncMode, recording.options().timeMode(),
                frames.frames(), table, threads, spans, metadata);
    }

    /**
     * The span of a record, cut at the session's end. A method of its own, not a loop's body:
     * the launcher's C1-only JIT compiles a method after 50 calls, but a loop's method only after
     * 10,000 turns of it, and the two loops over a big build's 50,000-70,000 spans ran their first
     * 10,000 or more turns each in the interpreter (the second made each task's span twice).
     */
    private static Span span(SpanRecord record, long durationNanos, int originStackId) {
        long end = record.endNanos == SpanRecord.OPEN ? durationNanos : Math.min(record.endNanos, durationNanos);
        return new Span(record.id, record.parentId, record.category, record.name, record.owner.threadId,
                record.startNanos, Math.max(end, record.startNanos), originStackId, record.attributes());
    }

    /** Span id -> the stack where its thread first handed work over in it, for the spans that did. */
    private Map<Integer, Integer> submitStacks(List<SpanRecord> records) {
        Map<Integer, Integer> submitStacks = new HashMap<>();
        for (SpanRecord record : records) {
            StackTraceElement[] submitted = record.submitStack;
            if (submitted != null) {
                submitStacks.put(record.id, frames.stackId(submitted));
            }
        }
        return submitStacks;
    }

    /** The records' spans, without the tasks' origins (which {@link TaskOrigins} finds from them). */
    private static List<Span> spans(List<SpanRecord> records, long durationNanos) {
        List<Span> spans = new ArrayList<>(records.size());
        for (SpanRecord record : records) {
            spans.add(span(record, durationNanos, StackTable.EMPTY));
        }
        return spans;
    }

    /** Each handed-over task's span in {@code spans} made again with its origin. */
    private static void addOrigins(List<SpanRecord> records, List<Span> spans, TaskOrigins origins, long durationNanos) {
        for (int i = 0; i < records.size(); i++) {
            SpanRecord record = records.get(i);
            if (record.originThreadId >= 0) {
                spans.set(i, span(record, durationNanos,
                        origins.originOf(record.originThreadId, record.originNanos, record.parentId)));
            }
        }
    }

    /**
     * The records of {@code logs} in id order, gaps closed up. Ids are handed out from one
     * counter ({@code ids}: how many so far), so each record is placed at its id straight from
     * its thread's log rather than copied into one list and sorted: a big build has 50,000-140,000
     * spans, and a comparator sort of them was a visible part of the stop under the C1-only JIT.
     */
    static List<SpanRecord> byId(List<SpanLog> logs, int ids) {
        SpanRecord[] slots = new SpanRecord[ids];
        for (SpanLog log : logs) {
            slots = log.placeById(slots);
        }
        List<SpanRecord> result = new ArrayList<>(slots.length);
        for (SpanRecord record : slots) {
            if (record != null) {
                result.add(record);
            }
        }
        return result;
    }

    /**
     * The starting thread's samples taken while the JVM ran the profiler's own agent
     * ({@code premain}) after sampling began, with no frames: the rest of the
     * profiler's start, hidden as its own frames are everywhere (their time stays with their
     * caller, here the thread itself). The agent sets itself up before it starts sampling, but
     * the return from the start is still sampled now and then, and such a sample showed the
     * JVM's agent loader ({@code InstrumentationImpl.loadClassAndCallPremain}) as the first
     * thing the program did. Another agent's start, run by the JVM after this one, is kept.
     */
    private List<Sample> hideAgentStart(List<Sample> samples) {
        StackTable.Builder stacks = frames.stacks();
        Map<Integer, Boolean> agentStart = new HashMap<>();
        boolean any = false;
        for (Sample sample : samples) {
            any |= agentStart.computeIfAbsent(sample.stackId(), stack -> isAgentStart(stacks, stack));
        }
        if (!any) {
            return samples;
        }
        ThreadSamples kept = new ThreadSamples();
        for (Sample s : samples) {
            int stack = agentStart.get(s.stackId()) ? StackTable.EMPTY : s.stackId();
            kept.add(s.startNanos(), s.durationNanos(), stack, s.state(), s.spanId(), s.count());
        }
        return kept.samples();
    }

    /**
     * A stack from the JVM's agent loader into the profiler's own code, or with only the JDK's
     * code above the loader: the way back from the profiler's {@code premain} once it returned
     * (the reflective call; sampled now and then since async-profiler samples a thread from its
     * start, not from when the recording added it). Another agent's start has its own frames.
     */
    private boolean isAgentStart(StackTable.Builder stacks, int stack) {
        boolean own = false;
        boolean jdkOnly = true;
        Frame root = null;
        for (int s = stack; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            root = frames.frame(stacks.frameId(s));
            own |= FrameFilters.isProfilerOwn(root);
            String name = root.className();
            jdkOnly &= name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
        }
        return (own || jdkOnly) && root != null && root.className().equals(AGENT_LOADER);
    }

    /** The JDK class that calls a Java agent's {@code premain} and {@code agentmain}. */
    private static final String AGENT_LOADER = "sun.instrument.InstrumentationImpl";

    /** Samples outside any span become {@code [out-of-context]}; neighbours merge again. */
    private static List<Sample> markOutOfContext(List<Sample> samples, int outOfContextStack) {
        ThreadSamples merged = new ThreadSamples();
        for (Sample s : samples) {
            int stack = s.spanId() == Span.NONE ? outOfContextStack : s.stackId();
            merged.add(s.startNanos(), s.durationNanos(), stack, s.state(), s.spanId(), s.count());
        }
        return merged.samples();
    }
}
