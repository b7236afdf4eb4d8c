package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
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
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Reports of real recordings (the Profiler on a small build-like workload: stages, documents
 * handed to a pool) in the browser; and the page's call tree, computed in JavaScript, agrees
 * node for node with the Java reports' tree ({@link CallTrees}) on the same session.
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

    @Test
    void pageTreeMatchesTheJavaTreeOnRealAndHandBuiltSessions() throws Exception {
        for (Session session : List.of(real, HtmlTestProfiles.siteBuild(AsyncMode.ENABLED),
                HtmlTestProfiles.siteBuild(AsyncMode.STRICT), HtmlTestProfiles.siteBuild(AsyncMode.DISABLED))) {
            Path report = HtmlBrowser.render(session, HtmlOptions.defaults(), "cross-check");
            browser.open(report);
            @SuppressWarnings("unchecked")
            Map<String, Object> fromPage = (Map<String, Object>) browser.js("""
                    const app = markataReport, p = app.profile, out = {};
                    const tree = app.api.buildCallTree(p, 'all');
                    const walk = (n, path) => {
                      for (const c of (n.kids ? n.kids.values() : [])) {
                        const f = p.frames[c.f];
                        if (f.method.startsWith('thread ')) { walk(c, path); continue; }
                        const key = path + ';' + (f.kind === 2 ? f.method : f.full);
                        if (path.endsWith('[out-of-context]')) continue; // the page also keeps the stacks below it
                        out[key] = (out[key] || 0) + c.total;
                        walk(c, key);
                      }
                    };
                    walk(tree, '');
                    return out;""");
            Map<String, Long> page = new TreeMap<>();
            fromPage.forEach((k, v) -> page.put(k, ((Number) v).longValue()));
            Map<String, Long> java = new TreeMap<>();
            walk(CallTrees.build(session, false), "", java);
            assertThat(page).as(session.targetDescription() + " " + session.asyncMode()).isEqualTo(java);
        }
    }

    static void walk(CallNode node, String path, Map<String, Long> out) {
        for (CallNode c : node.children()) {
            if (c.kind() == CallNode.Kind.THREAD) {
                walk(c, path, out);
                continue;
            }
            String key = path + ";" + (c.kind() == CallNode.Kind.FRAME
                    ? c.frame().className() + "." + c.frame().methodName() : c.label());
            out.merge(key, c.totalNanos(), Long::sum);
            walk(c, key, out);
        }
    }
}
