package dev.markata.profiler;

/** Which sampler records a session. */
public enum SamplerChoice {
    /** async-profiler where its native library loads, otherwise the pure-Java sampler. */
    AUTO,
    /** async-profiler only: starting fails with the reason when it cannot load. */
    ASYNC_PROFILER,
    /** The pure-Java sampler (JDK only): Thread.getStackTrace on JDK 21+, ThreadMXBean on 17. */
    JDK
}
