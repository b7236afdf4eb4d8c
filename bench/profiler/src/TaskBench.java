import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.SpanScope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What handing work over through {@link Profiler#wrap} costs per task, apart from sampling:
 * the profiler runs with a 1-second interval (so almost no sample is taken) and the workload
 * submits many small tasks to a wrapped 4-thread pool and waits for each. Prints, per
 * configuration, the median round's wall and process CPU time and the extra CPU per task
 * against the unwrapped pool.
 *
 * <p>Usage: {@code java -cp markata-profiler.jar:classes TaskBench [ROUNDS] [TASKS] [WORK]}
 */
public final class TaskBench {

    static volatile long sink;

    record Config(String name, SamplerChoice sampler) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int work = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        List<Config> configs = List.of(new Config("unwrapped", null), new Config("wrapped, jdk sampler", SamplerChoice.JDK),
                new Config("wrapped, async-profiler", SamplerChoice.ASYNC_PROFILER));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, List<double[]>> results = new HashMap<>();
        for (int round = -2; round < rounds; round++) { // two warm-up rounds
            for (int i = 0; i < configs.size(); i++) {
                Config config = configs.get((i + Math.max(round, 0)) % configs.size());
                double[] r = measure(config, pool, tasks, work);
                if (round >= 0) {
                    results.computeIfAbsent(config.name(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, %d tasks of %d hash operations, %d rounds (median)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), tasks, work, rounds);
        double baseCpu = median(results.get("unwrapped"), 1);
        double baseWall = median(results.get("unwrapped"), 0);
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %14s%n", "config", "wall", "cpu", "cpu +%", "cpu us/task");
        for (Config config : configs) {
            double wall = median(results.get(config.name()), 0);
            double cpu = median(results.get(config.name()), 1);
            System.out.printf(Locale.ROOT, "%-26s %8.3fs %8.3fs %+8.1f%% %14.2f   (wall %+.1f%%)%n", config.name(), wall, cpu,
                    100 * (cpu / baseCpu - 1), (cpu - baseCpu) * 1e6 / tasks, 100 * (wall / baseWall - 1));
        }
    }

    private static double[] measure(Config config, ExecutorService pool, int tasks, int work) throws Exception {
        Profiler profiler = config.sampler() == null ? null
                : Profiler.builder().sampler(config.sampler()).interval(Duration.ofSeconds(1)).build();
        ExecutorService executor = profiler == null ? pool : profiler.wrap(pool);
        if (profiler != null) {
            profiler.start();
        }
        long cpu0 = BenchWork.processCpuNanos();
        long wall0 = System.nanoTime();
        try (SpanScope stage = profiler == null ? SpanScope.NONE : profiler.span("stage", "tasks")) {
            List<Future<Long>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                futures.add(executor.submit(() -> BenchWork.hashing(work)));
            }
            long x = 0;
            for (Future<Long> future : futures) {
                x += future.get();
            }
            sink += x;
        }
        double[] result = {(System.nanoTime() - wall0) / 1e9, (BenchWork.processCpuNanos() - cpu0) / 1e9};
        if (profiler != null) {
            profiler.stop();
        }
        return result;
    }

    private static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
