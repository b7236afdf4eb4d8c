import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Work and measures the profiler benchmarks share (compiled with each of them). */
final class BenchWork {

    private BenchWork() {
    }

    /** Map updates: allocation and hashing, one short stack. */
    static long hashing(int n) {
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < n; i++) {
            map.merge(i * 31 % 7919, i, Integer::sum);
        }
        return map.size();
    }

    /** A sort of pseudo-random ints: tight loops in the JDK. */
    static long sorting(int n) {
        int[] values = new int[n];
        long seed = n;
        for (int i = 0; i < n; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            values[i] = (int) (seed >>> 33);
        }
        Arrays.sort(values);
        return values[n / 2];
    }

    /** CPU time of the whole process (every thread, the sampler's included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The thread-heavy workload: 8,000 small tasks on {@code executor} (a 4-thread pool), the
     * caller waiting on each in turn. Returns a value to keep, so the work is not optimised away.
     */
    static long threadWork(ExecutorService executor) throws Exception {
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 8000; i++) {
            futures.add(executor.submit(() -> hashing(5_000) + sorting(5_000)));
        }
        long x = 0;
        for (Future<Long> future : futures) {
            x += future.get();
        }
        return x;
    }

    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
