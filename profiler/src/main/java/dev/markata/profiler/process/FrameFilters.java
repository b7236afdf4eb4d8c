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

    /** The profiler's own code: this library and async-profiler's Java side. */
    public static boolean isProfilerOwn(Frame frame) {
        String name = frame.className();
        return name.startsWith("dev.markata.profiler.") || name.startsWith("one.profiler.");
    }

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
