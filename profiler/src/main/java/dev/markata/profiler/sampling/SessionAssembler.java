package dev.markata.profiler.sampling;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.FrameKind;
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
            if (asyncMode == AsyncMode.STRICT && context.threadId != startingThreadId) {
                samples = markOutOfContext(samples, outOfContext);
            }
            samplesByThread.put(context.threadId, samples);
            threads.add(new ThreadProfile(context.threadId, context.name, samples));
        }

        StackTable table = frames.stacks().build();
        spanRecords.sort(Comparator.comparingInt(s -> s.id));
        List<Span> spans = new ArrayList<>(spanRecords.size());
        for (SpanRecord record : spanRecords) {
            long end = record.endNanos == SpanRecord.OPEN ? durationNanos : Math.min(record.endNanos, durationNanos);
            int origin = record.originThreadId < 0 ? StackTable.EMPTY
                    : originStack(table, samplesByThread.get(record.originThreadId), record.originNanos,
                    record.parentId);
            spans.add(new Span(record.id, record.parentId, record.category, record.name, record.owner.threadId,
                    record.startNanos, Math.max(end, record.startNanos), origin, record.attributes()));
        }

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("jdk", Runtime.version().toString());
        metadata.put("threads", recording.options().threads().description());
        metadata.put("interval.requested", recording.options().interval().toNanos() + "ns");
        return new Session(recording.startedAt(), Duration.ofNanos(durationNanos), interval, cpu,
                recording.options().targetDescription(), samplerInfo, asyncMode, recording.options().timeMode(),
                frames.frames(), table, threads, spans, metadata);
    }

    /** Samples outside any span become {@code [out-of-context]}; neighbours merge again. */
    private static List<Sample> markOutOfContext(List<Sample> samples, int outOfContextStack) {
        ThreadSamples merged = new ThreadSamples();
        for (Sample s : samples) {
            int stack = s.spanId() == Span.NONE ? outOfContextStack : s.stackId();
            merged.add(s.startNanos(), s.durationNanos(), stack, s.state(), s.spanId(), s.count());
        }
        return merged.samples();
    }

    /**
     * Where the submitter was when it handed work over, read from its own samples instead of
     * walking its stack at submit time (which would cost microseconds per task): the sample
     * covering the submit time (or the nearest one), cut back to its innermost application
     * frame, which drops the executor's and the JDK's frames under the submitting call.
     */
    /** The sample nearest to {@code nanos} around index {@code from} that has Java frames. */
    private static Sample nearestWithFrames(List<Sample> samples, int from, long nanos) {
        Sample best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int i = from; i < samples.size() && i < from + 64; i++) {
            Sample s = samples.get(i);
            if (s.stackId() != StackTable.EMPTY) {
                best = s;
                bestDistance = Math.max(0, s.startNanos() - nanos);
                break;
            }
        }
        for (int i = from - 1; i >= 0 && i > from - 64; i--) {
            Sample s = samples.get(i);
            if (s.stackId() != StackTable.EMPTY) {
                if (Math.max(0, nanos - s.endNanos()) < bestDistance) {
                    best = s;
                }
                break;
            }
        }
        return best;
    }

    /**
     * The first sample with Java frames taken inside span {@code spanId}, looking forward from
     * {@code from} then backward, up to 64 samples each way; null when there is none or no span.
     */
    private static Sample nearestInSpan(List<Sample> samples, int from, int spanId) {
        if (spanId == Span.NONE) {
            return null;
        }
        for (int i = Math.max(0, from); i < samples.size() && i < from + 64; i++) {
            Sample s = samples.get(i);
            if (s.spanId() == spanId && s.stackId() != StackTable.EMPTY) {
                return s;
            }
        }
        for (int i = Math.min(from, samples.size()) - 1; i >= 0 && i > from - 64; i--) {
            Sample s = samples.get(i);
            if (s.spanId() == spanId && s.stackId() != StackTable.EMPTY) {
                return s;
            }
        }
        return null;
    }

    private int originStack(StackTable table, List<Sample> submitterSamples, long nanos, int submitterSpanId) {
        if (submitterSamples == null || submitterSamples.isEmpty()) {
            return StackTable.EMPTY;
        }
        int low = 0;
        int high = submitterSamples.size() - 1;
        while (low < high) { // first sample ending after nanos
            int mid = (low + high) >>> 1;
            if (submitterSamples.get(mid).endNanos() <= nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        // Work submitted right after the submitter entered a new span (a plugin hook handing its
        // documents over in its first millisecond) may be nearest to a sample of the span
        // before; a sample taken inside the submitter's own span is the truer origin.
        Sample covering = nearestInSpan(submitterSamples, low, submitterSpanId);
        if (covering == null) {
            covering = nearestWithFrames(submitterSamples, low, nanos);
        }
        if (covering == null) {
            return StackTable.EMPTY;
        }
        int stack = covering.stackId();
        for (int s = stack; s != StackTable.EMPTY; s = table.parentId(s)) {
            if (frames.frame(table.frameId(s)).kind() == FrameKind.APPLICATION) {
                return s;
            }
        }
        return stack;
    }
}
