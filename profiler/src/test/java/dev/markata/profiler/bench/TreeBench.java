package dev.markata.profiler.bench;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import dev.markata.profiler.process.SpanTimes;
import dev.markata.profiler.process.TreeOptions;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Prints how long building, processing and rendering take on a synthetic session: by default
 * 100,000 samples over 5,000 distinct stacks on 4 threads, a third of them in handed-over tasks.
 * Run: {@code java -cp profiler/target/classes:profiler/target/test-classes
 * dev.markata.profiler.bench.TreeBench [samples] [stacks] [maxDepth]}. Prints figures; asserts nothing.
 */
public final class TreeBench {

    public static void main(String[] args) throws IOException {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int stacks = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int maxDepth = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Session session = session(samples, stacks, maxDepth, new Random(42));
        System.out.printf("session: %,d samples, %,d stacks, %,d frames, %,d spans%n", samples,
                session.stacks().size(), session.frames().size(), session.spans().size());
        for (int round = 1; round <= 3; round++) {
            System.out.println("round " + round);
            CallNode raw = time("  build aggregated", () -> CallTrees.build(session, false));
            time("  process (text defaults)", () -> CallTrees.process(raw, TreeOptions.defaults()));
            time("  process (show all)", () -> CallTrees.process(raw, TreeOptions.defaults().withShowAll(true)));
            CallNode timeline = time("  build timeline", () -> CallTrees.build(session, true));
            time("  process timeline", () -> CallTrees.process(timeline, TreeOptions.defaults().withTimeline(true)));
            time("  span times", () -> SpanTimes.of(session));
            for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.SPEEDSCOPE,
                    ReportFormat.COLLAPSED)) {
                time("  render " + format.name().toLowerCase(), () -> {
                    CountingWriter out = new CountingWriter();
                    try {
                        format.renderer(ReportOptions.defaults()).render(session, out);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return out.count + " chars";
                });
            }
            if (round == 3) {
                System.out.println("scaling (samples / distinct stacks: build + process aggregated, ms per 1,000 samples)");
                for (int n : new int[] {25_000, 50_000, 100_000, 200_000, 400_000}) {
                    Session sized = session(n, n / 20, maxDepth, new Random(7));
                    long start = System.nanoTime();
                    CallNode tree = CallTrees.process(CallTrees.build(sized, false), TreeOptions.defaults());
                    double millis = (System.nanoTime() - start) / 1e6;
                    System.out.printf("  %,9d / %,6d   %8.1f ms   %.3f ms per 1,000   %d nodes%n", n, n / 20, millis,
                            millis * 1000 / n, tree.nodeCount());
                }
                System.out.println(Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults().withMaxDepth(6))
                        .lines().limit(24).reduce("", (a, b) -> a + b + "\n"));
            }
        }
    }

    private static <T> T time(String label, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        long micros = (System.nanoTime() - start) / 1000;
        String detail = result instanceof CallNode node ? node.nodeCount() + " nodes" : String.valueOf(result);
        if (detail.length() > 40) {
            detail = detail.substring(0, 40);
        }
        System.out.printf("%-28s %9.1f ms   %s%n", label, micros / 1000.0, detail);
        return result;
    }

    /** A random prefix tree of stacks: each new stack extends a random earlier one, up to maxDepth. */
    static Session session(int sampleCount, int stackCount, int maxDepth, Random random) {
        List<Frame> frames = new ArrayList<>();
        String[] packages = {"dev.markata.plugins.render", "org.commonmark.internal", "java.util",
                "com.hubspot.jinjava.lib", "dev.markata.lifecycle", "java.util.concurrent", "org.yaml.snakeyaml"};
        for (int i = 0; i < 800; i++) {
            String pkg = packages[random.nextInt(packages.length)];
            frames.add(new Frame(pkg + ".C" + i, "m" + (i % 17), "C" + i + ".java", 1 + random.nextInt(400),
                    pkg.startsWith("dev.markata") ? FrameKind.APPLICATION : FrameKind.LIBRARY));
        }
        StackTable.Builder builder = new StackTable.Builder();
        // Main-thread stacks below frame 0, worker stacks below frame 1, as on a real build.
        int[] mainStacks = stackTree(builder, 0, stackCount * 2 / 5, maxDepth, frames.size(), random);
        int[] workerStacks = stackTree(builder, 1, stackCount - mainStacks.length, maxDepth, frames.size(), random);
        int[] origins = new int[10];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = mainStacks[random.nextInt(mainStacks.length)];
        }
        StackTable stacks = builder.build();
        int threadCount = 4;
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(0, Span.NONE, "stage", "render", 1, 0, (long) sampleCount * 1_000_000L, StackTable.EMPTY,
                Map.of()));
        List<List<Sample>> perThread = new ArrayList<>();
        int[] currentTask = new int[threadCount];
        int[] taskLeft = new int[threadCount];
        for (int t = 0; t < threadCount; t++) {
            perThread.add(new ArrayList<>());
        }
        long[] clock = new long[threadCount];
        for (int i = 0; i < sampleCount; i++) {
            int t = random.nextInt(threadCount);
            int span = t == 0 ? 0 : Span.NONE;
            int stack;
            if (t == 0) {
                stack = mainStacks[random.nextInt(mainStacks.length)];
            } else {
                stack = workerStacks[random.nextInt(workerStacks.length)];
                if (random.nextInt(10) > 0) {
                    // Tasks (documents) of about ten samples, handed over from one of a few call sites.
                    if (taskLeft[t] == 0) {
                        currentTask[t] = spans.size();
                        taskLeft[t] = 5 + random.nextInt(10);
                        spans.add(new Span(spans.size(), 0, "task", "doc" + spans.size(), t + 1, clock[t],
                                clock[t] + taskLeft[t] * 4_000_000L, origins[random.nextInt(origins.length)],
                                Map.of()));
                    }
                    taskLeft[t]--;
                    span = currentTask[t];
                }
            }
            ThreadState state = random.nextInt(5) == 0 ? ThreadState.WAITING : ThreadState.RUNNING;
            perThread.get(t).add(new Sample(clock[t], 1_000_000L, stack, state, span, 1));
            clock[t] += 1_000_000L;
        }
        List<ThreadProfile> threads = new ArrayList<>();
        long end = 0;
        for (int t = 0; t < threadCount; t++) {
            threads.add(new ThreadProfile(t + 1, t == 0 ? "main" : "worker-" + t, perThread.get(t)));
            end = Math.max(end, clock[t]);
        }
        // Spans must end within the session; clamp the synthetic ones.
        List<Span> clamped = new ArrayList<>();
        for (Span span : spans) {
            clamped.add(new Span(span.id(), span.parentId(), span.category(), span.name(), span.threadId(),
                    Math.min(span.startNanos(), end), Math.min(span.endNanos(), end), span.originStackId(), Map.of()));
        }
        return new Session(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofNanos(end), Duration.ofMillis(1),
                Duration.ofNanos(end), "bench", new Session.SamplerInfo("bench", "synthetic"), AsyncMode.ENABLED,
                TimeMode.WALL, frames, stacks, threads, clamped, Map.of());
    }

    /** {@code count} distinct stacks below {@code rootFrame}, each extending a random earlier one. */
    private static int[] stackTree(StackTable.Builder builder, int rootFrame, int count, int maxDepth, int frameCount,
                                   Random random) {
        int[] ids = new int[count];
        int[] depths = new int[count];
        ids[0] = builder.intern(StackTable.EMPTY, rootFrame);
        depths[0] = 1;
        int size = 1;
        java.util.BitSet seen = new java.util.BitSet();
        while (size < count) {
            int parent = random.nextInt(size);
            if (depths[parent] >= maxDepth) {
                continue;
            }
            int id = builder.intern(ids[parent], 2 + random.nextInt(frameCount - 2));
            if (!seen.get(id)) {
                seen.set(id);
                ids[size] = id;
                depths[size++] = depths[parent] + 1;
            }
        }
        return ids;
    }

    private static final class CountingWriter extends Writer {
        long count;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count += length;
        }

        @Override
        public void write(String s, int offset, int length) {
            count += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
