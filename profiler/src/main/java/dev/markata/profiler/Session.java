package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;

import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.io.SessionJson;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recording: what the profiler saw between {@code start()} and {@code stop()}. Immutable.
 *
 * <p>Frames and stacks are interned tables; samples refer to them by index. Everything a
 * report shows is derived from this record, so a saved session can be rendered again in any
 * format later.
 *
 * @param startedAt         wall-clock time the recording started
 * @param duration          wall-clock length of the recording
 * @param interval          the sampling interval actually used
 * @param cpuTime           CPU time the whole process used during the recording
 * @param targetDescription what was profiled ("markata build examples/blog", a main class)
 * @param sampler           which sampler recorded it and why that one
 * @param asyncMode         which threads were followed
 * @param timeMode          wall or CPU time
 * @param frames            the frame table, indexed by frame id
 * @param stacks            the stack table, indexed by stack id
 * @param threads           per-thread samples in time order
 * @param spans             marked intervals, indexed by span id
 * @param metadata          free-form facts for reports ("outcome" -&gt; "failed", "failed_stage" -&gt; "render")
 * @param jvm               what the JVM itself did meanwhile: GC pauses, JIT compilation, classes
 *                          loaded ({@link JvmWatch}); {@link JvmActivity#NONE} for a session saved
 *                          before it was recorded
 */
public record Session(Instant startedAt, Duration duration, Duration interval, Duration cpuTime,
                      String targetDescription, SamplerInfo sampler, AsyncMode asyncMode, TimeMode timeMode,
                      List<Frame> frames, StackTable stacks, List<ThreadProfile> threads, List<Span> spans,
                      Map<String, String> metadata, JvmActivity jvm) {

    public Session {
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(targetDescription, "targetDescription");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(asyncMode, "asyncMode");
        Objects.requireNonNull(timeMode, "timeMode");
        Objects.requireNonNull(stacks, "stacks");
        frames = List.copyOf(frames);
        threads = List.copyOf(threads);
        spans = List.copyOf(spans);
        metadata = Map.copyOf(metadata);
    }

    /** A session with no JVM activity recorded ({@link JvmActivity#NONE}). */
    public Session(Instant startedAt, Duration duration, Duration interval, Duration cpuTime, String targetDescription,
                   SamplerInfo sampler, AsyncMode asyncMode, TimeMode timeMode, List<Frame> frames, StackTable stacks,
                   List<ThreadProfile> threads, List<Span> spans, Map<String, String> metadata) {
        this(startedAt, duration, interval, cpuTime, targetDescription, sampler, asyncMode, timeMode, frames, stacks,
                threads, spans, metadata, JvmActivity.NONE);
    }

    /** Returns a copy with {@code jvm} as what the JVM did. */
    public Session withJvm(JvmActivity jvm) {
        return new Session(startedAt, duration, interval, cpuTime, targetDescription, sampler, asyncMode, timeMode,
                frames, stacks, threads, spans, metadata, jvm);
    }

    /** How many raw samples were taken, over all threads. */
    public long sampleCount() {
        long count = 0;
        for (ThreadProfile thread : threads) {
            for (var sample : thread.samples()) {
                count += sample.count();
            }
        }
        return count;
    }

    /**
     * What was profiled and the recording's size, on one line: the record's own form listed every
     * frame, sample and span (20 KB for a 50 ms run, megabytes for a build), and a session printed
     * to a log or seen in a debugger or a failed assertion buried everything around it.
     */
    @Override
    public String toString() {
        return "Session[" + targetDescription + ", started " + startedAt + ", "
                + BigDecimal.valueOf(duration.toNanos(), 9).setScale(3, RoundingMode.HALF_UP)
                + " s, " + sampleCount() + " samples, " + threads.size() + " threads, " + spans.size() + " spans, sampler "
                + sampler.name() + "]";
    }

    /** Returns a copy with {@code key} set in the metadata (for example a build's outcome). */
    public Session withMetadata(String key, String value) {
        var copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Session(startedAt, duration, interval, cpuTime, targetDescription, sampler, asyncMode,
                timeMode, frames, stacks, threads, spans, copy, jvm);
    }

    /**
     * Writes this session as compact JSON ({@link SessionJson}) to {@code file}, atomically: a
     * reader never sees a half-written file.
     */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, SessionJson.toBytes(this));
    }

    /**
     * Reads a session saved by {@link #save}.
     *
     * @throws IOException when the file cannot be read or is not a saved session; the message
     *                     names the file and what is wrong
     */
    public static Session load(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SessionJson.read(in);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IOException(file + ": not a readable markata-profile session: " + e.getMessage(), e);
        }
    }

    /**
     * This session followed by {@code other}: one timeline (the other's samples and spans come
     * after this one's), shared frame and stack tables, durations and CPU times added.
     */
    public Session combine(Session other) {
        return SessionCombiner.combine(this, other);
    }

    /**
     * The sampler behind a session.
     *
     * @param name   "async-profiler" or "jdk"
     * @param detail why it was chosen, or why the preferred one was not available
     */
    public record SamplerInfo(String name, String detail) {
        public SamplerInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
