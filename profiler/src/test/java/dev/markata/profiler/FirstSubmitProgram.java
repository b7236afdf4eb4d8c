package dev.markata.profiler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A program that hands its first task over inside a span, run in a JVM of its own by
 * {@link ProfilerOwnWorkTest}: only a fresh JVM has the profiler's submit path cold.
 * Arguments: the sampler ({@link SamplerChoice} name) and the file the session is saved to.
 */
public final class FirstSubmitProgram {

    private FirstSubmitProgram() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.valueOf(args[0]))
                .interval(Duration.ofMillis(1)).build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        try (SpanScope hook = profiler.span("hook", "render")) {
            Workloads.spin(20);
            wrapped.submit(() -> Workloads.spin(20)).get();
        } finally {
            profiler.stop();
            pool.shutdown();
        }
        profiler.lastSession().orElseThrow().save(Path.of(args[1]));
    }
}
