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
                .isEqualTo(String.format("%.3f", dev.markata.profiler.process.CallTrees.build(session, false)
                        .totalNanos() / 1e9));
    }

    /** One thread: Main.main > Build.run > 2,000 documents Docs.render0..1999, heaviest first, each calling Markdown.parse. */
    static Session wideTree() {
        TestSessions b = TestSessions.builder();
        for (int i = 0; i < 2_000; i++) {
            b.sample(1, "app.Main.main;app.Build.run;app.Docs.render" + i + ";app.Markdown.parse", 3_000 - i);
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
        // page), which is highlighted wherever it is scrolled to
        scrollViewTo("0");
        browser.find(By.id("search")).sendKeys("render1999\n");
        assertThat(browser.text(By.id("search-status"))).startsWith("1 matches");
        assertThat(browser.findAll(By.cssSelector("#view .row.match"))).extracting(WebElement::getText)
                .singleElement().satisfies(t -> assertThat(t).contains("Docs.render1999"));
        scrollViewTo("0");
        assertThat(browser.findAll(By.cssSelector("#view .row.match"))).isEmpty();
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
