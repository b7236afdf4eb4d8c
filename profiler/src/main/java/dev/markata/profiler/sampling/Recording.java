package dev.markata.profiler.sampling;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.HandOff;
import dev.markata.profiler.JvmWatch;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Span;

import java.lang.management.ManagementFactory;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Internal: one running recording, from start to the {@link Session} it becomes. Owns the
 * sampler, the threads it samples, the spans and the frame table. {@code Profiler} is its
 * public face; everything here may change.
 */
public final class Recording {

    /** Prefix of the profiler's own thread names: never sampled. */
    static final String OWN_THREAD_PREFIX = "markata-profiler-";
    /**
     * How often the watcher looks for new threads when async-profiler samples a thread
     * selection by predicate (its {@code filter} needs each thread added). Every thread, and
     * any selection on the JDK sampler, needs no watcher thread: see {@link Sampler#watchesThreads}.
     */
    private static final long WATCH_PERIOD_NANOS = 10_000_000L;
    /** Walks a submitter's stack at its first submit inside a span (see {@link TaskOrigins}). */
    private static final StackWalker SUBMIT_WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final int MAX_SUBMIT_DEPTH = 8192;

    private final RecordingOptions options;
    private final Thread startingThread;
    // The recording's zero: set again when the sampler begins to sample (samplingBegins)
    private volatile Instant startedAt;
    private volatile long startNanoTime;
    private volatile long stoppedAtNanos = Long.MAX_VALUE;
    private volatile long cpuAtStart;
    /** What the JVM does meanwhile; started as the sampling begins. */
    private volatile JvmWatch jvm;
    private final FrameTable frames;
    private final ConcurrentHashMap<Thread, ThreadContext> contexts = new ConcurrentHashMap<>();
    /** Carriers of sampled virtual threads, by Java thread id; made at stop by the sampler. */
    private final Map<Long, ThreadContext> carriers = new HashMap<>();
    private final Object registrationLock = new Object();
    private volatile ThreadContext[] sampledThreads = new ThreadContext[0];
    private final AtomicInteger spanIds = new AtomicInteger();
    private final Sampler sampler;
    private final Session.SamplerInfo samplerInfo;
    private final Duration interval;
    private final Thread watcher;
    /** Reused by {@link #watchThreads(long)}, which only one thread calls at a time. */
    private Thread[] seen = new Thread[64];
    /**
     * Java ids of threads a look at the live threads found and left out (service threads, or
     * not selected): async-profiler sampling every thread leaves them out when it reads back.
     */
    private final Set<Long> leftOut = ConcurrentHashMap.newKeySet();
    /** Threads async-profiler sampled that no look found (they lived between two), by Java id. */
    private final Map<Long, ThreadContext> unregistered = new HashMap<>();
    /** The contexts by Java id, made at stop for {@link #unregistered}. */
    private Map<Long, ThreadContext> contextsById;
    private volatile boolean active;

    private Recording(RecordingOptions options, Thread startingThread, List<URL> applicationCode) {
        this.options = options;
        this.startingThread = startingThread;
        this.frames = new FrameTable(new CodeClassifier(applicationCode));
        this.frames.classifier().addLoader(startingThread.getContextClassLoader());

        SamplerPick pick = pickSampler(options);
        this.sampler = pick.sampler;
        this.samplerInfo = pick.info;
        Duration requested = options.interval();
        if (requested.compareTo(sampler.floor()) < 0) {
            Warnings.warn("sampling interval " + requested.toNanos() / 1000 + " us is below "
                    + sampler.floor().toNanos() / 1000 + " us, the floor the " + pick.info.name()
                    + " sampler really holds; using the floor");
            this.interval = sampler.floor();
        } else {
            this.interval = requested;
        }
        this.watcher = options.threads().startingThreadOnly() || sampler.watchesThreads(this) ? null
                : new Thread(this::watchThreads, OWN_THREAD_PREFIX + "threads");
        this.cpuAtStart = processCpuNanos();
        this.startedAt = Instant.now();
        this.startNanoTime = System.nanoTime();
    }

