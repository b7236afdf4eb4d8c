package dev.markata.profiler;

/**
 * Which threads' work counts as the profiled program's: the JVM meaning of pyinstrument's
 * {@code async_mode}.
 */
public enum AsyncMode {
    /** Only the thread that started the profiler. */
    DISABLED,
    /**
     * The starting thread plus work it hands to other threads through a wrapped executor; that
     * work is grafted under the frame that submitted it, and waiting for it shows as
     * {@code [await]}.
     */
    ENABLED,
    /**
     * As {@link #ENABLED}, but samples of helper threads taken outside any handed-over task are
     * kept apart as {@code [out-of-context]} instead of being mixed in.
     */
    STRICT
}
