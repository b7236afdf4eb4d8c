import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import one.profiler.AsyncProfiler;

/**
 * The thread-heavy workload of {@code ProfilerBench} (8,000 tasks on a 4-thread pool, the
 * submitter waiting) under async-profiler started with raw command strings, without this
 * library: what the sampler itself costs on this JVM, apart from the library's spans, task
 * wrapping and recording. Rounds alternate the configurations; wall: fastest round, CPU: median.
 *
 * <p>Arguments: rounds, the path of libasyncProfiler.so, then command strings ({@code %f} is
 * replaced by a fresh output file; with {@code filter}, the pool's threads and main are added).
 */
public final class RawSamplerBench {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        AsyncProfiler profiler = AsyncProfiler.getInstance(args[1]);
        List<String> configs = new ArrayList<>(List.of(args).subList(2, args.length));
        configs.add(0, "unprofiled");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int round = -2; round < rounds; round++) { // two rounds of warm-up
            for (int i = 0; i < configs.size(); i++) {
                String config = configs.get((i + Math.max(round, 0)) % configs.size());
                boolean profiled = !config.equals("unprofiled");
                if (profiled) {
                    profiler.execute(config.replace("%f", System.getProperty("java.io.tmpdir")
                            + "/raw-sampler-bench-" + ProcessHandle.current().pid() + ".out"));
                    if (config.contains("filter")) {
                        for (Thread thread : Thread.getAllStackTraces().keySet()) {
                            if (thread.getName().startsWith("pool-") || thread.getName().equals("main")) {
                                profiler.addThread(thread);
                            }
                        }
                    }
                }
                long start = System.nanoTime();
                long cpuStart = BenchWork.processCpuNanos();
                sink += BenchWork.threadWork(pool);
                long wallNanos = System.nanoTime() - start;
                long cpuNanos = BenchWork.processCpuNanos() - cpuStart;
                if (profiled) {
                    profiler.execute("stop");
                }
                if (round >= 0) {
                    wall.computeIfAbsent(config, k -> new ArrayList<>()).add(wallNanos / 1e9);
                    cpu.computeIfAbsent(config, k -> new ArrayList<>()).add(cpuNanos / 1e9);
                }
            }
        }
        double baseWall = BenchWork.min(wall.get("unprofiled"));
        double baseCpu = BenchWork.median(cpu.get("unprofiled"));
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, %d rounds (wall: fastest round, CPU: median round)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds);
        for (String config : configs) {
            double w = BenchWork.min(wall.get(config));
            double c = BenchWork.median(cpu.get(config));
            System.out.printf(Locale.ROOT, "wall %.3fs %+6.1f%%  cpu %.3fs %+6.1f%%  %s%n", w, 100 * (w / baseWall - 1),
                    c, 100 * (c / baseCpu - 1), config);
        }
        pool.shutdown();
    }
}
