package dev.markata.profiler.sampling;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of async-profiler's stacks were cut short of their thread's root: its walk stopped at a
 * frame it could not read (it then writes an error frame such as {@code break_interpreted}), or
 * the stack was deeper than the depth asked for. Such a stack starts somewhere in the middle,
 * and under its thread it made a root row of its own (a single {@code Object.wait}, say).
 */
class TruncatedStacksTest {

    private static final int MAX = 8192;

    private static JfrSampleReader.StackFrame java(String className, String method) {
        return new JfrSampleReader.StackFrame(new JfrSampleReader.Method(className, method, "()V"), 1, "Interpreted");
    }

    private static JfrSampleReader.StackFrame nativeFrame(String library, String symbol, String type) {
        return new JfrSampleReader.StackFrame(new JfrSampleReader.Method(library, symbol, ""), -1, type);
    }

    /** async-profiler's error frames: a name, no class. */
    private static JfrSampleReader.StackFrame error(String name) {
        return new JfrSampleReader.StackFrame(new JfrSampleReader.Method(null, name, ""), -1, "Native");
    }

    private static JfrSampleReader.Stack leafFirst(JfrSampleReader.StackFrame... frames) {
        return new JfrSampleReader.Stack(List.of(frames), false);
    }

    @Test
    void aWalkThatStoppedRightBelowAJavaFrameIsCutShort() {
        assertThat(TruncatedStacks.cutShort(leafFirst(nativeFrame("libc.so.6", "__futex_abstimed_wait_common", "Native"),
                nativeFrame("libjvm.so", "ObjectMonitor::wait", "C++"), java("java.lang.Object", "wait"),
                error("break_interpreted")), MAX)).isTrue();
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Work", "spin"), java("app.Work", "run"),
                error("unknown_Java")), MAX)).isTrue();
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Work", "spin"), error("[break_compiled]")), MAX)).isTrue();
    }

    /** The JVM loading a class for the code below, its walk stopped at the JVM's frames in between. */
    @Test
    void aStackThatEndsInAnUpcallOfTheJvmIsCutShort() {
        assertThat(TruncatedStacks.cutShort(leafFirst(java("java.util.zip.ZipFile", "getEntry"),
                java("java.lang.ClassLoader", "loadClass")), MAX)).isTrue();
        assertThat(TruncatedStacks.cutShort(leafFirst(java("java.lang.invoke.MethodHandleNatives", "linkCallSite")),
                MAX)).isTrue();
        // loading a class below a whole stack is what it is
        assertThat(TruncatedStacks.cutShort(leafFirst(java("java.lang.ClassLoader", "loadClass"),
                java("app.Main", "main")), MAX)).isFalse();
    }

    @Test
    void aWholeStackIsNot() {
        // a started thread: the JVM's native frames below Thread.run, down to the OS thread's start
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Work", "spin"), java("java.lang.Thread", "run"),
                nativeFrame("libjvm.so", "JavaCalls::call_helper", "C++"), nativeFrame("libjvm.so", "thread_native_entry", "C++"),
                nativeFrame("libc.so.6", "start_thread", "Native"), nativeFrame("libc.so.6", "clone3", "Native")), MAX)).isFalse();
        // the main thread: its walk ends at main
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Work", "spin"), java("app.Main", "main")), MAX)).isFalse();
        // a walk that broke in the native frames below a whole Java stack lost nothing of it
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Main", "main"),
                nativeFrame("libjli.so", "JavaMain", "Native"), error("unknown")), MAX)).isFalse();
        // no Java frame at all: nothing is shown of it anyway
        assertThat(TruncatedStacks.cutShort(leafFirst(nativeFrame("libc.so.6", "__pthread_clockjoin_ex", "Native"),
                error("unknown")), MAX)).isFalse();
        // a virtual thread's stack cut at its return barrier is mended by ReturnBarrierStacks
        assertThat(TruncatedStacks.cutShort(leafFirst(java("app.Task", "spin"),
                nativeFrame("", "cont_returnBarrier", "Native")), MAX)).isFalse();
    }

    @Test
    void aStackAsDeepAsTheDepthAskedForOrMarkedTruncatedIsCutShort() {
        List<JfrSampleReader.StackFrame> deep = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            deep.add(java("app.Deep", "down"));
        }
        assertThat(TruncatedStacks.cutShort(new JfrSampleReader.Stack(deep, false), MAX)).isTrue();
        assertThat(TruncatedStacks.cutShort(new JfrSampleReader.Stack(deep.subList(0, MAX - 1), false), MAX)).isFalse();
        assertThat(TruncatedStacks.cutShort(new JfrSampleReader.Stack(List.of(java("app.Deep", "down")), true), MAX))
                .isTrue();
    }
}
