package dev.markata.profiler.sampling;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When and why the JDK sampler stopped, as the session's {@code sampling.stopped} says it: the
 * time in the reports' unit, milliseconds under a second (the agent's line said "at 0.463 s of
 * 1.039 s" beside "wrote p.html (..., 312.4 ms, ...)").
 */
class JdkSamplerStoppedEarlyTest {

    @Test
    void aTimeUnderASecondIsInMilliseconds() {
        assertThat(JdkSampler.stoppedAt(463_040_000L, new OutOfMemoryError("Java heap space")))
                .isEqualTo("at 463.0 ms: OutOfMemoryError: Java heap space");
    }

    @Test
    void aTimeOfASecondOrMoreIsInSeconds() {
        assertThat(JdkSampler.stoppedAt(1_234_000_000L, new IllegalStateException()))
                .isEqualTo("at 1.234 s: IllegalStateException");
    }
}
