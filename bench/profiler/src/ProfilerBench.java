import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Overhead of the profiler against an unprofiled run in the same JVM: each round runs every
 * configuration once, in rotating order. Wall time: the fastest round of each configuration
 * (the one least disturbed by other load on the machine); CPU time of the whole process (the
 * sampler's own thread included): the median round. On a quiet machine both say the same; on a
 * busy one the CPU figure is the steadier.
 *
 * <p>Workloads: "cpu" is single-threaded CPU-bound work (hashing, sorting, string building, a
 * recursive walk); "threads" hands 8,000 small CPU tasks to a 4-thread pool through
 * {@link Profiler#wrap} and waits for them (main thread plus 4 sampled workers).
 */
public final class ProfilerBench {

    static volatile long sink;

    record Config(String name, SamplerChoice sampler, Duration interval) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Config> configs = List.of(
                new Config("unprofiled", null, null),
                new Config("async-profiler 1 ms", SamplerChoice.ASYNC_PROFILER, Duration.ofMillis(1)),
                new Config("async-profiler 10 ms", SamplerChoice.ASYNC_PROFILER, Duration.ofMillis(10)),
                new Config("jdk 1 ms", SamplerChoice.JDK, Duration.ofMillis(1)),
                new Config("jdk 10 ms", SamplerChoice.JDK, Duration.ofMillis(10)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, %d rounds (wall: fastest round, CPU: median round)%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), rounds);
        for (String workload : List.of("cpu", "threads")) {
            Map<String, List<Double>> seconds = new HashMap<>();
            Map<String, List<Double>> cpuSeconds = new HashMap<>();
            Map<String, List<Double>> rates = new HashMap<>();
            for (int warm = 0; warm < 2; warm++) {
                for (Config config : configs) {
                    measure(workload, config, pool);
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < configs.size(); i++) {
                    Config config = configs.get((i + round) % configs.size());
                    double[] result = measure(workload, config, pool);
                    seconds.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(result[0]);
                    cpuSeconds.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(result[2]);
                    rates.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(result[1]);
                }
            }
            // wall: the fastest round (least disturbed by other load); CPU: the median round
            double base = BenchWork.min(seconds.get("unprofiled"));
            double cpuBase = BenchWork.median(cpuSeconds.get("unprofiled"));
            System.out.printf(Locale.ROOT, "%n%-8s %-22s %9s %9s %9s %9s %16s%n", "workload", "sampler", "wall",
                    "overhead", "cpu", "overhead", "samples/s/thread");
            for (Config config : configs) {
                double t = BenchWork.min(seconds.get(config.name()));
                double c = BenchWork.median(cpuSeconds.get(config.name()));
                boolean profiled = config.sampler() != null;
                System.out.printf(Locale.ROOT, "%-8s %-22s %8.3fs %9s %8.3fs %9s %16s%n", workload, config.name(), t,
                        profiled ? String.format(Locale.ROOT, "%+.1f%%", 100 * (t / base - 1)) : "-", c,
                        profiled ? String.format(Locale.ROOT, "%+.1f%%", 100 * (c / cpuBase - 1)) : "-",
                        profiled ? String.format(Locale.ROOT, "%.0f", BenchWork.median(rates.get(config.name()))) : "-");
            }
        }
        pool.shutdown();
    }

    /** Runs the workload once; returns {wall seconds, samples/s per sampled thread, process CPU seconds}. */
    private static double[] measure(String workload, Config config, ExecutorService pool) throws Exception {
        Profiler profiler = config.sampler() == null ? null
                : Profiler.builder().sampler(config.sampler()).interval(config.interval()).build();
        ExecutorService executor = profiler == null ? pool : profiler.wrap(pool);
        if (profiler != null) {
            profiler.start(); // fixed start and stop costs are not what this measures
        }
        long start = System.nanoTime();
        long cpuStart = BenchWork.processCpuNanos();
        if (workload.equals("cpu")) {
            cpuWork();
        } else {
            sink += BenchWork.threadWork(executor);
        }
        long workNanos = System.nanoTime() - start;
        long cpuNanos = BenchWork.processCpuNanos() - cpuStart;
        double rate = 0;
        if (profiler != null) {
            Session session = profiler.stop();
            long threads = Math.max(1, session.threads().size());
            rate = session.sampleCount() / (session.duration().toNanos() / 1e9) / threads;
        }
        return new double[] {workNanos / 1e9, rate, cpuNanos / 1e9};
    }

    private static void cpuWork() {
        long x = 0;
        for (int i = 0; i < 900; i++) {
            x += BenchWork.hashing(20_000);
            x += BenchWork.sorting(20_000);
            x += strings(2_000);
            x += walk(18);
        }
        sink += x;
    }

    private static long strings(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("post-").append(i).append(':').append(Integer.toHexString(i * 7)).append('\n');
        }
        return text.toString().hashCode();
    }

    private static long walk(int depth) {
        return depth == 0 ? 1 : walk(depth - 1) + walk(depth - 2 < 0 ? 0 : depth - 2);
    }
}
