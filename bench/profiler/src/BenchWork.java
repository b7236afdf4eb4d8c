import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
}
