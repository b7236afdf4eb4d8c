package dev.markata.profiler;

import dev.markata.profiler.sampling.ContextExecutorService;
import dev.markata.profiler.sampling.Recording;
import dev.markata.profiler.sampling.RecordingOptions;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * A wall-clock sampling profiler for the JVM, in the manner of pyinstrument: it samples the
 * stacks of the profiled threads every {@code interval}, weights each sample by the real time it
 * stands for, and hands back an immutable {@link Session}.
 *
 * <pre>{@code
 * Profiler profiler = Profiler.builder().interval(Duration.ofMillis(1)).build();
 * profiler.start();
 * try (SpanScope span = profiler.span("stage", "render")) {
 *     build();
 * }
 * Session session = profiler.stop();
 * Reports.of(session).write(ReportOptions.defaults(), Path.of("profile.html")); // or .txt, .json, ...
 * }</pre>
 *
 * A session is data; {@link dev.markata.profiler.render.Reports} turns it into a report file or
 * string (the format from the file name: {@code .html}, {@code .txt}, {@code .json},
 * {@code .speedscope.json}, {@code .collapsed}), and {@link Session#save} keeps it to render later.
 *
 * <h2>Samplers</h2>
 * async-profiler (wall-clock mode, not safepoint-biased) wherever its native library loads;
 * otherwise, or on request, a pure-Java sampler (per-thread {@code Thread.getStackTrace} on JDK
 * 21+, batched {@code ThreadMXBean.getThreadInfo} on 17). The session header says which one ran
 * and why. Both hold a 1 ms interval on a 2-vCPU machine; a lower interval is raised to 1 ms with
 * a warning ({@link #MIN_INTERVAL}).
 *
 * <h2>Threads and handed-over work</h2>
 * The starting thread is sampled, plus the {@link ThreadSelection} chosen. With
 * {@link AsyncMode#ENABLED} (the default) a task submitted through {@link #wrap(ExecutorService)}
 * or {@link #decorate(Runnable)} carries its submitter's context: the thread that runs it is
 * sampled, the task runs inside a span of category {@code "task"} whose parent is the
 * submitter's innermost span, and waiting on a wrapped executor's futures is marked with spans
 * of category {@code "await"}. The submitter's stack is walked once per span, at its first
 * submit, not at every submit (30,000 tasks would pay microseconds each): the task's
 * {@code originStackId} is found at stop from where the submitter waited for it (its samples),
 * else from that walk, cut back to its innermost application frame. The task's samples start at the worker's thread root; the frames up to the decorated
 * task's {@code run}/{@code call} are the executor's.
 *
 * <h2>Spans</h2>
 * {@link #span(String, String)} marks a named interval on the current thread (a stage, a plugin
 * hook, a document); every sample taken on that thread meanwhile is tagged with it. When the
 * profiler is not running it returns {@link SpanScope#NONE} after one volatile read.
 *
 * <p>Thread-safe. One recording at a time per profiler; one async-profiler recording per JVM
 * (a second concurrent profiler falls back to the JDK sampler).
 */
public final class Profiler implements AutoCloseable {

    /** The smallest interval either sampler really holds on a 2-vCPU machine. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);

    private final Builder options;
    private volatile Recording recording;
    private String startedBy;
    private Session lastSession;

    private Profiler(Builder options) {
        this.options = options;
    }

    /** Options with their defaults: 1 ms, ENABLED, WALL, the starting thread, AUTO sampler. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Gets the JVM ready to record with {@code sampler}, in the background: a program that knows
     * early that it will profile (a command line's {@code --profile}) calls this first thing, and
     * the first {@link #start()} then finds the JDK's stack walking linked and, unless
     * {@code sampler} is {@link SamplerChoice#JDK}, async-profiler's native library loaded (~30
     * ms of CPU it would otherwise spend before sampling begins; wasted when the pure-Java
     * sampler records). A program that learns the sampler later (from its configuration) may
     * prepare {@code JDK} first and call again with the sampler it then knows. Does what is
     * already done or being done only once; costs that CPU on another thread when nothing is
     * recorded after all.
     */
    public static void prepare(SamplerChoice sampler) {
        Recording.prepare(Objects.requireNonNull(sampler, "sampler") != SamplerChoice.JDK);
    }

    /**
     * Starts recording on the calling thread (the starting thread).
     *
     * @return this profiler, for {@code try (Profiler p = Profiler.builder().build().start())}
     * @throws IllegalStateException when already running, or when async-profiler was required
     *                               and cannot load
     */
    public synchronized Profiler start() {
        if (recording != null) {
            throw new IllegalStateException("the profiler is already running (started on thread '" + startedBy
                    + "'); call stop() before starting it again");
        }
        recording = Recording.start(options.toRecordingOptions(), callerCodeLocations());
        startedBy = Thread.currentThread().getName();
        return this;
    }

    /**
     * Stops recording and returns the session. On a stopped profiler returns the last session.
     *
     * @throws IllegalStateException when the profiler was never started
     */
    public synchronized Session stop() {
        Recording running = recording;
        if (running == null) {
            if (lastSession == null) {
                throw new IllegalStateException("the profiler was never started; call start() first");
            }
            return lastSession;
        }
        recording = null;
        lastSession = running.stop();
        return lastSession;
    }

    public boolean isRunning() {
        return recording != null;
    }

    /** The session of the last {@link #stop()} or {@link #close()}, if any. */
    public synchronized Optional<Session> lastSession() {
        return Optional.ofNullable(lastSession);
    }

    /** Stops the profiler if it runs; the session is then {@link #lastSession()}. */
    @Override
    public void close() {
        if (isRunning()) {
            stop();
        }
    }

    // ---- spans --------------------------------------------------------------------------

    /**
     * Opens a span on the current thread; close it on the same thread (try-with-resources, or
     * {@link SpanScope#close()} / {@link #endSpan()} from an observer's end callback).
     *
     * @param category what kind of interval ("stage", "hook", "document")
     * @param name     which one ("render", "posts/a.md")
     */
    public SpanScope span(String category, String name) {
        return span(category, name, Map.of());
    }

    /** As {@link #span(String, String)}, with details ("plugin" -&gt; "glob"). */
    public SpanScope span(String category, String name, Map<String, String> attributes) {
        Recording now = recording;
        return now == null ? SpanScope.NONE : now.beginSpan(category, name, attributes);
    }

    /**
     * Closes the innermost span opened on the current thread, for observers whose begin and end
     * callbacks cannot pass a {@link SpanScope} along. Does nothing when there is none or the
     * profiler is not running.
     */
    public void endSpan() {
        Recording now = recording;
        if (now != null) {
            now.endInnermostSpan();
        }
    }

    // ---- context propagation ------------------------------------------------------------

    /**
     * An executor whose tasks carry their submitter's context (see the class comment). The
     * returned executor follows every later recording of this profiler, so it may be wrapped
     * before {@link #start()}; when nothing is recorded it only delegates.
     */
    public ExecutorService wrap(ExecutorService executor) {
        return new ContextExecutorService(executor, () -> recording);
    }

    /**
     * The task decorator form of {@link #wrap(ExecutorService)}: call it on the submitting
     * thread, at submit time. Returns {@code task} itself when not recording.
     */
    public Runnable decorate(Runnable task) {
        return decorate(ContextExecutorService.TASK, ContextExecutorService.TASK, task);
    }

    /** As {@link #decorate(Runnable)}, with the task span's category and name. */
    public Runnable decorate(String category, String name, Runnable task) {
        return decorate(category, name, Map.of(), task);
    }

    /**
     * As {@link #decorate(Runnable)}, with the task span's category, name and details: a caller
     * that would open a span of its own first thing in the task ("document" {@code posts/a.md})
     * can let the task span be that span, which halves what a build of many small tasks records.
     */
    public Runnable decorate(String category, String name, Map<String, String> attributes, Runnable task) {
        Recording now = recording;
        return now == null ? Objects.requireNonNull(task, "task") : now.decorate(task, category, name, attributes);
    }

    /** As {@link #decorate(Runnable)} for a {@link Callable}. */
    public <T> Callable<T> decorate(Callable<T> task) {
        return decorate(ContextExecutorService.TASK, ContextExecutorService.TASK, task);
    }

    /** As {@link #decorate(Callable)}, with the task span's category and name. */
    public <T> Callable<T> decorate(String category, String name, Callable<T> task) {
        Recording now = recording;
        return now == null ? Objects.requireNonNull(task, "task") : now.decorate(task, category, name, Map.of());
    }

    /**
     * The span of the decorated task the current thread is running (the innermost one, for a
     * task run inside another; spans opened inside the task do not hide it), so that code inside
     * the task can add details to it ("failed" -&gt; "true"); {@link SpanScope#NONE} when the
     * thread runs no decorated task or nothing is recorded. The task's wrapper closes the span
     * when the task returns; closing it earlier ends it there.
     */
    public SpanScope currentTask() {
        Recording now = recording;
        return now == null ? SpanScope.NONE : now.currentTask();
    }

    /** The code location of whoever called {@link #start()}: its jar counts as application code. */
    private static List<URL> callerCodeLocations() {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(type -> type != Profiler.class)
                        .findFirst())
                .orElse(null);
        List<URL> locations = new ArrayList<>();
        if (caller != null && caller.getProtectionDomain().getCodeSource() != null) {
            CodeSource source = caller.getProtectionDomain().getCodeSource();
            if (source.getLocation() != null) {
                locations.add(source.getLocation());
            }
        }
        return locations;
    }

    /** Options of a {@link Profiler}; {@link #build()} checks them. */
    public static final class Builder {
        private Duration interval = Duration.ofMillis(1);
        private AsyncMode asyncMode = AsyncMode.ENABLED;
        private TimeMode timeMode = TimeMode.WALL;
        private ThreadSelection threads = ThreadSelection.startingThread();
        private SamplerChoice sampler = SamplerChoice.AUTO;
        private String target = "";
        private final List<URL> applicationCode = new ArrayList<>();
        private Path jfrOutput;

        private Builder() {
        }

        /** Time between samples of a thread (default 1 ms; below {@link #MIN_INTERVAL} is raised). */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, got " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** Which handed-over work is followed (default {@link AsyncMode#ENABLED}). */
        public Builder asyncMode(AsyncMode asyncMode) {
            this.asyncMode = Objects.requireNonNull(asyncMode, "asyncMode");
            return this;
        }

        /** Wall-clock (default) or CPU time. */
        public Builder timeMode(TimeMode timeMode) {
            this.timeMode = Objects.requireNonNull(timeMode, "timeMode");
            return this;
        }

        /** Which threads to sample besides task threads (default: the starting thread). */
        public Builder threads(ThreadSelection threads) {
            this.threads = Objects.requireNonNull(threads, "threads");
            return this;
        }

        /** Which sampler to use (default {@link SamplerChoice#AUTO}). */
        public Builder sampler(SamplerChoice sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** What is profiled, for the report header ("markata build"); default: the command line. */
        public Builder target(String description) {
            this.target = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Marks the jars (or class folders) of these classes as the application's own code;
         * class folders and the jar of the class calling {@link #start()} always are.
         */
        public Builder applicationCode(Class<?>... classes) {
            for (Class<?> type : classes) {
                CodeSource source = type.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    applicationCode.add(source.getLocation());
                }
            }
            return this;
        }

        /** Marks these jar files or folders as the application's own code. */
        public Builder applicationCode(Path... locations) {
            for (Path location : locations) {
                try {
                    applicationCode.add(location.toAbsolutePath().toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("not a usable code location: " + location, e);
                }
            }
            return this;
        }

        /**
         * Also keep async-profiler's own recording as a JFR file at {@code file} (written at
         * stop, atomically), for JMC or IntelliJ. Ignored when the JDK sampler runs; the session
         * header then says "jdk" and no file appears. A file that cannot be written does not fail
         * the stop: the reason is logged and kept as the session's {@code jfr.error} metadata.
         */
        public Builder jfrOutput(Path file) {
            this.jfrOutput = Objects.requireNonNull(file, "file");
            return this;
        }

        public Profiler build() {
            return new Profiler(copy());
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.interval = interval;
            copy.asyncMode = asyncMode;
            copy.timeMode = timeMode;
            copy.threads = threads;
            copy.sampler = sampler;
            copy.target = target;
            copy.applicationCode.addAll(applicationCode);
            copy.jfrOutput = jfrOutput;
            return copy;
        }

        RecordingOptions toRecordingOptions() {
            String description = target.isEmpty() ? defaultTarget() : target;
            return new RecordingOptions(interval, asyncMode, timeMode, threads, sampler, description,
                    applicationCode, jfrOutput);
        }

        private static String defaultTarget() {
            String command = System.getProperty("sun.java.command", "");
            return command.isBlank() ? "java (pid " + ProcessHandle.current().pid() + ")" : command;
        }
    }
}