    /**
     * Starts a recording on the calling thread.
     *
     * @param applicationCode code locations of the caller, counted as application code
     */
    public static Recording start(RecordingOptions options, List<URL> applicationCode) {
        List<URL> locations = new ArrayList<>(options.applicationCode());
        locations.addAll(applicationCode);
        Recording recording = new Recording(options, Thread.currentThread(), locations);
        recording.active = true;
        // A service thread is not sampled even when it starts the recording: an agent attached
        // to a running JVM starts on its "Attach Listener", which would be an empty thread in
        // every report (and, for "only the starting thread", the only one).
        if (!isServiceThread(recording.startingThread)) {
            recording.register(recording.context(recording.startingThread));
        }
        if (options.asyncMode() != AsyncMode.DISABLED) {
            // The first walk in a JVM loads and links the JDK's stack walking (5-7 ms): done here,
            // before sampling, it is not sampled as JDK frames under the program's first submit.
            submittingStack();
        }
        try {
            recording.sampler.start(recording, recording.interval);
        } catch (Exception e) {
            recording.active = false;
            throw new IllegalStateException("the " + recording.samplerInfo.name() + " sampler failed to start: "
                    + e.getMessage(), e);
        }
        if (recording.watcher != null) {
            recording.watcher.setDaemon(true);
            recording.watcher.start();
        }
        return recording;
    }

    private static final AtomicBoolean PREPARED = new AtomicBoolean();
    private static final AtomicBoolean LIBRARY_PREPARED = new AtomicBoolean();

