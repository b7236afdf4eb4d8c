package dev.markata.profiler.sampling;

/**
 * Where the time between two samples of one thread passes from the sample before to the sample
 * after when the thread's span changed between them: the one rule both samplers weigh by
 * ({@link ThreadRuns} between async-profiler's runs, {@link JdkSampler#observe} between the JDK
 * sampler's looks). Between samples of one span the time passes at the midpoint, each standing
 * for half the gap; across a span change that put idle time in the wrong span (a worker idle in
 * its pool, last sampled long before its next task began, had half that idle stretch inside
 * the task), so neither sample stands for time beyond the span change next to it, and each
 * still keeps half an interval either side of itself.
 */
final class MidpointRule {

    private MidpointRule() {
    }

    /**
     * Where the sample after starts. {@code beforeTo}: how far the sample before stands after
     * itself (to the first span change after it, at least half an interval); {@code afterFrom}:
     * how far back the sample after stands (to the last span change before it, at least half an
     * interval); {@code midpoint}: halfway between the two samples. With one change between them
     * both are that change, and it is the boundary; with several (a span opened and closed
     * unsampled in between) the sample after starts at the last, and the stretch from the first
     * to the last is in neither sample (the one before ends at {@code beforeTo}); where the two
     * half intervals overlap, the midpoint kept within them.
     */
    static long acrossSpanChange(long beforeTo, long afterFrom, long midpoint) {
        return afterFrom >= beforeTo ? afterFrom : Math.max(afterFrom, Math.min(midpoint, beforeTo));
    }
}
