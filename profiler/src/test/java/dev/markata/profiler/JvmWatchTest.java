package dev.markata.profiler;

import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the JVM did during a recording: real collections in real JVMs. */
class JvmWatchTest {

    private static final boolean LINUX = Files.isDirectory(Path.of("/proc/self/task"));
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** Runs {@link GcProgram} in a JVM of its own with {@code jvmOptions}; returns its session. */
    private Session runGcProgram(SamplerChoice sampler, String... jvmOptions) throws Exception {
        Path file = dir.resolve("session.json");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-Xmx128m", "-cp", System.getProperty("java.class.path"), GcProgram.class.getName(),
                sampler.name(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("output: %s", Files.readString(dir.resolve("out.txt"))).isZero();
        return Session.load(file);
    }

    private static Span span(Session session, String name) {
        return session.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void aRecordingKeepsTheSerialCollectorsPausesInsideItsWindow(SamplerChoice sampler) throws Exception {
        Session session = runGcProgram(sampler, "-XX:+UseSerialGC");
        JvmActivity jvm = session.jvm();

        assertThat(jvm.recorded()).isTrue();
        assertThat(jvm.gcPauses()).extracting(GcPause::collector).containsOnly("Copy", "MarkSweepCompact");
        List<GcPause> explicit = jvm.gcPauses().stream().filter(p -> p.cause().equals("System.gc()")).toList();
        assertThat(explicit).hasSize(2).allSatisfy(p -> {
            assertThat(p.collector()).isEqualTo("MarkSweepCompact");
            assertThat(p.action()).isEqualTo("end of major GC");
        });
        for (GcPause pause : jvm.gcPauses()) {
            assertThat(pause.startNanos()).isBetween(0L, session.duration().toNanos());
            assertThat(pause.endNanos()).isLessThanOrEqualTo(session.duration().toNanos());
        }
        // the explicit collections ran inside the span around them (the times are to the millisecond)
        Span collect = span(session, "collect");
        for (GcPause pause : explicit) {
            assertThat(pause.startNanos()).isBetween(collect.startNanos() - MS, collect.endNanos() + MS);
            assertThat(pause.endNanos()).isBetween(collect.startNanos() - MS, collect.endNanos() + MS);
        }
        assertThat(jvm.gcCycles()).isZero();
        assertThat(jvm.classesLoaded()).isPositive(); // the program's first byte[] loop and System.gc path at least
        assertThat(jvm.jitNanos()).isNotNegative();
        if (LINUX) {
            // the serial collector collects on the VM thread, and has no threads of its own
            assertThat(jvm.vmThreadCpuNanos()).isPositive();
            assertThat(jvm.gcCpuNanos()).isZero();
            assertThat(jvm.compilerCpuNanos()).isNotNegative();
        }
    }

    @Test
    void aConcurrentCollectorsCyclesAreNotPauses() throws Exception {
        Session session = runGcProgram(SamplerChoice.JDK, "-XX:+UseZGC");
        JvmActivity jvm = session.jvm();

        assertThat(jvm.gcCycles()).isPositive();
        assertThat(jvm.gcCycleNanos()).isNotNegative();
        assertThat(jvm.gcPauses()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.collector()).startsWith("ZGC").endsWith("Pauses"));
        if (LINUX) {
            assertThat(jvm.gcCpuNanos()).isPositive(); // ZGC's workers and drivers
        }
    }

    @Test
    void aWatchSeesAClassLoadedAndACollectionInThisJvm() throws Exception {
        JvmWatch watch = JvmWatch.start();
        URL classes = GcProgram.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) { // loads it again, as a class of its own
            assertThat(loader.loadClass(GcProgram.class.getName())).isNotSameAs(GcProgram.class);
        }
        System.gc();
        JvmActivity jvm = watch.stop();

        assertThat(jvm.classesLoaded()).isPositive();
        assertThat(jvm.gcPauses()).isNotEmpty();
        assertThat(jvm.gcPauses()).anySatisfy(p -> assertThat(p.cause()).isEqualTo("System.gc()"));
        assertThat(watch.stop()).isSameAs(jvm);
        if (LINUX) {
            assertThat(jvm.compilerCpuNanos()).isNotNegative();
            assertThat(jvm.vmThreadCpuNanos()).isNotNegative();
        }
    }

    @Test
    void threadsAreToldApartByTheNamesTheKernelKeeps() {
        assertThat(JvmThreads.kindOf("C1 CompilerThre")).isEqualTo(JvmThreads.Kind.COMPILER);
        assertThat(JvmThreads.kindOf("C2 CompilerThre")).isEqualTo(JvmThreads.Kind.COMPILER);
        assertThat(JvmThreads.kindOf("GC Thread#1")).isEqualTo(JvmThreads.Kind.GC);
        assertThat(JvmThreads.kindOf("G1 Conc#0")).isEqualTo(JvmThreads.Kind.GC);
        assertThat(JvmThreads.kindOf("ZWorkerYoung#0")).isEqualTo(JvmThreads.Kind.GC);
        assertThat(JvmThreads.kindOf("Shenandoah GC T")).isEqualTo(JvmThreads.Kind.GC);
        assertThat(JvmThreads.kindOf("VM Thread")).isEqualTo(JvmThreads.Kind.VM_THREAD);
        assertThat(JvmThreads.kindOf("main")).isNull();
        assertThat(JvmThreads.kindOf("Zebra worker")).isNull();
        assertThat(JvmThreads.kindOf("VM Periodic Tas")).isNull();
    }
}
