package dev.markata.profiler;

import dev.markata.profiler.model.JvmActivity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time of the JVM's own threads (JIT compilers, collectors, the VM thread), which no
 * Java API reports: they are not Java threads. Read on Linux from {@code /proc/self/task}, each
 * thread's {@code comm} (its name, cut to 15 characters by the kernel: "C1 CompilerThre") and
 * {@code schedstat} (its time on a CPU, in nanoseconds). Elsewhere there is nothing to read, and
 * the figures are {@link JvmActivity#UNKNOWN}.
 *
 * <p>A thread that ended between the two reads takes its time with it (the JVM starts and ends
 * compiler threads as the work calls for), so the figures are at least what they say.
 */
final class JvmThreads {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path SCHEDSTAT = Path.of("/proc/self/schedstat");

    private JvmThreads() {
    }

    /** What a thread is for, by its name. */
    enum Kind { COMPILER, GC, VM_THREAD }

    /** One JVM thread's kind and CPU time at a read. */
    record Time(Kind kind, long cpuNanos) {
    }

    /** The CPU time spent between two reads, per kind, {@link JvmActivity#UNKNOWN} when not read. */
    record Cpu(long compilerNanos, long gcNanos, long vmThreadNanos) {
        static final Cpu UNKNOWN = new Cpu(JvmActivity.UNKNOWN, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN);
    }

    /** The kind of a thread named {@code name} in /proc, or null for any other thread. */
    static Kind kindOf(String name) {
        if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") || name.startsWith("JVMCI")) {
            return Kind.COMPILER;
        }
        if (name.equals("VM Thread")) {
            return Kind.VM_THREAD;
        }
        if (name.startsWith("GC Thread#") || name.startsWith("G1 ") || name.startsWith("Shenandoah")
                || name.startsWith("ZWorker") || name.startsWith("ZDriver") || name.startsWith("ZDirector")
                || name.startsWith("ZUncommitter") || name.startsWith("ZUnmapper") || name.startsWith("ZStat")) {
            return Kind.GC;
        }
        return null;
    }

    /** The JVM threads alive now, by OS thread id; null where /proc cannot be read. */
    static Map<Long, Time> read() {
        if (!Files.isDirectory(TASKS) || !Files.isReadable(SCHEDSTAT)) { // a kernel without scheduler statistics
            return null;
        }
        Map<Long, Time> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                Time time = readTask(task);
                if (time != null) {
                    threads.put(Long.parseLong(task.getFileName().toString()), time);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return threads;
    }

    /** A task's kind and time, or null for a thread of no kind, or one that ended as it was read. */
    private static Time readTask(Path task) {
        try {
            Kind kind = kindOf(new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.UTF_8).strip());
            if (kind == null) {
                return null;
            }
            String schedstat = new String(Files.readAllBytes(task.resolve("schedstat")), StandardCharsets.US_ASCII);
            int space = schedstat.indexOf(' ');
            return new Time(kind, Long.parseLong(space < 0 ? schedstat.strip() : schedstat.substring(0, space)));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** The time each kind spent between {@code before} and {@code after}; a thread new since counts whole. */
    static Cpu cpuSince(Map<Long, Time> before, Map<Long, Time> after) {
        if (before == null || after == null) {
            return Cpu.UNKNOWN;
        }
        long[] sums = new long[Kind.values().length];
        for (Map.Entry<Long, Time> e : after.entrySet()) {
            Time then = before.get(e.getKey());
            Time now = e.getValue();
            long since = then != null && then.kind() == now.kind() ? then.cpuNanos() : 0;
            sums[now.kind().ordinal()] += Math.max(0, now.cpuNanos() - since);
        }
        return new Cpu(sums[Kind.COMPILER.ordinal()], sums[Kind.GC.ordinal()], sums[Kind.VM_THREAD.ordinal()]);
    }
}
