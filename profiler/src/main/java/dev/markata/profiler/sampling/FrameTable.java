package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the frames and stacks of one recording. Used by one thread at a time: the JDK
 * sampler's thread while recording, then the thread that stops the recording.
 *
 * <p>A stack ends at the profiler's own bookkeeping ({@link #isBookkeeping}): what that code
 * called (the JDK's {@code Map.copyOf} for a span's attributes, {@code Path.of} when a worker
 * registers itself, the profiler's own methods) is not kept. The reports leave the profiler's
 * frames out and give their time to their caller, but the JDK frames they called stayed, under
 * the program's method or beside a worker's tasks, as if the program had called them.
 */
final class FrameTable {

    private final CodeClassifier classifier;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final Map<StackTraceElement, Integer> elementIds = new HashMap<>();
    private final StackTable.Builder stacks = new StackTable.Builder();
    /** The frame ids of the profiler's bookkeeping, where stacks end. */
    private final BitSet bookkeeping = new BitSet();

    FrameTable(CodeClassifier classifier) {
        this.classifier = classifier;
    }

    CodeClassifier classifier() {
        return classifier;
    }

    int frameId(Frame frame) {
        Integer id = frameIds.get(frame);
        if (id == null) {
            id = frames.size();
            frames.add(frame);
            frameIds.put(frame, id);
            if (isBookkeeping(frame.className())) {
                bookkeeping.set(id);
            }
        }
        return id;
    }

    /**
     * The profiler's bookkeeping: its {@code sampling} package, which records spans, registers
     * threads and takes the submitter's place, but the wrappers that run the program's own work
     * there (a decorated task's {@code run}, a wrapped executor's {@code submit} into the real
     * executor and its waits).
     */
    static boolean isBookkeeping(String className) {
        return className.startsWith(SAMPLING) && !className.startsWith(TASK_WRAPPERS)
                && !className.startsWith(EXECUTOR_WRAPPER);
    }

    private static final String SAMPLING = "dev.markata.profiler.sampling.";
    private static final String TASK_WRAPPERS = ContextTasks.class.getName();
    private static final String EXECUTOR_WRAPPER = ContextExecutorService.class.getName();

    /** A frame id for a JVM stack trace element, classified by its loader and module. */
    int frameId(StackTraceElement element) {
        Integer id = elementIds.get(element);
        if (id == null) {
            FrameKind kind = classifier.classify(element.getClassName(), element.getClassLoaderName(),
                    element.getModuleName(), true);
            String file = element.getFileName() == null ? "" : element.getFileName();
            id = frameId(new Frame(element.getClassName(), element.getMethodName(), file,
                    Math.max(element.getLineNumber(), 0), kind));
            elementIds.put(element, id);
        }
        return id;
    }

    /** The id of a stack given leaf first (as {@link Thread#getStackTrace()} returns it). */
    int stackId(StackTraceElement[] leafFirst) {
        int stack = StackTable.EMPTY;
        for (int i = leafFirst.length - 1; i >= 0 && !endsInBookkeeping(stack); i--) {
            stack = stacks.intern(stack, frameId(leafFirst[i]));
        }
        return stack;
    }

    /**
     * The id of the stack {@code parent} plus {@code frameId}, or {@code parent} itself when it
     * ends in the profiler's bookkeeping (nothing it called is kept).
     */
    int push(int parent, int frameId) {
        return endsInBookkeeping(parent) ? parent : stacks.intern(parent, frameId);
    }

    private boolean endsInBookkeeping(int stack) {
        return stack != StackTable.EMPTY && bookkeeping.get(stacks.frameId(stack));
    }

    /** A one-frame stack made of a synthetic node such as {@code [out-of-context]}. */
    int syntheticStack(String name) {
        return push(StackTable.EMPTY, frameId(new Frame(name, "", "", 0, FrameKind.SYNTHETIC)));
    }

    Frame frame(int frameId) {
        return frames.get(frameId);
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    StackTable.Builder stacks() {
        return stacks;
    }
}
