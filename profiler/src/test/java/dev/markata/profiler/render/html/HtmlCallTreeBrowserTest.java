package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.render.HtmlOptions;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The call tree view in real headless Chromium, against the numbers of {@link HtmlTestProfiles}. */
class HtmlCallTreeBrowserTest {

    static HtmlBrowser browser;
    static Path report;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeFalse(HtmlBrowser.skipped(), "MARKATA_SKIP_BROWSER_TESTS=1");
        browser = HtmlBrowser.start();
        report = HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.ENABLED), HtmlOptions.defaults(), "call-tree");
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

    /** The row whose name is exactly {@code name}, among the rows shown. */
    WebElement row(String name) {
        return row("#view .row", name);
    }

    /** A row named {@code name} at the top level of the tree. */
    WebElement topRow(String name) {
        return row("#view .row[aria-level='1']", name);
    }

    WebElement row(String css, String name) {
        for (WebElement row : browser.findAll(By.cssSelector(css))) {
            List<WebElement> names = row.findElements(By.cssSelector(":scope > .name"));
            if (!names.isEmpty() && names.get(0).getText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row named " + name + " among: " + browser.text(By.id("view")));
    }

    String time(WebElement row) {
        return row.findElement(By.cssSelector(":scope > .time")).getText();
    }

    @Test
    void showsTheTreeWithTimesFromTheSession() throws Exception {
        // main ran 135 ms, the build's wall time: the 100 ms it waited are filled by the 2 x 100 ms
        // of documents the workers rendered meanwhile, scaled to the wait (until 2026-12-06 the
        // row said 0.335: the wait and the documents on top); the 2 x 15 ms of idle workers stay
        // on their threads, and the threads' own time is said on the thread's row
        assertThat(time(topRow("thread main"))).isEqualTo("135.0 ms");
        assertThat(topRow("thread main").findElement(By.cssSelector(".thread-time")).getText())
                .isEqualTo("235 ms of thread time");
        assertThat(time(row("Main.main"))).isEqualTo("135.0 ms");
        assertThat(time(topRow("thread worker-2"))).isEqualTo("15.0 ms");
        assertThat(time(topRow("thread worker-3"))).isEqualTo("15.0 ms");
        assertThat(time(row("Executor.runAll"))).isEqualTo("100.0 ms");
        assertThat(browser.text(By.id("view"))).doesNotContain("[await]"); // every moment of the wait had work
        assertThat(time(row("Render.document"))).isEqualTo("100.0 ms");
        assertThat(row("Main.main").findElement(By.cssSelector(".name")).getAttribute("class")).contains("app");
        browser.screenshot("call-tree");
    }

    @Test
    void collapsesLibraryFramesIntoGroupsThatExpandOnClick() {
        WebElement group = browser.findAll(By.cssSelector("#view .group-row")).stream()
                .filter(r -> r.getText().contains("(commonmark)")).findFirst().orElseThrow();
        assertThat(group.getText()).contains("1 frame hidden");
        assertThat(browser.findAll(By.xpath("//span[@class='name lib' and text()='DocumentParser.parse']"))).isEmpty();
        group.click();
        assertThat(row("DocumentParser.parse")).isNotNull();
        assertThat(time(row("DocumentParser.parse"))).isEqualTo("60.0 ms"); // 120 ms on the workers, in the 100 ms wait
    }

    /** A search's next match inside a run of library frames, folded again since: n opens it. */
    @Test
    void theNextMatchOpensTheLibraryFramesItIsIn() {
        WebElement search = browser.find(By.id("search"));
        search.sendKeys("DocumentParser\n");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1 of 1");
        assertThat(browser.find(By.cssSelector("#view .row[tabindex='0'] > .name")).getText()).isEqualTo("DocumentParser.parse");
        browser.find(By.cssSelector("#view .row[tabindex='0']")).sendKeys(Keys.ARROW_LEFT); // to its caller, the group's head
        WebElement active = browser.driver().switchTo().activeElement();
        assertThat(active.getText()).contains("Parser.parse");
        active.sendKeys(Keys.ARROW_LEFT); // closes it, folding its library frames again
        assertThat(browser.findAll(By.xpath("//span[@class='name lib' and text()='DocumentParser.parse']"))).isEmpty();
        browser.driver().switchTo().activeElement().sendKeys("n");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1 of 1");
        assertThat(browser.driver().switchTo().activeElement().findElement(By.cssSelector(":scope > .name")).getText())
                .isEqualTo("DocumentParser.parse");
    }

    @Test
    void percentUnitsShowShareOfTotal() {
        browser.find(By.cssSelector(".options summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("opt-units"))).selectByValue("percent");
        // shares of the thread's time, its wall time (until 2026-12-06 of all threads' time)
        assertThat(time(row("Main.main"))).isEqualTo("100.0%");   // 135 / 135
        assertThat(time(row("Render.document"))).isEqualTo("74.1%"); // 100 / 135
        assertThat(time(topRow("thread worker-2"))).isEqualTo("11.1%"); // a thread: of the session's 135 ms
        browser.open(report); // remembered in localStorage
        assertThat(time(row("Main.main"))).isEqualTo("100.0%");
    }

    /**
     * "Show all" on and off again gives back the tree as it was left, the rows opened and closed
     * in it too: the tree of each setting is kept (each toggle built the tree again, 0.3-0.8 s on
     * a 10,000-post build, and opened it as at first sight).
     */
    @Test
    void showAllOnAndOffAgainGivesBackTheTreeAsItWasLeft() {
        row("Main.main").click(); // closes it
        assertThat(row("Main.main").getAttribute("aria-expanded")).isEqualTo("false");
        browser.js("window.treeBefore = markataReport.tree");
        browser.find(By.cssSelector(".options summary")).click();
        WebElement showAll = browser.find(By.id("opt-show-all"));
        showAll.click();
        assertThat(row("Main.main").getAttribute("aria-expanded")).as("in the tree with every frame").isEqualTo("true");
        assertThat(browser.js("return markataReport.tree !== window.treeBefore")).isEqualTo(true);
        showAll.click();
        assertThat(browser.js("return markataReport.tree === window.treeBefore")).isEqualTo(true);
        assertThat(row("Main.main").getAttribute("aria-expanded")).as("back in the first tree").isEqualTo("false");
        row("Main.main").click();
        assertThat(time(row("Render.document"))).isEqualTo("100.0 ms");
    }

    @Test
    void keyboardExpandsAndCollapses() {
        row("Main.main").click();
        assertThat(row("Main.main").getAttribute("aria-expanded")).isEqualTo("false");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(row("Main.main").getAttribute("aria-expanded")).isEqualTo("true");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(row("Main.main").getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.findAll(By.xpath("//span[text()='Build.run']"))).isEmpty();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertThat(row("Build.run")).isNotNull();
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.driver().switchTo().activeElement().getText()).contains("Build.run");
        browser.driver().switchTo().activeElement().sendKeys(Keys.ARROW_UP, Keys.ARROW_LEFT);
        // Alt+Right opens the whole subtree, library groups included
        browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
        assertThat(row("DocumentParser.parse")).isNotNull();
        assertThat(row("ForTag.interpret")).isNotNull();
    }

    @Test
    void selectingARowShowsItsDetails() {
        row("Render.document").click();
        assertThat(browser.text(By.id("detail-name"))).isEqualTo("Render.document");
        assertThat(browser.text(By.id("detail-class"))).isEqualTo("app.Render");
        assertThat(browser.text(By.id("detail-total"))).isEqualTo("100 ms · 74.1% of thread main");
        assertThat(browser.text(By.id("detail-thread-time"))).startsWith("200 ms · ");
        assertThat(browser.text(By.id("detail-of-parent"))).isEqualTo("100.0%");
        assertThat(browser.text(By.id("detail-samples"))).isEqualTo("200");
        assertThat(browser.text(By.id("detail-callees"))).contains("Parser.parse").contains("Jinjava.render");
        assertThat(browser.text(By.id("detail-stack"))).containsSubsequence("thread main", "Main.main", "Build.run", "Executor.runAll",
                "Thread.run", "ThreadPoolExecutor.runWorker", "Render.document");
    }

    /**
     * The details' stack is for pasting into an issue or an IDE: its button copies it as a Java
     * stack trace (innermost frame first, {@code at class.method(File.java:line)}, what an IDE's
     * "analyze stack trace" reads), and selected by hand a frame's name no longer runs into its
     * file ("Main.mainMain.java:10").
     */
    @Test
    void theDetailsStackCopiesAsAJavaStackTrace() {
        row("Render.document").click();
        String selected = (String) browser.js("""
                const range = document.createRange();
                range.selectNodeContents(document.getElementById('detail-stack'));
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return getSelection().toString();""");
        assertThat(selected).contains("Main.main Main.java:10\n").contains("Render.document Render.java:10");
        browser.find(By.id("detail-copy-stack")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> browser.text(By.id("detail-copy-stack")).equals("Copied")); // the copy is done
        assertThat(browser.clipboardText()).isEqualTo("""
                "main"
                \tat app.Render.document(Render.java:10)
                \tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:10)
                \tat java.lang.Thread.run(Thread.java:10)
                \tat app.Executor.runAll(Executor.java:10)
                \tat app.Build.run(Build.java:10)
                \tat app.Main.main(Main.java:10)
                """);
    }

    @Test
    void callsOfOneMethodFromSeveralLinesAreOneRow() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.lineSplit(), HtmlOptions.defaults(), "line-split"));
        List<WebElement> lambdas = browser.findAll(By.xpath("//div[@id='view']//span[contains(@class,'name') and text()='"
                + HtmlTestProfiles.LAMBDA + "']"));
        assertThat(lambdas).hasSize(1);
        WebElement lambda = row(HtmlTestProfiles.LAMBDA);
        assertThat(time(lambda)).isEqualTo("65.0 ms");
        assertThat(lambda.findElement(By.cssSelector(".loc")).getText()).isEqualTo("RenderMarkdownPlugin.java:57");
        browser.screenshot("line-split-tree");
        lambda.click();
        assertThat(browser.text(By.id("detail-lines"))).isEqualTo("57, 70, 71, 72");
        assertThat(browser.text(By.id("detail-samples"))).isEqualTo("65");
        browser.find(By.id("tab-flame")).click();
        // the flame graph (read from the leaves too) and the hot methods table have one entry each
        @SuppressWarnings("unchecked")
        List<Object> flame = (List<Object>) browser.js("""
                const app = markataReport, p = app.profile, out = [];
                const walk = n => { for (const c of (n.kids ? n.kids.values() : [])) { out.push(p.frames[c.f].name); walk(c); } };
                walk(app.views.flame.buildInverted());
                return out;""");
        // leaves first: the lambda's own time, and under Parser.parse (both lines) and slugify
        assertThat(flame).filteredOn(HtmlTestProfiles.LAMBDA::equals).hasSize(3);
        assertThat(flame).filteredOn("Parser.parse"::equals).hasSize(1);
    }

    @Test
    void samplesWithoutAStackShowAsSelfTimeOfTheTopLevel() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.unwalkedStacks(), HtmlOptions.defaults(), "unwalked-stacks"));
        // one thread, so its root is folded away; its own time (60 of 100 ms) must stay on screen
        assertThat(time(topRow("Main.main"))).isEqualTo("40.0 ms");
        WebElement self = browser.findAll(By.cssSelector("#view .row.self-row[aria-level='1']")).stream()
                .findFirst().orElseThrow(() -> new AssertionError("no top-level [self] row in " + browser.text(By.id("view"))));
        assertThat(time(self)).isEqualTo("60.0 ms");
        assertThat(self.findElement(By.cssSelector(".pct")).getText()).isEqualTo("60.0%");
        assertThat(self.getAttribute("title")).contains("no Java frame"); // what a top-level [self] is
        assertThat(self.findElement(By.cssSelector(".name")).getText()).isEqualTo("[no Java frames]");
        browser.screenshot("unwalked-stacks-tree");
    }

    /**
     * A program of a few milliseconds (an agent run of a short tool): its rows were 0.003 and
     * 0.001, seconds with three decimals. Under a second they are milliseconds, with the unit;
     * from a second up seconds as before (aLibraryGroupCountsAllTheTimeOfItsHiddenFrames).
     */
    @Test
    void aShortProgramsRowsAreMilliseconds() throws Exception {
        Session shortRun = TestSessions.builder().sample(1, "app.Main.main;app.Site.render", 3)
                .sample(1, "app.Main.main;app.Site.load", 1).build();
        browser.open(HtmlBrowser.render(shortRun, HtmlOptions.defaults(), "short-program"));
        assertThat(time(topRow("Main.main"))).isEqualTo("4.0 ms");
        assertThat(time(row("Site.render"))).isEqualTo("3.0 ms");
        assertThat(time(row("Site.load"))).isEqualTo("1.0 ms");
        browser.screenshot("short-program-tree");
    }

    /**
     * The unit follows the busiest thread's time, as in the text tree: two threads of 0.6 and
     * 0.5 s are 1.1 s together, and the page printed the build's rows in seconds (0.600) where
     * its console tree printed 600.0 ms.
     */
    @Test
    void theUnitFollowsTheBusiestThreadAsTheTextTreeDoes() throws Exception {
        Session twoThreads = TestSessions.builder().sample(1, "app.Main.main;app.Site.render", 600)
                .sample(2, "app.Worker.run", 500).build();
        String text = Reports.of(twoThreads).render(ReportFormat.TEXT, ReportOptions.defaults());
        browser.open(HtmlBrowser.render(twoThreads, HtmlOptions.defaults(), "two-threads-under-a-second"));
        assertThat(text).contains("600.0 ms Site.render").contains("500.0 ms Worker.run");
        assertThat(time(row("Site.render"))).isEqualTo("600.0 ms");
        assertThat(time(row("Worker.run"))).isEqualTo("500.0 ms");
    }

    /**
     * In the tree with a row per thread, a thread's own time (its samples without a Java frame)
     * is "[no Java frames]", as in the text tree; a method's own time stays "[self]".
     */
    @Test
    void aThreadsOwnTimeSaysItHadNoJavaFrames() throws Exception {
        Session unwalked = TestSessions.builder().sample(1, "app.Main.main;app.Site.render", 40)
                .sample(1, "app.Main.main", 10).sample(1, "", 30).sample(2, "app.Worker.run", 20).sample(2, "", 5)
                .build();
        browser.open(HtmlBrowser.render(unwalked, HtmlOptions.defaults(), "no-java-frames"));
        List<String> selfRows = browser.findAll(By.cssSelector("#view .row.self-row")).stream()
                .map(r -> r.getAttribute("aria-level") + " " + r.findElement(By.cssSelector(".name")).getText()
                        + " " + time(r))
                .toList();
        assertThat(selfRows).containsExactlyInAnyOrder("2 [no Java frames] 30.0 ms", "3 [self] 10.0 ms",
                "2 [no Java frames] 5.0 ms");
        browser.screenshot("no-java-frames");
    }

    @Test
    void aLibraryGroupCountsAllTheTimeOfItsHiddenFrames() throws Exception {
        // a template engine's 60 small steps, each under the 0.1% threshold, are 3% of the run
        // together: they are library time and belong to the "frames hidden" row, or the rows
        // under Engine.run add up to 1.94 s of its 2.00 s and the library looks free
        Session session = TestSessions.libraryCallInSmallSteps();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "library-group-time"));
        WebElement group = browser.findAll(By.cssSelector("#view .group-row")).stream()
                .filter(r -> r.getText().contains("(lib)")).findFirst()
                .orElseThrow(() -> new AssertionError("no group row in " + browser.text(By.id("view"))));
        assertThat(group.getText()).contains("61 frames hidden");
        assertThat(time(group)).isEqualTo("0.060");
        assertThat(time(row("Callback.call"))).isEqualTo("1.940");
        // the text report counts the same methods, and shows the same own time: it hid the 60
        // steps under its threshold before grouping, and said "[1 frame hidden]"
        assertThat(Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults().withColor(false)))
                .contains("Engine.run  Engine.java:10  [61 frames hidden: lib]", "└─ 0.060 [self]");
        browser.screenshot("library-group-time");
    }

    /**
     * An agent run's target is its whole command line: javac compiling a project (its class path
     * 8,000 characters) filled the first screen with it, the tree out of sight below. The header
     * shows two lines of it; the rest is in its tooltip.
     */
    @Test
    void aLongCommandLineLeavesTheTreeInSight() throws Exception {
        String command = "jdk.compiler/com.sun.tools.javac.Main -d out -cp "
                + String.join(":", java.util.Collections.nCopies(200, "/home/me/.m2/repository/org/lib/1.0/lib-1.0.jar"));
        Session session = TestSessions.builder().target(command).sample(1, "app.Main.main;app.Site.render", 100).build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "long-target"));

        WebElement target = browser.find(By.id("target"));
        assertThat(target.getSize().getHeight()).isLessThan(60); // two lines of 15 px text
        assertThat(target.getAttribute("title")).isEqualTo(command);
        assertThat(browser.find(By.id("view")).getLocation().getY()).isLessThan(200);
        assertThat(row("Site.render").isDisplayed()).isTrue();
        browser.screenshot("long-target");
    }

    @Test
    void hiddenFramesNameTheirLibrariesAsTheTextReportDoes() throws Exception {
        // org.yaml.snakeyaml is snakeyaml (the page said "yaml"), org.nibor.autolink autolink
        // ("nibor"), org.w3c.dom the JDK's
        Session session = TestSessions.builder()
                .sample(1, "app.Main.main;org.yaml.snakeyaml.Yaml.load;org.yaml.snakeyaml.composer.Composer.compose"
                        + ";org.nibor.autolink.LinkExtractor.extractLinks;org.w3c.dom.Node.getFirstChild;app.Callback.call", 100)
                .build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "library-names"));
        String text = Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults());

        WebElement group = browser.findAll(By.cssSelector("#view .group-row")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no group row in " + browser.text(By.id("view"))));
        assertThat(group.findElement(By.cssSelector(".libs")).getText()).isEqualTo("(autolink, jdk, snakeyaml)");
        assertThat(text).contains("frames hidden: snakeyaml, autolink, jdk]");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * A class loader reached through 50 hidden paths of three frames each: the group row counts
     * each hidden method once (53), as the text report does; counting every path's frames it
     * said 151, as if they were one chain.
     */
    @Test
    void aHiddenMethodCountsOnceHoweverManyPathsItIsOn() throws Exception {
        TestSessions b = TestSessions.builder();
        for (int i = 0; i < 50; i++) {
            b.sample(1, "app.Main.main;org.lib.Launcher.launch;org.lib.Realm.load" + i
                    + ";org.lib.Realm.find;org.lib.Realm.define;app.X.x", 10);
        }
        b.sample(1, "app.Main.main;org.lib.Launcher.launch;org.lib.Realm.boot;app.Y.y", 300);
        Session session = b.build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults(), "hidden-methods-once"));

        WebElement group = browser.findAll(By.cssSelector("#view .group-row")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no group row in " + browser.text(By.id("view"))));
        assertThat(group.getText()).contains("53 frames hidden");
        assertThat(Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults())).contains("[53 frames hidden: lib]");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * The application's code reached through different paths of hidden library frames (a
     * class loader, a framework's dispatch) is one row, as in the text report's tree: in an
     * agent profile of Maven the call tree listed "ClassRealm.loadClass" some fifty times, one
     * row per hidden path, each with a part of its time, under one "frames hidden" row.
     */
    @Test
    void theSameMethodBelowDifferentHiddenPathsIsOneRow() throws Exception {
        TestSessions b = TestSessions.builder()
                .sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.a;app.Callback.call;app.Callback.work", 30)
                .sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.b;app.Callback.call;app.Callback.work", 20)
                .sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.b;org.lib.Engine.c;app.Callback.call;app.Other.x", 10)
                .sample(1, "app.Main.main;org.lib.Engine.run;org.lib.Engine.d;app.Other.y", 40);
        browser.open(HtmlBrowser.render(b.build(), HtmlOptions.defaults(), "lifted-merged"));
        List<WebElement> calls = browser.findAll(By.xpath("//div[contains(@class,'row')][span[contains(@class,'name') and text()='Callback.call']]"));
        assertThat(calls).as(browser.text(By.id("view"))).hasSize(1);
        assertThat(time(calls.get(0))).isEqualTo("60.0 ms");
        assertThat(time(row("Callback.work"))).isEqualTo("50.0 ms");
        assertThat(time(row("Other.x"))).isEqualTo("10.0 ms");
        assertThat(time(row("Other.y"))).isEqualTo("40.0 ms");
        // the merged row is a row like any other: its details, then closed and opened again
        calls.get(0).findElement(By.cssSelector(".name")).click();
        assertThat(browser.text(By.id("detail-total"))).startsWith("60.0 ms");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aThresholdThatHidesEveryRowSaysSo() {
        browser.find(By.cssSelector(".options summary")).click();
        WebElement threshold = browser.find(By.id("opt-threshold"));
        threshold.clear();
        try {
            threshold.sendKeys("95", Keys.TAB); // no thread has 95% of the time
            assertThat(browser.findAll(By.cssSelector("#view .row"))).isEmpty();
            assertThat(browser.text(By.id("view"))).contains("No call is above the threshold (95% of the total)");
        } finally {
            browser.js("localStorage.clear()"); // the threshold is kept for the next page opened
        }
    }

    /**
     * Two hidden classes the JVM spun for one lambda, reached from two callers: one method in the
     * hot methods table, named as the tree names it. The table had two rows of the same name
     * (3 ms and 2 ms), each titled with the JVM's address, as the tooltips were.
     */
    @Test
    void hotMethodsCountALambdasHiddenClassesAsOneMethod() throws Exception {
        Session session = TestSessions.builder()
                .sample(1, "app.Main.main;app.A.run;app.Site$$Lambda$12/0x0000000800c01234.accept;app.Site.lambda$run$0", 3)
                .sample(1, "app.Main.main;app.B.run;app.Site$$Lambda.0x0000000800c05678.accept;app.Site.lambda$run$0", 2)
                .build();
        browser.open(HtmlBrowser.render(session, HtmlOptions.defaults().withShowAll(true), "lambda-two-callers"));
        browser.find(By.id("tab-hot")).click();
        List<WebElement> lambdas = browser.findAll(By.cssSelector("#hot-table tbody tr")).stream()
                .filter(r -> r.getText().startsWith("Site$$Lambda.accept")).toList();
        assertThat(lambdas).hasSize(1);
        assertThat(lambdas.get(0).getText()).contains("5.00 ms 100.0% 5");
        assertThat(lambdas.get(0).findElement(By.cssSelector("td")).getAttribute("title")).isEqualTo("app.Site$$Lambda.accept");
        lambdas.get(0).click();
        assertThat(browser.text(By.id("detail-callers"))).contains("A.run").contains("B.run");
    }

    @Test
    void callersAndCalleesAreNamedAsTheTreeNamesThem() throws Exception {
        // JDK 21+ names a lambda's hidden class "Site$$Lambda.0x0000000800c05678": the details
        // listed its caller as "0x0000000800c05678.accept", the tree as "Site$$Lambda.accept"
        browser.open(HtmlBrowser.render(HtmlTestProfiles.twoLambdaClassesAtOneCallSite(), HtmlOptions.defaults(), "lambda-names"));
        browser.find(By.cssSelector(".options summary")).click();
        try {
            browser.find(By.id("opt-show-all")).click(); // keeps the lambda plumbing
            row("Site.lambda$run$0").click();
            assertThat(browser.text(By.id("detail-callers"))).contains("Site$$Lambda.accept").doesNotContain("0x");
            row("Site$$Lambda.accept").click();
            assertThat(browser.text(By.id("detail-callees"))).contains("Site.lambda$run$0");
            assertThat(browser.text(By.id("detail-callers"))).contains("Main.main");
        } finally {
            browser.js("localStorage.clear()");
        }
    }
}
