package dev.markata.profiler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** A profiler started and stopped 1,000 times leaks no thread, no memory and no temp file. */
class LeakTest {

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void thousandStartStopCyclesLeakNothing(SamplerChoice sampler) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        ExecutorService wrapped = profiler.wrap(pool);
        cycles(profiler, wrapped, 50); // warm up: classes loaded, library extracted, pool thread started
        int threadsBefore = liveThreads();
        long heapBefore = usedHeapAfterGc();
        long jfrFilesBefore = tempJfrFiles();

        cycles(profiler, wrapped, 1000);

        assertThat(waitForThreads(threadsBefore)).isLessThanOrEqualTo(threadsBefore);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth in bytes").isLessThan(8L << 20);
        assertThat(tempJfrFiles()).isLessThanOrEqualTo(jfrFilesBefore);
        pool.shutdown();
    }

    private static void cycles(Profiler profiler, ExecutorService wrapped, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            profiler.start();
            try (SpanScope span = profiler.span("cycle", "n" + i)) {
                wrapped.submit(() -> Workloads.sink++).get();
            }
            assertThat(profiler.stop().spans()).hasSizeGreaterThanOrEqualTo(1);
        }
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static int waitForThreads(int target) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        int now = liveThreads();
        while (now > target && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = liveThreads();
        }
        return now;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            Runtime runtime = Runtime.getRuntime();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** Recordings in progress go to $TMPDIR/markata-profiler-PID, removed when each one ends. */
    private static long tempJfrFiles() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "markata-profiler-" + ProcessHandle.current().pid());
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }
}
