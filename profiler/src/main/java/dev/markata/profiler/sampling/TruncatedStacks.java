package dev.markata.profiler.sampling;

import java.util.List;
import java.util.Set;

/**
 * Stacks async-profiler could not walk to their thread's root. Its walk stops at a frame it
 * cannot read (it then writes an error frame, {@code break_interpreted}, {@code unknown_Java}...)
 * or at the depth asked for, and what it recorded starts somewhere in the middle of the thread:
 * under the thread such a stack made a root row of its own beside the whole stacks, a single
 * {@code Object.wait} or a recursion's inner half, as if the thread had begun there. Such a
 * stack starts at the synthetic frame {@link #ROOT} instead, in every report alike (the frame
 * is in the session): the thread's row holds one {@code [truncated]} row with what was seen
 * under it, and the whole stacks keep their own roots. Placing the rest under a whole stack
 * would be a guess (the frame that was seen has several callers, a recursion's depth is not
 * known); a virtual thread's stack cut at a park is known from its return barrier and mended
 * instead ({@link ReturnBarrierStacks}).
 */
final class TruncatedStacks {

    /** The root of every stack cut short: what its thread ran below the frames seen is not known. */
    static final String ROOT = "[truncated]";

    /** async-profiler's error frames other than {@code break_*} that end a walk of Java frames. */
    private static final Set<String> WALK_ERRORS = Set.of("unknown", "unknown_Java", "not_walkable_Java",
            "not_walkable_native");

    private TruncatedStacks() {
    }

    /**
     * Whether {@code trace} stops short of its thread's root: it says so, it is as deep as
     * {@code maxDepth} (async-profiler then keeps the leaf end), or the frame just outside its
     * outermost Java frame is an error frame of the walk. A walk that broke in the native frames
     * below a whole Java stack (below {@code Thread.run}, or past {@code main}) lost nothing
     * shown: those frames are left out anyway.
     */
    static boolean cutShort(JfrSampleReader.Stack trace, int maxDepth) {
        List<JfrSampleReader.StackFrame> leafFirst = trace.frames();
        int outermost = leafFirst.size() - 1;
        while (outermost >= 0 && !isJava(leafFirst.get(outermost))) {
            outermost--;
        }
        if (outermost < 0) {
            return false; // no Java frame: nothing of it is shown
        }
        return trace.truncated() || leafFirst.size() >= maxDepth
                || (outermost + 1 < leafFirst.size() && isWalkError(leafFirst.get(outermost + 1)))
                || (outermost + 1 == leafFirst.size() && isVmUpcall(leafFirst.get(outermost).method()));
    }

    /**
     * A method the JVM itself calls on behalf of the Java code below it: loading a class the
     * running code needs ({@code ClassLoader.loadClass}), linking a call site or a method handle
     * ({@code MethodHandleNatives}). A stack that ends there, nothing under it, is one whose walk
     * stopped at the JVM's frames between the two (in a javac profile, 35 ms of the main thread
     * as a root row {@code ClassLoader.loadClass} beside {@code Main.main}); a thread does not
     * begin there.
     */
    private static boolean isVmUpcall(JfrSampleReader.Method method) {
        String className = method.className();
        return ("java.lang.ClassLoader".equals(className) && "loadClass".equals(method.name()))
                || "java.lang.invoke.MethodHandleNatives".equals(className);
    }

    /** The synthetic frame every cut stack starts from. */
    static int rootStack(FrameTable frames) {
        return frames.syntheticStack(ROOT);
    }

    /** A frame the reports show: a Java method (not native, C++ or kernel code, nor a symbol without a class). */
    private static boolean isJava(JfrSampleReader.StackFrame frame) {
        JfrSampleReader.Method method = frame.method();
        return method != null && method.className() != null && !method.className().isEmpty()
                && !"Native".equals(frame.type()) && !"C++".equals(frame.type()) && !"Kernel".equals(frame.type());
    }

    /** An error frame: a name without a class ({@code break_interpreted}, or {@code [unknown]} as printed). */
    static boolean isWalkError(JfrSampleReader.StackFrame frame) {
        JfrSampleReader.Method method = frame.method();
        if (method == null || (method.className() != null && !method.className().isEmpty()) || method.name() == null) {
            return false;
        }
        String name = method.name();
        if (name.length() > 2 && name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.startsWith("break_") || WALK_ERRORS.contains(name);
    }
}
