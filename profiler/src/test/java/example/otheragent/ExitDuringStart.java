package example.otheragent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.concurrent.TimeUnit;

/**
 * An agent started before the profiler's that ends the JVM while the profiler is starting, as
 * a SIGTERM or Ctrl-C in the program's first tenth of a second does (async-profiler's first
 * start takes 50-170 ms). At the first class the starting profiler loads (a class loaded on a
 * thread inside {@code Profiler.start}) it calls {@code System.exit(3)} on another thread and
 * waits until the JVM has started the profiler's exit hook, then lets the start go on.
 */
public final class ExitDuringStart {

    private static volatile boolean fired;
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private ExitDuringStart() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classFile) {
                if (fired || INSIDE.get()) {
                    return null;
                }
                INSIDE.set(true);
                try {
                    if (startingProfiler()) {
                        fired = true;
                        Thread exit = new Thread(() -> System.exit(3), "exit-during-start");
                        exit.start();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                        while (!exitHookRuns() && System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                        System.err.println("other agent: exit hook runs: " + exitHookRuns());
                    }
                } finally {
                    INSIDE.set(false);
                }
                return null;
            }
        });
    }

    private static boolean startingProfiler() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().equals("dev.markata.profiler.Profiler") && frame.getMethodName().equals("start")) {
                return true;
            }
        }
        return false;
    }

    private static boolean exitHookRuns() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("markata-profiler-exit")) {
                return true;
            }
        }
        return false;
    }
}
