package dev.markata.profiler.process;

import dev.markata.profiler.model.Frame;

import java.util.Set;

/** Which frames reports leave out by default, and which frames mean "this thread is blocked". */
public final class FrameFilters {

    private static final Set<String> BLOCKING_CLASSES = Set.of("jdk.internal.misc.Unsafe", "sun.misc.Unsafe",
            "java.util.concurrent.locks.LockSupport", "java.lang.Object", "java.lang.Thread");
    private static final Set<String> BLOCKING_METHODS = Set.of("park", "parkNanos", "parkUntil", "wait", "wait0",
            "sleep", "sleep0", "sleepNanos", "sleepNanos0", "join");

    private FrameFilters() {
    }

    /**
     * The profiler's own frames: code that is on a stack only because the program is profiled,
     * which every report leaves out (their time is their caller's own). Spans
     * ({@code Profiler.span}, {@code SpanScope}), the task and executor wrappers and the samplers
     * ({@code sampling}), the agent ({@code agent}: its start, the uncaught-exception hook on a
     * dying thread) and async-profiler's Java side. Not the rest of the library: a program that
     * renders or saves a report while it runs does real work there, which the reports show
     * (until 2026-12-06 every {@code dev.markata.profiler.} frame went, and that time was its
     * caller's own with nothing to say where it went). The HTML report's {@code model.js}
     * ({@code profilerOwn}) applies the same rule.
     */
    public static boolean isProfilerOwn(Frame frame) {
        String name = frame.className();
        if (name.startsWith("one.profiler.")) {
            return true;
        }
        if (!name.startsWith(PACKAGE)) {
            return false;
        }
        String inside = name.substring(PACKAGE.length());
        if (inside.startsWith("sampling.") || inside.startsWith("agent.")) {
            return true;
        }
        int nested = inside.indexOf('$'); // Profiler$Builder, Profiler$$Lambda/0x...
        String topLevel = nested < 0 ? inside : inside.substring(0, nested);
        return topLevel.equals("Profiler") || topLevel.equals("SpanScope");
    }

    private static final String PACKAGE = "dev.markata.profiler.";

    /**
     * Where a handed-over task begins on the thread that runs it: the profiler's task wrapper.
     * Below it on that thread's stack is only the pool's machinery ({@code Thread.run},
     * {@code ThreadPoolExecutor$Worker.run}...), which a grafted task does not show.
     */
    public static boolean isTaskEntry(Frame frame) {
        return frame.className().startsWith(TASK_WRAPPERS);
    }

    /** The nested classes of {@code dev.markata.profiler.sampling.ContextTasks} that wrap tasks. */
    static final String TASK_WRAPPERS = "dev.markata.profiler.sampling.ContextTasks$";

    /**
     * The JDK's plumbing between a caller and what it really called: reflection and method-handle
     * adapters, lambda forms and the generated classes behind lambdas and method references.
     */
    public static boolean isJdkPlumbing(Frame frame) {
        String name = frame.className();
        return name.startsWith("jdk.internal.reflect.")
                || name.startsWith("sun.reflect.")
                || name.startsWith("java.lang.invoke.")
                || name.contains("$$Lambda")
                || name.contains("LambdaForm$");
    }

    /** A frame a thread sits in while it parks, waits, sleeps or joins. */
    static boolean isBlockingCall(Frame frame) {
        return BLOCKING_CLASSES.contains(frame.className()) && BLOCKING_METHODS.contains(frame.methodName());
    }
}
