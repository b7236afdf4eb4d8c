package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page open in headless Chromium while {@code serve --watch} builds the site: a save that
 * breaks the build puts its error over the page, a fix takes it away, each without the reader
 * touching the page. Chromium and chromedriver are the system's; {@code
 * MARKATA_SKIP_BROWSER_TESTS=1} skips.
 */
class ServeBuildErrorBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    /** Whether the overlay is there and shown: in the page, laid out, and what the middle of the window shows. */
    static final String OVERLAY_SHOWN = "var o=document.getElementById('" + StaticServer.OVERLAY_ID + "');"
            + "if(!o)return false;var r=o.getBoundingClientRect();"
            + "var hit=document.elementFromPoint(innerWidth/2,innerHeight/2);"
            + "return r.width>0&&r.height>0&&getComputedStyle(o).visibility==='visible'&&o.contains(hit);";

    @TempDir
    Path dir;

    private ChromeDriver driver;

    @BeforeEach
    void startChromium() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("MARKATA_SKIP_BROWSER_TESTS")), "MARKATA_SKIP_BROWSER_TESTS=1");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1000,800", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium").toAbsolutePath());
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private void waitUntil(String what, String script) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(what).until(d -> Boolean.TRUE.equals(js(script)));
    }

    private static String bodyHas(String text) {
        return "return !!document.body && document.body.textContent.indexOf('" + text + "') >= 0;";
    }

    @Test
    void aSaveThatBreaksTheBuildShowsItsErrorOverTheOpenPageAndTheFixTakesItAway() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Overlay\"\n")
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a.")
                .post("posts/b.md", "title: Bee\ndate: 2024-01-02", "The body of b.");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "The body of a.");
            driver.get(serve.url("/a/"));
            waitUntil("the page", bodyHas("The body of a."));
            assertThat(js("return document.getElementById('" + StaticServer.OVERLAY_ID + "')")).isNull();

            site.post("posts/b.md", "date: 2024-01-02\ntitle: [unclosed", "The body of b.");
            waitUntil("the error over the open page", OVERLAY_SHOWN);
            String shown = driver.findElement(By.id(StaticServer.OVERLAY_ID)).getText();
            assertThat(shown).contains("posts/b.md:3: front matter is not valid YAML").contains("<stream end>")
                    .contains("the site was not built");
            assertThat(js(bodyHas("The body of a."))).as("the last good page under it").isEqualTo(true);

            // the reader can close it to read the page
            driver.findElement(By.cssSelector("#" + StaticServer.OVERLAY_ID + " button")).click();
            assertThat(js("return document.getElementById('" + StaticServer.OVERLAY_ID + "')")).isNull();

            site.post("posts/b.md", "title: Bee\ndate: 2024-01-02", "The body of b.")
                    .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a, fixed.");
            waitUntil("the fixed page", bodyHas("The body of a, fixed."));
            assertThat(js("return document.getElementById('" + StaticServer.OVERLAY_ID + "')")).isNull();
        }
    }

    @Test
    void aSiteWithAServiceWorkerShowsTheErrorAndTheRebuiltPageNotItsCachedOne() throws Exception {
        // markata's service worker answers a page from its cache first: the reload after a build
        // showed the page as it was before it, and the reloaded page took that for the current one
        Site site = new Site(dir).write("markata.toml", """
                        [markata]
                        title = "Offline"
                        hooks = ["default", "markata.plugins.service_worker"]
                        """)
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a.");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "The body of a.");
            driver.get(serve.url("/a/"));
            waitUntil("the service worker in control", "return !!navigator.serviceWorker.controller;");
            // cached by the worker now
            driver.navigate().refresh();
            waitUntil("the page", bodyHas("The body of a."));

            site.post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a, edited.");
            waitUntil("the edited page", bodyHas("The body of a, edited."));
            site.post("posts/a.md", "title: [unclosed", "The body of a, broken.");
            waitUntil("the error over the open page", OVERLAY_SHOWN);
            assertThat(js(bodyHas("The body of a, edited."))).isEqualTo(true);
            site.post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a, fixed.");
            waitUntil("the fixed page", bodyHas("The body of a, fixed."));
            assertThat(js("return document.getElementById('" + StaticServer.OVERLAY_ID + "')")).isNull();
        }
    }
}
