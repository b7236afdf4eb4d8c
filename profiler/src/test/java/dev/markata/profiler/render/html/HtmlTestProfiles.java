package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
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

/**
 * Sessions for the report's tests, shaped like what the site generator's profiler plugin
 * records: stage, hook, document and task spans, a main thread that hands documents to two
 * workers and waits, library frames of the JDK, jinjava and commonmark.
 *
 * <p>Times (1 ms per sample): main thread 135 ms (configure 5, glob 10, render 100 waiting for
 * the workers, save 20); each worker idles 15 ms outside any task, then renders documents for
 * 100 ms (worker 2: post-0 takes 20 ms, post-1..8 10 ms; worker 3: post-9..18 10 ms). Each
 * 10 ms document is 6 ms of markdown parsing and 4 ms of templating; post-0 is 12 + 8.
 */
final class HtmlTestProfiles {

    static final String MAIN = "app.Main.main;app.Build.run";
    static final String SUBMIT = MAIN + ";app.Executor.runAll";
    static final String WORKER = "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor.runWorker;app.Render.document";
    static final String PARSE = WORKER + ";org.commonmark.parser.Parser.parse;org.commonmark.internal.DocumentParser.parse";
    static final String TEMPLATE = WORKER + ";com.hubspot.jinjava.Jinjava.render;com.hubspot.jinjava.lib.tag.ForTag.interpret;app.Filters.slugify";
    static final String EVIL_DOCUMENT = "posts/</script><img src=x onerror=window.__pwned=1>.md";
    static final String EVIL_ERROR = "render failed: <img src=x onerror=window.__pwned=2> </script><script>window.__pwned=3</script>";

    static final long MS = 1_000_000L;

    private HtmlTestProfiles() {
    }

    /** The site build described above, with async mode {@code mode}. */
    static Session siteBuild(AsyncMode mode) {
        return siteBuild(mode, 6, "ok");
    }

