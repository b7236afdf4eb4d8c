package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.StackTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts the JFR stack traces of async-profiler's recording to the recording's stack ids, each
 * distinct trace once.
 *
 * <p>A distinct trace's frames are converted once (137,000 frames in 5,000 traces at the end
 * of a 10,000-post build). What belongs to the method (its class and name, whether it is a
 * native C++ or kernel symbol, the frame ids of its lines) is kept per
 * {@link JfrSampleReader.Method}, which the reader hands out once per method constant; per
 * frame only the method and the line number are read.
 */
final class JfrStackConverter {
    private final FrameTable frames;
    /** The stack depth the recording was started with: a trace this deep was cut short. */
    private final int maxDepth;
    /** The reader hands out one object per stack trace constant, so identity finds repeats. */
    private final Map<JfrSampleReader.Stack, Integer> byTrace = new IdentityHashMap<>();
    private final Map<JfrSampleReader.Method, MethodFrames> byMethod = new IdentityHashMap<>();
    /** One entry per class and method name: overloads share their frames, as they did by name. */
    private final Map<String, MethodFrames> byName = new HashMap<>();
    /** Stacks a virtual thread's return barrier cut ({@link ReturnBarrierStacks}). */
    final Set<Integer> cut = new HashSet<>();

    JfrStackConverter(FrameTable frames, int maxDepth) {
        this.frames = frames;
        this.maxDepth = maxDepth;
    }

    /** The stacks read that were not cut. */
    List<Integer> whole() {
        List<Integer> whole = new ArrayList<>();
        for (int stack : byTrace.values()) {
            if (!cut.contains(stack)) {
                whole.add(stack);
            }
        }
        return whole;
    }

    int stackOf(JfrSampleReader.Stack trace) {
        if (trace == null) {
            return StackTable.EMPTY;
        }
        Integer known = byTrace.get(trace);
        if (known != null) {
            return known;
        }
        int stack = convert(trace);
        byTrace.put(trace, stack);
        return stack;
    }

    private int convert(JfrSampleReader.Stack trace) {
        List<JfrSampleReader.StackFrame> leafFirst = trace.frames();
        int stack = StackTable.EMPTY;
        if (TruncatedStacks.cutShort(trace, maxDepth)) {
            stack = TruncatedStacks.rootStack(frames); // begins mid-thread: not a root row of its own
        }
        boolean barrier = false;
        for (int i = leafFirst.size() - 1; i >= 0; i--) {
            JfrSampleReader.StackFrame frame = leafFirst.get(i);
            JfrSampleReader.Method method = frame.method();
            if (method == null) {
                continue;
            }
            if (stack == StackTable.EMPTY && !barrier
                    && ReturnBarrierStacks.isReturnBarrier(method.className(), method.name())) {
                // the walk stopped at a virtual thread's frozen frames: mended once all is read
                stack = ReturnBarrierStacks.barrierStack(frames);
                barrier = true;
                continue;
            }
            MethodFrames methodFrames = byMethod.get(method);
            if (methodFrames == null) {
                methodFrames = methodFrames(method, frame.type());
                byMethod.put(method, methodFrames);
            }
            if (methodFrames == MethodFrames.SKIPPED) {
                continue;
            }
            stack = frames.push(stack, methodFrames.frameId(Math.max(frame.line(), 0), frames));
        }
        if (barrier) {
            cut.add(stack);
        }
        return stack;
    }

    /**
     * What a method's frames become. Native, C++ and kernel frames (their method is a native
     * symbol, its "class" the library file or nothing, so every frame of it has that type)
     * and frames without a class are left out; their time stays with the Java frame below
     * them. A Java method declared {@code native} ({@code Thread.sleep}) is typed as the
     * Java frame it is, not as Native, so it stays.
     */
    private MethodFrames methodFrames(JfrSampleReader.Method method, String frameType) {
        String className = method.className();
        if (className == null || className.isEmpty() || "Native".equals(frameType) || "C++".equals(frameType)
                || "Kernel".equals(frameType)) {
            return MethodFrames.SKIPPED;
        }
        String methodName = method.name();
        return byName.computeIfAbsent(className + '#' + methodName, k -> new MethodFrames(className, methodName));
    }

    /** JFR stacks carry no source file; Java names it after the top-level (host) class. */
    private static String sourceFileOf(String className) {
        String host = CodeClassifier.hostClassName(className);
        String simple = host.substring(host.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        if (nested > 0) {
            simple = simple.substring(0, nested);
        }
        return simple.isEmpty() ? "" : simple + ".java";
    }

    /** One method's frames, by line number (a method is sampled at a few lines). */
    private static final class MethodFrames {
        static final MethodFrames SKIPPED = new MethodFrames("", "");

        private final String className;
        private final String methodName;
        private int[] lines = new int[2];
        private int[] frameIds = new int[2];
        private int size;

        MethodFrames(String className, String methodName) {
            this.className = className;
            this.methodName = methodName;
        }

        int frameId(int line, FrameTable table) {
            for (int i = 0; i < size; i++) {
                if (lines[i] == line) {
                    return frameIds[i];
                }
            }
            var kind = table.classifier().classify(className, null, null, false);
            int id = table.frameId(new Frame(className, methodName,
                    sourceFileOf(className), line, kind));
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                frameIds = Arrays.copyOf(frameIds, size * 2);
            }
            lines[size] = line;
            frameIds[size] = id;
            size++;
            return id;
        }
    }
}
