package dev.markata.profiler.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Hears of every thread that dies of an uncaught exception, whichever handler takes it, and
 * changes nothing the program can see. The JVM hands a dying thread's exception to
 * {@code Thread.dispatchUncaughtException}, which asks the thread for its handler (its own,
 * else its group, else the default one) and calls it; the agent makes that method call
 * {@link #note} first ({@link EntryCallPatch}). Installing a default handler of the agent's
 * instead (until 2026-12-06) missed every thread whose exception the program's own default
 * handler took, since the program's replaced the agent's, and showed the program a default
 * handler it had never set.
 *
 * <p>The transformer stays registered, retransformation-capable, for as long as the JVM runs:
 * another agent that retransforms {@code Thread} later (an APM agent, BlockHound) starts again
 * from the JDK's class file, and only the transformers registered then are applied to it, so
 * this one re-applies the patch. Until 2026-12-06 it was removed once {@code Thread} was
 * patched, and after such an agent's start no exception was in the report. Its cost: the JVM
 * hands it every class loaded from then on, which it turns down at once (measured: +4 to +7.5 us
 * of CPU per JDK class, which takes 34-40 us to load; profiler/README.md). The agent's exit hook
 * removes it before it writes the report ({@code Thread} stays patched): a class loaded while the
 * heap is full reaches a transformer through the JVM's agent code, which cannot then make the
 * class's name and prints "*** java.lang.instrument ASSERTION FAILED ***" for each such class, so
 * a report that could not be written for want of memory came with lines of those. The classes the
 * JVM's shutdown loads before that hook runs are loaded when the agent starts
 * ({@code ProfilerAgent.loadWhatTheShutdownLoads}).
 */
public final class UncaughtHook {

    /**
     * Every agent's listener: an agent loaded twice into one JVM (one per report format, or
     * attached again later) patches {@code Thread} once more, and each report must still hear
     * of the exceptions (with one listener, the last agent's, the first report had none).
     */
    private static final List<BiConsumer<Thread, Throwable>> LISTENERS = new CopyOnWriteArrayList<>();

    private UncaughtHook() {
    }

    /**
     * Called by the patched {@code Thread.dispatchUncaughtException}, on the dying thread,
     * before its handler runs; not for anything else. Never throws.
     */
    public static void note(Object thread, Throwable error) {
        if (!(thread instanceof Thread dying)) {
            return;
        }
        for (BiConsumer<Thread, Throwable> listener : LISTENERS) {
            try {
                listener.accept(dying, error);
            } catch (Throwable ignored) { // the program's handler has the last word, always
            }
        }
    }

    /**
     * Patches {@code Thread} so that {@code onUncaught} hears of each uncaught exception
     * before its handler runs; null (nothing changed) when the JVM or the JDK's class does
     * not allow it, and the caller falls back to handlers of its own.
     *
     * @return what removes the transformer (the patch stays): the exit hook runs it first
     */
    static Runnable install(Instrumentation instrumentation, BiConsumer<Thread, Throwable> onUncaught) {
        if (instrumentation == null || !instrumentation.isRetransformClassesSupported()
                || !instrumentation.isModifiableClass(Thread.class)) {
            return null;
        }
        boolean[] patched = {false};
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classFile) {
                if (redefined != Thread.class) {
                    return null; // a class being loaded, or another redefined: not ours
                }
                byte[] result = EntryCallPatch.apply(classFile, "dispatchUncaughtException",
                        "(Ljava/lang/Throwable;)V", UncaughtHook.class.getName());
                patched[0] = result != null; // or patched already, by another agent of this jar's
                return result == classFile ? null : result;
            }
        };
        LISTENERS.add(onUncaught);
        try {
            instrumentation.addTransformer(transformer, true);
            instrumentation.retransformClasses(Thread.class);
        } catch (Exception | LinkageError e) {
            patched[0] = false;
        }
        if (!patched[0]) {
            instrumentation.removeTransformer(transformer);
            LISTENERS.remove(onUncaught);
            return null;
        }
        return () -> instrumentation.removeTransformer(transformer);
    }
}