    /**
     * @param parseMillis markdown parsing time of a 10 ms document (its templating takes the rest),
     *                    to make a "before" and "after" for the compare view
     */
    static Session siteBuild(AsyncMode mode, int parseMillis, String outcome) {
        // span ids, in the order they are added below
        int configure = 0, glob = 1, render = 2, save = 3;
        int renderHook = 6;
        TestSessions b = TestSessions.builder()
                .sample(1, MAIN + ";app.Config.load;org.tomlj.Toml.parse", 5, ThreadState.RUNNING, 4)
                .sample(1, MAIN + ";app.Glob.scan;java.nio.file.Files.walk;sun.nio.fs.UnixFileSystemProvider.newDirectoryStream",
                        10, ThreadState.RUNNING, 5)
                .sample(1, SUBMIT + ";java.util.concurrent.FutureTask.get;jdk.internal.misc.Unsafe.park", 100,
                        ThreadState.WAITING, renderHook)
                .sample(1, MAIN + ";app.Save.write;app.Templates.<init>;java.nio.file.Files.write", 20, ThreadState.RUNNING, 7);
        List<Span> spans = new ArrayList<>();
        spans.add(span(spans, Span.NONE, "stage", "configure", 1, 0, 5, Map.of()));
        spans.add(span(spans, Span.NONE, "stage", "glob", 1, 5, 15, Map.of()));
        spans.add(span(spans, Span.NONE, "stage", "render", 1, 15, 115, Map.of()));
        spans.add(span(spans, Span.NONE, "stage", "save", 1, 115, 135, Map.of()));
        spans.add(span(spans, configure, "hook", "markata.plugins.load_config", 1, 0, 5, Map.of("stage", "configure")));
        spans.add(span(spans, glob, "hook", "markata.plugins.glob", 1, 5, 15, Map.of("stage", "glob")));
        spans.add(span(spans, render, "hook", "markata.plugins.render_markdown", 1, 15, 115, Map.of("stage", "render")));
        spans.add(span(spans, save, "hook", "markata.plugins.publish_html", 1, 115, 135, Map.of("stage", "save")));
        List<Integer> taskSpans = new ArrayList<>();
        int doc = 0;
        for (long worker = 2; worker <= 3; worker++) {
            b.sample(worker, "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor.getTask;jdk.internal.misc.Unsafe.park",
                    15, ThreadState.WAITING, Span.NONE);
            long t = 15;
            int docsOnWorker = worker == 2 ? 9 : 10;
            for (int i = 0; i < docsOnWorker; i++, doc++) {
                int length = doc == 0 ? 20 : 10;
                int parse = doc == 0 ? 2 * parseMillis : parseMillis;
                String name = doc == 5 ? EVIL_DOCUMENT : "posts/post-" + doc + ".md";
                taskSpans.add(spans.size());
                Span task = span(spans, renderHook, "task", "render " + name, worker, t, t + length, Map.of());
                spans.add(task);
                // in a failed build the last document failed (fast: it is not among the slowest)
                boolean failedHere = !"ok".equals(outcome) && worker == 3 && i == docsOnWorker - 1;
                Span document = span(spans, task.id(), "document", name, worker, t, t + length, failedHere
                        ? Map.of("stage", "render", "plugin", "markata.plugins.render_markdown", "failed", "true")
                        : Map.of("stage", "render", "plugin", "markata.plugins.render_markdown"));
                spans.add(document);
                b.sample(worker, PARSE, parse, ThreadState.RUNNING, document.id());
                b.sample(worker, TEMPLATE, length - parse, ThreadState.RUNNING, document.id());
                t += length;
            }
        }
        b.metadata("outcome", outcome).metadata("build_wall_nanos", Long.toString(135 * MS))
                .metadata("build_cpu_nanos", Long.toString(54 * MS));
        if (!"ok".equals(outcome)) {
            b.metadata("failed_stage", "save").metadata("failed_plugin", "markata.plugins.publish_html")
                    .metadata("error", EVIL_ERROR);
        }
        Session built = b.build();
        int origin = stackId(built, SUBMIT);
        List<Span> withOrigins = new ArrayList<>();
        for (Span s : spans) {
            withOrigins.add(taskSpans.contains(s.id())
                    ? new Span(s.id(), s.parentId(), s.category(), s.name(), s.threadId(), s.startNanos(), s.endNanos(),
                    origin, s.attributes())
                    : s);
        }
        return new Session(built.startedAt(), built.duration(), built.interval(), built.cpuTime(),
                "markata build examples/</title><b>blog", built.sampler(), mode, built.timeMode(), built.frames(),
                built.stacks(), built.threads(), withOrigins, built.metadata());
    }

