package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns the frames and stacks of one recording. Used by one thread at a time: the JDK
 * sampler's thread while recording, then the thread that stops the recording.
 */
final class FrameTable {

    private final CodeClassifier classifier;
    private final List<Frame> frames = new ArrayList<>();
    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final Map<StackTraceElement, Integer> elementIds = new HashMap<>();
    private final StackTable.Builder stacks = new StackTable.Builder();

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
        }
        return id;
    }

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
        for (int i = leafFirst.length - 1; i >= 0; i--) {
            stack = stacks.intern(stack, frameId(leafFirst[i]));
        }
        return stack;
    }

    /** The id of the stack {@code parent} plus {@code frameId}. */
    int push(int parent, int frameId) {
        return stacks.intern(parent, frameId);
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