    /**
     * Starts doing, on a thread of its own, the slow part of the first start in a JVM: linking
     * the JDK's stack walking and the JVM's management beans (the collectors' too, for the
     * {@link JvmWatch}) and, when {@code library}, loading
     * async-profiler's native library (~30 ms of CPU: async-profiler reads the JVM's symbols as
     * it loads). A start waits for what is still being done (the library loads under one lock)
     * and does what was not. Each part once per JVM (a call with {@code library} after one
     * without loads only the library); a failure is left for the start to meet and report.
     */
    public static void prepare(boolean library) {
        boolean jdk = PREPARED.compareAndSet(false, true);
        boolean load = library && LIBRARY_PREPARED.compareAndSet(false, true);
        if (!jdk && !load) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                if (load) {
                    AsyncProfilerLibrary.loadQuietly();
                }
                if (jdk) {
                    submittingStack();
                    processCpuNanos();
                    JvmWatch.start().stop(); // the collectors' beans and their notifications' classes: ~25 ms cold
                }
            } catch (RuntimeException | LinkageError e) {
                // a library that failed to load stays failed: the start says why when it asks for it
            }
        }, OWN_THREAD_PREFIX + "prepare");
        thread.setDaemon(true);
        thread.start();
    }

    private record SamplerPick(Sampler sampler, Session.SamplerInfo info) {
    }

    private static SamplerPick pickSampler(RecordingOptions options) {
        if (options.sampler() == SamplerChoice.JDK) {
            Sampler jdk = new JdkSampler(options.timeMode());
            return new SamplerPick(jdk, jdk.info("requested"));
        }
        AsyncProfilerLibrary.Loaded loaded = AsyncProfilerLibrary.load();
        if (loaded.sampler() != null && AsyncProfilerLibrary.claim()) {
            Sampler async = loaded.sampler().configure(options.timeMode(), options.jfrOutput());
            String why = options.sampler() == SamplerChoice.AUTO ? "default: native library loaded" : "requested";
            return new SamplerPick(async, async.info(why));
        }
        String reason = loaded.sampler() == null ? loaded.failure()
                : "async-profiler is busy with another recording in this JVM";
        if (options.sampler() == SamplerChoice.ASYNC_PROFILER) {
            throw new IllegalStateException("async-profiler was requested but cannot be used: " + reason);
        }
        Sampler jdk = new JdkSampler(options.timeMode());
        return new SamplerPick(jdk, jdk.info("fallback: " + reason));
    }

    // ---- state used by samplers -------------------------------------------------------

    /**
     * Called by the sampler at the moment it begins to sample, before it samples any thread:
     * the recording's time, CPU and registered threads start here. Before, they started when
     * the recording was set up, and async-profiler's own start (50-170 ms the first time in a
     * JVM) was an empty stretch at the start of every profile, counted in its duration. Only
     * the starting thread can be registered by then, and no span is open (the recording is not
     * handed out before it has started).
     */
    void samplingBegins() {
        cpuAtStart = processCpuNanos();
        JvmWatch watch = JvmWatch.start();
        jvm = watch;
        startedAt = Instant.now();
        startNanoTime = watch.zeroNanoTime();
        for (ThreadContext context : sampledThreads) {
            context.sampledSinceNanos = 0;
            context.lastSampleNanos = 0;
        }
    }

    FrameTable frames() {
        return frames;
    }

    /** The threads sampled now; a snapshot array, never modified after publication. */
    ThreadContext[] sampledThreads() {
        return sampledThreads;
    }

    /** Nanoseconds since the recording started. */
    /**
     * When the recording stopped (session nanoseconds; the session's duration), or
     * {@code Long.MAX_VALUE} while it runs: no sample stands for time after it.
     */
    long stoppedAtNanos() {
        return stoppedAtNanos;
    }

    long nanosSinceStart() {
        return System.nanoTime() - startNanoTime;
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isActive() {
        return active;
    }

    RecordingOptions options() {
        return options;
    }

    ThreadContext context(Thread thread) {
        ThreadContext context = contexts.get(thread);
        if (context == null) {
            ThreadContext fresh = new ThreadContext(thread);
            context = contexts.putIfAbsent(thread, fresh);
            if (context == null) {
                context = fresh;
            }
        }
        return context;
    }

    /**
     * Whether every live thread but the service threads is selected
     * ({@link ThreadSelection#allThreads()}): then a thread need not be seen alive to be
     * selected, and async-profiler samples without a thread filter.
     */
    boolean selectsEveryThread() {
        return options.threads() == ThreadSelection.allThreads();
    }

    /** Starts sampling {@code context}'s thread (once), from now. */
    void register(ThreadContext context) {
        register(context, -1);
    }

    /**
     * Starts sampling {@code context}'s thread (once); its time counts from {@code sinceNanos}
     * (session nanoseconds, not after now; negative: from now).
     */
    void register(ThreadContext context, long sinceNanos) {
        if (context.sampled || !active) {
            return;
        }
        synchronized (registrationLock) {
            if (context.sampled) {
                return;
            }
            if (context.thread == Thread.currentThread()) {
                if (ThreadContext.mountsOnCarrier(context.thread)) {
                    context.carrierOsThreadId = ThreadContext.currentOsThreadId();
                } else {
                    context.osThreadId = ThreadContext.currentOsThreadId();
                }
            }
            long now = nanosSinceStart();
            context.sampledSinceNanos = sinceNanos < 0 ? now : Math.min(sinceNanos, now);
            context.lastSampleNanos = context.sampledSinceNanos;
            ThreadContext[] grown = Arrays.copyOf(sampledThreads, sampledThreads.length + 1);
            grown[grown.length - 1] = context;
            sampledThreads = grown;
            context.sampled = true;
            frames.classifier().addLoader(context.thread.getContextClassLoader());
        }
        sampler.addThread(context);
    }

    /**
     * The context of a carrier of sampled virtual threads, which the sampler saw running them
     * (made once per thread id; only the stopping thread calls this).
     */
    ThreadContext carrier(long threadId, String name) {
        return carriers.computeIfAbsent(threadId, id -> new ThreadContext(id, name));
    }

    /**
     * The context of a thread async-profiler sampled while sampling every thread, found by its
     * Java id: the one the thread made (when it opened spans) or a new one named as the
     * recording names it; null for a thread that is left out (a service thread, the profiler's
     * own, or one a look at the live threads left out). Only the stopping thread calls this.
     */
    ThreadContext unregistered(long threadId, String name, long firstSampleNanos) {
        if (threadId <= 0 || name == null || leftOut.contains(threadId) || isServiceThreadName(name)) {
            return null;
        }
        if (contextsById == null) {
            contextsById = new HashMap<>();
            for (ThreadContext context : contexts.values()) {
                contextsById.put(context.threadId, context);
            }
        }
        return unregistered.computeIfAbsent(threadId, id -> {
            ThreadContext known = contextsById.get(id);
            ThreadContext context = known != null ? known : new ThreadContext(id, name);
            context.sampledSinceNanos = firstSampleNanos;
            return context;
        });
    }

    /** Every thread sampled at some point of the recording, dead or alive. */
    List<ThreadContext> sampledThreadsEver() {
        List<ThreadContext> all = new ArrayList<>();
        for (ThreadContext context : contexts.values()) {
            if (context.sampled) {
                all.add(context);
            }
        }
        return all;
    }

    /** The spans recorded so far, in id order. */
    List<SpanRecord> spanRecords() {
        List<SpanLog> logs = new ArrayList<>();
        for (ThreadContext context : contexts.values()) {
            logs.add(context.spans);
        }
        return SessionAssembler.byId(logs, spanIds.get());
    }

    /** Drops a dead thread from the sampled set; its samples are kept. */
    void retire(ThreadContext context) {
        synchronized (registrationLock) {
            ThreadContext[] now = sampledThreads;
            int kept = 0;
            ThreadContext[] smaller = new ThreadContext[now.length];
            for (ThreadContext c : now) {
                if (c != context) {
                    smaller[kept++] = c;
                }
            }
            sampledThreads = Arrays.copyOf(smaller, kept);
        }
    }

    /**
     * True for JVM service threads and the profiler's own threads, which are never sampled.
     * A thread of the system thread group is one, except the thread the JVM starts for each
     * signal a program handles ({@code sun.misc.Signal}, named "SIGTERM handler"): it runs the
     * program's own handler (a server's graceful stop), and was left out until 2026-12-06.
     */
    static boolean isServiceThread(Thread thread) {
        if (isServiceThreadName(thread.getName())) {
            return true;
        }
        ThreadGroup group = thread.getThreadGroup();
        if (group != null && "system".equals(group.getName()) && isSignalHandlerName(thread.getName())) {
            return false;
        }
        return group != null && ("system".equals(group.getName()) || "InnocuousThreadGroup".equals(group.getName()));
    }

    /** {@code SIGTERM handler}, {@code SIGHUP handler}: as {@code jdk.internal.misc.Signal} names them. */
    private static boolean isSignalHandlerName(String name) {
        return name.startsWith("SIG") && name.endsWith(" handler") && name.length() > "SIG handler".length()
                && name.chars().limit(name.length() - " handler".length()).allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }

    /**
     * The names of the JVM's service threads and the profiler's own (async-profiler's timer is
     * a Java thread of the main group), by which a thread known only from a recording is left
     * out. The JVM's hidden threads (compiler, GC, "Service Thread") have no Java id there.
     */
    static boolean isServiceThreadName(String name) {
        return name.startsWith(OWN_THREAD_PREFIX) || SERVICE_THREAD_NAMES.contains(name);
    }

    /** The names {@link #isServiceThreadName} knows besides the profiler's own prefix. */
    static final Set<String> SERVICE_THREAD_NAMES = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Attach Listener", "Common-Cleaner", "Notification Thread", "DestroyJavaVM", "process reaper",
            "JFR Recorder Thread", "JFR Periodic Tasks", "JFR Shutdown Hook", "Async-profiler Timer");

    /**
     * The watcher's loop. A look that fails is tried again at the next: a program that runs out
     * of memory and catches it leaves no room for a moment, and this thread's allocations then
     * fail too; the OutOfMemoryError ended the thread (the Java agent even reported it as the
     * program's uncaught exception), and no thread started afterwards was profiled.
     */
    private void watchThreads() {
        while (active) {
            try {
                watchThreads(-1);
            } catch (OutOfMemoryError e) {
                // the threads it missed are found at the next look, from then on
            }
            LockSupport.parkNanos(WATCH_PERIOD_NANOS);
        }
    }

    /**
     * One look at the live threads: registers the selected ones not sampled yet, their time
     * counting from {@code sinceNanos} (negative: from now), and notes the ones left out. Called
     * by the watcher thread, or by a sampler that looks at every tick ({@link Sampler#watchesThreads}).
     */
    void watchThreads(long sinceNanos) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        int count;
        while ((count = root.enumerate(seen, true)) == seen.length) {
            seen = new Thread[seen.length * 2];
        }
        boolean noteLeftOut = selectsEveryThread() && watcher != null;
        for (int i = 0; i < count; i++) {
            Thread thread = seen[i];
            if (!thread.isAlive()) {
                continue;
            }
            if (!isServiceThread(thread) && options.threads().test(thread)) {
                ThreadContext context = context(thread);
                if (!context.sampled) {
                    register(context, sinceNanos);
                } else {
                    frames.classifier().addLoader(thread.getContextClassLoader()); // one set since
                }
            } else if (noteLeftOut) {
                leftOut.add(thread.getId());
            }
        }
        Arrays.fill(seen, 0, count, null);
        if (noteLeftOut) { // when the threads sampled ended: their OS thread may carry another
            for (ThreadContext context : sampledThreads) {
                if (context.endedNanos < 0 && context.thread != null && !context.thread.isAlive()) {
                    context.endedNanos = nanosSinceStart();
                }
            }
        }
    }

    // ---- spans ------------------------------------------------------------------------

    /** Opens a span on the current thread. */
    public SpanScope beginSpan(String category, String name, Map<String, String> attributes) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        ThreadContext context = context(Thread.currentThread());
        SpanRecord parent = context.open.peekLast();
        return begin(context, category, name, attributes, parent == null ? Span.NONE : parent.id, -1, -1);
    }

    SpanRecord begin(ThreadContext context, String category, String name, Map<String, String> attributes,
                     int parentId, long originThreadId, long originNanos) {
        SpanRecord span = new SpanRecord(this, context, spanIds.getAndIncrement(), parentId, category, name,
                nanosSinceStart(), originThreadId, originNanos, attributes);
        context.spans.add(span);
        context.open.addLast(span);
        context.refreshCurrentSpan();
        return span;
    }

    /** Closes the innermost span the current thread opened; does nothing when there is none. */
    public void endInnermostSpan() {
        ThreadContext context = contexts.get(Thread.currentThread());
        if (context != null) {
            SpanRecord innermost = context.open.peekLast();
            if (innermost != null) {
                end(innermost);
            }
        }
    }

    void end(SpanRecord span) {
        if (span.endNanos != SpanRecord.OPEN || !active) {
            return;
        }
        if (Thread.currentThread() != span.owner.thread) {
            throw new IllegalStateException("span " + span + " was opened on thread '" + span.owner.name
                    + "' and must be closed there, not on '" + Thread.currentThread().getName() + "'");
        }
        span.endNanos = nanosSinceStart();
        span.owner.open.removeLastOccurrence(span);
        span.owner.refreshCurrentSpan();
    }

    // ---- handed-over work ---------------------------------------------------------------

    /** A task that, when it runs on another thread, carries the current thread's context. */
    public Runnable decorate(Runnable task, String category, String name, Map<String, String> attributes) {
        Objects.requireNonNull(task, "task");
        if (!active) {
            return task;
        }
        TaskOrigin origin = captureOrigin(category, name, attributes);
        return new ContextTasks.ContextRunnable(this, origin, task);
    }

    /** As {@link #decorate(Runnable, String, String, Map)} for a {@link java.util.concurrent.Callable}. */
    public <T> Callable<T> decorate(Callable<T> task, String category, String name,
                                    Map<String, String> attributes) {
        Objects.requireNonNull(task, "task");
        if (!active) {
            return task;
        }
        TaskOrigin origin = captureOrigin(category, name, attributes);
        return new ContextTasks.ContextCallable<>(this, origin, task);
    }

    private TaskOrigin captureOrigin(String category, String name, Map<String, String> attributes) {
        Thread submitter = Thread.currentThread();
        ThreadContext context = contexts.get(submitter);
        SpanRecord current = context == null ? null : context.open.peekLast();
        if (current != null && current.submitStack == null && options.asyncMode() != AsyncMode.DISABLED) {
            current.submitStack = submittingStack();
        }
        return new TaskOrigin(submitter.getId(), current == null ? Span.NONE : current.id, nanosSinceStart(),
                category, name, Objects.requireNonNull(attributes, "attributes"));
    }

    /** The calling thread's stack below the profiler's hand-over machinery, for a span's first submit. */
    private static StackTraceElement[] submittingStack() {
        return SUBMIT_WALKER.walk(frames -> frames.limit(MAX_SUBMIT_DEPTH)
                .dropWhile(Recording::isHandingOver)
                .map(StackWalker.StackFrame::toStackTraceElement).toArray(StackTraceElement[]::new));
    }

    /**
     * Whether a frame at the submitting end of a stack only carries the task over: the
     * profiler's machinery ({@link TaskOrigins#isMachinery}), or a class marked {@link HandOff}.
     */
    private static boolean isHandingOver(StackWalker.StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return TaskOrigins.isMachinery(type.getName()) || HandOff.class.isAssignableFrom(type);
    }

    /**
     * Where a task was handed over: read on the submitting thread without walking its stack (the
     * first submit inside a span walks it once, for the span; {@link TaskOrigins} turns both into
     * the origin stack at stop).
     */
    record TaskOrigin(long threadId, int spanId, long nanos, String category, String name,
                      Map<String, String> attributes) {
    }

    /** Runs on the worker thread when a decorated task starts: samples it and opens its span. */
    SpanRecord enterTask(TaskOrigin origin) {
        ThreadContext context = context(Thread.currentThread());
        if (options.asyncMode() != AsyncMode.DISABLED) {
            register(context);
        }
        return begin(context, origin.category(), origin.name(), origin.attributes(), origin.spanId(),
                origin.threadId(), origin.nanos());
    }

    /** The innermost span the current thread opened for a decorated task, or {@link SpanScope#NONE}. */
    public SpanScope currentTask() {
        ThreadContext context = contexts.get(Thread.currentThread());
        if (context != null) {
            for (Iterator<SpanRecord> open = context.open.descendingIterator(); open.hasNext(); ) {
                SpanRecord span = open.next();
                if (span.originThreadId >= 0) {
                    return span;
                }
            }
        }
        return SpanScope.NONE;
    }

    // ---- stop -------------------------------------------------------------------------

    /** Stops sampling and returns what was recorded. Called once, by the profiler. */
    public Session stop() {
        if (!active) {
            throw new IllegalStateException("recording already stopped");
        }
        active = false;
        long stopNanoTime = System.nanoTime();
        long durationNanos = stopNanoTime - startNanoTime;
        stoppedAtNanos = durationNanos;
        // The CPU of the recorded time, taken with its duration: reading the recording back
        // below costs tens of milliseconds of CPU, which made a short run's figure read as
        // several cores' worth ("341 % of a core" for a hello world on two cores).
        long cpuNanos = Math.max(0, processCpuNanos() - cpuAtStart);
        JvmWatch watch = jvm;
        JvmActivity jvmActivity = watch == null ? JvmActivity.NONE : watch.stop(stopNanoTime);
        if (watcher != null) {
            watcher.interrupt();
            LockSupport.unpark(watcher);
            joinQuietly(watcher);
        }
        // Loaders made after a thread was registered (a launcher's, set as its context loader)
        // know classes the sampler reads back now (async-profiler's frames are classified here).
        for (ThreadContext context : sampledThreadsEver()) {
            frames.classifier().addLoader(context.thread.getContextClassLoader());
        }
        try {
            sampler.stop(this);
        } finally {
            if (sampler instanceof AsyncProfilerSampler) {
                AsyncProfilerLibrary.release();
            }
        }
        Duration cpu = Duration.ofNanos(cpuNanos);
        Session session = new SessionAssembler(frames, startingThread.getId(), options.asyncMode())
                .assemble(this, durationNanos, cpu, samplerInfo, interval, spanRecords(), allContexts())
                .withJvm(jvmActivity);
        if (sampler instanceof AsyncProfilerSampler async && async.jfrOutputError() != null) {
            session = session.withMetadata("jfr.error", async.jfrOutputError());
        }
        String stoppedEarly = sampler.stoppedEarly();
        if (stoppedEarly != null) { // said by the reports' headers and the agent's line at exit
            session = session.withMetadata("sampling.stopped", stoppedEarly);
        }
        return session;
    }

    private List<ThreadContext> allContexts() {
        List<ThreadContext> all = new ArrayList<>(contexts.values());
        all.addAll(carriers.values());
        for (ThreadContext context : unregistered.values()) {
            if (context.thread == null) { // the others are among the contexts
                all.add(context);
            }
        }
        return all;
    }

    static void joinQuietly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time of the whole process, or 0 when the JVM does not report it. */
    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            long cpu = sun.getProcessCpuTime();
            return Math.max(cpu, 0);
        }
        return 0;
    }

    Duration interval() {
        return interval;
    }

    TimeMode timeMode() {
        return options.timeMode();
    }
}
