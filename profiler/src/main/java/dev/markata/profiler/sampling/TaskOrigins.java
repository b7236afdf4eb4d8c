package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each handed-over task was submitted from: the stack under which reports graft its
 * samples ({@link Span#originStackId()}). Walking the submitter's stack at every submit would
 * cost microseconds per task, so a submit only notes its thread, its innermost span S and the
 * time; at stop this class answers from what the recording holds, in this order:
 *
 * <ol>
 *   <li><b>Where the submitter waited for the work.</b> The first sample of the submitting
 *       thread, at or after the submit time, taken inside an {@code await} span opened directly
 *       in S (a wrapped executor's {@code Future.get}, {@code invokeAll}...), preferring one in
 *       the WAITING state. Its stack runs through the call that handed the work over and is
 *       waiting on it, so preparation code the submitter ran before (or after) cannot be picked.</li>
 *   <li><b>Where S first handed work over.</b> The submitting thread walks its stack once per
 *       span, at the first submit inside it ({@link SpanRecord#submitStack}): exact for spans
 *       too short to be sampled, which have no sample at all to read from.</li>
 *   <li><b>S's position.</b> The deepest stack common to every sample of the submitting thread
 *       inside S (or inside the spans S encloses on that thread); if S has no sample, the same
 *       of its enclosing span, and so on. Submissions outside any span use the thread's samples.</li>
 * </ol>
 *
 * <p>Each answer is cut back to the submitting application frame: the profiler's own frames at
 * the leaf end (the wrapped executor's {@code submit} or {@code get} and what they call) are
 * dropped, then the stack is cut to its innermost application frame. The profiler's own frames
 * further up (a task that submits from inside another task runs under
 * {@code ContextTasks$ContextRunnable.run}) are kept.
 *
 * <p>Samples are looked up by the Java thread id of the submitter, which is how both samplers
 * file them ({@link ThreadContext#threadId}; async-profiler's OS thread ids are mapped back to
 * it when its recording is read).
 */
final class TaskOrigins {

    /** The category of the spans that mark waiting for handed-over work. */
    static final String AWAIT = ContextExecutorService.AWAIT;

    private final StackTable stacks;
    private final List<Frame> frames;
    private final List<Span> spans;
    private final Map<Long, List<Sample>> samplesByThread;
    private final Map<Integer, Integer> submitStacks;
    private final Map<Long, Map<Integer, List<Integer>>> awaitSamples = new HashMap<>();
    private final Map<Long, Map<Integer, Integer>> positions = new HashMap<>();
    private final Map<Integer, Integer> cuts = new HashMap<>();
    private int[] depths;

    /**
     * @param stacks          the session's stack table
     * @param frames          its frames, by id
     * @param spans           its spans, by id (origins not needed)
     * @param samplesByThread each thread's samples in time order, by Java thread id
     * @param submitStacks    span id -> the stack where its thread first handed work over in it
     */
    TaskOrigins(StackTable stacks, List<Frame> frames, List<Span> spans, Map<Long, List<Sample>> samplesByThread,
                Map<Integer, Integer> submitStacks) {
        this.stacks = stacks;
        this.frames = frames;
        this.spans = spans;
        this.samplesByThread = samplesByThread;
        this.submitStacks = submitStacks;
    }

    /**
     * The origin of a task submitted by thread {@code submitter} at {@code submitNanos} while
     * span {@code submittingSpan} (or {@link Span#NONE}) was its innermost; {@link StackTable#EMPTY}
     * when nothing is known of the submitter.
     */
    int originOf(long submitter, long submitNanos, int submittingSpan) {
        if (submitter == lastSubmitter && submittingSpan == lastSpan) {
            return lastOrigin; // the batch's task before this one, and no wait to look up
        }
        List<Sample> samples = samplesByThread.getOrDefault(submitter, List.of());
        List<Integer> waits = awaitSamplesOf(submitter, samples).get(submittingSpan);
        if (waits != null) {
            int waiting = whileWaiting(samples, waits, submitNanos);
            if (waiting != StackTable.EMPTY) {
                return cut(waiting);
            }
        }
        Integer submitted = submittingSpan == Span.NONE ? null : submitStacks.get(submittingSpan);
        int origin;
        if (submitted != null && submitted != StackTable.EMPTY) {
            origin = cut(submitted);
        } else {
            int position = position(submitter, samples, submittingSpan);
            origin = position == StackTable.EMPTY ? StackTable.EMPTY : cut(position);
        }
        if (waits == null) {
            // Without waits in the span the answer does not depend on the time: the next tasks
            // of the batch (a 10,000-post hook hands over 10,000 in a row) get it as it is.
            lastSubmitter = submitter;
            lastSpan = submittingSpan;
            lastOrigin = origin;
        }
        return origin;
    }

    // the last answer that did not depend on the submit time, by submitter and span
    private long lastSubmitter = Long.MIN_VALUE;
    private int lastSpan;
    private int lastOrigin;

    // ---- rule 1: where the submitter waited ----------------------------------------------

    /** {@code candidates}: the thread's samples in await spans opened in the submitting span. */
    private int whileWaiting(List<Sample> samples, List<Integer> candidates, long submitNanos) {
        int from = firstEndingAfter(samples, submitNanos);
        int low = 0;
        int high = candidates.size();
        while (low < high) { // first candidate at or after the sample covering the submit time
            int mid = (low + high) >>> 1;
            if (candidates.get(mid) < from) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        if (low == candidates.size()) {
            return StackTable.EMPTY;
        }
        Sample first = samples.get(candidates.get(low));
        for (int i = low; i < candidates.size(); i++) { // the same wait, in the WAITING state if seen so
            Sample s = samples.get(candidates.get(i));
            if (s.spanId() != first.spanId()) {
                break;
            }
            if (s.state() == ThreadState.WAITING) {
                return s.stackId();
            }
        }
        return first.stackId();
    }

    /** Per submitting span: indexes of the thread's samples (with frames) inside await spans it opened. */
    private Map<Integer, List<Integer>> awaitSamplesOf(long thread, List<Sample> samples) {
        Map<Integer, List<Integer>> known = awaitSamples.get(thread);
        if (known != null) {
            return known;
        }
        Map<Integer, List<Integer>> bySpan = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Span span = span(s.spanId());
            if (span != null && s.stackId() != StackTable.EMPTY && AWAIT.equals(span.category())
                    && span.threadId() == thread) {
                bySpan.computeIfAbsent(span.parentId(), p -> new ArrayList<>()).add(i);
            }
        }
        awaitSamples.put(thread, bySpan);
        return bySpan;
    }

    private static int firstEndingAfter(List<Sample> samples, long nanos) {
        int low = 0;
        int high = samples.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (samples.get(mid).endNanos() <= nanos) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    // ---- rule 3: the submitting span's position --------------------------------------------

    /** The deepest stack common to the thread's samples inside {@code spanId}, or its nearest enclosing sampled span. */
    private int position(long thread, List<Sample> samples, int spanId) {
        Map<Integer, Integer> known = positions.computeIfAbsent(thread, t -> new HashMap<>());
        Integer cached = known.get(spanId);
        if (cached != null) {
            return cached;
        }
        int common = NOTHING;
        for (Sample s : samples) {
            if (s.stackId() != StackTable.EMPTY && (spanId == Span.NONE || encloses(spanId, s.spanId(), thread))) {
                common = common == NOTHING ? s.stackId() : commonStack(common, s.stackId());
            }
        }
        int result;
        if (common != NOTHING) {
            result = common;
        } else {
            Span span = span(spanId);
            result = span == null || spanId == Span.NONE ? StackTable.EMPTY
                    : position(thread, samples, spanOnThread(span.parentId(), thread));
        }
        known.put(spanId, result);
        return result;
    }

    private static final int NOTHING = Integer.MIN_VALUE;

    /** {@code spanId} when it is a span of {@code thread}, otherwise NONE (the parent of a task lives elsewhere). */
    private int spanOnThread(int spanId, long thread) {
        Span span = span(spanId);
        return span != null && span.threadId() == thread ? spanId : Span.NONE;
    }

    /** Whether {@code inner} is {@code outer} or a span opened inside it on the same thread. */
    private boolean encloses(int outer, int inner, long thread) {
        int guard = spans.size();
        for (int s = inner; s != Span.NONE && guard-- > 0; ) {
            if (s == outer) {
                return true;
            }
            Span span = span(s);
            if (span == null || span.threadId() != thread) {
                return false;
            }
            s = span.parentId();
        }
        return false;
    }

    private Span span(int id) {
        if (id < 0 || id >= spans.size()) {
            return null;
        }
        Span span = spans.get(id);
        return span.id() == id ? span : null;
    }

    /** The deepest stack that both {@code a} and {@code b} start with; EMPTY when even their roots differ. */
    int commonStack(int a, int b) {
        int[] depth = depths();
        while (a != b) {
            if (a == StackTable.EMPTY || b == StackTable.EMPTY) {
                return StackTable.EMPTY;
            }
            if (depth[a] >= depth[b]) {
                a = stacks.parentId(a);
            } else {
                b = stacks.parentId(b);
            }
        }
        return a;
    }

    private int[] depths() {
        if (depths == null) {
            depths = new int[stacks.size()];
            for (int s = 0; s < depths.length; s++) { // parents come before their children
                int parent = stacks.parentId(s);
                depths[s] = parent == StackTable.EMPTY ? 1 : depths[parent] + 1;
            }
        }
        return depths;
    }

    // ---- cutting back to the submitting frame ----------------------------------------------

    /**
     * {@code stack} without the profiler's own frames at its leaf end (and the library frames
     * they called; machinery reached through application code stays), then cut back to its innermost application frame (the whole of it when it has none).
     */
    int cut(int stack) {
        Integer known = cuts.get(stack);
        if (known == null) { // tasks of one batch share a few stacks: cut each once
            known = cutOnce(stack);
            cuts.put(stack, known);
        }
        return known;
    }

    private int cutOnce(int stack) {
        int s = stack;
        while (s != StackTable.EMPTY && !isMachinery(frame(s)) && frame(s).kind() != FrameKind.APPLICATION) {
            s = stacks.parentId(s); // library frames under the executor's call (FutureTask.get, park...)
        }
        if (s != StackTable.EMPTY && isMachinery(frame(s))) {
            while (s != StackTable.EMPTY && isMachinery(frame(s))) {
                s = stacks.parentId(s);
            }
            stack = s;
        }
        for (s = stack; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            if (frame(s).kind() == FrameKind.APPLICATION) {
                return s;
            }
        }
        return stack;
    }

    private Frame frame(int stack) {
        return frames.get(stacks.frameId(stack));
    }

    /**
     * The profiler's task and executor wrappers and async-profiler's Java side: where a
     * submitter's stack enters them is where it handed work over or waits for it.
     */
    static boolean isMachinery(Frame frame) {
        return isMachinery(frame.className());
    }

    static boolean isMachinery(String className) {
        return className.startsWith("dev.markata.profiler.sampling.") || className.startsWith("one.profiler.")
                || className.equals("dev.markata.profiler.Profiler");
    }
}
