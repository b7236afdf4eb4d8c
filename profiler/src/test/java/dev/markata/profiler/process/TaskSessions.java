package dev.markata.profiler.process;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TestStacks;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built sessions with explicit times and handed-over tasks (spans with an origin stack),
 * which {@link dev.markata.profiler.TestSessions} does not make. Stacks are written as in
 * TestSessions: {@code "app.Main.main;app.Stage.run"}, classes under {@code app.} are application code.
 */
final class TaskSessions {

    private final TestStacks stacks = new TestStacks();
    private final Map<Long, List<Sample>> samples = new LinkedHashMap<>();
    private final List<Span> spans = new ArrayList<>();
    private AsyncMode asyncMode = AsyncMode.ENABLED;

    TaskSessions asyncMode(AsyncMode mode) {
        this.asyncMode = mode;
        return this;
    }

    /** A sample from {@code startMs} lasting {@code durationMs}, one raw sample per millisecond. */
    TaskSessions sample(long thread, long startMs, long durationMs, String stack, ThreadState state, int spanId) {
        samples.computeIfAbsent(thread, t -> new ArrayList<>()).add(new Sample(startMs * 1_000_000L,
                durationMs * 1_000_000L, stackId(stack), state, spanId, (int) durationMs));
        return this;
    }

    /** A span; {@code originStack} non-null makes it a task handed over from that stack. Returns its id. */
    int span(int parent, String category, String name, long thread, long startMs, long endMs, String originStack) {
        int id = spans.size();
        spans.add(new Span(id, parent, category, name, thread, startMs * 1_000_000L, endMs * 1_000_000L,
                originStack == null ? StackTable.EMPTY : stackId(originStack), Map.of()));
        return id;
    }

    Session build() {
        long end = 0;
        List<ThreadProfile> threads = new ArrayList<>();
        for (var entry : samples.entrySet()) {
            List<Sample> list = entry.getValue();
            end = Math.max(end, list.get(list.size() - 1).endNanos());
            threads.add(new ThreadProfile(entry.getKey(), entry.getKey() == 1 ? "main" : "worker-" + entry.getKey(),
                    list));
        }
        return new Session(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofNanos(end), Duration.ofMillis(1),
                Duration.ofNanos(end), "task program", new Session.SamplerInfo("test", "hand-built"), asyncMode,
                TimeMode.WALL, stacks.frames(), stacks.build(), threads, spans, Map.of());
    }

    private int stackId(String stack) {
        return stacks.stackId(stack);
    }
}
