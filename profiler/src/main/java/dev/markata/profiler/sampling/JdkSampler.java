package dev.markata.profiler.sampling;

import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The pure-Java sampler: one daemon thread that wakes every interval and reads the stacks of
 * the sampled threads. On JDK 21+ it asks each thread for its stack
 * ({@link Thread#getStackTrace()}, which there uses a per-thread handshake and stops only that
 * thread); on JDK 17, where that call costs a global safepoint per thread, it reads all of them
 * in one batched {@link ThreadMXBean#getThreadInfo(long[], int)} (one safepoint per tick).
 *
 * <p>When more than the starting thread is selected, the sampler thread itself looks for new
 * threads at every tick, just before it samples ({@link Recording#watchThreads(long)}): a
 * watcher looking every 10 ms missed threads that lived between two looks and the start of every
 * other. A thread found at a tick counts from halfway since the previous look, and a thread
 * found ended counts until halfway since its last sample: the best guesses for when it
 * started and ended.
 *
 * <p>Each sample weighs the real time since the thread's previous sample (wall mode) or the CPU
 * time the thread used since then (CPU mode), so a late tick or a busy machine does not skew
 * the shares; between two samples of different spans the time passes where the span changed
 * ({@link #observe}, from the thread's span log as it grows: {@link SpanChanges}). Safepoint
 * bias applies: a running thread is seen at its next safepoint poll.
 */
final class JdkSampler implements Sampler {

    /** Floor measured on 2 vCPUs: below 1 ms the sampling thread cannot keep its ticks. */
    static final Duration FLOOR = Duration.ofMillis(1);
    /** Thread.getStackTrace stops at -XX:MaxJavaStackTraceDepth (1024 by default). */
    private static final int HANDSHAKE_DEPTH_LIMIT = 1024;

    private final TimeMode timeMode;
    private final boolean perThreadHandshakes = Runtime.version().feature() >= 21;
    private final ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    private volatile boolean running;
    private Thread thread;
    /** What ended the sampling thread before {@link #stop}, and when (since the recording's start). */
    private volatile Throwable failure;
    private volatile long failedAtNanos;
    /** Each sampled thread's span changes; the sampler's thread only (and the stop, after it). */
    private final Map<ThreadContext, SpanChanges> spanChanges = new IdentityHashMap<>();

    JdkSampler(TimeMode timeMode) {
        this.timeMode = timeMode;
    }

    @Override
    public Duration floor() {
        return FLOOR;
    }

    @Override
    public Session.SamplerInfo info(String why) {
        String how = perThreadHandshakes ? "Thread.getStackTrace per thread (JDK " + Runtime.version().feature()
                + " handshakes)" : "batched ThreadMXBean.getThreadInfo (JDK " + Runtime.version().feature() + ")";
        return new Session.SamplerInfo("jdk", how + ", " + timeMode.name().toLowerCase(Locale.ROOT)
                + " time; " + why);
    }

    @Override
    public void start(Recording recording, Duration interval) {
        if (timeMode == TimeMode.CPU && threadBean.isThreadCpuTimeSupported() && !threadBean.isThreadCpuTimeEnabled()) {
            threadBean.setThreadCpuTimeEnabled(true);
        }
        // pay the one-time costs (management classes, first stack walk) here, not in the first ticks
        StackTraceElement[] warmUp = perThreadHandshakes ? Thread.currentThread().getStackTrace()
                : threadBean.getThreadInfo(new long[] {Thread.currentThread().getId()}, Integer.MAX_VALUE)[0].getStackTrace();
        recording.frames().stackId(warmUp);
        recording.samplingBegins(); // the sampler thread's first tick is the first sample
        boolean watch = !recording.options().threads().startingThreadOnly();
        if (watch) {
            recording.watchThreads(0); // the threads alive now count from the start
        }
        running = true;
        thread = new Thread(() -> loop(recording, interval.toNanos(), watch), Recording.OWN_THREAD_PREFIX + "sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        thread.start();
    }

    @Override
    public boolean watchesThreads(Recording recording) {
        return true;
    }

    @Override
    public void addThread(ThreadContext context) {
        // the loop reads the recording's sampled-thread snapshot at every tick
    }

    /**
     * Stops the loop and closes each thread's last observation. A thread alive at the stop has
     * its last observation stand until the stop (the stop is the next look), or until its span
     * next changed if that came first (the thread was elsewhere then): until 2026-12-06
     * it stood for half an interval after itself, and under load, where the sampler's last tick
     * can come tens of milliseconds before the stop, that stretch was in no sample. A thread
     * found ended counts until halfway from its last sample, as at a tick; after a failure of
     * the loop no thread's time goes on past half an interval after its last sample. No
     * observation stands for time after the stop.
     */
    @Override
    public void stop(Recording recording) {
        running = false;
        LockSupport.unpark(thread);
        Recording.joinQuietly(thread);
        long stoppedAt = recording.stoppedAtNanos();
        long halfInterval = recording.interval().toNanos() / 2;
        for (ThreadContext target : recording.sampledThreadsEver()) {
            long last = target.lastSampleNanos;
            long end;
            if (failure != null) {
                end = last + halfInterval;
            } else if (target.thread.isAlive()) {
                SpanChanges changes = changesOf(target);
                end = Math.max(last + halfInterval, changes.between(last, stoppedAt) ? changes.first() : stoppedAt);
            } else {
                end = (last + stoppedAt) / 2;
            }
            flush(target, Math.min(end, stoppedAt));
        }
    }

    /**
     * Samples until stopped, or until a tick fails: a program that runs out of memory and
     * catches it (a cache that grew too far, dropped) leaves no room for a moment, and the
     * stack this thread asks for then is an OutOfMemoryError. That ended the thread silently
     * (the agent even reported it as the program's uncaught exception) and the profile just
     * stopped. Now the failure is kept, with its time, and {@link #stoppedEarly} says it: the
     * samples so far are kept, and sampling does not go on, since a tick cut short may have left
     * the frame table half grown.
     */
    private void loop(Recording recording, long intervalNanos, boolean watch) {
        try {
            sample(recording, intervalNanos, watch);
        } catch (RuntimeException | Error e) {
            failedAtNanos = recording.nanosSinceStart();
            failure = e;
        }
    }

    @Override
    public String stoppedEarly() {
        Throwable e = failure;
        return e == null ? null : stoppedAt(failedAtNanos, e);
    }

    /**
     * {@code at 463.0 ms: OutOfMemoryError: Java heap space}: the time as the reports say times
     * ({@code TextRenderer.readableDuration}, which the samplers do not reach), milliseconds under
     * a second, so the agent's line, the text report's header and the HTML page say it as they
     * say the profile's duration beside it.
     */
    static String stoppedAt(long nanos, Throwable e) {
        String at = nanos >= 1_000_000_000L ? String.format(Locale.ROOT, "%.3f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        return "at " + at + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private void sample(Recording recording, long intervalNanos, boolean watch) {
        long next = recording.nanosSinceStart() + intervalNanos;
        long lastLook = 0;
        while (running) {
            long wait = next - recording.nanosSinceStart();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue; // re-check running and the deadline (parkNanos may wake early)
            }
            if (watch) {
                long look = recording.nanosSinceStart();
                recording.watchThreads((lastLook + look) / 2); // a new thread started since the last look
                lastLook = look;
            }
            ThreadContext[] targets = recording.sampledThreads();
            if (perThreadHandshakes) {
                for (ThreadContext target : targets) {
                    sampleOne(recording, target);
                }
            } else {
                sampleBatch(recording, targets);
            }
            long now = recording.nanosSinceStart();
            next += intervalNanos;
            if (next <= now) { // fell behind: skip the missed ticks; weights cover the real time
                next = now + intervalNanos;
            }
        }
    }

    private void sampleOne(Recording recording, ThreadContext target) {
        Thread.State state = target.thread.getState();
        if (state == Thread.State.TERMINATED) {
            flush(target, endOf(recording, target));
            recording.retire(target);
            spanChanges.remove(target);
            return;
        }
        int spanBefore = target.currentSpanId;
        long before = recording.nanosSinceStart();
        StackTraceElement[] stack = target.thread.getStackTrace();
        long at = midpoint(before, recording.nanosSinceStart());
        int span = spanOf(stack, spanBefore, target.currentSpanId);
        if (stack.length >= HANDSHAKE_DEPTH_LIMIT) {
            ThreadInfo full = threadBean.getThreadInfo(target.threadId, Integer.MAX_VALUE);
            if (full != null) {
                stack = full.getStackTrace();
            }
        }
        record(recording, target, state, stack, at, span);
    }

    private void sampleBatch(Recording recording, ThreadContext[] targets) {
        if (targets.length == 0) {
            return;
        }
        long[] ids = new long[targets.length];
        int[] spansBefore = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            ids[i] = targets[i].threadId;
            spansBefore[i] = targets[i].currentSpanId;
        }
        long before = recording.nanosSinceStart();
        ThreadInfo[] infos = threadBean.getThreadInfo(ids, Integer.MAX_VALUE);
        long at = midpoint(before, recording.nanosSinceStart());
        for (int i = 0; i < targets.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null) {
                flush(targets[i], endOf(recording, targets[i]));
                recording.retire(targets[i]);
                spanChanges.remove(targets[i]);
            } else {
                StackTraceElement[] stack = info.getStackTrace();
                record(recording, targets[i], info.getThreadState(), stack, at,
                        spanOf(stack, spansBefore[i], targets[i].currentSpanId));
            }
        }
    }

    /**
     * When a stack asked for between {@code before} and {@code after} was taken: halfway. The
     * call waits for a safepoint (JDK 17: every thread stopped) or a handshake, then for this
     * thread to run again, and under load either wait can be tens of milliseconds (on two cores
     * at a load of 9-12, calls of 30-130 ms now and then). Until 2026-12-06 a stack counted as
     * taken when the call returned, so a thread seen just before it changed methods was placed
     * in the old one up to a whole call late, and the 60/30/10 test's shares moved by 5-7
     * points in one run in five (JDK 17).
     */
    private static long midpoint(long before, long after) {
        return before + (after - before) / 2;
    }

    /**
     * The span a stack taken during a call was in, from the thread's innermost span read before
     * the call and after it. They differ when the thread opened or closed a span meanwhile, and
     * the stack may be from either side. Only a decorated task can be told from its stack (its
     * wrapper is on it): a stack inside one is filed under the task's span when the task began
     * or ended during the call. Until 2026-12-06 the span was read after the call only, and a
     * task body whose task ended meanwhile was filed under no span, at the worker's root (three
     * such samples of 30-41 ms were a third of the task bodies' time in TaskOriginTest under
     * load). Otherwise the span read after the call holds, as before.
     */
    static int spanOf(StackTraceElement[] stack, int before, int after) {
        if (before == after || (before == Span.NONE) == (after == Span.NONE)) {
            return after;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith(TASK_WRAPPER)) {
                return before == Span.NONE ? after : before;
            }
        }
        return after;
    }

    /** The decorated tasks' wrappers ({@link ContextTasks}): a stack through one is inside a task. */
    private static final String TASK_WRAPPER = ContextTasks.class.getName() + "$";

    /**
     * Records what {@code target} was seen doing at {@code now}. A stack taken after the
     * recording stopped (a tick under way while it stopped) is dropped: the stop closes the
     * observation before it.
     */
    private void record(Recording recording, ThreadContext target, Thread.State state, StackTraceElement[] stack,
                        long now, int spanId) {
        if (now >= recording.stoppedAtNanos()) {
            return;
        }
        if (stack.length == 0 || state == Thread.State.NEW) {
            flush(target, (target.lastSampleNanos + now) / 2);
            target.lastSampleNanos = now;
            return;
        }
        int stackId = recording.frames().stackId(stack);
        ThreadState threadState = state == Thread.State.RUNNABLE ? ThreadState.RUNNING : ThreadState.WAITING;
        if (timeMode == TimeMode.CPU) {
            long since = target.lastSampleNanos;
            target.lastSampleNanos = now;
            long cpu = threadBean.getThreadCpuTime(target.threadId);
            long used = target.lastCpuNanos < 0 ? 0 : cpu - target.lastCpuNanos;
            target.lastCpuNanos = cpu;
            if (state == Thread.State.RUNNABLE && used > 0) {
                target.samples.add(since, Math.min(used, now - since), stackId, threadState, spanId, 1);
            }
            return;
        }
        observe(target, now, stackId, threadState, spanId, recording.interval().toNanos());
    }

    /**
     * Wall mode: {@code target} was seen at {@code now}. Each observation stands for half the
     * time since the previous one and half the time until the next (the midpoint rule), so it
     * is kept pending until the next observation (or the stop) closes it. Between observations
     * of different spans the time passes where the span changed instead, as between
     * async-profiler's runs ({@code ThreadRuns}): a worker idle in its pool, last seen long
     * before its next task began (under load a tick comes tens of milliseconds late), had half
     * that idle stretch inside the task. Each keeps at least half an interval either side of
     * itself; with several changes between them (a span opened and closed unseen) the stretch
     * from the first to the last is in neither. The first observation stands for the time since
     * the thread was first sampled, back to where its span began if that was later.
     */
    void observe(ThreadContext target, long now, int stackId, ThreadState state, int spanId, long intervalNanos) {
        long previous = target.lastSampleNanos;
        long half = intervalNanos / 2;
        // the first observation; any other counts from halfway since the one before (also after
        // an observation without a stack: a thread seen before it ran its first Java frame did
        // not run this code since it was registered)
        boolean first = target.pendingStackId == ThreadContext.NO_PENDING && previous == target.sampledSinceNanos;
        long from;
        long pendingTo;
        if (first) {
            SpanChanges changes = changesOf(target);
            from = changes.between(previous, now) ? Math.max(previous, Math.min(now - half, changes.last())) : previous;
            pendingTo = from;
        } else if (target.pendingStackId != ThreadContext.NO_PENDING && target.pendingSpanId != spanId
                && changesOf(target).between(previous, now)) {
            SpanChanges changes = spanChanges.get(target);
            long beforeTo = Math.max(previous + half, changes.first());
            long afterFrom = Math.min(now - half, changes.last());
            from = MidpointRule.acrossSpanChange(beforeTo, afterFrom, (previous + now) / 2);
            pendingTo = Math.min(from, beforeTo);
        } else {
            from = (previous + now) / 2;
            pendingTo = from;
        }
        flush(target, pendingTo);
        target.pendingFrom = from;
        target.pendingStackId = stackId;
        target.pendingState = state;
        target.pendingSpanId = spanId;
        target.lastSampleNanos = now;
    }

    /** The span changes of {@code target}'s thread, read on as the sampler goes. */
    private SpanChanges changesOf(ThreadContext target) {
        return spanChanges.computeIfAbsent(target, t -> new SpanChanges(t.spans));
    }

    /**
     * When a thread found ended is taken to have ended: halfway between its last sample and
     * now (before, at its last sample, which lost half a tick of every thread on average).
     */
    private static long endOf(Recording recording, ThreadContext target) {
        return (target.lastSampleNanos + Math.min(recording.nanosSinceStart(), recording.stoppedAtNanos())) / 2;
    }

    /** Closes the pending observation of {@code target} at {@code end}. */
    static void flush(ThreadContext target, long end) {
        if (target.pendingStackId != ThreadContext.NO_PENDING && end > target.pendingFrom) {
            target.samples.add(target.pendingFrom, end - target.pendingFrom, target.pendingStackId,
                    target.pendingState, target.pendingSpanId, 1);
        }
        target.pendingStackId = ThreadContext.NO_PENDING;
    }
}
