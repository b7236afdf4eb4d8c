package dev.markata.profiler.render.html;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.markata.profiler.TestSessions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A 100,000-sample, 8-thread, 10,000-page build loads and every view works on it; and past the
 * resample bound the page embeds fewer rows and says so; a call tree expanded to thousands of
 * rows keeps only those in view in the page, and every row stays reachable. (How fast: see
 * bench/report.)
 */
class HtmlScaleBrowserTest {

    static HtmlBrowser browser;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeFalse(HtmlBrowser.skipped(), "MARKATA_SKIP_BROWSER_TESTS=1");
        browser = HtmlBrowser.start();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHundredThousandSampleBuildShowsEveryView() throws Exception {
        Session session = SyntheticBuildSessions.build(100_000, 8, 10_000, 42);
        Path report = HtmlBrowser.render(session, HtmlOptions.defaults(), "scale-100k");
        browser.open(report);
        assertThat(browser.text(By.id("fact-samples"))).isEqualTo("100,000");
        assertThat(browser.findAll(By.id("resample-note"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#view .row")).size()).isGreaterThan(5);
        browser.screenshot("scale-100k-tree");
        for (String view : new String[]{"timeline", "flame", "hot", "build"}) {
            long started = System.nanoTime();
            browser.find(By.id("tab-" + view)).click();
            System.out.printf("100k samples: %s view shown in %d ms%n", view, (System.nanoTime() - started) / 1_000_000);
            browser.screenshot("scale-100k-" + view);
        }
        assertThat(browser.findAll(By.cssSelector("#build-documents tbody tr"))).hasSize(50);
        long documents = session.spans().stream().filter(s -> s.category().equals("document")).map(s -> s.name()).distinct().count();
        assertThat(documents).isGreaterThanOrEqualTo(10_000);
        assertThat(browser.text(By.cssSelector(".section-title:last-of-type"))).isEqualTo("Slowest documents (50 of " + documents + ")");
        System.out.printf("100k samples: %,d bytes, first view %s ms in the page%n", Files.size(report),
                browser.js("return document.body.dataset.firstViewMs"));
    }

    @Test
    void pastTheBoundSamplesAreResampledWithANote() throws Exception {
        Session session = SyntheticBuildSessions.build(30_000, 4, 100, 7);
        Path report = HtmlBrowser.render(session, HtmlOptions.defaults().withMaxSampleRows(10_000), "resampled");
        browser.open(report);
        assertThat(browser.text(By.id("resample-note")))
                .startsWith("Resampled: 30000 sample rows resampled to 10000 (one in 3");
        // the samples count and the durations are those of the whole recording: the tree's
        // time is the Java tree's (each thread's wall time, the workers' tasks in the waits for them)
        assertThat(browser.text(By.id("fact-samples"))).isEqualTo("30,000");
        assertThat(browser.text(By.cssSelector("#view .row[aria-level='1'] .time")))
                .isEqualTo(HtmlBrowser.treeTime(dev.markata.profiler.process.CallTrees.build(session, false).totalNanos()));
    }

    /** One thread: Main.main > Build.run > 2,000 documents Docs.render0..1999, heaviest first, each calling Markdown.parse. */
    static Session wideTree() {
        return wideTree(0);
    }

    /** The same tree with every third document {@code slower} samples longer (a baseline to compare with). */
    static Session wideTree(int slower) {
        TestSessions b = TestSessions.builder();
        for (int i = 0; i < 2_000; i++) {
            b.sample(1, "app.Main.main;app.Build.run;app.Docs.render" + i + ";app.Markdown.parse", 3_000 - i + (i % 3 == 0 ? slower : 0));
        }
        return b.build();
    }

    WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    /** The name of the focused row. */
    String activeName() {
        return active().findElement(By.cssSelector(":scope > .name")).getText();
    }

    List<String> renderedNames() {
        return browser.findAll(By.cssSelector("#view .row > .name")).stream().map(WebElement::getText).toList();
    }

    void scrollViewTo(String fraction) {
        browser.js("const v = document.getElementById('view'); v.scrollTop = " + fraction + " * (v.scrollHeight - v.clientHeight);"
                + " v.dispatchEvent(new Event('scroll'));");
        browser.js("return new Promise(done => requestAnimationFrame(() => setTimeout(done)));");
    }

    /** The name of the call tree's focus row (its one Tab stop), wherever the keyboard's focus is. */
    String focusRowName() {
        return browser.find(By.cssSelector("#view .row[tabindex='0'] > .name")).getText();
    }

    /** The names of the focus row's ancestors, innermost first (found through the rows' aria-level). */
    @SuppressWarnings("unchecked")
    List<String> focusRowParents() {
        return (List<String>) browser.js("""
                const rows = window.markataReport.views.tree.rows;
                const out = [];
                for (let i = rows.focusEntry.index; i >= 0; i = rows.parentIndex(i)) {
                  if (i !== rows.focusEntry.index) out.push(window.markataReport.profile.frames[rows.flat[i].item.node.f].name);
                }
                return out;""");
    }

    /** Whether the focus row is an element of the page, inside the scrolled view's visible box. */
    boolean focusRowInView() {
        return (Boolean) browser.js("""
                const row = document.querySelector('#view .row[tabindex="0"]');
                const view = document.getElementById('view').getBoundingClientRect();
                const r = row && row.getBoundingClientRect();
                return !!row && r.top >= view.top && r.bottom <= view.bottom;""");
    }

    @Test
    void enterInTheSearchBoxAndNOrF3GoToTheNextMatchInTreeOrderThroughRowsNotInThePage() throws Exception {
        browser.openFresh(HtmlBrowser.render(wideTree(), HtmlOptions.defaults().withShowAll(true), "wide-tree-search"));
        WebElement search = browser.find(By.id("search"));
        // render19, render190..199, render1900..1999: 111 rows, heaviest (lowest number) first
        search.sendKeys("render19\n");
        assertThat(focusRowName()).isEqualTo("Docs.render19");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1 of 111");
        assertThat(active().getAttribute("id")).as("Enter keeps the keyboard in the search box").isEqualTo("search");
        search.sendKeys("\n");
        assertThat(focusRowName()).isEqualTo("Docs.render190");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 2 of 111");
        // the match stepped to is marked apart from the other matches (the keyboard is in the search box)
        assertThat(browser.findAll(By.cssSelector("#view .row.match")).size()).isGreaterThan(5);
        assertThat(browser.findAll(By.cssSelector("#view .row.match.current"))).extracting(WebElement::getText)
                .singleElement().satisfies(t -> assertThat(t).contains("Docs.render190"));
        search.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER), Keys.chord(Keys.SHIFT, Keys.ENTER));
        // back past the first: the last, 1,980 rows further down, not in the page until then
        assertThat(focusRowName()).isEqualTo("Docs.render1999");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 111 of 111");
        assertThat(focusRowInView()).isTrue();
        assertThat(browser.findAll(By.cssSelector("#view .row")).size()).isBetween(20, 200);

        // 2,000 matches, far more than a search opens (200): each is opened when it is reached
        search.clear();
        search.sendKeys("Markdown.parse\n"); // the next match from the focus row, Docs.render1999: its call
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 2000 of 2000");
        search.sendKeys("\n");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1 of 2000");
        assertThat(focusRowParents()).startsWith("Docs.render0");
        search.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 2000 of 2000");
        assertThat(focusRowName()).isEqualTo("Markdown.parse");
        assertThat(focusRowParents()).containsExactly("Docs.render1999", "Build.run", "Main.main");
        assertThat(focusRowInView()).isTrue();

        // outside the search box: n and N (and F3, Shift+F3) from the tree, which takes the keyboard's focus
        browser.find(By.cssSelector("#view .row[tabindex='0']")).click();
        active().sendKeys("n");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1 of 2000");
        assertThat(focusRowParents()).startsWith("Docs.render0");
        assertThat(active().getAttribute("tabindex")).isEqualTo("0");
        assertThat(activeName()).isEqualTo("Markdown.parse");
        active().sendKeys("n", "n");
        assertThat(focusRowParents()).startsWith("Docs.render2");
        active().sendKeys(Keys.F3);
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 4 of 2000");
        assertThat(focusRowParents()).startsWith("Docs.render3");
        active().sendKeys("N", Keys.chord(Keys.SHIFT, Keys.F3));
        assertThat(focusRowParents()).startsWith("Docs.render1");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 2 of 2000");
        // from a row that is not a match, the next match below it
        active().sendKeys(Keys.END, Keys.UP);
        assertThat(activeName()).isEqualTo("Docs.render1999");
        active().sendKeys("n");
        assertThat(focusRowParents()).startsWith("Docs.render1999");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 2000 of 2000");
        active().sendKeys(Keys.UP, "N");
        assertThat(focusRowParents()).startsWith("Docs.render1998");
        assertThat(browser.text(By.id("search-position"))).isEqualTo("match 1999 of 2000");
        // no search, no position
        search.clear();
        search.sendKeys("\n");
        assertThat(browser.text(By.id("search-position"))).isEmpty();
    }

    @Test
    void theCompareTabsTreeKeepsOnlyTheRowsInViewInThePageHoweverMuchOfItIsOpen() throws Exception {
        // until session 12 every open row of the Compare tab was an element of the page
        browser.openFresh(HtmlBrowser.render(wideTree(), HtmlOptions.defaults().withShowAll(true), "wide-tree-compare"));
        Path baseline = HtmlBrowser.OUT.resolve("wide-tree-baseline.json").toAbsolutePath();
        wideTree(50).save(baseline);
        browser.find(By.id("tab-compare")).click();
        browser.find(By.id("compare-file")).sendKeys(baseline.toString());
        browser.waitFor(By.cssSelector("#compare-tree .kids .row"));
        WebElement top = browser.find(By.cssSelector("#compare-tree .kids .row"));
        assertThat(top.getText()).contains("Main.main");
        browser.js("arguments[0].focus()", top);
        active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_LEFT)); // collapse all
        assertThat(browser.findAll(By.cssSelector("#compare-tree .kids .row"))).hasSize(1);
        active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT)); // expand all: 4,002 rows
        assertThat(browser.js("return markataReport.views.compare.rows.flat.length")).isEqualTo(4_002L);
        assertThat(browser.findAll(By.cssSelector("#compare-tree .kids .row")).size()).isBetween(20, 200);
        assertThat(browser.findAll(By.cssSelector("#compare-tree .row[tabindex='0']"))).hasSize(1);
        // the biggest changes first: every third document, 50 ms faster than in the baseline
        assertThat(browser.text(By.cssSelector("#compare-tree .row[aria-level='3']"))).contains("−50.0 ms", "Docs.render0");
        active().sendKeys(Keys.END);
        assertThat(active().getAttribute("aria-level")).isEqualTo("4");
        assertThat(active().getText()).contains("Markdown.parse");
        assertThat(focusRowInView()).isTrue();
        active().sendKeys(Keys.ARROW_LEFT); // to its parent, the last document
        assertThat(active().getAttribute("aria-level")).isEqualTo("3");
        assertThat(active().getAttribute("aria-posinset")).isEqualTo("2000");
        assertThat(browser.findAll(By.cssSelector("#compare-tree .kids .row")).size()).isBetween(20, 200);
        scrollViewTo("0.5");
        assertThat(browser.findAll(By.cssSelector("#compare-tree .kids .row")).size()).isBetween(20, 200);
        assertThat(browser.text(By.cssSelector("#compare-tree"))).contains("Docs.render");
        active().sendKeys(Keys.HOME);
        assertThat(active().getText()).contains("Main.main");
        active().sendKeys(Keys.ENTER); // closes it
        assertThat(browser.findAll(By.cssSelector("#compare-tree .kids .row"))).hasSize(1);
    }

    @Test
    void anExpandedTreeOfThousandsOfRowsKeepsThoseInViewInThePageAndEveryRowReachable() throws Exception {
        // 4,002 rows expanded ("show all": none under the threshold): until 2026-12-06 each was an
        // element of the page, and expanding them froze a 10,000-post build's report for 2.5 s
        browser.openFresh(HtmlBrowser.render(wideTree(), HtmlOptions.defaults().withShowAll(true), "wide-tree"));
        WebElement top = browser.find(By.cssSelector("#view .row"));
        assertThat(top.getText()).contains("Main.main");
        top.click(); // selects and toggles it: closed now
        active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT)); // expand all
        assertThat(renderedNames()).startsWith("Main.main", "Build.run", "Docs.render0", "Markdown.parse", "Docs.render1");
        assertThat(browser.findAll(By.cssSelector("#view .row")).size()).isBetween(20, 200);
        // one Tab stop, the focused row
        assertThat(browser.findAll(By.cssSelector("#view .row[tabindex='0']"))).hasSize(1);
        assertThat(activeName()).isEqualTo("Main.main");

        // the keyboard reaches the last row, and walks back from it
        active().sendKeys(Keys.END);
        assertThat(activeName()).isEqualTo("Markdown.parse");
        active().sendKeys(Keys.ARROW_UP);
        assertThat(activeName()).isEqualTo("Docs.render1999");
        assertThat(active().getAttribute("aria-level")).isEqualTo("3");
        assertThat(browser.findAll(By.cssSelector("#view .row")).size()).isBetween(20, 200);
        active().sendKeys(Keys.ARROW_LEFT, Keys.ARROW_DOWN); // closes it: its parse row goes
        assertThat(activeName()).isEqualTo("Docs.render1999");
        active().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_DOWN);
        assertThat(activeName()).isEqualTo("Markdown.parse");
        active().sendKeys(Keys.HOME);
        assertThat(activeName()).isEqualTo("Main.main");
        active().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(activeName()).isEqualTo("Markdown.parse");
        active().sendKeys(Keys.ARROW_LEFT); // a row without children: to its parent
        assertThat(activeName()).isEqualTo("Docs.render0");

        // scrolling shows the rows there, and the focused row stays focused and the one Tab stop
        scrollViewTo("0.5");
        assertThat(renderedNames()).contains("Docs.render1000");
        assertThat(browser.findAll(By.cssSelector("#view .row")).size()).isBetween(20, 200);
        scrollViewTo("1");
        assertThat(renderedNames()).contains("Docs.render1999", "Docs.render0");
        assertThat(activeName()).isEqualTo("Docs.render0");
        assertThat(browser.findAll(By.cssSelector("#view .row[tabindex='0']"))).hasSize(1);
        active().sendKeys(Keys.ARROW_DOWN); // goes on from the focused row, back in view
        assertThat(activeName()).isEqualTo("Markdown.parse");
        assertThat(renderedNames()).startsWith("Main.main", "Build.run", "Docs.render0", "Markdown.parse");

        // a row clicked far down shows its details
        scrollViewTo("0.9");
        List<WebElement> documents = browser.findAll(By.xpath("//div[@id='view']//span[starts-with(text(), 'Docs.render1')]"));
        WebElement far = documents.get(documents.size() / 2);
        String farName = far.getText();
        assertThat(Integer.parseInt(farName.substring("Docs.render".length()))).isGreaterThan(1_700);
        far.click();
        assertThat(browser.text(By.id("detail-name"))).isEqualTo(farName);
        assertThat(activeName()).isEqualTo(farName);

        // a search scrolls to its first match (the browser's own find sees only the rows in the
        // page), which is highlighted wherever it is scrolled to; Enter made it the focus row,
        // which stays in the page when scrolled away
        scrollViewTo("0");
        browser.find(By.id("search")).sendKeys("render1999\n");
        assertThat(browser.text(By.id("search-status"))).startsWith("1 matches");
        assertThat(browser.findAll(By.cssSelector("#view .row.match"))).extracting(WebElement::getText)
                .singleElement().satisfies(t -> assertThat(t).contains("Docs.render1999"));
        scrollViewTo("0");
        assertThat(browser.findAll(By.cssSelector("#view .row.match:not([tabindex='0'])"))).isEmpty();
        assertThat(focusRowInView()).isFalse();
        scrollViewTo("1");
        assertThat(browser.findAll(By.cssSelector("#view .row.match"))).extracting(WebElement::getText)
                .singleElement().satisfies(t -> assertThat(t).contains("Docs.render1999"));

        // collapse all from the top, back in the tree from the search box: its one Tab stop
        browser.find(By.cssSelector("#view .row[tabindex='0']")).sendKeys(Keys.HOME);
        assertThat(activeName()).isEqualTo("Main.main");
        active().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_LEFT));
        assertThat(renderedNames()).containsExactly("Main.main");
    }
}
