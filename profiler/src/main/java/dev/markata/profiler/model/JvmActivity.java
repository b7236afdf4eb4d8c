package dev.markata.profiler.model;

import java.util.List;
import java.util.Objects;

/**
 * What the JVM itself did during a recording, beside the program's code: its garbage
 * collection pauses, its JIT compilers' work, the classes it loaded. A sampling profiler charges
 * every millisecond to the Java code a thread was in, so a young GC pause shows as time in
 * whatever method allocated, and compiler threads are not sampled at all; these figures say how
 * much of the time was the JVM's.
 *
 * <p>Figures the JVM or the OS did not give are {@link #UNKNOWN} (-1), never made up: the thread
 * CPU figures are read from Linux's {@code /proc/self/task}, and only there. A session saved
 * before these were recorded has {@link #NONE}.
 *
 * @param recorded         false for {@link #NONE}: nothing was recorded (an older session)
 * @param gcPauses         stop-the-world pauses, in time order. A concurrent collector's
 *                         cycles (ZGC, Shenandoah: "end of GC cycle") are not pauses (the program
 *                         ran meanwhile) and are only counted in {@code gcCycles}; their pauses
 *                         ("ZGC Minor Pauses", Shenandoah's "Init Mark"...) and G1's remark and
 *                         cleanup ("G1 Concurrent GC", JDK 20+) are pauses
 * @param gcCycles         how many concurrent collection cycles ended during the recording
 * @param gcCycleNanos     their summed length (the program ran during it), in nanoseconds
 * @param jitNanos         time the JIT compilers spent compiling ({@code CompilationMXBean},
 *                         milliseconds summed over the compiler threads), or {@link #UNKNOWN}
 * @param compilerCpuNanos CPU time of the JIT compiler threads ("C1 CompilerThread",
 *                         "C2 CompilerThread", "JVMCI..."), or {@link #UNKNOWN}
 * @param gcCpuNanos       CPU time of the collectors' own threads ("GC Thread#", "G1 ...",
 *                         "ZWorker...", "Shenandoah..."), or {@link #UNKNOWN}. The serial
 *                         collector has none: it collects on the VM thread
 * @param vmThreadCpuNanos CPU time of the "VM Thread", which runs the JVM's safepoint operations,
 *                         the serial collector's collections among them, or {@link #UNKNOWN}
 * @param classesLoaded    classes loaded during the recording, or {@link #UNKNOWN}
 * @param classesUnloaded  classes unloaded during the recording, or {@link #UNKNOWN}
 */
public record JvmActivity(boolean recorded, List<GcPause> gcPauses, int gcCycles, long gcCycleNanos, long jitNanos,
                          long compilerCpuNanos, long gcCpuNanos, long vmThreadCpuNanos, long classesLoaded,
                          long classesUnloaded) {

    /** A figure the JVM or the OS did not give. */
    public static final long UNKNOWN = -1;

    /** Nothing recorded: a session saved before JVM activity was, or made by hand. */
    public static final JvmActivity NONE = new JvmActivity(false, List.of(), 0, 0, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN,
            UNKNOWN, UNKNOWN);

    public JvmActivity {
        gcPauses = List.copyOf(Objects.requireNonNull(gcPauses, "gcPauses"));
    }

    /** The pauses' summed length. */
    public long pauseNanos() {
        long sum = 0;
        for (GcPause pause : gcPauses) {
            sum += pause.durationNanos();
        }
        return sum;
    }

    /** The longest pause, or null when there was none. */
    public GcPause longestPause() {
        GcPause longest = null;
        for (GcPause pause : gcPauses) {
            if (longest == null || pause.durationNanos() > longest.durationNanos()) {
                longest = pause;
            }
        }
        return longest;
    }

    /**
     * The pause time between {@code fromNanos} and {@code toNanos} (session nanoseconds): a
     * pause that spans the bounds counts with the part inside them, so the pauses of adjacent
     * intervals (a build's stages) add up to their pause time without counting any twice.
     */
    public long pauseNanosBetween(long fromNanos, long toNanos) {
        long sum = 0;
        for (GcPause pause : gcPauses) {
            sum += pause.overlapNanos(fromNanos, toNanos);
        }
        return sum;
    }
}
