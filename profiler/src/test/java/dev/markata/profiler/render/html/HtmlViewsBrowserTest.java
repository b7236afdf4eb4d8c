package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Timeline, flame graph, hot methods, build tables, search and compare, clicked through in headless Chromium. */
class HtmlViewsBrowserTest {

    static HtmlBrowser browser;
    static Path report;
    static Session session;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeFalse(HtmlBrowser.skipped(), "MARKATA_SKIP_BROWSER_TESTS=1");
        browser = HtmlBrowser.start();
        session = HtmlTestProfiles.siteBuild(AsyncMode.STRICT, 6, "failed");
        report = HtmlBrowser.render(session, HtmlOptions.defaults(), "views");
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void load() {
        browser.openFresh(report);
    }

    void show(String view) {
        browser.find(By.id("tab-" + view)).click();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo(view);
    }

    /** How many pixels of a canvas differ from its background. */
    long paintedPixels(String canvasId) {
        return ((Number) browser.js("""
                const c = document.getElementById(arguments[0]);
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0;
                for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i+1] !== d[1] || d[i+2] !== d[2]) n++;
                return n;""", canvasId)).longValue();
    }

    /** What a test does in a window of another size. */
    interface InWindow {
        void run() throws Exception;
    }

    /** Runs {@code body} with the window at {@code size}, then gives the window its size back. */
    void inWindow(Dimension size, InWindow body) throws Exception {
        Dimension before = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(size);
        try {
            body.run();
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }

    /** Opens the view options, picks "Hide frames matching regex" and types {@code pattern}; returns its field. */
    WebElement hideFramesMatching(String pattern) {
        browser.find(By.cssSelector(".options summary")).click();
        new Select(browser.find(By.id("opt-library"))).selectByValue("custom");
        WebElement regex = browser.find(By.id("opt-hide-regex"));
        regex.sendKeys(pattern);
        regex.sendKeys(Keys.TAB);
        return regex;
    }

    /** Saves {@code baseline} as {@code target/html-reports/<fileName>} and loads it in the Compare tab. */
    void compareWith(Session baseline, String fileName) throws Exception {
        Path file = HtmlBrowser.OUT.resolve(fileName).toAbsolutePath();
        baseline.save(file);
        show("compare");
        browser.find(By.id("compare-file")).sendKeys(file.toString());
        browser.waitFor(By.cssSelector("#compare-tree .kids .row"));
    }

    /** The colour of a canvas's bottom right pixel, as {@code rgb(r, g, b)}. */
    Object canvasCorner(String canvasId) {
        return browser.js("""
                const c = document.getElementById(arguments[0]);
                const d = c.getContext('2d').getImageData(c.width - 2, c.height - 2, 1, 1).data;
                return 'rgb(' + d[0] + ', ' + d[1] + ', ' + d[2] + ')';""", canvasId);
    }

    @Test
    void headerShowsWhatWasProfiledAndTheBuildOutcome() {
        assertThat(browser.text(By.id("target"))).isEqualTo("markata build examples/</title><b>blog");
        assertThat(browser.text(By.id("outcome"))).isEqualTo("build failed at stage save (markata.plugins.publish_html)");
        assertThat(browser.text(By.id("fact-samples"))).isEqualTo("365");
        assertThat(browser.text(By.id("fact-threads"))).isEqualTo("3");
        assertThat(browser.text(By.id("fact-duration"))).isEqualTo("135 ms");
        // the build's own clock figures, as the console summary prints them (the session's CPU
        // time also counts the profiler stopping and reading its recording)
        assertThat(browser.text(By.id("fact-build-wall"))).isEqualTo("135 ms");
        assertThat(browser.text(By.id("fact-build-cpu"))).isEqualTo("54.0 ms");
        assertThat(browser.find(By.id("fact-sampler")).getAttribute("title")).isEqualTo("hand-built");
        assertThat(browser.text(By.id("build-error"))).isEqualTo(HtmlTestProfiles.EVIL_ERROR);
    }

    /**
     * A program the agent profiled that died of an exception: the badge said "build failed"
     * (the program is no build) and nothing said which exception, though the agent records it.
     */
    @Test
    void anAgentRunThatDiedOfAnExceptionSaysWhichOne() throws Exception {
        Session failed = TestSessions.builder().sample(1, "app.Main.main", 1).metadata("outcome", "failed")
                .metadata("uncaught_exception", "java.lang.IllegalStateException in thread <worker>").build();
        browser.open(HtmlBrowser.render(failed, HtmlOptions.defaults(), "uncaught"));
        assertThat(browser.text(By.id("outcome"))).isEqualTo("failed: java.lang.IllegalStateException in thread <worker>");
    }

    /**
     * The sampler stopped early (its thread ran out of memory in a program that caught the
     * error): the text report and the agent's exit line said so, the page did not, and its
     * profile looked like a program that went quiet.
     */
    @Test
    void aProfileWhoseSamplingStoppedEarlySaysWhenAndWhy() throws Exception {
        Session stopped = TestSessions.builder().sample(1, "app.Main.main", 1).metadata("outcome", "ok")
                .metadata("sampling.stopped", "at 1.234 s: OutOfMemoryError: Java heap space <heap>").build();
        browser.open(HtmlBrowser.render(stopped, HtmlOptions.defaults(), "stopped"));
        assertThat(browser.text(By.id("sampling-stopped")))
                .isEqualTo("sampling stopped at 1.234 s (OutOfMemoryError: Java heap space <heap>): the rest is not in the profile");
        browser.open(report);
        assertThat(browser.findAll(By.id("sampling-stopped"))).isEmpty();
    }

    @Test
    void strictModeKeepsHelperSamplesOutsideTasksApart() {
        assertThat(browser.text(By.cssSelector("#view .kids.top"))).doesNotContain("[out-of-context]");
        browser.find(By.xpath("//span[@class='name synthetic' and text()='thread worker-2']")).click();
        assertThat(browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " ")).contains("15.0 ms 11.1% thread worker-2 ▸ 15.0 ms 100.0% [out-of-context]");
    }

    @Test
    void timelineDrawsLanesAndShowsATooltip() throws Exception {
        show("timeline");
        assertThat(paintedPixels("timeline-canvas")).isGreaterThan(10_000);
        // the main thread's first row is app.Main.main for the whole run
        Number top = (Number) browser.js("const v = markataReport.views.timeline; return v.lanes[0].top + 20 + 8;");
        WebElement canvas = browser.find(By.id("timeline-canvas"));
        int width = canvas.getSize().getWidth();
        new Actions(browser.driver()).moveToElement(canvas, width / 2 - width / 2 + 200, top.intValue() - canvas.getSize().getHeight() / 2).perform();
        assertThat(browser.text(By.id("timeline-tooltip"))).contains("app.Main.main").contains("time 135 ms");
        browser.screenshot("timeline");
        String before = browser.text(By.id("timeline-range"));
        browser.js("arguments[0].dispatchEvent(new WheelEvent('wheel', {deltaY: -400, ctrlKey: true, clientX: 300, clientY: 200, bubbles: true, cancelable: true}))", canvas);
        assertThat(browser.text(By.id("timeline-range"))).isNotEqualTo(before);
        browser.screenshot("timeline-zoomed");
        // a click on the "render" stage band zooms to the stage (15 to 115 ms, 2% margin)
        Number bandY = (Number) browser.js("return 20 + 9 - document.getElementById('timeline-canvas').clientHeight / 2;");
        browser.find(By.id("timeline-reset")).click();
        Number renderX = (Number) browser.js("const v = markataReport.views.timeline; return (65e6 / v.extent) * v.width - v.width / 2;");
        new Actions(browser.driver()).moveToElement(canvas, renderX.intValue(), bandY.intValue()).perform();
        assertThat(browser.text(By.id("timeline-tooltip"))).startsWith("stage render").contains("100 ms");
        new Actions(browser.driver()).click().perform();
        assertThat(browser.text(By.id("timeline-range"))).isEqualTo("13.0 ms – 117 ms (104 ms shown)");
    }