    /**
     * Work handed over from inside handed-over work: main waits 100 ms for two documents on two
     * workers; posts/a.md parses for 20 ms, then hands two images (80 ms of work each) to two
     * more workers and waits 80 ms for them; posts/b.md parses for 100 ms. In the wall-time tree
     * each document is 50 ms of main's wait, and a.md's images fill its own wait (40 ms there).
     */
    static Session nestedHandOver() {
        String submit = "app.Main.main;app.Build.run;app.Executor.runAll";
        String resizeAll = "java.lang.Thread.run;app.Render.document;app.Images.resizeAll";
        String park = ";java.util.concurrent.FutureTask.get;jdk.internal.misc.Unsafe.park";
        int stage = 0, hook = 1, a = 2, b = 3, imageA = 4, imageB = 5;
        TestSessions t = TestSessions.builder()
                .sample(1, submit + park, 100, ThreadState.WAITING, hook)
                .sample(2, "java.lang.Thread.run;app.Render.document;app.Markdown.parse", 20, ThreadState.RUNNING, a)
                .sample(2, resizeAll + park, 80, ThreadState.WAITING, a)
                .sample(3, "java.lang.Thread.run;app.Render.document;app.Markdown.parse", 100, ThreadState.RUNNING, b);
        for (long worker = 4; worker <= 5; worker++) {
            t.sample(worker, "java.lang.Thread.run;java.util.concurrent.ThreadPoolExecutor.getTask;jdk.internal.misc.Unsafe.park",
                    20, ThreadState.WAITING, Span.NONE);
            t.sample(worker, "java.lang.Thread.run;app.Images.resize", 80, ThreadState.RUNNING, worker == 4 ? imageA : imageB);
        }
        Map<String, String> document = Map.of("stage", "render", "plugin", "markata.plugins.render_markdown");
        t.span(Span.NONE, "stage", "render", 1, 0, 100);
        t.span(stage, "hook", "markata.plugins.render_markdown", 1, 0, 100, Map.of("stage", "render"));
        t.span(hook, "document", "posts/a.md", 2, 0, 100, document);
        t.span(hook, "document", "posts/b.md", 3, 0, 100, document);
        t.span(a, "task", "resize image 1", 4, 20, 100);
        t.span(a, "task", "resize image 2", 5, 20, 100);
        Session built = t.build();
        int[] origins = {-1, -1, stackId(built, submit), stackId(built, submit), stackId(built, resizeAll), stackId(built, resizeAll)};
        List<Span> spans = new ArrayList<>();
        for (Span s : built.spans()) {
            spans.add(new Span(s.id(), s.parentId(), s.category(), s.name(), s.threadId(), s.startNanos(), s.endNanos(),
                    origins[s.id()] < 0 ? s.originStackId() : origins[s.id()], s.attributes()));
        }
        return new Session(built.startedAt(), built.duration(), built.interval(), built.cpuTime(), "nested hand-over",
                built.sampler(), built.asyncMode(), built.timeMode(), built.frames(), built.stacks(), built.threads(), spans,
                built.metadata());
    }

    static final String LAMBDA = "RenderMarkdownPlugin.lambda$render$1";

    /**
     * One thread of a render stage as real builds record it: the same method sampled at several
     * lines under one caller ({@code lambda$render$1} at lines 70, 71, 57 and 72, in that order,
     * with {@code Parser.parse} under it at lines 100 and 103), which the trees must show as one
     * row per method. Times: 30 + 20 + 5 + 10 = 65 ms in the lambda, 50 ms of it parsing.
     */
    /**
     * One call site whose lambda the JVM spun as two hidden classes (JDK 17's
     * {@code Site$$Lambda$12/0x...} and the {@code Site$$Lambda.0x...} form, whose file a sampler
     * may name after the address): one row in the Java tree and on the page.
     */
    static Session twoLambdaClassesAtOneCallSite() {
        return TestSessions.builder()
                .sample(1, "app.Main.main;app.Site$$Lambda$12/0x0000000800c01234.accept;app.Site.lambda$run$0", 3)
                .sample(1, "app.Main.main;app.Site$$Lambda.0x0000000800c05678.accept;app.Site.lambda$run$0", 2)
                .sample(1, "app.Main.main;app.Site$$Lambda$12/0x0000000800c01234.accept;app.Site.lambda$run$0", 4)
                .build();
    }

