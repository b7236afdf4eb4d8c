package dev.markata.profiler.render.html;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A 100,000-sample, 8-thread, 10,000-page build loads and every view works on it; and past the
 * resample bound the page embeds fewer rows and says so. (How fast: see bench/report.)
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
        assertThat(browser.text(By.cssSelector("#view .kids.top > .node > .row .time")))
                .isEqualTo(String.format("%.3f", dev.markata.profiler.process.CallTrees.build(session, false)
                        .totalNanos() / 1e9));
    }
}