    /**
     * Forty threads: lanes far below the window. Only shift+wheel (or arrow keys, or a drag) moved
     * the lanes, and nothing showed that there were any below: an agent profile of a 24-thread
     * pool showed the main thread's lane and no sign of the 25 others.
     */
    @Test
    void theTimelineHasAScrollbarToEveryThreadsLane() throws Exception {
        TestSessions b = TestSessions.builder();
        for (int t = 1; t <= 40; t++) {
            b.sample(t, "java.lang.Thread.run;app.Pool.work;app.Task" + t + ".run", 5 + t % 7);
        }
        browser.open(HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "forty-threads"));
        show("timeline");
        WebElement canvas = browser.find(By.id("timeline-canvas"));
        // the element around the lanes scrolls, with the browser's own scrollbar
        WebElement scroller = browser.find(By.cssSelector("#view .canvas-wrap"));
        assertThat((Boolean) browser.js("const w = arguments[0]; return w.scrollHeight > w.clientHeight + 1000 "
                + "&& w.offsetWidth > w.clientWidth && getComputedStyle(w).overflowY === 'auto'", scroller))
                .as("the lanes' box scrolls and shows a scrollbar").isTrue();
        browser.js("arguments[0].scrollTop = arguments[0].scrollHeight", scroller);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> ((Number) browser.js("return markataReport.views.timeline.scrollY")).intValue() > 1000);
        // scrolled to the end, the last thread's lane is drawn where the pointer finds it
        Number y = (Number) browser.js("const v = markataReport.views.timeline; return v.lanes[39].top - v.scrollY + 20 + 2 * 16 + 8;");
        new Actions(browser.driver()).moveToElement(canvas, 20 - canvas.getSize().getWidth() / 2,
                y.intValue() - canvas.getSize().getHeight() / 2).perform();
        assertThat(browser.text(By.id("timeline-tooltip"))).contains("app.Task40.run").contains("thread worker-40");
        browser.screenshot("timeline-forty-threads-scrolled");
    }

    @Test
    @SuppressWarnings("unchecked")
    void flameGraphZoomsOnClickAndInverts() throws Exception {
        show("flame");
        assertThat(paintedPixels("flame-canvas")).isGreaterThan(10_000);
        browser.screenshot("flame");
        // zoom into Render.document through the page's own hit test
        Object zoomed = browser.js("""
                const v = markataReport.views.flame;
                const b = v.boxes.find(b => markataReport.profile.frames[b.node.f].name === 'Render.document');
                const r = v.canvas.getBoundingClientRect();
                v.canvas.dispatchEvent(new MouseEvent('click', {clientX: r.left + b.x + 2, clientY: r.top + b.depth * 18 + 5, bubbles: true}));
                return document.getElementById('flame-status').textContent;""");
        // the workers' 200 ms of documents, in the 100 ms main waited for them
        assertThat((String) zoomed).contains("zoomed to Render.document (100 ms)");
        assertThat(browser.text(By.id("detail-name"))).isEqualTo("Render.document");
        browser.find(By.id("flame-inverted")).click();
        Object topRow = browser.js("""
                const v = markataReport.views.flame;
                return v.boxes.filter(b => b.depth === 0).map(b => markataReport.profile.frames[b.node.f].name + ' ' + b.node.total / 1e6);""");
        assertThat((List<Object>) topRow).contains("DocumentParser.parse 60", "Filters.slugify 40", "Unsafe.park 30");
        browser.screenshot("flame-inverted");
    }

    /** The flame graph's tooltip over the box of method {@code name} (the first such box). */
    String flameTooltip(String name) {
        browser.js("""
                const v = markataReport.views.flame;
                const b = v.boxes.find(b => markataReport.profile.frames[b.node.f].name === arguments[0]);
                const r = v.canvas.getBoundingClientRect();
                v.canvas.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + b.x + 2, clientY: r.top + b.depth * 18 + 5, bubbles: true}));""",
                name);
        return browser.text(By.id("flame-tooltip"));
    }

    /**
     * The call tree gives each row's share of its thread (main's 135 ms), but the flame graph
     * and hot methods gave shares of all three threads together (165 ms, the idle workers
     * included), unsaid: Parser.parse was 44.4 % in the tree and 36.4 % on its flame box. The
     * flame graph now gives the tree's shares; what adds methods up over threads (hot methods,
     * the inverted flame graph, the search) says it is all threads, or the one thread picked.
     */
    @Test
    void theFlameGraphAndHotMethodsSayWhatTheirPercentagesAreOf() throws Exception {
        assertThat(browser.text(By.id("view")).replaceAll("\\s+", " ")).contains("60.0 ms 44.4% Parser.parse");
        show("flame");
        assertThat(flameTooltip("Parser.parse")).contains("60.0 ms (44.4% of thread main)");
        assertThat(flameTooltip("thread main")).contains("135 ms (100.0% of the profile's duration)");
        assertThat(browser.text(By.id("flame-status"))).contains("percentages of each box's thread, as in the call tree");
        browser.find(By.id("flame-inverted")).click();
        assertThat(browser.text(By.id("flame-status"))).contains("percentages of all 3 threads' time (165 ms)");
        assertThat(flameTooltip("DocumentParser.parse")).contains("60.0 ms (36.4% of all 3 threads' time)");
        show("hot");
        assertThat(browser.text(By.cssSelector(".hot .hint-line"))).contains("Percentages are of all 3 threads' time (165 ms)");
        assertThat(browser.findAll(By.cssSelector("#hot-table tbody tr")).get(0).getText()).startsWith("DocumentParser.parse")
                .contains("60.0 ms 36.4%");
        // one thread picked: every view gives shares of that thread's time
        new Select(browser.find(By.id("thread-select"))).selectByVisibleText("main (135 ms)");
        assertThat(browser.text(By.cssSelector(".hot .hint-line"))).contains("Percentages are of main's time (135 ms)");
        assertThat(browser.findAll(By.cssSelector("#hot-table tbody tr")).get(0).getText()).startsWith("Unsafe.park")
                .contains("100 ms 74.1%");
        show("flame");
        assertThat(browser.text(By.id("flame-status"))).contains("percentages of main's time (135 ms)");
        assertThat(flameTooltip("Unsafe.park")).contains("100 ms (74.1% of main's time)");
        browser.find(By.id("search")).sendKeys("Unsafe\n");
        assertThat(browser.text(By.id("search-status"))).isEqualTo("1 matches, 74.1% of main's time (100 ms)");
    }

    @Test
    void hotMethodsSortBySelfAndTotal() throws Exception {
        show("hot");
        List<WebElement> rows = browser.findAll(By.cssSelector("#hot-table tbody tr"));
        // the workers' work in the 100 ms main waited for it, at half its 200 ms
        assertThat(rows.get(0).getText()).startsWith("DocumentParser.parse").contains("60.0 ms");
        assertThat(rows.get(1).getText()).startsWith("Filters.slugify").contains("40.0 ms");
        // the main thread's 100 ms in Unsafe.park are the documents' time; what stays is the 2 x 15 ms of idle workers
        assertThat(rows.get(2).getText()).startsWith("Unsafe.park").contains("30.0 ms");
        browser.find(By.cssSelector("#hot-table th button[data-sort='total']")).click();
        rows = browser.findAll(By.cssSelector("#hot-table tbody tr"));
        assertThat(rows.get(0).getText()).startsWith("Main.main").contains("135 ms");
        rows.get(0).click();
        assertThat(browser.text(By.id("detail-name"))).isEqualTo("Main.main");
        browser.screenshot("hot-methods");
    }

    /**
     * The hot methods table is one stop of the Tab key, its rows reached with the arrow keys (as
     * the call tree's): every row was a stop of its own, so a keyboard got past a table of 500
     * methods with 500 presses of Tab.
     */
    @Test
    void hotMethodsAreOneTabStopWalkedWithArrowKeys() throws Exception {
        show("hot");
        List<WebElement> rows = browser.findAll(By.cssSelector("#hot-table tbody tr"));
        assertThat(rows.size()).isGreaterThan(5);
        rows.get(0).click();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(rows.get(2));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.text(By.id("detail-name"))).isEqualTo(rows.get(2).getText().split(" ")[0]);
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat((String) browser.js("return document.activeElement.closest('#hot-table tbody') ? 'a row' : document.activeElement.tagName"))
                .as("where Tab goes from a row").isNotEqualTo("a row");
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(browser.driver().switchTo().activeElement()).as("back into the table, on the row left").isEqualTo(rows.get(2));
    }

    @Test
    void buildTablesShowStagesPluginsAndSlowestDocuments() throws Exception {
        show("build");
        List<WebElement> stages = browser.findAll(By.cssSelector("#build-stages tbody tr"));
        assertThat(stages).extracting(WebElement::getText).containsExactly(
                "configure 5.00 ms 3.70% 5.00 ms 0 µs 0 µs 0 µs",
                "glob 10.0 ms 7.41% 10.0 ms 0 µs 0 µs 0 µs",
                // main waits 100 ms while the two workers run 200 ms of documents: that is
                // waiting for its own workers (the tree's [await]), not waiting on something
                // else, and counted apart, as the console summary leaves it out of its split
                "render 100 ms 74.1% 200 ms 0 µs 100 ms 0 µs",
                "save failed 20.0 ms 14.8% 20.0 ms 0 µs 0 µs 0 µs",
                "total 135 ms");
        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                .containsExactly("Stage", "Wall time", "% of build", "Running", "Waiting", "Awaiting workers", "Unknown");
        assertThat(browser.text(By.id("build-plugins"))).contains("markata.plugins.render_markdown 100 ms 100 ms");
        List<WebElement> docs = browser.findAll(By.cssSelector("#build-documents tbody tr"));
        // the document that failed comes first, marked, though it was among the fastest
        assertThat(docs.get(0).getText()).isEqualTo("posts/post-18.md failed 10.0 ms 10.0 ms render_markdown");
        assertThat(docs.get(0).getAttribute("class")).contains("failed");
        assertThat(docs.get(1).getText()).isEqualTo("posts/post-0.md warm-up 20.0 ms 20.0 ms render_markdown");
        assertThat(docs.subList(1, docs.size())).allSatisfy(row -> assertThat(row.getAttribute("class")).isNullOrEmpty());
        // each worker's first document of the hook paid for loading its code, and is marked so
        assertThat(browser.findAll(By.cssSelector("#build-documents .warm-up")))
                .extracting(badge -> badge.findElement(By.xpath("./ancestor::tr")).getText().split(" ")[0])
                .containsExactlyInAnyOrder("posts/post-0.md", "posts/post-9.md");
        assertThat(browser.find(By.cssSelector(".build")).getText()).contains("warm-up: the document ran the first task of a plugin"
                + " on its thread; its time includes loading and compiling that plugin's code.");
        assertThat(browser.text(By.id("build-documents"))).contains(HtmlTestProfiles.EVIL_DOCUMENT);
        browser.screenshot("build");
        browser.find(By.id("search")).sendKeys("post-1\n");
        assertThat(browser.findAll(By.cssSelector("#build-documents tbody tr"))).extracting(r -> r.getText().split(" ")[0])
                .containsExactlyInAnyOrder("posts/post-1.md", "posts/post-10.md", "posts/post-11.md", "posts/post-12.md",
                        "posts/post-13.md", "posts/post-14.md", "posts/post-15.md", "posts/post-16.md", "posts/post-17.md",
                        "posts/post-18.md");
    }

    /**
     * A build that handed in the previous build's stage times (session metadata {@code baseline.*},
     * as markata's profiler plugin does from the last profiled build's figures) shows them beside
     * its own, with the change; its label is text, never markup.
     */
    @Test
    void theBuildTabShowsThePreviousBuildsStageTimesBesideThisOnesWithTheChange() throws Exception {
        String label = "the previous build <img src=x onerror=window.__pwned=5>: 30 documents, 0 rendered (warm)";
        Session withBaseline = session.withMetadata("baseline.label", label)
                .withMetadata("baseline.build_wall_nanos", "270000000")
                .withMetadata("baseline.floor_nanos", "5000000") // changes under 5 ms are jitter, whatever their share
                .withMetadata("baseline.stage.configure", "4000000") // 5 ms now: +25 %, but only 1 ms
                .withMetadata("baseline.stage.render", "200000000") // 100 ms now: half
                .withMetadata("baseline.stage.save", "10000000") // 20 ms now: double
                .withMetadata("baseline.stage.teardown", "55000000"); // did not run this time
        browser.openFresh(HtmlBrowser.render(withBaseline, HtmlOptions.defaults(), "views-baseline"));
        show("build");

        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                .containsExactly("Stage", "Wall time", "Previous", "Change", "% of build", "Running", "Waiting",
                        "Awaiting workers", "Unknown");
        assertThat(browser.findAll(By.cssSelector("#build-stages tbody tr"))).extracting(WebElement::getText).containsExactly(
                "configure 5.00 ms 4.00 ms +1.00 ms +25.0% 3.70% 5.00 ms 0 µs 0 µs 0 µs",
                "glob 10.0 ms new 7.41% 10.0 ms 0 µs 0 µs 0 µs",
                "render 100 ms 200 ms −100 ms −50.0% 74.1% 200 ms 0 µs 100 ms 0 µs",
                "save failed 20.0 ms 10.0 ms +10.0 ms +100.0% 14.8% 20.0 ms 0 µs 0 µs 0 µs",
                "teardown 55.0 ms not run",
                "total 135 ms 270 ms −135 ms −50.0%");
        assertThat(browser.find(By.xpath("//table[@id='build-stages']//tr[td[1]//button[text()='render']]/td[4]/span[not(@class='cell-label')]"))
                .getAttribute("class")).isEqualTo("faster");
        assertThat(browser.find(By.xpath("//table[@id='build-stages']//tr[td[1]//button[text()='configure']]/td[4]/span[not(@class='cell-label')]"))
                .getAttribute("class")).isEmpty();
        assertThat(browser.find(By.xpath("//table[@id='build-stages']//tr[td[1]//button[text()='save']]/td[4]/span[not(@class='cell-label')]"))
                .getAttribute("class")).isEqualTo("slower");
        assertThat(browser.text(By.id("build-baseline"))).isEqualTo("Previous: " + label);
        assertThat(browser.js("return window.__pwned || null")).isNull();
        assertThat(browser.findAll(By.cssSelector(".build img"))).isEmpty();
        browser.screenshot("build-baseline");

        // without a baseline the table is as it was
        browser.openFresh(report);
        show("build");
        assertThat(browser.findAll(By.id("build-baseline"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).hasSize(7);
    }

    /**
     * From the Build tab into the call tree: a stage, a plugin or a document is a link to the
     * tree of the samples taken inside it (its workers' grafted tasks included), with a note
     * saying so and a way back. The tables only said how long each took, and what ran in
     * render_markdown's 100 ms had to be found by hand in the whole build's tree.
     */
    @Test
    void theBuildTabLinksStagesPluginsAndDocumentsToTheirCallTree() throws Exception {
        show("build");
        browser.find(By.xpath("//table[@id='build-plugins']//button[text()='markata.plugins.render_markdown']")).click();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("tree");
        assertThat(browser.text(By.id("focus-note"))).startsWith("Only the samples inside plugin markata.plugins.render_markdown");
        String tree = browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " ");
        // main waiting 100 ms while its two workers render 200 ms of documents: their work fills
        // the wait, scaled to it, as in the whole tree
        assertThat(tree).startsWith("▾ 100.0 ms 100.0% Main.main").contains("100.0 ms 100.0% Render.document").doesNotContain("[await]")
                .doesNotContain("Config.load").doesNotContain("Save.write").doesNotContain("out-of-context");
        browser.find(By.id("focus-clear")).click();
        assertThat(browser.findAll(By.id("focus-note"))).allSatisfy(note -> assertThat(note.isDisplayed()).isFalse());
        assertThat(browser.text(By.cssSelector("#view .kids.top"))).contains("Config.load");

        show("build");
        browser.find(By.xpath("//table[@id='build-documents']//button[.='posts/post-0.md']")).click();
        assertThat(browser.text(By.id("focus-note"))).startsWith("Only the samples inside document posts/post-0.md");
        // its 20 ms on a worker, as the documents table says, not the 10 ms of the build's wall
        // time it stands for in the whole tree (two workers shared main's wait)
        assertThat(browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " "))
                .startsWith("▾ 20.0 ms 100.0% Main.main").contains("12.0 ms 60.0% Parser.parse").doesNotContain("[await]");
        assertThat(browser.text(By.id("focus-time"))).isEqualTo("Times are the document's own time on its thread, "
                + "as in the Build tab: work it handed to other threads is shown in the time it waited for it. In the whole "
                + "profile's tree the same samples are 10.0 ms, their share of the wait on the thread that handed them over.");
        show("build");
        browser.find(By.xpath("//table[@id='build-stages']//button[text()='save']")).click();
        assertThat(browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " "))
                .startsWith("▾ 20.0 ms 100.0% Main.main").contains("Save.write").doesNotContain("Render.document");
        browser.screenshot("build-link-stage-save");
        // the way back keeps the view it is taken from
        show("flame");
        browser.find(By.id("focus-clear")).click();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("flame");
        assertThat(browser.text(By.id("flame-status"))).startsWith("165 ms");
    }

    /**
     * A document far down the Build tab, clicked: the views share one scrolled area, and the
     * tree opened as far down as the Build tab was scrolled, below the top of the document's
     * tree (on a real build's 50 documents, below all of it: an empty view). Each view now keeps
     * its own place, and a link opens the tree at its top.
     */
    @Test
    void aLinkFarDownTheBuildTabOpensTheTreeAtItsTop() throws Exception {
        inWindow(new Dimension(1400, 600), () -> {
            browser.open(report);
            show("build");
            WebElement view = browser.find(By.id("view"));
            browser.js("arguments[0].scrollTop = arguments[0].scrollHeight", view);
            long scrolled = ((Number) browser.js("return arguments[0].scrollTop", view)).longValue();
            assertThat(scrolled).as("the Build tab scrolls in a 600 px window").isGreaterThan(100);
            List<WebElement> links = browser.findAll(By.cssSelector("#build-documents tbody button.link"));
            browser.js("arguments[0].click()", links.get(links.size() - 1));
            assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("tree");
            assertThat(((Number) browser.js("return arguments[0].scrollTop", view)).longValue()).as("the tree's scroll").isZero();
            show("build");
            assertThat(((Number) browser.js("return arguments[0].scrollTop", view)).longValue()).as("back in the Build tab")
                    .isEqualTo(scrolled);
        });
    }

    /**
     * With async mode disabled nothing is grafted, so a plugin's focused tree keeps a root per
     * thread: main waiting 100 ms and each worker rendering for 100 ms. Each thread's row gave
     * its share of the whole profile's 135 ms (74.1 %), in a view of a plugin that took 100 ms.
     */
    @Test
    void aFocusedTreesThreadRowsAreSharesOfTheFocusedPartsWallTime() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.DISABLED), HtmlOptions.defaults(), "disabled-focus"));
        show("build");
        browser.find(By.xpath("//table[@id='build-plugins']//button[.='markata.plugins.render_markdown']")).click();
        assertThat(browser.findAll(By.cssSelector("#view .row[aria-level='1']"))).extracting(r -> r.getText().replaceAll("\\s+", " "))
                .containsExactly("▾ 100.0 ms 100.0% thread main", "▾ 100.0 ms 100.0% thread worker-2", "▾ 100.0 ms 100.0% thread worker-3");
        browser.findAll(By.cssSelector("#view .row[aria-level='1']")).get(0).click();
        assertThat(browser.text(By.id("detail-total"))).isEqualTo("100 ms · 100.0% of the plugin's wall time");
    }

    /**
     * A document that hands work over itself (its images, to two more workers) and waits for it:
     * its focused tree is its own 100 ms, as the documents table says, the images' 160 ms of
     * work filling the 80 ms it waited, as in the whole tree, where the document is 50 ms of
     * main's wait, shared with another document.
     */
    @Test
    void aFocusedDocumentKeepsTheWorkItHandedOverInsideItsOwnTime() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.nestedHandOver(), HtmlOptions.defaults(), "nested-focus"));
        show("build");
        assertThat(browser.text(By.id("build-documents"))).contains("posts/a.md warm-up 100 ms");
        browser.find(By.xpath("//table[@id='build-documents']//button[.='posts/a.md']")).click();
        assertThat(browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " ")).startsWith("▾ 100.0 ms 100.0% Main.main")
                .contains("80.0 ms 80.0% Images.resizeAll").contains("20.0 ms 20.0% Markdown.parse").doesNotContain("[await]");
        assertThat(browser.text(By.id("focus-time"))).endsWith("In the whole profile's tree the same samples are 50.0 ms, "
                + "their share of the wait on the thread that handed them over.");
        // the views that add methods up say what their shares are of: the document's time, not main's
        show("hot");
        assertThat(browser.text(By.cssSelector(".hot .hint-line"))).contains("Percentages are of the document's time (100 ms)");
        show("build");
        browser.find(By.xpath("//table[@id='build-plugins']//button[.='markata.plugins.render_markdown']")).click();
        // the hook on main: its wall time, which is also its own time on its thread
        assertThat(browser.text(By.cssSelector("#view .kids.top")).replaceAll("\\s+", " ")).startsWith("▾ 100.0 ms 100.0% Main.main");
        assertThat(browser.text(By.id("focus-time"))).doesNotContain("whole profile's tree");
    }

    @Test
    void searchHighlightsMatchesAndTheirShareOfTime() throws Exception {
        browser.find(By.id("search")).sendKeys("commonmark\n");
        // the workers parse markdown 120 ms of their 200 ms, in the 100 ms main waits: 60 ms of 165 ms
        assertThat(browser.text(By.id("search-status"))).isEqualTo("2 matches, 36.4% of all 3 threads' time (60.0 ms)");
        assertThat(browser.findAll(By.cssSelector("#view .row.match"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("Parser.parse"));
        browser.screenshot("search");
        browser.find(By.id("search")).clear();
        browser.find(By.id("search-regex")).click();
        browser.find(By.id("search")).sendKeys("^app\\.(Save|Glob)\n");
        assertThat(browser.text(By.id("search-status"))).startsWith("2 matches, 18.2% of all 3 threads' time (30.0 ms)");
        show("hot");
        assertThat(browser.findAll(By.cssSelector("#hot-table tbody tr"))).extracting(r -> r.getText().split(" ")[0])
                .containsExactlyInAnyOrder("Save.write", "Glob.scan");
        browser.find(By.id("search")).sendKeys("(");
        browser.find(By.id("search")).sendKeys("\n");
        assertThat(browser.text(By.id("search-status"))).isEqualTo("invalid regex");
    }

    @Test
    void compareLoadsABaselineAndShowsWhatGotSlower() throws Exception {
        // baseline: markdown parsing took 3 ms of each 10 ms document instead of 6
        compareWith(HtmlTestProfiles.siteBuild(AsyncMode.STRICT, 3, "ok"), "baseline.json");
        assertThat(browser.text(By.id("compare-status"))).isEqualTo("baseline baseline.json: 165 ms → this profile 165 ms (±0)");
        String tree = browser.text(By.id("compare-tree")).replaceAll("\\s+", " ");
        // 19 documents, parsing 3 ms (6 for post-0) longer each: +60 ms of the workers' time,
        // templating as much shorter; in the 100 ms main waited for their 200 ms, half of it
        assertThat(tree).contains("30.0 ms 60.0 ms +30.0 ms +100.0% Parser.parse");
        assertThat(tree).contains("70.0 ms 40.0 ms −30.0 ms −42.9% Jinjava.render");
        browser.screenshot("compare");
        // a saved HTML report works as a baseline too, and the file dialog must offer it: the
        // accept list filters what a person can pick (macOS greys out every other file)
        assertThat(browser.find(By.id("compare-file")).getAttribute("accept").split(",")).contains(".json", ".html");
        Path baselineReport = HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.STRICT, 3, "ok"), HtmlOptions.defaults(),
                "baseline-report");
        browser.find(By.id("compare-file")).sendKeys(baselineReport.toString());
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> browser.text(By.id("compare-status")).startsWith("baseline baseline-report.html"));
        assertThat(browser.text(By.id("compare-tree")).replaceAll("\\s+", " "))
                .contains("30.0 ms 60.0 ms +30.0 ms +100.0% Parser.parse");
        // a session saved by an older build (format version 1) works too
        Path baselineV1 = HtmlBrowser.OUT.resolve("baseline-v1.json").toAbsolutePath();
        java.nio.file.Files.writeString(baselineV1,
                dev.markata.profiler.io.SessionJsonV1.toJson(HtmlTestProfiles.siteBuild(AsyncMode.STRICT, 3, "ok")));
        browser.find(By.id("compare-file")).sendKeys(baselineV1.toString());
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> browser.text(By.id("compare-status")).startsWith("baseline baseline-v1.json"));
        assertThat(browser.text(By.id("compare-tree")).replaceAll("\\s+", " "))
                .contains("30.0 ms 60.0 ms +30.0 ms +100.0% Parser.parse");
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
    }

    /**
     * The compare tree by keyboard, as the call tree: one Tab stop, Right opens a row (it closed
     * an open one: every arrow key but up and down toggled), Left closes it or goes to its parent.
     * Every row was a Tab stop.
     */
    @Test
    void compareTreeIsOneTabStopWithTheCallTreesKeys() throws Exception {
        compareWith(HtmlTestProfiles.siteBuild(AsyncMode.STRICT, 3, "ok"), "baseline-keys.json");
        WebElement first = browser.findAll(By.cssSelector("#compare-tree .kids .row")).get(0);
        assertThat(first.getAttribute("aria-expanded")).isEqualTo("true");
        browser.js("arguments[0].focus()", first);
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getAttribute("aria-expanded")).as("Right on an open row").isEqualTo("true");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("aria-expanded")).as("Left on an open row").isEqualTo("false");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat((String) browser.js("return document.activeElement.closest('#compare-tree') ? 'a row' : document.activeElement.tagName"))
                .as("where Tab goes from a row").isNotEqualTo("a row");
    }

    @Test
    void viewOptionsHideWhatACustomRegexMatchesAndPickThreads() throws Exception {
        hideFramesMatching("^(org\\.commonmark|com\\.hubspot)\\.");
        // the JDK's frames show now; commonmark's and jinjava's are grouped
        String tree = browser.text(By.id("view")).replaceAll("\\s+", " ");
        assertThat(tree).contains("ThreadPoolExecutor.runWorker").doesNotContain("DocumentParser.parse")
                .contains("1 frame hidden (commonmark)").contains("1 frame hidden (jinjava)");
        assertThat((String) browser.js("return localStorage.getItem('markata-profile-report')")).contains("\"libraryMode\":\"custom\"");
        new Select(browser.find(By.id("opt-library"))).selectByValue("off");
        assertThat(browser.text(By.id("view"))).contains("DocumentParser.parse").doesNotContain("frames hidden");
        // one thread, raw: worker 3 rendered 10 documents in 100 ms after 15 ms idle
        new Select(browser.find(By.id("thread-select"))).selectByVisibleText("worker-3 (115 ms)");
        List<WebElement> top = browser.findAll(By.cssSelector("#view .row[aria-level='1']"));
        assertThat(top).extracting(r -> r.getText().replaceAll("\\s+", " ")).containsExactly("▾ 115.0 ms 100.0% Thread.run Thread.java:10");
        browser.screenshot("options-thread");
    }

    /**
     * The percent unit says what its shares are of: in the all-threads tree each row's of its own
     * thread (a thread's row: of the profile's duration), with one thread of that thread. It was
     * "Percent of total" whatever the tree, which in the all-threads tree none of the rows is.
     */
    @Test
    void thePercentUnitSaysWhatItsSharesAreOf() throws Exception {
        browser.find(By.cssSelector(".options summary")).click();
        Select units = new Select(browser.find(By.id("opt-units")));
        WebElement percent = browser.find(By.cssSelector("#opt-units option[value='percent']"));
        assertThat(percent.getText()).isEqualTo("Percent of each row's thread");
        assertThat(browser.find(By.id("opt-units")).getAttribute("title"))
                .isEqualTo("Percent: each row's share of its thread's time; a thread's own row, of the profile's duration");
        units.selectByValue("percent");
        new Select(browser.find(By.id("thread-select"))).selectByVisibleText("worker-3 (115 ms)");
        assertThat(percent.getAttribute("textContent")).isEqualTo("Percent of worker-3's time"); // the menu closed: not shown
        assertThat(browser.find(By.id("opt-units")).getAttribute("title")).isEqualTo("Percent: each row's share of worker-3's time");
        assertThat(units.getFirstSelectedOption().getAttribute("value")).isEqualTo("percent");
    }

    /**
     * The view tabs are one stop of the Tab key, as a tab list is (the arrow keys move between
     * them): each of the six was a stop of its own on the way from the page's top to the view.
     */
    @Test
    void theViewTabsAreOneTabStop() throws Exception {
        show("flame");
        browser.find(By.id("target")).click(); // Tab goes on from the header, above the tabs
        new org.openqa.selenium.interactions.Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("tab-flame");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("tab-hot");
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("hot");
        browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("thread-select");
    }

    /**
     * The view options close as a menu does: with Escape (focus back on "View options") or a
     * click elsewhere. They stayed open over the view until "View options" was clicked again; on
     * a phone-sized window they cover most of the tree.
     */
    @Test
    void viewOptionsCloseWithEscapeOrAClickElsewhere() throws Exception {
        WebElement summary = browser.find(By.cssSelector(".options summary"));
        summary.click();
        browser.find(By.id("opt-threshold")).sendKeys(Keys.ESCAPE);
        assertThat(browser.find(By.cssSelector(".options")).getAttribute("open")).as("after Escape").isNull();
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(summary);
        summary.click();
        assertThat(browser.find(By.cssSelector(".options")).getAttribute("open")).isNotNull();
        browser.find(By.id("target")).click();
        assertThat(browser.find(By.cssSelector(".options")).getAttribute("open")).as("after a click elsewhere").isNull();
        // a click inside them leaves them open
        summary.click();
        browser.find(By.id("opt-threshold")).click();
        assertThat(browser.find(By.cssSelector(".options")).getAttribute("open")).isNotNull();
    }

    /**
     * A hide regex that does not compile says so where it is typed, as the search box does: it
     * hid nothing, without a word, and the reader took the tree for what the pattern left.
     */
    @Test
    void anInvalidHideRegexSaysSo() throws Exception {
        WebElement regex = hideFramesMatching("^(org\\.commonmark");
        assertThat(browser.text(By.id("opt-hide-regex-error"))).startsWith("invalid regex: ");
        assertThat((String) browser.js("return document.getElementById('opt-hide-regex').validationMessage")).startsWith("invalid regex: ");
        regex.sendKeys(")");
        regex.sendKeys(Keys.TAB);
        assertThat(browser.text(By.id("opt-hide-regex-error"))).isEmpty();
        assertThat(browser.text(By.id("view")).replaceAll("\\s+", " ")).contains("1 frame hidden (commonmark)");
    }

    @Test
    void startsOnTheThreadTheReportOptionsName() throws Exception {
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults().withThreadId(3L), "thread-3-first"));
        assertThat(new Select(browser.find(By.id("thread-select"))).getFirstSelectedOption().getText()).isEqualTo("worker-3 (115 ms)");
        List<WebElement> top = browser.findAll(By.cssSelector("#view .row[aria-level='1']"));
        assertThat(top).extracting(r -> r.getText().replaceAll("\\s+", " ")).containsExactly("▾ 115.0 ms 100.0% Thread.run Thread.java:10");
        // a thread the session does not have: all threads
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults().withThreadId(99L), "thread-99-first"));
        assertThat(new Select(browser.find(By.id("thread-select"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("all");
    }

    @Test
    void tabsFollowTheArrowKeysAndTheTimelineCanOpenFirst() throws Exception {
        browser.find(By.id("tab-tree")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("timeline");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("flame");
        Path timelineFirst = HtmlBrowser.render(session, HtmlOptions.timelineFirst(), "timeline-first");
        browser.open(timelineFirst);
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("timeline");
        assertThat(browser.find(By.id("tab-timeline")).getAttribute("aria-selected")).isEqualTo("true");
    }

    /**
     * The open tab is kept in the address's fragment ({@code index.html#build}), so a view can be
     * bookmarked, sent and reloaded: the address opens the tab it names, a switch replaces the
     * fragment without a history entry (Back leaves the report), a fragment no tab has opens the
     * view the report would open without one.
     */
    @Test
    void theOpenTabIsKeptInTheAddress() throws Exception {
        browser.openAt(report, "build");
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("build");
        assertThat(browser.find(By.id("tab-build")).getAttribute("aria-selected")).isEqualTo("true");
        long entries = ((Number) browser.js("return history.length")).longValue();
        show("timeline");
        assertThat(browser.driver().getCurrentUrl()).isEqualTo(report.toUri() + "#timeline");
        browser.find(By.id("tab-timeline")).sendKeys(Keys.ARROW_RIGHT); // the arrow keys switch tabs the same way
        assertThat(browser.driver().getCurrentUrl()).endsWith("#flame");
        assertThat(((Number) browser.js("return history.length")).longValue()).isEqualTo(entries);
        browser.reload();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("flame");
        assertThat(browser.find(By.id("tab-flame")).getAttribute("aria-selected")).isEqualTo("true");
        // the fragment edited in the address bar (no reload): the page follows
        browser.js("location.hash = '#hot'");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "hot".equals(browser.find(By.id("view")).getAttribute("data-view")));

        browser.consoleErrors();
        browser.openAt(report, "nonsense");
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("tree");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#tree");
        assertThat(browser.consoleErrors()).isEmpty();
        // without a fragment the report's options decide; with one, the fragment
        Path timelineFirst = HtmlBrowser.render(session, HtmlOptions.timelineFirst(), "timeline-first-address");
        browser.open(timelineFirst);
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("timeline");
        browser.openAt(timelineFirst, "compare");
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("compare");
        // a profile without build spans has no Build tab: its address opens the default view
        Path noBuild = HtmlBrowser.render(TestSessions.builder().sample(1, "app.Main.main", 1).build(), HtmlOptions.defaults(), "no-build-address");
        browser.openAt(noBuild, "build");
        assertThat(browser.findAll(By.id("tab-build"))).isEmpty();
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("tree");
    }

    /** The frame the flame graph's keyboard cursor is on, as its live region says it. */
    String flameFocus() {
        return (String) browser.js("return document.getElementById('flame-focus').textContent");
    }

    /**
     * The flame graph from the keyboard: it took the focus (a Tab stop) but only Escape did
     * anything, so zooming needed a mouse. Arrows move a cursor between boxes (Down: the heaviest
     * callee, Right and Left: the boxes beside), Enter zooms to it, Backspace zooms out a level.
     */
    @Test
    void flameGraphZoomsFromTheKeyboard() throws Exception {
        show("flame");
        WebElement canvas = browser.find(By.id("flame-canvas"));
        browser.js("arguments[0].focus()", canvas);
        canvas.sendKeys(Keys.ARROW_DOWN); // the first key puts the cursor on the first box
        assertThat(flameFocus()).startsWith("thread main");
        canvas.sendKeys(Keys.ARROW_RIGHT);
        assertThat(flameFocus()).startsWith("thread worker-2");
        canvas.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(flameFocus()).startsWith("Executor.runAll");
        // the box is outlined and its tooltip says what it is, as a hover would
        WebElement cursor = browser.find(By.id("flame-cursor"));
        assertThat(cursor.isDisplayed()).isTrue();
        assertThat(cursor.getSize().getWidth()).isGreaterThan(canvas.getSize().getWidth() / 2);
        assertThat(browser.text(By.id("flame-tooltip"))).contains("app.Executor.runAll").contains("100 ms");
        canvas.sendKeys(Keys.ARROW_RIGHT);
        assertThat(flameFocus()).startsWith("Save.write");
        canvas.sendKeys(Keys.ARROW_UP);
        assertThat(flameFocus()).startsWith("Build.run");
        canvas.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(browser.text(By.id("flame-status"))).contains("zoomed to Executor.runAll (100 ms)");
        assertThat(browser.text(By.id("detail-name"))).isEqualTo("Executor.runAll");
        canvas.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(browser.text(By.id("flame-status"))).contains("zoomed to Render.document (100 ms)");
        canvas.sendKeys(Keys.BACK_SPACE);
        assertThat(browser.text(By.id("flame-status"))).contains("zoomed to ThreadPoolExecutor.runWorker");
        canvas.sendKeys(Keys.ESCAPE);
        assertThat(browser.text(By.id("flame-status"))).startsWith("165 ms");
        assertThat(browser.find(By.id("view")).getAttribute("data-view")).isEqualTo("flame");
        browser.screenshot("flame-keyboard");
    }

    /** Whether two elements' boxes on the screen overlap. */
    boolean overlap(String a, String b) {
        return (Boolean) browser.js("""
                const p = document.querySelector(arguments[0]).getBoundingClientRect();
                const q = document.querySelector(arguments[1]).getBoundingClientRect();
                return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;""", a, b);
    }

    /** The keyboard cursor's tooltip at the window's bottom goes above its box: it was pushed up over it. */
    @Test
    void theFlameGraphsKeyboardTooltipNeverCoversItsBox() throws Exception {
        show("flame");
        // a window whose bottom is 30 px below the flame graph's deepest boxes
        long depth = ((Number) browser.js("return Math.max(...markataReport.views.flame.boxes.map(b => b.depth))")).longValue();
        double bottom = ((Number) browser.js("return document.getElementById('flame-canvas').getBoundingClientRect().top"
                + " + (arguments[0] + 1) * 18", depth)).doubleValue();
        Dimension size = browser.driver().manage().window().getSize();
        long chrome = size.getHeight() - ((Number) browser.js("return window.innerHeight")).longValue();
        inWindow(new Dimension(size.getWidth(), (int) (bottom + 30 + chrome)), () -> {
            WebElement canvas = browser.find(By.id("flame-canvas"));
            browser.js("arguments[0].focus()", canvas);
            int above = 0;
            for (int i = 0; i <= depth; i++) {
                canvas.sendKeys(Keys.ARROW_DOWN);
                assertThat(browser.find(By.id("flame-tooltip")).isDisplayed()).isTrue();
                assertThat(overlap("#flame-tooltip", "#flame-cursor")).as("the tooltip over the box of " + flameFocus()).isFalse();
                assertThat((Boolean) browser.js("const r = document.getElementById('flame-tooltip').getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= window.innerHeight;")).as("the tooltip inside the window").isTrue();
                if ((Boolean) browser.js("return document.getElementById('flame-tooltip').getBoundingClientRect().bottom"
                        + " <= document.getElementById('flame-cursor').getBoundingClientRect().top")) {
                    above++;
                }
            }
            assertThat(above).as("boxes near the window's bottom, their tooltip above them").isPositive();
            browser.screenshot("flame-keyboard-tooltip-low");
        });
    }

    /** A real wheel turn over the middle of the timeline (CDP input: trusted, so it scrolls as a user's does). */
    @SuppressWarnings("unchecked")
    void wheelOverTheTimeline(int deltaY, int modifiers) {
        List<Number> at = (List<Number>) browser.js("const r = document.getElementById('timeline-canvas').getBoundingClientRect();"
                + " return [r.left + r.width / 2, Math.max(r.top, 0) + 60];");
        browser.cdp("Input.dispatchMouseEvent", Map.of("type", "mouseWheel",
                "x", at.get(0).doubleValue(), "y", at.get(1).doubleValue(), "deltaX", 0, "deltaY", deltaY, "modifiers", modifiers));
        browser.js("return new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)));");
    }

    /** Touch points put down, moved and lifted on the timeline's canvas, as pointer events. */
    void touchOnTheTimeline(String script) {
        browser.js("""
                const c = document.getElementById('timeline-canvas');
                const r = c.getBoundingClientRect();
                const y = Math.max(r.top, 0) + 60;
                const send = (type, id, x) => c.dispatchEvent(new PointerEvent(type, {pointerId: id, pointerType: 'touch',
                  isPrimary: id === 1, clientX: r.left + x, clientY: y, bubbles: true, cancelable: true}));
                """ + script);
    }

    /**
     * The wheel over the timeline zoomed it, so on a narrow window, where the page scrolls as a
     * whole and the timeline fills most of it, the page stopped scrolling wherever the pointer
     * was over the timeline. The wheel scrolls now; Ctrl/Cmd+wheel (a trackpad's pinch is one)
     * and a two-finger pinch zoom, and the bar says so.
     */
    @Test
    void theWheelScrollsThePageOverTheTimelineAndCtrlWheelOrAPinchZooms() throws Exception {
        inWindow(new Dimension(390, 844), () -> {
            browser.open(report);
            show("timeline");
            assertThat(browser.text(By.cssSelector(".timeline .hint-inline"))).contains("ctrl/⌘+wheel or pinch: zoom");
            String whole = browser.text(By.id("timeline-range"));
            assertThat((Boolean) browser.js("return document.documentElement.scrollHeight > window.innerHeight + 200"))
                    .as("the page scrolls").isTrue();
            browser.js("""
                    const note = document.getElementById('timeline-wheel-note');
                    window.wheelNoteShown = false;
                    new MutationObserver(() => { if (!note.hidden) window.wheelNoteShown = true; }).observe(note, {attributes: true});""");
            wheelOverTheTimeline(200, 0);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                    .until(d -> ((Number) browser.js("return window.scrollY")).doubleValue() > 50);
            assertThat(browser.text(By.id("timeline-range"))).isEqualTo(whole);
            // and says for a moment how to zoom
            assertThat((Boolean) browser.js("return window.wheelNoteShown")).isTrue();
            assertThat(browser.find(By.id("timeline-wheel-note")).getAttribute("textContent")).isEqualTo("ctrl/⌘ + wheel or pinch to zoom");

            wheelOverTheTimeline(-200, 2); // Ctrl
            String zoomed = browser.text(By.id("timeline-range"));
            assertThat(zoomed).isNotEqualTo(whole);
            browser.find(By.id("timeline-reset")).click();
            wheelOverTheTimeline(-200, 4); // Cmd
            assertThat(browser.text(By.id("timeline-range"))).isNotEqualTo(whole);

            // two fingers moving apart zoom in around them; one finger dragged sideways pans
            browser.find(By.id("timeline-reset")).click();
            touchOnTheTimeline("""
                    send('pointerdown', 1, 100); send('pointerdown', 2, 200);
                    send('pointermove', 1, 60); send('pointermove', 2, 240);
                    send('pointerup', 1, 60); send('pointerup', 2, 240);""");
            String pinched = browser.text(By.id("timeline-range"));
            assertThat(pinched).isNotEqualTo(whole).endsWith("(75.0 ms shown)"); // 100 px apart, then 180: 135 ms x 100 / 180
            touchOnTheTimeline("send('pointerdown', 1, 200); send('pointermove', 1, 120); send('pointerup', 1, 120);");
            String panned = browser.text(By.id("timeline-range"));
            assertThat(panned).isNotEqualTo(pinched).endsWith("(75.0 ms shown)");
            assertThat((String) browser.js("return getComputedStyle(document.getElementById('timeline-canvas')).touchAction"))
                    .as("the browser keeps vertical scrolling by touch").isEqualTo("pan-y");
        });
    }

    @Test
    void pluginTableHasAColumnOnlyForStagesWithHooks() throws Exception {
        // markata runs 12 stages and most have no plugin hook worth a span: a column each pushed
        // the render column and the totals off a 1,400 px window, behind a scroll bar
        TestSessions b = TestSessions.builder().sample(1, "app.Main.main;app.Build.run", 16);
        b.span(Span.NONE, "stage", "config_model", 1, 0, 1);
        int glob = b.span(Span.NONE, "stage", "glob", 1, 1, 5);
        b.span(Span.NONE, "stage", "load_config", 1, 5, 6);
        int render = b.span(Span.NONE, "stage", "render", 1, 6, 16);
        b.span(glob, "hook", "markata.plugins.glob", 1, 1, 5, Map.of("stage", "glob"));
        b.span(render, "hook", "markata.plugins.render_markdown", 1, 6, 16, Map.of("stage", "render"));
        browser.open(HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "plugin-columns"));
        show("build");
        assertThat(browser.findAll(By.cssSelector("#build-stages tbody tr"))).hasSize(5); // every stage, and the total
        assertThat(browser.findAll(By.cssSelector("#build-plugins thead th"))).extracting(WebElement::getText)
                .containsExactly("Plugin", "glob", "render", "Total");
        assertThat(browser.text(By.id("build-plugins"))).contains("markata.plugins.render_markdown 10.0 ms 10.0 ms");
    }

    @Test
    void hotMethodsKeepTheirNumbersInViewWhenANameIsVeryLong() throws Exception {
        String longClass = "app.ThisIsAVeryLongClassNameThatGoesOnAndOnForeverToTestTheLayoutOfTheReport"
                + "$AndAnInnerClassWithAnEvenLongerNameBecauseGeneratedCodeLooksLikeThis";
        String longMethod = "aMethodNameThatIsAlsoExtremelyLongSoThatNoColumnCanFitItWithoutWrappingOrEllipsis";
        Session session = TestSessions.builder().sample(1, "app.Main.main;" + longClass + "." + longMethod, 30)
                .sample(1, "app.Main.main;app.Work.run", 10).build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "long-names"));
        show("hot");
        // the numbers are what the table is for: a long name must not push them out of the view
        @SuppressWarnings("unchecked")
        List<Number> edges = (List<Number>) browser.js("""
                const view = document.getElementById('view').getBoundingClientRect();
                const cell = document.querySelector('#hot-table tbody tr td:last-child').getBoundingClientRect();
                return [cell.right, view.right];""");
        assertThat(edges.get(0).doubleValue()).as("right edge of the Samples column").isLessThanOrEqualTo(edges.get(1).doubleValue());
        WebElement first = browser.findAll(By.cssSelector("#hot-table tbody tr td.text")).get(0);
        assertThat(first.getAttribute("title")).isEqualTo(longClass + "." + longMethod); // the whole name on hover
        browser.screenshot("hot-methods-long-names");
    }

    @Test
    void comparePairsCallPathsWhetherOrNotEitherProfileHadOtherThreads() throws Exception {
        // last week's build left no sample on its workers outside tasks, so its tree has no
        // thread level (a lone thread's root is folded away); today's has one per thread. The
        // same code must still pair up, not show as all gone and all new.
        Session today = TestSessions.builder().sample(1, "app.Main.main;app.Build.run", 60).sample(1, "app.Main.main;app.Save.write", 10)
                .sample(2, "java.lang.Thread.run;app.Worker.idle", 5).build();
        browser.open(HtmlBrowser.render(today, HtmlOptions.defaults(), "compare-threads"));
        compareWith(TestSessions.builder().sample(1, "app.Main.main;app.Build.run", 40).sample(1, "app.Main.main;app.Save.write", 10)
                .build(), "one-thread-baseline.json");
        String tree = browser.text(By.id("compare-tree")).replaceAll("\\s+", " ");
        assertThat(tree).contains("50.0 ms 70.0 ms +20.0 ms +40.0% Main.main")
                .contains("40.0 ms 60.0 ms +20.0 ms +50.0% Build.run")
                .contains("10.0 ms 10.0 ms ±0 Save.write")
                .doesNotContain("new Main.main");
        browser.screenshot("compare-threads");
    }

    @Test
    void aNarrowWindowGivesTheViewTheWholeWidth() throws Exception {
        inWindow(new Dimension(800, 900), () -> {
            browser.open(report);
            show("build");
            // the details panel beside the view left 450 px for tables of seven columns
            @SuppressWarnings("unchecked")
            List<Number> edges = (List<Number>) browser.js("""
                    const view = document.getElementById('view').getBoundingClientRect();
                    const table = document.getElementById('build-stages').getBoundingClientRect();
                    return [table.right, view.right, view.width, window.innerWidth];""");
            assertThat(edges.get(0).doubleValue()).as("right edge of the stages table").isLessThanOrEqualTo(edges.get(1).doubleValue());
            assertThat(edges.get(2).doubleValue()).as("width of the view").isGreaterThan(0.9 * edges.get(3).doubleValue());
            show("tree");
            browser.findAll(By.cssSelector("#view .row .name.app")).get(0).click();
            WebElement details = browser.find(By.id("details"));
            assertThat(details.isDisplayed()).isTrue();
            assertThat(details.getSize().getHeight()).as("height of the details panel").isGreaterThan(100);
            assertThat(browser.text(By.id("detail-name"))).isEqualTo("Main.main");
            browser.screenshot("narrow-window-tree");
        });
    }

    /**
     * A phone-sized window: the header, the toolbar and the details panel (38 % of the window)
     * shared the one window height with the view, which was left 25 px tall once a row was
     * selected (the timeline not at all to be seen), and the tabs made the page scroll sideways.
     */
    @Test
    void aPhoneSizedWindowKeepsTheViewTallAndNeverScrollsSideways() throws Exception {
        inWindow(new Dimension(390, 844), () -> {
            browser.open(report);
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page fits the window's width").isTrue();
            browser.findAll(By.cssSelector("#view .row .name.app")).get(0).click();
            assertThat(browser.text(By.id("detail-name"))).isEqualTo("Main.main");
            long innerHeight = ((Number) browser.js("return window.innerHeight")).longValue();
            assertThat(browser.find(By.id("view")).getSize().getHeight()).as("height of the tree's view, window " + innerHeight)
                    .isGreaterThan((int) (innerHeight / 2));
            show("timeline");
            assertThat(browser.find(By.id("timeline-canvas")).getSize().getHeight()).as("height of the timeline")
                    .isGreaterThan((int) (innerHeight / 2));
            assertThat(browser.find(By.id("details")).getSize().getHeight()).as("height of the details panel").isGreaterThan(100);
            assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the page fits the window's width").isTrue();
            browser.screenshot("phone-window-timeline");
            // the view options open inside the window: anchored at the menu's right edge, they
            // opened 213 px past the window's left edge, labels and half the controls unreachable
            browser.find(By.cssSelector(".options summary")).click();
            @SuppressWarnings("unchecked")
            List<Number> box = (List<Number>) browser.js(
                    "const r = document.querySelector('.options-body').getBoundingClientRect(); return [r.left, r.right, window.innerWidth];");
            assertThat(box.get(0).doubleValue()).as("left edge of the view options").isGreaterThanOrEqualTo(0);
            assertThat(box.get(1).doubleValue()).as("right edge of the view options").isLessThanOrEqualTo(box.get(2).doubleValue());
        });
    }

    /**
     * A thread menu as wide as its longest thread name: one long name (Jenkins names a request's
     * thread after the request) made the toolbar, and the page, wider than a 1,400 px window.
     */
    @Test
    void aLongThreadNameDoesNotWidenThePage() throws Exception {
        String name = "Handling GET /job/platform-services/job/release-pipelines/job/main/lastSuccessfulBuild/artifact/"
                + "build/reports/integration-tests/index.html from 10.20.30.40 : qtp1431467659-1234 Executor #3 for agent-linux-17";
        Session session = TestSessions.builder().sample(1, "app.Main.main;app.Server.serve", 5)
                .sample(2, "java.lang.Thread.run;app.Handler.handle", 5).threadName(2, name).build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "long-thread-name"));
        assertThat((Boolean) browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the page fits the window's width").isTrue();
        Select threads = new Select(browser.find(By.id("thread-select")));
        threads.selectByVisibleText(name + " (5.00 ms)");
        assertThat(browser.text(By.cssSelector("#view .kids.top"))).contains("Handler.handle");
    }

    /**
     * View options outlive the page (localStorage, shared by every report opened from disk), but a
     * report's own configuration ({@code show_all = true}, a threshold in markata.toml) is news
     * they must not hide: once any option had been touched in any report, every later report
     * opened with that report's saved show-all and threshold, whatever its build asked for.
     */
    @Test
    void aReportsOwnOptionsWinOverChoicesMadeInAnotherReport() throws Exception {
        browser.find(By.cssSelector(".options summary")).click();
        new Select(browser.find(By.id("opt-units"))).selectByValue("percent");
        Path configured = HtmlBrowser.render(session, HtmlOptions.defaults().withShowAll(true).withThresholdPercent(5),
                "configured-show-all");
        browser.open(configured);
        assertThat(browser.find(By.id("opt-show-all")).isSelected()).as("show all, as the report was made").isTrue();
        assertThat(browser.find(By.id("opt-threshold")).getAttribute("value")).isEqualTo("5");
        // what this report leaves as it was (units) keeps the reader's choice
        assertThat(new Select(browser.find(By.id("opt-units"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("percent");
        // and a choice made in this report holds when it (or the next build's report) is opened again
        browser.find(By.cssSelector(".options summary")).click();
        browser.find(By.id("opt-show-all")).click();
        browser.open(configured);
        assertThat(browser.find(By.id("opt-show-all")).isSelected()).isFalse();
    }

    @Test
    void everyViewSaysSoWhenNoSampleWasRecorded() throws Exception {
        // a program that ended before the sampler's first tick: spans, but not one sample
        TestSessions b = TestSessions.builder();
        b.span(Span.NONE, "stage", "render", 1, 0, 10);
        browser.open(HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "no-samples"));
        for (String view : List.of("tree", "timeline", "flame")) {
            show(view);
            assertThat(browser.text(By.id("view"))).as(view).contains("No samples were recorded");
        }
        show("build");
        assertThat(browser.text(By.id("build-stages"))).contains("render 10.0 ms");
        assertThat(browser.text(By.tagName("body"))).doesNotContain("NaN").doesNotContain("undefined").doesNotContain("Infinity");
    }

    @Test
    void followsTheSystemsLightOrDarkScheme() throws Exception {
        try {
            browser.colorScheme("light");
            browser.open(report);
            assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
            show("flame");
            assertThat(canvasCorner("flame-canvas")).isEqualTo("rgb(255, 255, 255)");
            show("timeline");
            assertThat(canvasCorner("timeline-canvas")).isEqualTo("rgb(255, 255, 255)");
            browser.screenshot("light-timeline");
            show("tree");
            browser.screenshot("light-tree");
            browser.colorScheme("dark");
            browser.open(report);
            assertThat(browser.js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(22, 24, 29)");
            show("flame");
            assertThat(canvasCorner("flame-canvas")).isEqualTo("rgb(22, 24, 29)");
        } finally {
            browser.colorScheme("");
        }
    }

    /**
     * The system switching between light and dark while the report is open (dark mode at
     * sunset): the page's colours follow at once, and so must the canvases, which kept the old
     * background (a white timeline on a dark page) until something made them draw again.
     */
    @Test
    void canvasesFollowASchemeChangeWhileTheReportIsOpen() throws Exception {
        try {
            browser.colorScheme("light");
            browser.open(report);
            show("timeline");
            assertThat(canvasCorner("timeline-canvas")).isEqualTo("rgb(255, 255, 255)");
            browser.colorScheme("dark");
            // the media query's change event may come after the page's colours have changed
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                    .until(d -> "rgb(22, 24, 29)".equals(browser.js("return getComputedStyle(document.body).backgroundColor"))
                            && !"rgb(255, 255, 255)".equals(canvasCorner("timeline-canvas")));
            Object afterSwitch = canvasCorner("timeline-canvas");
            show("flame");
            assertThat(canvasCorner("flame-canvas")).isEqualTo("rgb(22, 24, 29)");
            show("timeline"); // drawn afresh in the dark colours (a stage band lies over the corner)
            assertThat(afterSwitch).as("the timeline after the switch").isNotEqualTo("rgb(255, 255, 255)")
                    .isEqualTo(canvasCorner("timeline-canvas"));
        } finally {
            browser.colorScheme("");
        }
    }

    @Test
    void anInterruptedBuildIsMarkedInterruptedNotFailed() throws Exception {
        // Ctrl-C during save: the profile so far is written with outcome "interrupted"
        browser.open(HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.ENABLED, 6, "interrupted"), HtmlOptions.defaults(),
                "interrupted"));
        assertThat(browser.text(By.id("outcome"))).isEqualTo("build interrupted at stage save (markata.plugins.publish_html)");
        show("build");
        assertThat(browser.findAll(By.cssSelector("#build-stages tbody tr"))).extracting(WebElement::getText)
                .contains("save interrupted 20.0 ms 14.8% 20.0 ms 0 µs 0 µs 0 µs");
    }

    @Test
    void aTimelineBoxOutsideTheShownTreeStillShowsWhatItIs() throws Exception {
        // the tree shows only the main thread; the timeline still draws every thread, and a
        // click on a worker's frame used to leave the details panel as it was, without a word
        new Select(browser.find(By.id("thread-select"))).selectByVisibleText("main (135 ms)");
        show("timeline");
        Number top = (Number) browser.js("const v = markataReport.views.timeline; return v.lanes[1].top + 20 + 8;");
        WebElement canvas = browser.find(By.id("timeline-canvas"));
        new Actions(browser.driver()).moveToElement(canvas, 200 - canvas.getSize().getWidth() / 2,
                top.intValue() - canvas.getSize().getHeight() / 2).click().perform();
        assertThat(browser.text(By.id("detail-name"))).isEqualTo("Thread.run");
        assertThat(browser.text(By.id("detail-class"))).isEqualTo("java.lang.Thread");
        assertThat(browser.text(By.id("detail-note"))).contains("not in the call tree as shown");
    }

    @Test
    void compareOnOneThreadComparesItWithTheSameThreadOfTheBaseline() throws Exception {
        // with the thread menu on "main", the baseline's every thread was compared with this
        // profile's main alone: 365 ms -> 135 ms read as a build 63% faster than the same build
        // (since main's time is its wall time, all threads are 165 ms)
        new Select(browser.find(By.id("thread-select"))).selectByVisibleText("main (135 ms)");
        compareWith(HtmlTestProfiles.siteBuild(AsyncMode.STRICT), "same-build.json");
        assertThat(browser.text(By.id("compare-status"))).isEqualTo("baseline same-build.json, thread main: 135 ms → this profile 135 ms (±0)");
        // back to all threads: the whole baseline again
        new Select(browser.find(By.id("thread-select"))).selectByValue("all");
        assertThat(browser.text(By.id("compare-status"))).isEqualTo("baseline same-build.json: 165 ms → this profile 165 ms (±0)");
    }

    /**
     * A document's path 400 characters long (a site of deep folders) made its column 400
     * characters wide: the documents table's numbers were out of the window, to the right of a
     * path nobody reads whole. The path is cut in its middle (its start and its file name stay),
     * whole in the link's title and text, and the numbers stay in view at a phone's, a narrow and
     * a normal window's width.
     */
    @Test
    void aLongDocumentPathKeepsTheDocumentsNumbersInView() throws Exception {
        String longPath = "posts/" + "a-folder-with-a-rather-long-name/".repeat(12) + "slowest-post.md";
        assertThat(longPath).hasSizeGreaterThan(400);
        TestSessions b = TestSessions.builder().sample(1, "app.Main.main;app.Build.run", 30);
        int stage = b.span(Span.NONE, "stage", "render", 1, 0, 30);
        Map<String, String> attrs = Map.of("stage", "render", "plugin", "markata.plugins.render_markdown");
        b.span(stage, "document", longPath, 1, 0, 20, attrs);
        b.span(stage, "document", "posts/short.md", 1, 20, 30, attrs);
        Path file = HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "long-path");
        for (Dimension size : List.of(new Dimension(1400, 900), new Dimension(800, 900), new Dimension(390, 844))) {
            inWindow(size, () -> {
                browser.open(file);
                show("build");
                @SuppressWarnings("unchecked")
                List<Number> edges = (List<Number>) browser.js("""
                        const view = document.getElementById('view'), r = view.getBoundingClientRect();
                        const total = document.querySelector('#build-documents tbody tr td:nth-child(2)').getBoundingClientRect();
                        return [total.right, Math.min(r.left + view.clientWidth, window.innerWidth), view.scrollWidth, view.clientWidth];""");
                assertThat(edges.get(0).doubleValue()).as("right edge of the long document's total, window " + size)
                        .isLessThanOrEqualTo(edges.get(1).doubleValue());
                if (size.getWidth() >= 800) {
                    assertThat(edges.get(2).intValue()).as("the Build tab's width, window " + size).isLessThanOrEqualTo(edges.get(3).intValue());
                }
                browser.screenshot("build-long-path-" + size.getWidth());
            });
        }
        WebElement link = browser.find(By.cssSelector("#build-documents tbody tr:first-child button.link"));
        assertThat(link.getAttribute("title")).startsWith(longPath);
        assertThat(link.getAttribute("textContent")).isEqualTo(longPath);
        // the start and the file name show, the middle is cut
        assertThat((Boolean) browser.js("const h = arguments[0].querySelector('.head'); return h.scrollWidth > h.clientWidth", link))
                .as("the path's middle is cut").isTrue();
        assertThat(browser.text(By.cssSelector("#build-documents tbody tr:first-child .tail"))).isEqualTo("slowest-post.md");
        link.click();
        assertThat(browser.text(By.id("focus-note"))).startsWith("Only the samples inside document " + longPath);
    }

    @Test
    void theBuildTabFitsTheWindowWhenDocumentsPassThroughManyPlugins() throws Exception {
        // a real post goes through seven plugins; their names made the documents table wider
        // than a 1,400 px window, so the whole Build tab scrolled sideways
        TestSessions b = TestSessions.builder().sample(1, "app.Main.main;app.Build.run", 28);
        String[] plugins = {"load", "auto_description", "skip", "render_markdown", "post_template", "feeds", "publish_html"};
        String[] stageOf = {"load", "pre_render", "pre_render", "render", "render", "save", "save"};
        for (int k = 0; k < plugins.length; k++) {
            int stage = b.span(Span.NONE, "stage", stageOf[k], 1, 4 * k, 4 * k + 4);
            for (int doc = 0; doc < 3; doc++) {
                b.span(stage, "document", "posts/careful-anchor-write-post-115" + doc + ".md", 1, 4 * k + doc, 4 * k + doc + 1,
                        Map.of("stage", stageOf[k], "plugin", "markata.plugins." + plugins[k]));
            }
        }
        Path file = HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "many-plugins");
        browser.open(file);
        show("build");
        assertThat((Boolean) browser.js("const v = document.getElementById('view'); return v.scrollWidth <= v.clientWidth"))
                .as("the Build tab needs no sideways scrolling").isTrue();
        WebElement cell = browser.findAll(By.cssSelector("#build-documents tbody tr td:last-child")).get(0);
        assertThat(cell.getAttribute("title")).isEqualTo(String.join(", ", plugins)); // cut to fit, whole on hover
        // a phone: the tables' rows are laid out as lines of "name value" under each row's name,
        // where a row of four stage columns scrolled sideways with its document's name out of sight
        inWindow(new Dimension(390, 844), () -> {
            browser.open(file);
            show("build");
            assertThat((Boolean) browser.js("const v = document.getElementById('view'); return v.scrollWidth <= v.clientWidth"))
                    .as("the Build tab at 390 px needs no sideways scrolling").isTrue();
            WebElement first = browser.findAll(By.cssSelector("#build-documents tbody tr")).get(0);
            assertThat(first.getText().replaceAll("\\s+", " "))
                    .matches("posts/careful-anchor-write-post-115\\d\\.md (warm-up )?Total \\S+ ms load \\S+ ms pre_render \\S+ ms render \\S+ ms save \\S+ ms Plugins .*");
            assertThat(browser.findAll(By.cssSelector("#build-stages tbody tr")).get(0).getText().replaceAll("\\s+", " "))
                    .startsWith("load Wall time 4.00 ms % of build");
            browser.screenshot("build-phone");
        });
    }
}
