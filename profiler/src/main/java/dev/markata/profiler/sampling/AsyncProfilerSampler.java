package dev.markata.profiler.sampling;

import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The preferred sampler: async-profiler 4.x in wall-clock mode (CPU mode on request), limited
 * to the profiled threads ({@code filter} plus {@code addThread}), Java frames only (stacks
 * walked through the JVM's structures, {@code cstack=vm}; native, C++ and kernel frames dropped).
 *
 * <p>When every thread is profiled ({@code ThreadSelection.allThreads()}, the agent's
 * default) there is no filter: async-profiler finds new threads itself (it reads the process's
 * thread list once per interval); the JVM's own threads, its service threads and the profiler's
 * are left out of sampling by name ({@link #UNSAMPLED_THREADS}), and any other thread that is not
 * profiled when the recording is read. With the filter, a thread was sampled only once the
 * recording's watcher, looking every 10 ms, had added it: threads that lived between two looks
 * were never sampled, and the first part of every other was lost (under load, a whole 200 ms
 * thread once). It is not safepoint-biased, sees waiting threads, and batches idle samples, so a
 * sleeping thread costs one event per sleep.
 *
 * <p>This class and {@link AsyncProfilerLibrary}, which loads it, are the only ones that touch
 * async-profiler. Samples go to a JFR file in the temp folder ({@link JfrRecordingFolder}), which
 * {@link AsyncProfilerRecordingReader} reads back at stop (copied to the requested
 * {@code jfrOutput} first, so the same recording can be opened in JMC or IntelliJ).
 *
 * <p>The native library is loaded, once per JVM, by {@link AsyncProfilerLibrary}: one recording
 * at a time uses it, and a second concurrent one falls back to the JDK sampler.
 */
final class AsyncProfilerSampler implements Sampler {

    /** The interval floor: async-profiler holds 1 kHz per thread here at about 3% of one core. */
    static final Duration FLOOR = Duration.ofMillis(1);
    /** The deepest stack async-profiler walks ({@code jstackdepth}): a trace this deep was cut short. */
    static final int MAX_STACK_DEPTH = 8192;

    private final AsyncProfiler profiler;
    private final String libraryPath;
    private final TimeMode timeMode;
    private final Path jfrOutput;
    private Path jfrFile;
    private volatile String jfrOutputError;
    private Duration interval;
    /** Whether async-profiler runs without a thread filter (every thread profiled). */
    private boolean unfiltered;

    /** {@link AsyncProfilerLibrary} makes the prototype once the library is loaded. */
    AsyncProfilerSampler(AsyncProfiler profiler, String libraryPath, TimeMode timeMode, Path jfrOutput) {
        this.profiler = profiler;
        this.libraryPath = libraryPath;
        this.timeMode = timeMode;
        this.jfrOutput = jfrOutput;
    }

    /** A sampler for one recording, sharing the loaded library. */
    AsyncProfilerSampler configure(TimeMode mode, Path jfr) {
        return new AsyncProfilerSampler(profiler, libraryPath, mode, jfr);
    }

    @Override
    public Duration floor() {
        return FLOOR;
    }

    @Override
    public Session.SamplerInfo info(String why) {
        return new Session.SamplerInfo("async-profiler", "async-profiler " + profiler.getVersion() + ", "
                + (timeMode == TimeMode.WALL ? "event=wall" : "event=cpu") + ", Java frames of the profiled threads;"
                + " " + why + " (" + libraryPath + ")");
    }

    @Override
    public void start(Recording recording, Duration interval) throws IOException {
        this.interval = interval;
        JfrRecordingFolder.removeStale();
        Files.createDirectories(JfrRecordingFolder.ofThisJvm());
        this.jfrFile = Files.createTempFile(JfrRecordingFolder.ofThisJvm(), "recording-", ".jfr");
        String event = timeMode == TimeMode.WALL ? "wall" : "cpu";
        long micros = Math.max(1, interval.toNanos() / 1000);
        unfiltered = recording.selectsEveryThread();
        try {
            // cstack=vm, not cstack=no: with no, async-profiler reads Java frames alone
            // (AsyncGetCallTrace), which finds none while a thread runs in one of the JVM's stubs
            // (math intrinsics, arraycopy), and 40-90 % of such code's samples had no stack. The
            // VM-structures walker goes through the stub; its native frames are left out below.
            profiler.execute(startCommand(event, micros, unfiltered, jfrFile));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(jfrFile);
            Files.deleteIfExists(JfrRecordingFolder.ofThisJvm());
            throw e;
        }
        recording.samplingBegins(); // async-profiler records now, and no thread is added yet
        if (!unfiltered) {
            for (ThreadContext context : recording.sampledThreads()) {
                profiler.addThread(context.thread);
            }
        }
    }

    /**
     * Threads async-profiler leaves alone when it samples every thread ({@code xthread}, by
     * name, before it signals them): the JVM's own (compilers, GC workers, the VM thread: no
     * Java id, so never in a session), the JVM's service threads and the profiler's own (left
     * out when the recording is read, {@link Recording#isServiceThreadName}). Without them it
     * signalled and walked every one that had run since its last look: javac compiling 216
     * files under the agent gave 12,300 samples, 3,700 of them of its one thread that does the
     * work; the rest cost stack walks, signals and the timer's reads of their CPU time, and were
     * read at the stop only to be thrown away. Names as async-profiler knows them: a Java
     * thread's name, else the OS's, which Linux cuts to 15 characters ({@code C2 CompilerThre}).
     * A thread not named here is still sampled and left out when read, as before.
     * {@code DestroyJavaVM} stays sampled: main's OS thread carries that name once main has
     * returned, and {@link AsyncProfilerRecordingReader} tells those samples apart itself.
     */
    static final List<String> UNSAMPLED_THREADS = unsampledThreads();

    private static List<String> unsampledThreads() {
        List<String> names = new ArrayList<>(List.of("C1 CompilerThre*", "C2 CompilerThre*", "GC Thread#*",
                "G1 Conc#*", "G1 Refine#*", "G1 Main Marker", "G1 Service", "G1 Young RemSet*", "VM Thread",
                "VM Periodic Tas*", "Sweeper thread", "Service Thread", "Monitor Deflati*"));
        for (String name : Recording.SERVICE_THREAD_NAMES) {
            if (!name.equals(AsyncProfilerRecordingReader.DESTROY_JAVA_VM)) {
                names.add(name);
            }
        }
        names.add(Recording.OWN_THREAD_PREFIX + "*");
        return List.copyOf(names);
    }

    /** The command that starts the recording. */
    static String startCommand(String event, long intervalMicros, boolean everyThread, Path jfrFile) {
        StringBuilder command = new StringBuilder("start,event=").append(event)
                .append(",interval=").append(intervalMicros).append("us");
        if (everyThread) {
            for (String name : UNSAMPLED_THREADS) {
                command.append(",xthread=").append(name);
            }
        } else {
            command.append(",filter");
        }
        return command.append(",cstack=vm,jstackdepth=").append(MAX_STACK_DEPTH).append(",jfr,file=").append(jfrFile)
                .toString();
    }

    @Override
    public void addThread(ThreadContext context) {
        if (jfrFile != null && !unfiltered) {
            profiler.addThread(context.thread);
        }
    }

    @Override
    public void stop(Recording recording) {
        try {
            profiler.execute("stop");
            if (jfrOutput != null) {
                keepJfr();
            }
            new AsyncProfilerRecordingReader(recording, timeMode, unfiltered, interval).deliver(jfrFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read async-profiler's recording " + jfrFile, e);
        } finally {
            try {
                Files.deleteIfExists(jfrFile);
                Files.deleteIfExists(JfrRecordingFolder.ofThisJvm()); // one async recording per JVM: now empty
            } catch (IOException ignored) {
                // a temp file left behind is not worth failing the session for
            }
        }
    }

    /**
     * Copies the recording to {@code jfrOutput}. The copy is an extra: when it cannot be written
     * the session is still read and returned (before, {@code stop()} threw and the agent lost
     * its whole report), and the reason is logged and kept for the session's metadata.
     */
    private void keepJfr() {
        try {
            AtomicFiles.write(jfrOutput, (OutputStream out) -> Files.copy(jfrFile, out));
        } catch (IOException e) {
            jfrOutputError = "cannot keep the JFR recording at " + jfrOutput + " (" + e + ")";
            Warnings.warn(jfrOutputError);
        }
    }

    /** Why the JFR copy asked for was not written, or null. */
    String jfrOutputError() {
        return jfrOutputError;
    }
}
