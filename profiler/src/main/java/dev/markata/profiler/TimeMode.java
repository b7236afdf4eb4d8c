package dev.markata.profiler;

/** What a sample's weight measures. */
public enum TimeMode {
    /** Wall-clock time: sleeping, waiting and I/O count, as in pyinstrument. */
    WALL,
    /** CPU time: only threads running on a core are sampled. */
    CPU
}
