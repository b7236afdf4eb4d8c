package dev.markata.profiler;

import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches what the JVM itself does from {@link #start()} to {@link #stop()}: garbage collection
 * pauses, JIT compilation, class loading, and on Linux the CPU time of the compiler, collector
 * and VM threads. Every recording of a {@link Profiler} has one (its session's
 * {@link Session#jvm()}); a program that only times its work, without sampling, can use one
 * on its own.
 *
 * <p>Costs next to nothing while it runs: one JMX notification per collection, which the JVM
 * sends on its own notification thread (the listener keeps five of its fields). {@code start}
 * and {@code stop} read a few management beans and, on Linux, the name and scheduler time of
 * each of the process's threads (a few dozen small files).
 *
 * <p>Pauses come from the collectors' {@code GarbageCollectionNotificationInfo}, whose times
 * are whole milliseconds since the JVM started: a pause's start and length are to the
 * millisecond (see {@link GcPause}). A notification comes shortly after its collection, on
 * another thread; {@code stop} waits up to {@value #NOTIFICATION_WAIT_MILLIS} ms for those the
 * collectors' counts say are still on their way.
 */
public final class JvmWatch {

    /** How long {@link #stop()} waits for the notifications of collections that ended before it. */
    static final int NOTIFICATION_WAIT_MILLIS = 200;
    /** The action of a concurrent collector's whole cycle (ZGC, Shenandoah): the program ran meanwhile. */
    static final String CYCLE_ACTION = "end of GC cycle";
    private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private final long zeroNanoTime;
    /**
     * The clock of the collectors' times at the watch's zero, in milliseconds. That clock is not
     * the JVM's uptime (which starts ~25 ms earlier, when the OS layer starts) but counts from
     * when the VM finished starting, the instant {@code RuntimeMXBean.getStartTime()} gives as
     * wall-clock time: so it is the wall clock's time since then.
     */
    private final long gcClockAtZeroMillis;
    private final List<GarbageCollectorMXBean> collectors = new ArrayList<>();
    private final Map<String, Long> countsAtStart = new HashMap<>();
    /**
     * The collections notified, guarded by itself: a monitor and an array list, not a concurrent
     * queue, whose first compare-and-set links the JDK's var handle code (classes made then,
     * at a collection: see {@link #LOADED}).
     */
    private final List<Collection> seen = new ArrayList<>();
    private final NotificationListener listener = this::collected;
    private final long jitAtStart;
    private final long loadedAtStart;
    private final long unloadedAtStart;
    private final Map<Long, JvmThreads.Time> threadsAtStart;
    private JvmActivity stopped;

    /** One collection, as its notification said (milliseconds since the JVM started). */
    private record Collection(String collector, long id, String action, String cause, long startMillis,
                              long endMillis, long arrivedNanoTime) {
    }

    /**
     * Made when the first watch starts, so that the listener loads no class of its own at a
     * collection: that comes when the heap is full, and a class loaded then, with a Java agent's
     * transformer registered (the profiler's own agent), made the JVM's agent code print
     * "ASSERTION FAILED ... can't create name string".
     */
    private static final Collection LOADED = new Collection("", 0, "", "", 0, 0, 0);

    private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

    private JvmWatch() {
        Objects.requireNonNull(LOADED);
        List<GarbageCollectorMXBean> beans = ManagementFactory.getGarbageCollectorMXBeans();
        if (WARMED_UP.compareAndSet(false, true)) {
            warmUp(beans);
        }
        for (GarbageCollectorMXBean bean : beans) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                collectors.add(bean);
                countsAtStart.put(bean.getName(), bean.getCollectionCount());
            }
        }
        jitAtStart = jitMillis();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        loadedAtStart = classes.getTotalLoadedClassCount();
        unloadedAtStart = classes.getUnloadedClassCount();
        threadsAtStart = JvmThreads.read();
        long vmStarted = ManagementFactory.getRuntimeMXBean().getStartTime();
        gcClockAtZeroMillis = System.currentTimeMillis() - vmStarted;
        zeroNanoTime = System.nanoTime();
    }

    /**
     * Loads, once per JVM, what the JDK uses to make a collection's notification (its GcInfo, the
     * composite data and their open types: some 40 classes), by making one from the last
     * collection. Otherwise the JDK loads them at the first collection after the start, on its
     * notification thread, and that collection may be the one of a full heap: a class loaded then,
     * under a Java agent (the profiler's own), made the JVM's agent code print "*** java.lang.instrument
     * ASSERTION FAILED ***". Nothing is loaded here when no collection ran yet (the profiler's
     * agent then collects once at its start), or the JVM's beans are not HotSpot's.
     */
    private static void warmUp(List<GarbageCollectorMXBean> beans) {
        try {
            // The JDK makes each notification on its notification thread (createGCNotification,
            // the collector's getObjectName, the composite data), and with a full heap that
            // throws OutOfMemoryError; on its way out the VM resolves the catch types of the
            // methods it leaves (sun.management.Util.newObjectName's, the composite data's),
            // and the classes loaded then met the agent's transformer with a full heap.
            Objects.requireNonNull(javax.management.MalformedObjectNameException.class);
            Objects.requireNonNull(javax.management.openmbean.OpenDataException.class);
            for (GarbageCollectorMXBean bean : beans) {
                bean.getObjectName();
                if (bean instanceof com.sun.management.GarbageCollectorMXBean hotspot) {
                    com.sun.management.GcInfo last = hotspot.getLastGcInfo();
                    if (last != null) {
                        // a notification as the JDK makes one, read as the listener reads it
                        Notification notification = new Notification(GC_NOTIFICATION, bean.getName(), 0);
                        notification.setUserData(new com.sun.management.GarbageCollectionNotificationInfo(
                                bean.getName(), "", "", last).toCompositeData(null));
                        Objects.requireNonNull(collection(notification));
                        return;
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // the notifications load it later, as without this
        }
    }

    /** Starts watching; times in the result are nanoseconds since now. */
    public static JvmWatch start() {
        return new JvmWatch();
    }

    /** The {@link System#nanoTime()} the watch's times count from: its start. */
    public long zeroNanoTime() {
        return zeroNanoTime;
    }

    /**
     * Stops watching and says what the JVM did since {@link #start()}; pauses that began before
     * the start or reach past the stop are cut to the watched time. A second call returns the
     * same figures.
     */
    public JvmActivity stop() {
        return stop(System.nanoTime());
    }

    /**
     * As {@link #stop()}, with the pauses cut at {@code endNanoTime} (a {@link System#nanoTime()}
     * the caller took, not after now), the end of the caller's own timing: a recording's
     * duration, a build's last stage.
     */
    public synchronized JvmActivity stop(long endNanoTime) {
        if (stopped != null) {
            return stopped;
        }
        long durationNanos = Math.max(0, endNanoTime - zeroNanoTime);
        long jit = jitMillis();
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long loaded = classes.getTotalLoadedClassCount() - loadedAtStart;
        long unloaded = classes.getUnloadedClassCount() - unloadedAtStart;
        Map<String, Long> countsAtStop = new HashMap<>();
        for (GarbageCollectorMXBean bean : collectors) {
            countsAtStop.put(bean.getName(), bean.getCollectionCount());
        }
        awaitNotifications(countsAtStop);
        for (GarbageCollectorMXBean bean : collectors) {
            try {
                ((NotificationEmitter) bean).removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // not there: nothing to remove
            }
        }
        JvmThreads.Cpu cpu = JvmThreads.cpuSince(threadsAtStart, JvmThreads.read());
        List<Collection> collections = seen();
        List<GcPause> pauses = new ArrayList<>();
        int cycles = 0;
        long cycleNanos = 0;
        List<Collection> watched = new ArrayList<>(); // not those before the start (their notification late), or after the stop
        for (Collection c : collections) {
            if (watched(c, countsAtStop)) {
                watched.add(c);
            }
        }
        collections = watched;
        long late = lateness(collections);
        for (Collection c : collections) {
            long from = (c.startMillis - gcClockAtZeroMillis) * 1_000_000L - late;
            long to = (c.endMillis - gcClockAtZeroMillis) * 1_000_000L - late;
            // cut to the watched time: a collection that ended just before the stop may be
            // placed a millisecond or two after it (the clocks are read to the millisecond)
            long start = Math.min(Math.max(0, from), durationNanos);
            long end = Math.max(start, Math.min(durationNanos, to));
            if (CYCLE_ACTION.equals(c.action)) {
                cycles++;
                cycleNanos += end - start;
            } else {
                pauses.add(new GcPause(start, end - start, c.collector, c.action, c.cause));
            }
        }
        pauses.sort(Comparator.comparingLong(GcPause::startNanos));
        stopped = new JvmActivity(true, pauses, cycles, cycleNanos,
                jitAtStart < 0 || jit < 0 ? JvmActivity.UNKNOWN : (jit - jitAtStart) * 1_000_000L,
                cpu.compilerNanos(), cpu.gcNanos(), cpu.vmThreadNanos(), loaded, unloaded);
        return stopped;
    }

    /**
     * How far the collectors' clock, as read through the wall clock, runs ahead of the monotonic
     * one: no collection ends after its notification came. The wall clock may have been set or
     * slewed since the VM started (an agent attached to a JVM that ran for days); 0 when no end
     * says so, beyond the millisecond the times are cut to.
     */
    private long lateness(List<Collection> collections) {
        long late = 0;
        for (Collection c : collections) {
            long end = (c.endMillis - gcClockAtZeroMillis) * 1_000_000L;
            late = Math.max(late, end - (c.arrivedNanoTime - zeroNanoTime) - 2_000_000L);
        }
        return late;
    }

    /** The collections notified so far. */
    private List<Collection> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }

    /** The listener: runs on the JVM's notification thread, once per collection. */
    private void collected(Notification notification, Object handback) {
        try {
            Collection collection = collection(notification);
            if (collection != null) {
                synchronized (seen) {
                    seen.add(collection);
                }
            }
        } catch (OutOfMemoryError e) {
            // a program whose heap is full: this collection goes unsaid, and the JVM's thread lives on
        }
    }

    /**
     * What a collection's notification says, or null for another notification. The fields are
     * read straight from the composite data: GarbageCollectionNotificationInfo.from would build
     * the whole GcInfo, the memory use of every pool before and after included.
     */
    private static Collection collection(Notification notification) {
        if (!GC_NOTIFICATION.equals(notification.getType())
                || !(notification.getUserData() instanceof CompositeData data)
                || !(data.get("gcInfo") instanceof CompositeData info)) {
            return null;
        }
        return new Collection(String.valueOf(data.get("gcName")), (Long) info.get("id"), String.valueOf(data.get("gcAction")),
                String.valueOf(data.get("gcCause")), (Long) info.get("startTime"), (Long) info.get("endTime"),
                System.nanoTime());
    }

    /**
     * Whether a collection was watched: its number (GcInfo's id, the collector's count of
     * collections then) is past the collector's count at the start and not past the one at the
     * stop. Placing it by its time cannot tell: its clock is read to the millisecond, and a
     * collection just before the start (the agent's, which it makes as it starts) came to the
     * listener after it.
     */
    private boolean watched(Collection c, Map<String, Long> countsAtStop) {
        Long atStart = countsAtStart.get(c.collector);
        Long atStop = countsAtStop.get(c.collector);
        return atStart == null || atStop == null || atStart < 0 || atStop < 0 || (c.id > atStart && c.id <= atStop);
    }

    /** Waits, a little, until the notification of every collection up to {@code countsAtStop} came. */
    private void awaitNotifications(Map<String, Long> countsAtStop) {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline && !allSeen(countsAtStop)) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean allSeen(Map<String, Long> countsAtStop) {
        Map<String, Long> counts = new HashMap<>();
        for (Collection c : seen()) {
            if (watched(c, countsAtStop)) {
                Long count = counts.get(c.collector);
                counts.put(c.collector, count == null ? 1L : count + 1);
            }
        }
        for (Map.Entry<String, Long> e : countsAtStop.entrySet()) {
            long expected = e.getValue() - countsAtStart.getOrDefault(e.getKey(), 0L);
            if (counts.getOrDefault(e.getKey(), 0L) < expected) {
                return false;
            }
        }
        return true;
    }

    /** The JIT compilers' total time so far, in milliseconds, or -1 when the JVM does not say. */
    private static long jitMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}
