package dev.markata.profiler.sampling;

import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.Workloads;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Which threads async-profiler samples when every thread is profiled (the agent's default). It
 * then runs without a thread filter, and used to signal and walk the JVM's own threads too (the
 * compilers, GC workers, the VM thread) and the profiler's: javac compiling 216 files under the
 * agent gave 12,300 samples of which 3,700 were of its main thread, the rest thrown away when the
 * recording was read. They are now left out by name when sampling starts.
 */
class AsyncProfilerThreadsTest {

    @Test
    void everyThreadRecordingSamplesNoneOfTheJvmsOwnThreadsNorTheProfilers(@TempDir Path dir) throws IOException {
        Path jfr = dir.resolve("all.jfr");
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).threads(ThreadSelection.allThreads())
                .interval(Duration.ofMillis(1)).jfrOutput(jfr).build();
        profiler.start();
        for (int i = 0; i < 4; i++) {
            Workloads.spin(40);
            System.gc(); // the GC workers and the VM thread run for a while
        }
        Session session = profiler.stop();
        assumeThat(session.sampler().name()).as("async-profiler loads here").isEqualTo("async-profiler");

        Map<String, Integer> samplesByThread = samplesByThread(jfr);
        assertThat(samplesByThread).containsKey(Thread.currentThread().getName());
        assertThat(samplesByThread.keySet()).noneSatisfy(name -> assertThat(name).matches(
                "(C1 |C2 |GC Thread|G1 |VM Thread|VM Periodic|Sweeper|Service Thread|Monitor Deflati|markata-profiler-"
                        + "|Reference Handler|Finalizer|Signal Dispatcher|Common-Cleaner|Notification Thread|Async-profiler Timer).*"));
    }

    private static Map<String, Integer> samplesByThread(Path jfr) throws IOException {
        Map<String, Integer> byThread = new TreeMap<>();
        try (RecordingFile recording = new RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals(JfrSampleReader.WALL_CLOCK_SAMPLE)) {
                    var thread = event.getThread("sampledThread");
                    String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
                    byThread.merge(name, 1, Integer::sum);
                }
            }
        }
        return byThread;
    }
}
