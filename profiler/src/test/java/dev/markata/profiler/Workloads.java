package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Workloads with a known time split, and the arithmetic tests need to read a session. Public
 * for the tests of other packages ({@code sampling}) that need a thread kept busy.
 */
public final class Workloads {

    static volatile long sink;

    private Workloads() {
    }

    /** Keeps a core busy for {@code millis} of wall time. */
    public static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                x = x * 31 + (i ^ (x >>> 7));
            }
        }
        sink += x;
    }

    /**
     * Keeps the calling thread busy until it has had {@code millis} of CPU time. Unlike
     * {@link #spin}, whose end is a wall-clock deadline, this ends while the thread runs: on a
     * loaded machine a thread descheduled at {@link #spin}'s deadline returns only when it next
     * gets a core, and that stretch (measured as the method's, sampled as whatever the thread
     * does next) moves shares between methods by several points at a load of 15 on two cores.
     */
    public static void spinCpu(long millis) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = mx.getCurrentThreadCpuTime() + millis * 1_000_000L;
        long x = 0;
        while (mx.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + (i ^ (x >>> 7));
            }
        }
        sink += x;
    }

    /**
     * Math in JIT intrinsics ({@code Math.sin}, {@code Math.log}) for {@code millis}: the thread
     * runs mostly inside the JVM's math stubs, which have no Java frame of their own.
     */
    static void intrinsicMath(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        double x = 0;
        int i = 1;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 1_000; k++, i++) {
                x += Math.sin(i) * Math.log(i);
            }
        }
        sink += (long) x;
    }

    /** Copies arrays for {@code millis}: the thread runs mostly inside the JVM's arraycopy stubs. */
    static void arrayCopies(long millis) {
        byte[] from = new byte[1 << 20];
        byte[] to = new byte[1 << 20];
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            System.arraycopy(from, 0, to, 0, from.length);
            x += to[(int) (x & 0xFFFF)];
        }
        sink += x;
    }

    static void sixty() {
        spin(30);
    }

    static void thirty() {
        spin(15);
    }

    static void ten() {
        spin(5);
    }

    static void sleepy() throws InterruptedException {
        Thread.sleep(20);
    }

    /**
     * Wall time of {@code thread}'s samples, by the innermost frame of each stack whose method
     * is one of {@code methods} (declared in {@code owner}); the rest under "other".
     */
    static Map<String, Long> timeByMethod(Session session, ThreadProfile thread, Class<?> owner, Set<String> methods) {
        Map<String, Long> result = new HashMap<>();
        StackTable stacks = session.stacks();
        for (Sample sample : thread.samples()) {
            String key = "other";
            for (int s = sample.stackId(); s != StackTable.EMPTY; s = stacks.parentId(s)) {
                Frame frame = session.frames().get(stacks.frameId(s));
                if (frame.className().equals(owner.getName()) && methods.contains(frame.methodName())) {
                    key = frame.methodName();
                    break;
                }
            }
            result.merge(key, sample.durationNanos(), Long::sum);
        }
        return result;
    }

    static ThreadProfile thread(Session session, long threadId) {
        return session.threads().stream().filter(t -> t.threadId() == threadId).findFirst()
                .orElseThrow(() -> new AssertionError("thread " + threadId + " not in session: " + session.threads()));
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Whether any frame of {@code stackId} is {@code owner.method}. */
    public static boolean stackContains(Session session, int stackId, Class<?> owner, String method) {
        StackTable stacks = session.stacks();
        for (int s = stackId; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            Frame frame = session.frames().get(stacks.frameId(s));
            if (frame.className().equals(owner.getName()) && frame.methodName().equals(method)) {
                return true;
            }
        }
        return false;
    }
}
