package dev.markata.testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A tiny stand-in for a build, for tests that record real sessions: a stage hands documents to
 * an executor and waits for them. Lives outside {@code dev.markata.profiler} because reports
 * leave the profiler's own frames out.
 */
public final class BuildWorkload {

    private static volatile long sink;

    private BuildWorkload() {
    }

    public static void stage(ExecutorService pool, int documents, long millisEach) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            int n = i;
            futures.add(pool.submit(() -> renderDocument(n, millisEach)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    static void renderDocument(int n, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = n;
        while (System.nanoTime() < end) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }
}
