package dev.markata.profiler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A program that prepares the profiler for each sampler its arguments name (in turn), then
 * records with the last one, run in a JVM of its own by {@link PrepareTest}: only a fresh JVM
 * has async-profiler's library not loaded yet. Prints the sampler that recorded and whether
 * the library is mapped into the process ({@code /proc/self/maps}) once the preparing is done.
 */
public final class PrepareProgram {

    private PrepareProgram() {
    }

    public static void main(String[] args) throws Exception {
        SamplerChoice last = null;
        for (String arg : args) {
            last = SamplerChoice.valueOf(arg);
            Profiler.prepare(last);
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("markata-profiler-prepare")) {
                thread.join();
            }
        }
        Profiler profiler = Profiler.builder().sampler(last).interval(Duration.ofMillis(1)).build();
        profiler.start();
        Workloads.spin(20);
        Session session = profiler.stop();
        boolean mapped = Files.readString(Path.of("/proc/self/maps")).contains("asyncProfiler");
        System.out.println("sampler=" + session.sampler().name() + " library=" + (mapped ? "loaded" : "not loaded"));
    }
}
