package dev.markata.profiler;

import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds sessions by hand for tests of processors, renderers and codecs: stacks are written as
 * strings like {@code "app.Main.main;app.Site.render;java.util.HashMap.get"} (root first,
 * {@code Class.method} per frame; classes under {@code app.} are application code).
 */
public final class TestSessions {

    private final TestStacks stacks = new TestStacks();
    private final Map<Long, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<Long, String> threadNames = new LinkedHashMap<>();
    private final Map<Long, Long> clocks = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String target = "test program";

    public static TestSessions builder() {
        return new TestSessions();
    }

    /**
     * A library call ({@code org.lib.Engine.run}) of 2 s: 1.94 s in the application's callback
     * under {@code Engine.loop}, and 60 ms in 60 small steps of its own (a template engine's),
     * each far under a 1 % threshold.
     */
    public static Session libraryCallInSmallSteps() {
        TestSessions builder = builder()
                .sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.loop;app.Callback.call", 1940);
        for (int i = 0; i < 60; i++) {
            builder.sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.step" + i, 1);
        }
        return builder.build();
    }

    /** Adds {@code count} samples of 1 ms each on thread {@code threadId}, one after another. */
    public TestSessions sample(long threadId, String stack, int count) {
        return sample(threadId, stack, count, ThreadState.RUNNING, Span.NONE);
    }

    public TestSessions sample(long threadId, String stack, int count, ThreadState state, int spanId) {
        return sample(threadId, stack, count, count, state, spanId);
    }

    /**
     * Adds {@code count} samples on thread {@code threadId} that stand for {@code millis} together
     * (a sampler's tick that came late, a batch of idle samples), after the thread's last one.
     */
    public TestSessions sample(long threadId, String stack, int count, long millis, ThreadState state, int spanId) {
        threadNames.putIfAbsent(threadId, threadId == 1 ? "main" : "worker-" + threadId);
        long start = clocks.getOrDefault(threadId, 0L);
        long duration = 1_000_000L * millis;
        samples.computeIfAbsent(threadId, id -> new ArrayList<>())
                .add(new Sample(start, duration, stackId(stack), state, spanId, count));
        clocks.put(threadId, start + duration);
        return this;
    }

    /** Names thread {@code threadId} (default: {@code main} for 1, {@code worker-<id>} for others). */
    public TestSessions threadName(long threadId, String name) {
        threadNames.put(threadId, name);
        return this;
    }

    /** Adds a span and returns its id. */
    public int span(int parentId, String category, String name, long threadId, long startMillis, long endMillis) {
        return span(parentId, category, name, threadId, startMillis, endMillis, Map.of());
    }

    /** Adds a span with attributes and returns its id. */
    public int span(int parentId, String category, String name, long threadId, long startMillis, long endMillis,
                    Map<String, String> attributes) {
        int id = spans.size();
        spans.add(new Span(id, parentId, category, name, threadId, startMillis * 1_000_000L, endMillis * 1_000_000L,
                StackTable.EMPTY, attributes));
        return id;
    }

    /** Adds a task span handed over from {@code originStack} (root first) and returns its id. */
    public int task(int parentId, String name, long threadId, long startMillis, long endMillis, String originStack) {
        int id = spans.size();
        spans.add(new Span(id, parentId, "task", name, threadId, startMillis * 1_000_000L, endMillis * 1_000_000L,
                stackId(originStack), Map.of()));
        return id;
    }

    /** What the session says was profiled (default {@code test program}). */
    public TestSessions target(String description) {
        target = description;
        return this;
    }

    public TestSessions metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public Session build() {
        long end = clocks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<ThreadProfile> threads = new ArrayList<>();
        samples.forEach((id, list) -> threads.add(new ThreadProfile(id, threadNames.get(id), list)));
        return new Session(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofNanos(end), Duration.ofMillis(1),
                Duration.ofNanos(end / 2), target, new Session.SamplerInfo("test", "hand-built"),
                AsyncMode.ENABLED, TimeMode.WALL, stacks.frames(), stacks.build(), threads, spans, metadata);
    }

    private int stackId(String stack) {
        return stacks.stackId(stack);
    }
}
