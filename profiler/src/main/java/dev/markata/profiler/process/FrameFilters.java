package dev.markata.profiler.process;

import dev.markata.profiler.model.Frame;

import java.util.List;
import java.util.Set;

/** Which frames reports leave out by default, and which frames mean "this thread is blocked". */
public final class FrameFilters {

    private static final List<String> BLOCKING_CLASS_LIST = List.of("jdk.internal.misc.Unsafe", "sun.misc.Unsafe",
            "java.util.concurrent.locks.LockSupport", "java.lang.Object", "java.lang.Thread");
    private static final List<String> BLOCKING_METHOD_LIST = List.of("park", "parkNanos", "parkUntil", "wait", "wait0",
            "sleep", "sleep0", "sleepNanos", "sleepNanos0", "join");
    private static final Set<String> BLOCKING_CLASSES = Set.copyOf(BLOCKING_CLASS_LIST);
    private static final Set<String> BLOCKING_METHODS = Set.copyOf(BLOCKING_METHOD_LIST);

    /** Where the profiler's own code lives: these packages (and async-profiler's Java side), and {@link #PROFILER_CLASSES}. */
    private static final List<String> PROFILER_PREFIXES = List.of("one.profiler.", "dev.markata.profiler.sampling.",
            "dev.markata.profiler.agent.");
    /** The profiler's own top-level classes outside those packages, with their nested and hidden classes. */
    private static final List<String> PROFILER_CLASSES = List.of("dev.markata.profiler.Profiler", "dev.markata.profiler.SpanScope");
    /** The packages of the JDK's reflection and method-handle plumbing. */
    private static final List<String> PLUMBING_PREFIXES = List.of("jdk.internal.reflect.", "sun.reflect.", "java.lang.invoke.");
    /** What the names of generated lambda and lambda-form classes contain. */
    private static final List<String> PLUMBING_CONTAINS = List.of("$$Lambda", "LambdaForm$");

    /**
     * What {@link #isProfilerOwn}, {@link #isJdkPlumbing}, {@link #isTaskEntry} and
     * {@link #isBlockingCall} go by, for the HTML report's script, which applies them to the
     * frames it builds its trees from: one set of rules, so that the page leaves out and finds
     * waiting where the Java reports do (model.js had copies of them). A class is the profiler's
     * own when it starts with one of {@code profilerPrefixes}, or is one of {@code profilerClasses}
     * or nested in one ({@code Profiler$Builder}); plumbing when it starts with one of
     * {@code plumbingPrefixes} or contains one of {@code plumbingContains}; a blocking call is one
     * of {@code blockingMethods} of one of {@code blockingClasses}.
     */
    public record Rules(List<String> profilerPrefixes, List<String> profilerClasses, List<String> plumbingPrefixes,
                        List<String> plumbingContains, String taskEntryPrefix, List<String> blockingClasses,
                        List<String> blockingMethods) {
    }

    public static Rules rules() {
        return new Rules(PROFILER_PREFIXES, PROFILER_CLASSES, PLUMBING_PREFIXES, PLUMBING_CONTAINS, TASK_WRAPPERS,
                BLOCKING_CLASS_LIST, BLOCKING_METHOD_LIST);
    }

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
     * ({@code profilerOwn}) applies the same rule, from {@link #rules()}.
     */
    public static boolean isProfilerOwn(Frame frame) {
        String name = frame.className();
        for (String prefix : PROFILER_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String cls : PROFILER_CLASSES) {
            // Profiler$Builder, Profiler$$Lambda/0x...; not ProfilerTest
            if (name.startsWith(cls) && (name.length() == cls.length() || name.charAt(cls.length()) == '$')) {
                return true;
            }
        }
        return false;
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
     * adapters, lambda forms and the generated classes behind lambdas and method references
     * (model.js's {@code plumbing}, from {@link #rules()}).
     */
    public static boolean isJdkPlumbing(Frame frame) {
        String name = frame.className();
        for (String prefix : PLUMBING_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String part : PLUMBING_CONTAINS) {
            if (name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A frame a thread sits in while it parks, waits, sleeps or joins (model.js's {@code isWaiting}, from {@link #rules()}). */
    public static boolean isBlockingCall(Frame frame) {
        return BLOCKING_CLASSES.contains(frame.className()) && BLOCKING_METHODS.contains(frame.methodName());
    }
}