    static Session lineSplit() {
        List<Frame> frames = List.of(
                new Frame("app.Main", "main", "Main.java", 5, FrameKind.APPLICATION),
                new Frame("app.RenderMarkdownPlugin", "render", "RenderMarkdownPlugin.java", 40, FrameKind.APPLICATION),
                new Frame("app.RenderMarkdownPlugin", "lambda$render$1", "RenderMarkdownPlugin.java", 70, FrameKind.APPLICATION),
                new Frame("app.RenderMarkdownPlugin", "lambda$render$1", "RenderMarkdownPlugin.java", 71, FrameKind.APPLICATION),
                new Frame("app.RenderMarkdownPlugin", "lambda$render$1", "RenderMarkdownPlugin.java", 57, FrameKind.APPLICATION),
                new Frame("app.RenderMarkdownPlugin", "lambda$render$1", "RenderMarkdownPlugin.java", 72, FrameKind.APPLICATION),
                new Frame("org.commonmark.parser.Parser", "parse", "Parser.java", 100, FrameKind.LIBRARY),
                new Frame("org.commonmark.parser.Parser", "parse", "Parser.java", 103, FrameKind.LIBRARY),
                new Frame("app.Filters", "slugify", "Filters.java", 12, FrameKind.APPLICATION));
        StackTable.Builder stacks = new StackTable.Builder();
        int render = stacks.intern(stacks.intern(StackTable.EMPTY, 0), 1);
        int[][] leaves = {{stacks.intern(stacks.intern(render, 2), 6), 30}, {stacks.intern(stacks.intern(render, 3), 7), 20},
                {stacks.intern(render, 4), 5}, {stacks.intern(stacks.intern(render, 5), 8), 10}};
        List<Sample> samples = new ArrayList<>();
        long t = 0;
        for (int[] leaf : leaves) {
            samples.add(new Sample(t, leaf[1] * MS, leaf[0], ThreadState.RUNNING, Span.NONE, leaf[1]));
            t += leaf[1] * MS;
        }
        return new Session(Instant.parse("2026-11-25T12:00:00Z"), Duration.ofNanos(t), Duration.ofMillis(1),
                Duration.ofNanos(t), "render stage, one method sampled at several lines",
                new Session.SamplerInfo("test", "hand-built"), AsyncMode.ENABLED, TimeMode.WALL, frames, stacks.build(),
                List.of(new ThreadProfile(1, "main", samples)), List.of(), Map.of("outcome", "ok"));
    }

    /**
     * One thread whose sampler could not walk the stack for most of the run (async-profiler on
     * some JVMs in math intrinsics, or a thread in native code): 40 ms in {@code Work.run}, then
     * 60 ms of samples with an empty stack. The text tree shows those as {@code [self]} of
     * {@code [thread main]}; the page must show them too, or 60 % of the time goes missing.
     */
    static Session unwalkedStacks() {
        Session built = TestSessions.builder().sample(1, "app.Main.main;app.Work.run", 40).build();
        List<Sample> samples = new ArrayList<>(built.threads().get(0).samples());
        samples.add(new Sample(40 * MS, 60 * MS, StackTable.EMPTY, ThreadState.RUNNING, Span.NONE, 60));
        return new Session(built.startedAt(), Duration.ofMillis(100), built.interval(), built.cpuTime(),
                "a program whose stacks could not always be walked", built.sampler(), AsyncMode.ENABLED,
                built.timeMode(), built.frames(), built.stacks(), List.of(new ThreadProfile(1, "main", samples)),
                List.of(), Map.of());
    }

    private static Span span(List<Span> spans, int parent, String category, String name, long thread,
                             long startMillis, long endMillis, Map<String, String> attributes) {
        return new Span(spans.size(), parent, category, name, thread, startMillis * MS, endMillis * MS,
                StackTable.EMPTY, attributes);
    }

    /** The id of a stack written like TestSessions' ("a.B.c;d.E.f"), which must exist in the session. */
    static int stackId(Session session, String stack) {
        int id = StackTable.EMPTY;
        for (String part : stack.split(";")) {
            int dot = part.lastIndexOf('.');
            String cls = part.substring(0, dot), method = part.substring(dot + 1);
            int found = StackTable.EMPTY;
            for (int s = 0; s < session.stacks().size() && found == StackTable.EMPTY; s++) {
                Frame f = session.frames().get(session.stacks().frameId(s));
                if (session.stacks().parentId(s) == id && f.className().equals(cls) && f.methodName().equals(method)) {
                    found = s;
                }
            }
            if (found == StackTable.EMPTY) {
                throw new IllegalArgumentException("no stack " + stack + " in the session (missing at " + part + ")");
            }
            id = found;
        }
        return id;
    }
}
