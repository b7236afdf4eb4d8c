package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The report is self-contained and inert: no request leaves the page whatever view is shown, and
 * names from code or content (a document called {@code </script><img onerror>}) show as text.
 */
class HtmlSafetyBrowserTest {

    static HtmlBrowser browser;
    static Path report;

    @BeforeAll
    static void openBrowser() throws Exception {
        assumeFalse(HtmlBrowser.skipped(), "MARKATA_SKIP_BROWSER_TESTS=1");
        browser = HtmlBrowser.start();
        report = HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.ENABLED, 6, "failed"),
                HtmlOptions.defaults().withTitle("<img src=x onerror=window.__pwned=4>"), "safety");
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void noRequestLeavesThePageInAnyView() {
        browser.requestedUrls(); // drop what came before
        browser.consoleErrors();
        browser.open(report);
        for (String view : List.of("tree", "timeline", "flame", "hot", "build", "compare")) {
            browser.find(By.id("tab-" + view)).click();
        }
        browser.find(By.id("search")).sendKeys("Parser\n");
        List<String> urls = browser.requestedUrls();
        assertThat(urls).as("requests made by the page").allMatch(u -> u.equals(report.toUri().toString()));
        assertThat(urls).hasSize(1);
        assertThat(browser.consoleErrors()).as("console errors, CSP violations included").isEmpty();
        assertThat((Long) browser.js("return performance.getEntriesByType('resource').length")).isZero();
        assertThat((String) browser.js("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"))
                .startsWith("default-src 'none'; script-src 'sha256-");
    }

    @Test
    void namesFromTheSessionRenderAsText() {
        browser.open(report);
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
        assertThat(browser.findAll(By.cssSelector("#app img, #app b, body > img"))).isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("<img src=x onerror=window.__pwned=4> — markata profile");
        assertThat(browser.text(By.id("target"))).isEqualTo("<img src=x onerror=window.__pwned=4>");
        assertThat(browser.text(By.id("build-error"))).isEqualTo(HtmlTestProfiles.EVIL_ERROR);
        // a frame named <init> is an ordinary method name, not a tag
        browser.find(By.id("search")).sendKeys("<init>\n");
        assertThat(browser.text(By.id("view"))).contains("Templates.<init>");
        browser.find(By.id("search")).clear();
        browser.find(By.id("search")).sendKeys("script\n"); // the search filters the documents table
        browser.find(By.id("tab-build")).click();
        assertThat(browser.findAll(By.cssSelector("#build-documents tbody tr"))).hasSize(1);
        assertThat(browser.text(By.id("build-documents"))).contains(HtmlTestProfiles.EVIL_DOCUMENT);
        browser.find(By.id("tab-timeline")).click();
        assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
        // exactly the page's own three script elements: options, data and code
        assertThat((Long) browser.js("return document.scripts.length")).isEqualTo(3L);
    }
}
