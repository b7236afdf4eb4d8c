package dev.markata.profiler.render.html;

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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Large sessions shaped like a site build, for the report's scale test and benchmark: a main
 * thread plus worker threads rendering pages, up to 2,000 distinct leaf stacks 10 to 40 frames deep
 * over application, JDK, jinjava and commonmark frames, one 1 ms sample per row (no merging,
 * the worst case for size), stage, hook, task and document spans. Deterministic for a seed.
 */
public final class SyntheticBuildSessions {

    private static final String[] STAGES = {"configure", "glob", "load", "pre_render", "render", "post_render", "save"};
    private static final String[] LIBRARY = {
            "java.util.HashMap.get", "java.util.ArrayList.forEach", "java.lang.String.replace", "java.util.regex.Matcher.find",
            "java.nio.file.Files.readString", "java.io.BufferedWriter.write", "sun.nio.fs.UnixPath.toString",
            "org.commonmark.parser.Parser.parse", "org.commonmark.internal.DocumentParser.parseBlocks",
            "org.commonmark.internal.InlineParserImpl.parse", "org.commonmark.renderer.html.HtmlRenderer.render",
            "com.hubspot.jinjava.Jinjava.renderForResult", "com.hubspot.jinjava.interpret.JinjavaInterpreter.render",
            "com.hubspot.jinjava.tree.TagNode.render", "com.hubspot.jinjava.lib.tag.ForTag.interpret",
            "com.hubspot.jinjava.el.ExpressionResolver.resolveExpression", "org.yaml.snakeyaml.Yaml.load",
            "org.tomlj.Toml.parse", "java.util.concurrent.ThreadPoolExecutor.runWorker", "java.lang.Thread.run"};
    private static final String[] APPLICATION = {
            "dev.markata.Markata.build", "dev.markata.lifecycle.BuildExecutor.run", "dev.markata.plugins.render.RenderMarkdown.render",
            "dev.markata.plugins.templates.Templates.apply", "dev.markata.plugins.feeds.Feeds.build",
            "dev.markata.plugins.glob.Glob.scan", "dev.markata.plugins.load.Load.read", "dev.markata.content.Post.of",
            "dev.markata.plugins.publish.PublishHtml.write", "dev.markata.plugins.links.Links.resolve"};

    private SyntheticBuildSessions() {
    }

    /** A session of {@code samples} sample rows over {@code threads} threads and {@code pages} pages. */
    public static Session build(int samples, int threads, int pages, long seed) {
        Random random = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (String s : APPLICATION) {
            frames.add(frame(s, FrameKind.APPLICATION, random));
        }
        for (String s : LIBRARY) {
            frames.add(frame(s, FrameKind.LIBRARY, random));
        }
        StackTable.Builder stacks = new StackTable.Builder();
        // the stack pool: random walks from two roots, mostly library frames, app frames mixed in
        int mainRoot = stacks.intern(StackTable.EMPTY, 0);
        int workerRoot = stacks.intern(stacks.intern(StackTable.EMPTY, APPLICATION.length + 19), APPLICATION.length + 18);
        // distinct stacks grow with the recording, as in real builds: about one per five samples, at most 2,000
        int[] pool = new int[Math.max(50, Math.min(2_000, samples / 5))];
        for (int i = 0; i < pool.length; i++) {
            int stack = i % 8 == 0 ? mainRoot : workerRoot;
            int depth = 10 + random.nextInt(31);
            for (int d = 2; d < depth; d++) {
                int frame = random.nextInt(4) == 0 ? random.nextInt(APPLICATION.length)
                        : APPLICATION.length + random.nextInt(LIBRARY.length - 2);
                // a narrow branching factor near the root keeps shared prefixes, as in real programs
                if (d < 6) {
                    frame = APPLICATION.length + (frame + d) % 6;
                }
                stack = stacks.intern(stack, frame);
            }
            pool[i] = stack;
        }
        long perThread = Math.max(1, samples / threads);
        long totalNanos = perThread * 1_000_000L;
        List<Span> spans = new ArrayList<>();
        long stageLength = totalNanos / STAGES.length;
        for (int s = 0; s < STAGES.length; s++) {
            spans.add(new Span(spans.size(), Span.NONE, "stage", STAGES[s], 1, s * stageLength, (s + 1) * stageLength,
                    StackTable.EMPTY, Map.of()));
        }
        int renderStage = 4;
        int renderHook = spans.size();
        spans.add(new Span(renderHook, renderStage, "hook", "markata.plugins.render_markdown", 1,
                renderStage * stageLength, (renderStage + 1) * stageLength, StackTable.EMPTY, Map.of("stage", "render")));
        List<ThreadProfile> profiles = new ArrayList<>();
        int written = 0;
        int pagesPerWorker = Math.max(1, pages / Math.max(1, threads - 1));
        for (int t = 0; t < threads; t++) {
            long threadId = t + 1;
            List<Sample> list = new ArrayList<>();
            long rows = t == threads - 1 ? samples - written : perThread;
            long samplesPerPage = Math.max(1, rows / pagesPerWorker);
            int spanId = t == 0 ? renderHook : Span.NONE;
            for (long i = 0; i < rows; i++) {
                long start = i * 1_000_000L;
                if (t > 0 && i % samplesPerPage == 0) {
                    int page = (int) (t * pagesPerWorker + i / samplesPerPage);
                    long end = Math.min(start + samplesPerPage * 1_000_000L, rows * 1_000_000L);
                    // as markata records a task: one span, the document's, carrying the hand-over
                    spanId = spans.size();
                    spans.add(new Span(spanId, renderHook, "document", "posts/page-" + page + ".md", threadId, start,
                            end, pool[8], Map.of("stage", "render", "plugin", "markata.plugins.render_markdown")));
                }
                // a skewed pick: a few stacks are hot, most are rare
                double u = random.nextDouble();
                int pick = (int) (pool.length * u * u * u);
                int stack = pool[t == 0 ? (pick / 8) * 8 : pick];
                ThreadState state = random.nextInt(10) == 0 ? ThreadState.WAITING : ThreadState.RUNNING;
                list.add(new Sample(start, 1_000_000L - random.nextInt(50_000), stack, state, spanId, 1));
            }
            written += rows;
            profiles.add(new ThreadProfile(threadId, t == 0 ? "main" : "markata-worker-" + t, list));
        }
        return new Session(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofNanos(totalNanos), Duration.ofMillis(1),
                Duration.ofNanos(totalNanos * threads / 2), "markata build (synthetic, " + samples + " samples)",
                new Session.SamplerInfo("synthetic", "generated for the report benchmark"), AsyncMode.ENABLED,
                TimeMode.WALL, frames, stacks.build(), profiles, spans, Map.of("outcome", "ok"));
    }

    private static Frame frame(String qualified, FrameKind kind, Random random) {
        int dot = qualified.lastIndexOf('.');
        String cls = qualified.substring(0, dot);
        return new Frame(cls, qualified.substring(dot + 1), cls.substring(cls.lastIndexOf('.') + 1) + ".java",
                20 + random.nextInt(400), kind);
    }
}
