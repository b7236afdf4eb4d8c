package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import dev.markata.profiler.process.TreeProcessors;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Reports of real recordings (the Profiler on a small build-like workload: stages, documents
 * handed to a pool) in the browser; and the page's call tree, computed in JavaScript, agrees
 * node for node (one row per method per caller) with the Java reports' aggregated tree
 * ({@link CallTrees}, {@link TreeProcessors#aggregate}) on the same session.
 */
class HtmlRealProfileBrowserTest {

    static HtmlBrowser browser;
    static Session real;

    @BeforeAll
    static void record() throws Exception {
        assumeFalse(HtmlBrowser.skipped(), "MARKATA_SKIP_BROWSER_TESTS=1");
        browser = HtmlBrowser.start();
        real = profileWorkload();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Session profileWorkload() throws Exception {
        Profiler profiler = Profiler.builder().interval(Duration.ofMillis(1)).asyncMode(AsyncMode.ENABLED)
                .target("html report test workload").applicationCode(HtmlRealProfileBrowserTest.class).build();
        ExecutorService pool = profiler.wrap(Executors.newFixedThreadPool(2));
        profiler.start();
        try {
            try (SpanScope stage = profiler.span("stage", "load")) {
                spin(40);
            }
            try (SpanScope stage = profiler.span("stage", "render");
                 SpanScope hook = profiler.span("hook", "markata.plugins.render_markdown", Map.of("stage", "render"))) {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String doc = "posts/real-" + i + ".md";
                    futures.add(pool.submit(() -> {
                        try (SpanScope d = profiler.span("document", doc,
                                Map.of("stage", "render", "plugin", "markata.plugins.render_markdown"))) {
                            spin(30);
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        return profiler.stop().withMetadata("outcome", "ok");
    }

    /** Busy work in application code for about {@code millis}. */
    static long spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += Long.numberOfTrailingZeros(x * 31 + 7);
        }
        return x;
    }

    @Test
    void aRealRecordingShowsItsWorkInEveryView() throws Exception {
        Path report = HtmlBrowser.render(real, HtmlOptions.defaults(), "real-profile");
        browser.open(report);
        assertThat(browser.text(By.id("fact-samples"))).isEqualTo(String.format("%,d", real.sampleCount()));
        assertThat(browser.text(By.id("view"))).contains("HtmlRealProfileBrowserTest.spin");
        browser.screenshot("real-tree");
        for (String view : List.of("timeline", "flame", "hot", "build")) {
            browser.find(By.id("tab-" + view)).click();
            browser.screenshot("real-" + view);
        }
        assertThat(browser.text(By.id("build-stages"))).contains("load").contains("render");
        assertThat(browser.findAll(By.cssSelector("#build-documents tbody tr"))).hasSize(6);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * The Build tab gives a document's time on the worker that rendered it; its link opened the
     * call tree of what ran inside the document at the document's share of the build's wall time
     * (two workers sharing main's wait: about half), so a "30.4 ms" link opened a tree whose
     * root said 0.015. The focused tree's root is the document's own time, as the table says
     * (to the sampling gaps at the span's two ends), and the note says what the times are.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aDocumentsLinkOpensItsTreeAtTheTimeTheBuildTabGivesIt() throws Exception {
        browser.open(HtmlBrowser.render(real, HtmlOptions.defaults(), "real-focus"));
        browser.find(By.id("tab-build")).click();
        org.openqa.selenium.WebElement row = browser.findAll(By.cssSelector("#build-documents tbody tr")).get(0);
        String name = row.findElement(By.cssSelector("button.link")).getAttribute("textContent");
        String tableTotal = row.findElements(By.tagName("td")).get(1).getText();
        row.findElement(By.cssSelector("button.link")).click();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("tree");
        // what the samples inside the document stand for on its thread, from the page's data
        List<Object> facts = (List<Object>) browser.js("""
                const app = markataReport, p = app.profile, name = arguments[0];
                const inside = app.api.spansInside(p, {category: 'document', name});
                let own = 0, edges = 0, span = 0;
                for (const s of p.spans) if (s.category === 'document' && s.name === name) span += s.end - s.start;
                for (const t of p.threads) {
                  for (let i = 0; i < t.n; i++) {
                    const isIn = k => k >= 0 && k < t.n && t.span[k] >= 0 && inside[t.span[k]] === 1;
                    if (!isIn(i)) continue;
                    own += t.dur[i];
                    // the samples at the span's two ends, and the ones beside them: how far the samples can be off
                    if (!isIn(i - 1)) edges += t.dur[i] + (i > 0 ? t.dur[i - 1] : 0);
                    if (!isIn(i + 1)) edges += t.dur[i] + (i + 1 < t.n ? t.dur[i + 1] : 0);
                  }
                }
                return [app.tree.total, own, span, edges];""", name);
        long treeTotal = ((Number) facts.get(0)).longValue(), own = ((Number) facts.get(1)).longValue();
        long span = ((Number) facts.get(2)).longValue(), edges = ((Number) facts.get(3)).longValue();
        assertThat(treeTotal).as("the focused tree's total against its samples' thread time").isCloseTo(own, within(1_000L));
        assertThat(Math.abs(treeTotal - span)).as("the tree's %d ns against the document's %d ns (%s in the Build tab)",
                treeTotal, span, tableTotal).isLessThanOrEqualTo(edges);
        String root = browser.text(By.cssSelector("#view .row[aria-level='1']")).replaceAll("\\s+", " ");
        assertThat(root).startsWith("▾ " + HtmlBrowser.treeTime(treeTotal) + " 100.0%");
        assertThat(browser.text(By.id("focus-time"))).startsWith("Times are the document's own time on its thread");
        browser.screenshot("real-focus-document");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void pageTreeMatchesTheJavaTreeOnRealAndHandBuiltSessions() throws Exception {
        for (Session session : List.of(real, embedsTheProfiler(), cutShort(), HtmlTestProfiles.lineSplit(),
                HtmlTestProfiles.twoLambdaClassesAtOneCallSite(), HtmlTestProfiles.nestedHandOver(),
                HtmlTestProfiles.siteBuild(AsyncMode.ENABLED),
                HtmlTestProfiles.siteBuild(AsyncMode.STRICT), HtmlTestProfiles.siteBuild(AsyncMode.DISABLED))) {
            Path report = HtmlBrowser.render(session, HtmlOptions.defaults(), "cross-check");
            browser.open(report);
            // the raw trees (the page's "show all"), then the default views, which both leave out
            // the JDK's lambda and reflection plumbing; the profiler's own frames are left out of both
            CallNode raw = TreeProcessors.removeProfilerFrames(CallTrees.build(session, false));
            assertThat(pageTree(true)).as(session.targetDescription() + " " + session.asyncMode() + ", raw")
                    .isEqualTo(javaTree(raw));
            assertThat(pageTree(false)).as(session.targetDescription() + " " + session.asyncMode() + ", no plumbing")
                    .isEqualTo(javaTree(TreeProcessors.removeJdkPlumbing(raw)));
        }
    }

    /**
     * Per path of methods in the page's tree: total time and the number of rows with that path,
     * so a method split into one row per line (same total, more rows) fails the comparison.
     */
    private Map<String, String> pageTree(boolean keepPlumbing) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fromPage = (Map<String, Object>) browser.js("""
                const app = markataReport, p = app.profile, out = {};
                const tree = app.api.buildCallTree(p, 'all', arguments[0]);
                const walk = (n, path) => {
                  for (const c of (n.kids ? n.kids.values() : [])) {
                    const f = p.frames[c.f];
                    if (f.method.startsWith('thread ')) { walk(c, path); continue; }
                    // a synthetic frame by the name the page shows: the sampler's ([truncated]) are a class alone
                    const key = path + ';' + (f.kind === 2 ? f.name : f.shownCls + '.' + f.method);
                    const [total, rows] = out[key] || [0, 0];
                    out[key] = [total + c.total, rows + 1];
                    // the Java tree ends at [out-of-context]; the page keeps the stacks below it (REPORT.md)
                    if (!path.endsWith('[out-of-context]') && f.method !== '[out-of-context]') walk(c, key);
                  }
                };
                walk(tree, '');
                for (const k of Object.keys(out)) out[k] = out[k][0] + ' ns in ' + out[k][1] + ' rows';
                return out;""", keepPlumbing);
        Map<String, String> page = new TreeMap<>();
        fromPage.forEach((k, v) -> page.put(k, (String) v));
        return page;
    }

    private static Map<String, String> javaTree(CallNode tree) {
        Map<String, long[]> javaSums = new TreeMap<>();
        walk(TreeProcessors.aggregate(tree), "", javaSums);
        Map<String, String> java = new TreeMap<>();
        javaSums.forEach((k, v) -> java.put(k, v[0] + " ns in " + v[1] + " rows"));
        return java;
    }

    /**
     * A stack async-profiler could not walk to its root (a class being loaded) starts at the
     * sampler's {@code [truncated]} frame, a synthetic frame named by its class: a real recording
     * on a loaded machine has one now and then (the workload's classes load while it runs), and
     * this comparison named it "" on the page's side ("flaked" at load 17).
     */
    static Session cutShort() {
        return dev.markata.profiler.TestSessions.builder()
                .sample(1, "app.Main.main;app.Work.run", 20)
                .sample(1, "[truncated];java.lang.ClassLoader.loadClass;app.Loaded.init", 2)
                .build();
    }

    /**
     * A program that uses the profiler library itself (markata's build: spans, a wrapped
     * executor, a report written while it runs), under the agent, whose own code is on a dying
     * thread's stack ({@code UncaughtHook.note}). The frames that are there only because the
     * program is profiled (spans, task and executor wrappers, the agent) are left out of the Java
     * reports, their time their caller's own; so must they be of every view of the page, whatever
     * its options. Writing a report is the program's real work and shows everywhere. 5 ms in
     * Profiler.span, 3 ms submitting, 10 ms writing a report whose sink is the program's, 2 ms in
     * the uncaught-exception hook, 20 ms of work.
     */
    static Session embedsTheProfiler() {
        return dev.markata.profiler.TestSessions.builder()
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span", 5)
                .sample(1, "app.Main.main;dev.markata.profiler.sampling.ContextExecutorService.submit"
                        + ";java.util.concurrent.ThreadPoolExecutor.execute", 3)
                .sample(1, "app.Main.main;dev.markata.profiler.render.Reports.write"
                        + ";dev.markata.profiler.io.SessionJson.toBytes;app.Sink.write", 10)
                .sample(1, "app.Main.main;app.Work.run", 20)
                .sample(2, "java.lang.Thread.dispatchUncaughtException;java.lang.reflect.Method.invoke"
                        + ";dev.markata.profiler.agent.UncaughtHook.note", 2)
                .build();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProfilersOwnFramesAreInNoView() throws Exception {
        browser.open(HtmlBrowser.render(embedsTheProfiler(), HtmlOptions.defaults(), "embeds-profiler"));
        List<String> own = List.of("Profiler.span", "ContextExecutorService", "UncaughtHook");
        browser.find(By.cssSelector(".options summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("opt-library"))).selectByValue("off");
        assertThat(browser.text(By.id("view"))).contains("Main.main", "Reports.write", "SessionJson.toBytes", "Sink.write")
                .doesNotContain(own.toArray(String[]::new));
        String flameBoxes = "return markataReport.views.flame.boxes.map(b => markataReport.profile.frames[b.node.f].name);";
        browser.find(By.id("tab-flame")).click();
        assertThat((List<Object>) browser.js(flameBoxes)).contains("Main.main", "Reports.write", "Sink.write")
                .noneMatch(name -> own.stream().anyMatch(((String) name)::startsWith));
        browser.find(By.id("flame-inverted")).click();
        assertThat((List<Object>) browser.js(flameBoxes)).contains("Main.main", "Sink.write")
                .noneMatch(name -> own.stream().anyMatch(((String) name)::startsWith));
        browser.find(By.id("tab-hot")).click();
        assertThat(browser.text(By.id("hot-table"))).contains("Main.main", "Reports.write", "Sink.write")
                .doesNotContain(own.toArray(String[]::new));
        // Profiler.span's 5 ms are Main.main's own time, as in the text report
        assertThat(browser.findAll(By.cssSelector("#hot-table tbody tr")))
                .extracting(r -> r.getText().replaceAll("\\s+", " "))
                .anyMatch(row -> row.startsWith("Main.main") && row.contains(" 5.00 ms "));
        // the timeline draws raw stacks: a profiler frame clicked there says why no other view has it
        browser.js("""
                const p = markataReport.profile, f = p.frames.findIndex(f => f.cls.endsWith('UncaughtHook'));
                markataReport.selectMethod(p.frames[f].full, f);""");
        assertThat(browser.text(By.id("detail-note"))).startsWith("This is the profiler's own code");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * Which frames the page leaves out (the profiler's own, the JDK's plumbing) and where a task
     * begins are FrameFilters' rules, read from the page's options: the page judges every frame
     * of a real recording, and names chosen to sit on the rules' edges, as the Java reports do.
     */
    @Test
    @SuppressWarnings("unchecked")
    void pageLeavesFramesOutByTheJavaReportsRules() throws Exception {
        browser.open(HtmlBrowser.render(real, HtmlOptions.defaults(), "frame-rules"));
        List<String> classes = new ArrayList<>(real.frames().stream().map(dev.markata.profiler.model.Frame::className).toList());
        classes.addAll(List.of("dev.markata.profiler.Profiler", "dev.markata.profiler.Profiler$Builder",
                "dev.markata.profiler.Profiler$$Lambda/0x0000000801001234", "dev.markata.profiler.ProfilerTest",
                "dev.markata.profiler.SpanScope", "dev.markata.profiler.SpanScope$1", "dev.markata.profiler.SpanScopes",
                "dev.markata.profiler.sampling.ContextTasks$ContextRunnable", "dev.markata.profiler.sampling.JdkSampler",
                "dev.markata.profiler.agent.UncaughtHook", "dev.markata.profiler.render.Reports", "dev.markata.profilers.X",
                "one.profiler.AsyncProfiler", "one.profilers.X", "jdk.internal.reflect.DirectMethodHandleAccessor",
                "sun.reflect.GeneratedMethodAccessor12", "java.lang.invoke.LambdaForm$MH/0x0000000800c0a000",
                "java.lang.invokeX.Y", "app.Site$$Lambda$12/0x0000000800c01234", "app.Site$$Lambda.0x0000000800c05678",
                "app.LambdaForm$Thing", "java.lang.reflect.Method", "app.Main"));
        List<Object> page = (List<Object>) browser.js("""
                const api = markataReport.api;
                return arguments[0].map(c => { const f = api.makeFrame(c, 'm', '', 0, 1);
                  return c + ' own=' + f.profilerOwn + ' plumbing=' + f.plumbing + ' task=' + api.isTaskEntryClass(c); });""", classes);
        List<String> java = classes.stream().map(c -> {
            dev.markata.profiler.model.Frame f = new dev.markata.profiler.model.Frame(c, "m", "", 0,
                    dev.markata.profiler.model.FrameKind.LIBRARY);
            return c + " own=" + dev.markata.profiler.process.FrameFilters.isProfilerOwn(f) + " plumbing="
                    + dev.markata.profiler.process.FrameFilters.isJdkPlumbing(f) + " task="
                    + dev.markata.profiler.process.FrameFilters.isTaskEntry(f);
        }).toList();
        assertThat(page).isEqualTo(java);
        assertThat(java).contains("dev.markata.profiler.Profiler$Builder own=true plumbing=false task=false",
                "dev.markata.profiler.ProfilerTest own=false plumbing=false task=false",
                "dev.markata.profiler.sampling.ContextTasks$ContextRunnable own=true plumbing=false task=true");
        // which leaf frames mean a thread is blocked, for samples whose state the sampler did not know
        List<String> calls = new ArrayList<>(real.frames().stream().map(f -> f.className() + "." + f.methodName()).toList());
        calls.addAll(List.of("jdk.internal.misc.Unsafe.park", "sun.misc.Unsafe.park", "java.lang.Object.wait0",
                "java.lang.Thread.sleepNanos0", "java.lang.Thread.join", "java.lang.Thread.run", "app.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.parkNanos", "java.util.concurrent.locks.LockSupport.unpark"));
        List<Object> pageBlocking = (List<Object>) browser.js("""
                return arguments[0].map(c => { const dot = c.lastIndexOf('.');
                  return c + ' ' + markataReport.api.isBlockingCall(c.slice(0, dot), c.slice(dot + 1)); });""", calls);
        assertThat(pageBlocking).isEqualTo(calls.stream().map(c -> {
            int dot = c.lastIndexOf('.');
            return c + " " + dev.markata.profiler.process.FrameFilters.isBlockingCall(new dev.markata.profiler.model.Frame(
                    c.substring(0, dot), c.substring(dot + 1), "", 0, dev.markata.profiler.model.FrameKind.LIBRARY));
        }).toList()).contains("jdk.internal.misc.Unsafe.park true", "app.Unsafe.park false");
    }

    @Test
    void pageNamesFramesAsTheTextReportDoes() throws Exception {
        browser.open(HtmlBrowser.render(real, HtmlOptions.defaults(), "frame-names"));
        @SuppressWarnings("unchecked")
        List<Object> names = (List<Object>) browser.js("return markataReport.profile.frames.map(f => f.name);");
        List<String> java = real.frames().stream().map(dev.markata.profiler.model.Frame::displayName).toList();
        assertThat(names.subList(0, java.size())).isEqualTo(java);
        // the recording has the hidden classes of this test's lambdas, shown without their addresses
        assertThat(java).contains("HtmlRealProfileBrowserTest$$Lambda.run").noneMatch(n -> n.contains("0x"));
    }

    /**
     * A synthetic frame the sampler puts in a stack ({@code [callers frozen at a virtual
     * thread's park]}, {@code [out-of-context]}) has a class name and no method; the page named
     * it with a dot after it ({@code [out-of-context].}), the text report without.
     */
    @Test
    void pageNamesTheSamplersSyntheticFramesAsTheTextReportDoes() throws Exception {
        Session session = dev.markata.profiler.TestSessions.builder()
                .sample(1, "app.Main.main;[callers frozen at a virtual thread's park];app.Task.run", 3)
                .sample(2, "[out-of-context];java.lang.Thread.run", 2)
                .build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "synthetic-names"));
        @SuppressWarnings("unchecked")
        List<Object> names = (List<Object>) browser.js("return markataReport.profile.frames.map(f => f.name);");
        List<String> java = session.frames().stream().map(dev.markata.profiler.model.Frame::displayName).toList();
        assertThat(names.subList(0, java.size())).isEqualTo(java)
                .contains("[callers frozen at a virtual thread's park]", "[out-of-context]");
    }

    @Test
    void outOfContextKeepsTheHelperStacksBelowIt() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.STRICT), HtmlOptions.defaults(), "out-of-context"));
        @SuppressWarnings("unchecked")
        List<Object> below = (List<Object>) browser.js("""
                const app = markataReport, p = app.profile, out = [];
                const tree = app.api.buildCallTree(p, 'all');
                const walk = (n, path) => {
                  for (const c of (n.kids ? n.kids.values() : [])) {
                    const key = path + ';' + p.frames[c.f].name;
                    if (path.includes('[out-of-context]')) out.push(key + ' ' + c.total);
                    walk(c, key);
                  }
                };
                walk(tree, '');
                return out.sort();""");
        // each idle worker: 15 ms waiting for work outside any task, with the stack it waited in
        String idle = ";[out-of-context];Thread.run;ThreadPoolExecutor.getTask";
        assertThat(below).containsExactlyInAnyOrder(
                ";thread worker-2" + idle + " 15000000", ";thread worker-2" + idle + ";Unsafe.park 15000000",
                ";thread worker-2;[out-of-context];Thread.run 15000000",
                ";thread worker-3" + idle + " 15000000", ";thread worker-3" + idle + ";Unsafe.park 15000000",
                ";thread worker-3;[out-of-context];Thread.run 15000000");
    }

    static void walk(CallNode node, String path, Map<String, long[]> out) {
        for (CallNode c : node.children()) {
            if (c.kind() == CallNode.Kind.THREAD) {
                walk(c, path, out);
                continue;
            }
            String key = path + ";" + (c.kind() == CallNode.Kind.FRAME && c.frame().kind() != FrameKind.SYNTHETIC
                    ? c.frame().shownClassName() + "." + c.frame().methodName() : c.label());
            long[] sums = out.computeIfAbsent(key, k -> new long[2]);
            sums[0] += c.totalNanos();
            sums[1]++;
            walk(c, key, out);
        }
    }
}
