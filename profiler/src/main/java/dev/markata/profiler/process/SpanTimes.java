package dev.markata.profiler.process;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadProfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Time per kind of span (per stage, per plugin hook, per document...), from the samples' span ids
 * and the spans' parent chains: what a build report's tables show.
 */
public final class SpanTimes {

    /**
     * The time of all spans with one category and name.
     *
     * @param category     the spans' category ("stage")
     * @param name         the spans' name ("render")
     * @param spanCount    how many spans had this category and name
     * @param wallNanos    their summed wall-clock length (a span inside another of the same
     *                     name is not counted again)
     * @param totalNanos   sampled thread time inside them or inside spans they contain (several
     *                     threads working at once add up, so this can exceed the wall time)
     * @param selfNanos    sampled thread time where one of them was the innermost span
     * @param runningNanos the part of {@code totalNanos} the threads were running
     * @param waitingNanos the part of {@code totalNanos} the threads were blocked, parked or sleeping
     * @param unknownNanos the part of {@code totalNanos} whose state the sampler could not tell
     * @param sampleCount  raw samples behind {@code totalNanos}
     */
    public record SpanTime(String category, String name, int spanCount, long wallNanos, long totalNanos,
                           long selfNanos, long runningNanos, long waitingNanos, long unknownNanos,
                           long sampleCount) {
    }

    private SpanTimes() {
    }

    /** Every category and name, ordered by category, then total time (largest first), then name. */
    public static List<SpanTime> of(Session session) {
        return compute(session, null);
    }

    /** The spans of one category ("stage", "hook", "document"), largest total first. */
    public static List<SpanTime> of(Session session, String category) {
        return compute(session, category);
    }

    private static List<SpanTime> compute(Session session, String onlyCategory) {
        List<Span> spans = session.spans();
        Map<List<String>, Integer> keyIds = new HashMap<>();
        List<List<String>> keys = new ArrayList<>();
        int[] keyOf = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            List<String> key = List.of(span.category(), span.name());
            keyOf[i] = keyIds.computeIfAbsent(key, k -> {
                keys.add(k);
                return keys.size() - 1;
            });
        }
        int[][] chains = new int[spans.size()][];
        int keyCount = keys.size();
        int[] spanCount = new int[keyCount];
        long[] wall = new long[keyCount];
        long[] total = new long[keyCount];
        long[] self = new long[keyCount];
        long[] running = new long[keyCount];
        long[] waiting = new long[keyCount];
        long[] unknown = new long[keyCount];
        long[] samples = new long[keyCount];
        for (int i = 0; i < spans.size(); i++) {
            spanCount[keyOf[i]]++;
            int[] parentChain = chain(spans.get(i).parentId(), spans, keyOf, chains, 0);
            if (!contains(parentChain, keyOf[i])) {
                wall[keyOf[i]] += spans.get(i).durationNanos();
            }
        }
        for (ThreadProfile thread : session.threads()) {
            for (Sample sample : thread.samples()) {
                int spanId = sample.spanId();
                if (spanId < 0 || spanId >= spans.size()) {
                    continue;
                }
                self[keyOf[spanId]] += sample.durationNanos();
                for (int key : chain(spanId, spans, keyOf, chains, 0)) {
                    total[key] += sample.durationNanos();
                    samples[key] += sample.count();
                    switch (sample.state()) {
                        case RUNNING -> running[key] += sample.durationNanos();
                        case WAITING -> waiting[key] += sample.durationNanos();
                        default -> unknown[key] += sample.durationNanos();
                    }
                }
            }
        }
        List<SpanTime> result = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            List<String> key = keys.get(k);
            if (onlyCategory == null || onlyCategory.equals(key.get(0))) {
                result.add(new SpanTime(key.get(0), key.get(1), spanCount[k], wall[k], total[k], self[k], running[k],
                        waiting[k], unknown[k], samples[k]));
            }
        }
        result.sort(Comparator.comparing(SpanTime::category)
                .thenComparing(Comparator.comparingLong(SpanTime::totalNanos).reversed())
                .thenComparing(SpanTime::name));
        return result;
    }

    /** The distinct keys of {@code spanId} and its ancestors, memoised per span. */
    private static int[] chain(int spanId, List<Span> spans, int[] keyOf, int[][] chains, int depth) {
        if (spanId < 0 || spanId >= spans.size() || depth > spans.size()) {
            return new int[0]; // no span, or a parent cycle in a damaged session
        }
        int[] known = chains[spanId];
        if (known != null) {
            return known;
        }
        int[] parent = chain(spans.get(spanId).parentId(), spans, keyOf, chains, depth + 1);
        int key = keyOf[spanId];
        int[] result;
        if (contains(parent, key)) {
            result = parent;
        } else {
            result = Arrays.copyOf(parent, parent.length + 1);
            result[parent.length] = key;
        }
        chains[spanId] = result;
        return result;
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
