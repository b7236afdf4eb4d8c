package dev.markata.profiler.model;

/** What kind of code a {@link Frame} is, which decides how reports group and colour it. */
public enum FrameKind {
    /** The profiled program's own code: shown, highlighted. */
    APPLICATION,
    /** The JDK or a dependency's jar: grouped as "N frames hidden" unless shown. */
    LIBRARY,
    /** A node the profiler made up ({@code [await]}, {@code [out-of-context]}, a thread root). */
    SYNTHETIC
}
