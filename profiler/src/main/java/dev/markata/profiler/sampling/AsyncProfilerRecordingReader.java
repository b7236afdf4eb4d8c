package dev.markata.profiler.sampling;

import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.ThreadState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads async-profiler's recording back at the stop into the recording's threads: each event
 * that {@link JfrSampleReader} decodes is filed under the thread it sampled, its stack made one
 * of the recording's ({@link JfrStackConverter}), and each thread's runs of samples
 * ({@link ThreadRuns}) are weighed and added to its samples.
 */
final class AsyncProfilerRecordingReader {

    /** What the JVM names the OS thread main ran on once main has ended. */
    static final String DESTROY_JAVA_VM = "DestroyJavaVM";

    /** The runs of a thread the recording does not follow (its events are skipped). */
    private static final ThreadRuns NOT_SAMPLED = new ThreadRuns(List.of());

    private final Recording recording;
    private final TimeMode timeMode;
    /** Whether async-profiler ran without a thread filter (every thread profiled). */
    private final boolean unfiltered;
    private final Duration interval;

    AsyncProfilerRecordingReader(Recording recording, TimeMode timeMode, boolean unfiltered, Duration interval) {
        this.recording = recording;
        this.timeMode = timeMode;
        this.unfiltered = unfiltered;
        this.interval = interval;
    }

    /**
     * Reads the recording back in one pass, holding per thread only runs of consecutive samples
     * with the same stack, state and span (the midpoint rule needs just each run's first and last
     * time), and converting each distinct JFR stack trace once: memory and time grow with how
     * often stacks change, not with how many samples there are.
     */
    void deliver(Path jfrFile) throws IOException {
        Map<Long, ThreadContext> byId = new HashMap<>();
        Map<Long, ThreadContext> byOsId = new HashMap<>();
        Set<Long> carrierOsIds = new HashSet<>();
        for (ThreadContext context : recording.sampledThreadsEver()) {
            byId.put(context.threadId, context);
            if (context.osThreadId > 0) {
                byOsId.put(context.osThreadId, context);
            }
            if (context.carrierOsThreadId > 0) {
                carrierOsIds.add(context.carrierOsThreadId);
            }
        }
        ThreadContext mainWithoutOsId = recording.sampledThreadsEver().stream()
                .filter(context -> context.osThreadId <= 0 && context.name.equals("main")).findFirst().orElse(null);
        Map<Long, List<SpanRecord>> spansByThread = new HashMap<>();
        for (ThreadContext context : recording.sampledThreadsEver()) {
            // a thread's own log, as it is (not copied): the spans it opened, in order
            spansByThread.put(context.threadId, context.spans.appended());
        }
        Map<ThreadContext, ThreadRuns> runs = new HashMap<>();
        // the reader hands out one object per thread and stack constant of a chunk
        Map<JfrSampleReader.JavaThread, ThreadRuns> runsByThread = new IdentityHashMap<>();
        Map<String, ThreadState> states = new HashMap<>();
        JfrStackConverter stacks = new JfrStackConverter(recording.frames(), AsyncProfilerSampler.MAX_STACK_DEPTH);
        long startEpochNanos = epochNanos(recording.startedAt());
        JfrSampleReader.read(jfrFile, event -> {
            JfrSampleReader.JavaThread thread = event.thread();
            if (thread == null) {
                return;
            }
            ThreadRuns threadRuns = runsByThread.get(thread);
            if (threadRuns == null) {
                // by OS id first: the JFR names a dead thread after the Java thread its OS
                // thread carried last (main's samples come back as "DestroyJavaVM")
                ThreadContext sampled = byOsId.get(thread.osThreadId());
                if (sampled == null) {
                    sampled = byId.get(thread.javaThreadId());
                }
                if (sampled == null && DESTROY_JAVA_VM.equals(thread.javaName())) {
                    // main, registered by another thread (an attached agent's watcher: its OS id
                    // is unknown), has ended, and its OS thread took the name of the next one
                    sampled = mainWithoutOsId;
                }
                if (sampled == null && thread.javaThreadId() > 0 && carrierOsIds.contains(thread.osThreadId())) {
                    // a carrier of sampled virtual threads: their code, run on it, is its samples
                    sampled = recording.carrier(thread.javaThreadId(), thread.javaName());
                }
                if (sampled == null && unfiltered) {
                    // a thread no look at the live threads found: it lived between two
                    sampled = recording.unregistered(thread.javaThreadId(), thread.javaName(),
                            event.startNanos() - startEpochNanos);
                }
                threadRuns = sampled == null ? NOT_SAMPLED : runs.get(sampled);
                if (threadRuns == null) {
                    List<SpanRecord> spans = spansByThread.get(sampled.threadId);
                    if (spans == null) { // a thread that opened spans but was not registered
                        spans = sampled.spans.appended();
                    }
                    threadRuns = new ThreadRuns(spans);
                    runs.put(sampled, threadRuns);
                }
                if (unfiltered && sampled != null && thread.javaThreadId() > 0 && thread.javaThreadId() != sampled.threadId
                        && sampled.thread != null) {
                    // the OS thread carried another Java thread after this one (main's becomes
                    // DestroyJavaVM, which waits for the other threads, then runs the shutdown):
                    // without a filter that one is sampled too, and its time is not this thread's
                    threadRuns.endedNanos = sampled.endedNanos < 0 ? Long.MAX_VALUE : sampled.endedNanos;
                }
                runsByThread.put(thread, threadRuns);
            }
            if (threadRuns == NOT_SAMPLED) {
                return;
            }
            long at = event.startNanos() - startEpochNanos;
            int count = Math.max(1, event.samples());
            long batch = event.timeSpanNanos();
            ThreadState state = ThreadState.RUNNING;
            if (timeMode != TimeMode.CPU) {
                String name = event.state();
                state = name == null ? ThreadState.UNKNOWN : states.get(name);
                if (state == null) {
                    state = stateOf(name);
                    states.put(name, state);
                }
            }
            threadRuns.add(at, batch, count, stacks.stackOf(event.stack()), state);
        });
        Map<Integer, Integer> mended = new ReturnBarrierStacks(recording.frames()).mend(stacks.cut, stacks.whole());
        long intervalNanos = interval.toNanos();
        for (Map.Entry<ThreadContext, ThreadRuns> entry : runs.entrySet()) {
            ThreadContext context = entry.getKey();
            Thread thread = context.thread; // null: known only from the recording, lived between two looks
            entry.getValue().ended = thread == null || !thread.isAlive();
            entry.getValue().endNanos = recording.stoppedAtNanos();
            if (thread != null && context.sampled) {
                entry.getValue().watchedFromNanos = context.sampledSinceNanos;
            }
            entry.getValue().restack(mended);
            entry.getValue().deliverTo(entry.getKey().samples, timeMode, intervalNanos);
        }
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static ThreadState stateOf(Object state) {
        if (state == null) {
            return ThreadState.UNKNOWN;
        }
        String name = state.toString();
        if (name.contains("RUNNABLE") || name.contains("RUNNING")) {
            return ThreadState.RUNNING;
        }
        return name.contains("DEFAULT") || name.isEmpty() ? ThreadState.UNKNOWN : ThreadState.WAITING;
    }
}
