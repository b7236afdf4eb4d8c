import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What {@link Profiler#stop()} costs after a 10-second recording of two busy threads (the main
 * thread and one pool worker, both sampled every millisecond by async-profiler): wall and CPU
 * time of the stop, bytes it allocated, and the size of what it kept (merged sample rows and
 * distinct stacks) against the number of raw samples.
 *
 * <p>Usage: {@code java -cp markata-profiler.jar:classes StopBench [ROUNDS] [SECONDS]}
 */
public final class StopBench {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, %d s recordings of 2 busy threads, async-profiler at 1 ms%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), seconds);
        System.out.printf(Locale.ROOT, "%-6s %10s %10s %12s %10s %10s %10s%n", "round", "stop wall", "stop CPU",
                "allocated", "samples", "rows", "stacks");
        ExecutorService pool = Executors.newFixedThreadPool(1);
        for (int round = 0; round < rounds; round++) {
            Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER)
                    .interval(Duration.ofMillis(1)).build();
            ExecutorService wrapped = profiler.wrap(pool);
            profiler.start();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            try (SpanScope stage = profiler.span("stage", "work")) {
                Future<?> worker = wrapped.submit(() -> busyUntil(end));
                busyUntil(end);
                worker.get();
            }
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            long wall0 = System.nanoTime();
            Session session = profiler.stop();
            long wall = System.nanoTime() - wall0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long bytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes0;
            long rows = session.threads().stream().mapToLong(t -> t.samples().size()).sum();
            System.out.printf(Locale.ROOT, "%-6d %9.3fs %9.3fs %10.1fMB %10d %10d %10d%n", round + 1, wall / 1e9,
                    cpu / 1e9, bytes / 1e6, session.sampleCount(), rows, session.stacks().size());
        }
        pool.shutdown();
    }

    /** Varied CPU work (hashing, sorting, recursion) until {@code end}, so stacks change often. */
    private static void busyUntil(long end) {
        long x = 0;
        while (System.nanoTime() < end) {
            x += BenchWork.hashing(20_000) + BenchWork.sorting(20_000) + walk(16);
        }
        sink += x;
    }

    private static long walk(int depth) {
        return depth <= 1 ? 1 : walk(depth - 1) + walk(depth - 2);
    }
}
