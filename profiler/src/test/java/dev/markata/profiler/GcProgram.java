package dev.markata.profiler;

import java.nio.file.Path;

/**
 * A program that collects garbage while it is profiled, run in a JVM of its own by
 * {@link JvmWatchTest} with the collector the test picks. Arguments: the sampler
 * ({@link SamplerChoice} name) and the file the session is saved to.
 */
public final class GcProgram {

    static volatile Object sink;

    private GcProgram() {
    }

    public static void main(String[] args) throws Exception {
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.valueOf(args[0])).build();
        profiler.start();
        try (SpanScope stage = profiler.span("stage", "collect")) {
            for (int i = 0; i < 200_000; i++) {
                sink = new byte[256];
            }
            System.gc();
            System.gc();
        }
        Session session = profiler.stop();
        session.save(Path.of(args[1]));
    }
}
