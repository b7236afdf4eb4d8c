package dev.markata.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.cli.LocalSite;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The built-in theme in real headless Chromium: a post page with every kind of content, served
 * over http as {@code markata serve} does, in light and dark, on a wide and a phone-sized window;
 * screenshots go to
 * {@code target/theme-screenshots/}. Chromium and chromedriver are the system's (Selenium
 * downloads nothing); {@code MARKATA_SKIP_BROWSER_TESTS=1} skips.
 */
class ThemeBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "theme-screenshots");

    private static ChromeDriver driver;
    private static LocalSite served;
    private static Path site;
    private static Path profile;

    @BeforeAll
    static void buildAndStart() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("MARKATA_SKIP_BROWSER_TESTS")));
        site = Files.createTempDirectory("markata-theme-");
        Site files = new Site(site);
        files.write("markata.toml", """
                [markata]
                title = "Notes on Building Things"
                description = "A small blog about making software."
                author_name = "Ada Example"
                hooks = ["default", "markata.plugins.heading_link"]
                [markata.mermaid]
                script_url = "/js/mermaid-stand-in.mjs"
                """);
        // what the page asks of mermaid's module: initialize, then a run on the page's load
        files.write("static/js/mermaid-stand-in.mjs", """
                export default {
                  initialize(config) {
                    window.mermaidConfig = config;
                    if (config.startOnLoad) window.addEventListener('load', () => this.run());
                  },
                  run() {
                    for (const pre of document.querySelectorAll('pre.mermaid')) {
                      pre.innerHTML = '<svg width="120" height="40"><rect width="120" height="40"></rect></svg>';
                    }
                    window.mermaidRuns = (window.mermaidRuns || 0) + 1;
                  }
                };
                """);
        files.post("posts/diagram.md", "title: A diagram\ndate: 2024-05-02", """
                ```mermaid
                graph TD;
                    A-->B;
                ```
                """);
        files.post("posts/theme-tour.md", """
                title: A tour of the default theme
                date: 2024-05-01
                tags: [design, css]
                published: true""", """
                The default theme is meant to be **quiet and readable**: one column, a comfortable line length,
                and colours that follow the reader's system. Links look like [links](/archive/) and `inline code`
                has a soft background.

                ## Code

                ```python
                def greet(name: str) -> str:
                    # say hello
                    return f"Hello, {name}!" if name else None
                ```

                !!! tip "Admonitions"
                    Notes, tips and warnings stand out without shouting.

                ??? warning "Collapsed details"
                    Hidden until opened.

                <details class="details tip"><summary class="details-title">Details markup</summary>
                <p>The markup markata's details plugin makes, for sites that list it without the admon plugin.</p>
                </details>

                | Feature | Status |
                |---|---|
                | Dark mode | done |
                | Tables | done |

                - [x] task lists
                - [ ] more themes

                > A quotation, set apart by a rule.[^1]

                [^1]: Footnotes land at the end.
                """);
        BuildResult result = Markata.builder(site).environment(Map.of())
                .reporter(new dev.markata.testing.Warnings()).open().build();
        assertThat(result.posts()).hasSize(2);
        served = LocalSite.serve(result.outputDir());

        profile = Files.createTempDirectory("markata-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,1300", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    /** The browser, the server, then the site's and the browser's folders in /tmp (left there by every run). */
    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
            if (served != null) {
                served.close();
            }
        } finally {
            deleteFolder(profile);
            deleteFolder(site);
        }
    }

    /**
     * Deletes {@code folder} and what it holds. Tried again for a moment: Chromium's helper
     * processes may still write to its profile folder just after the driver quit.
     */
    private static void deleteFolder(Path folder) throws Exception {
        for (int attempt = 1; folder != null && Files.exists(folder); attempt++) {
            try {
                new Site(folder).delete("");
            } catch (java.io.UncheckedIOException stillWritten) {
                if (attempt == 20) {
                    throw stillWritten;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The browser's requests since the log was last read, to other hosts than {@code origin}. */
    private static List<String> requestsOutside(String origin) {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage).filter(m -> m.contains("\"Network.requestWillBeSent\""))
                .filter(m -> m.contains("\"url\":\"http")).filter(m -> !m.contains("\"url\":\"" + origin))
                .toList();
    }

    private static void screenshot(String name) throws Exception {
        // as bytes: OutputType.FILE writes a copy in /tmp first, left there until the JVM exits
        Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aPostPageLooksRightInLightAndDarkAndOnAPhone() throws Exception {
        driver.manage().window().setSize(new Dimension(1100, 1300));
        driver.get(served.url("theme-tour/index.html"));
        assertThat(driver.getTitle()).isEqualTo("A tour of the default theme | Notes on Building Things");
        screenshot("post-light.png");
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        assertThat(js("return getComputedStyle(document.querySelector('.highlight .k')).color"))
                .isNotEqualTo(js("return getComputedStyle(document.querySelector('.highlight')).color"));
        long articleWidth = (Long) js("return Math.round(document.querySelector('main').getBoundingClientRect().width)");
        assertThat(articleWidth).isBetween(600L, 800L); // a readable measure, centred

        driver.findElement(By.cssSelector("button.theme")).click();
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(13, 17, 23)");
        screenshot("post-dark.png");
        driver.navigate().refresh();
        assertThat(js("return document.documentElement.getAttribute('data-theme')")).isEqualTo("dark");
        driver.findElement(By.cssSelector("button.theme")).click();

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        assertThat((Boolean) js("return document.scrollingElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isTrue();
        screenshot("post-phone.png");

        List<LogEntry> console = driver.manage().logs().get(LogType.BROWSER).getAll();
        // The site has no favicon, so the browser's own request for /favicon.ico is a 404: not the theme's doing.
        assertThat(console).filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .filteredOn(e -> !e.getMessage().startsWith(served.url("favicon.ico") + " "))
                .isEmpty();
        assertThat(requestsOutside(served.origin())).as("the theme makes no network requests").isEmpty();
    }

    /**
     * markata's details plugin's blocks ({@code <details class="details tip">} with a
     * {@code summary.details-title}) are boxes as admonitions are, in their kind's colour, their
     * title a heading that opens them, as markata's theme styles them by their kind's class; they
     * were bare disclosure triangles here.
     */
    @Test
    void detailsBlocksLookLikeAdmonitionsOfTheirKind() {
        driver.manage().window().setSize(new Dimension(1100, 1300));
        driver.get(served.url("theme-tour/index.html"));
        String details = "document.querySelector('details.details.tip')";
        String admonition = "document.querySelector('.admonition.tip')";
        assertThat(js("return getComputedStyle(" + details + ").borderLeftColor"))
                .isEqualTo(js("return getComputedStyle(" + admonition + ").borderLeftColor"));
        assertThat(js("return getComputedStyle(" + details + ").borderLeftWidth")).isEqualTo("4px");
        assertThat(js("return getComputedStyle(" + details + ").backgroundColor"))
                .isEqualTo(js("return getComputedStyle(" + admonition + ").backgroundColor"));
        String summary = details + ".querySelector('summary.details-title')";
        assertThat(js("return getComputedStyle(" + summary + ").cursor")).isEqualTo("pointer");
        assertThat(js("return getComputedStyle(" + summary + ").color"))
                .isEqualTo(js("return getComputedStyle(" + admonition + ".querySelector('.admonition-title')).color"));
        assertThat(js("return getComputedStyle(" + summary + ").fontWeight")).isEqualTo("650");
    }

    @Test
    void aDiagramIsDrawnByTheConfiguredModuleAndHeadingLinksShowOnHover() throws Exception {
        driver.manage().window().setSize(new Dimension(1100, 1300));
        driver.get(served.url("diagram/index.html"));
        assertThat(js("return window.mermaidRuns")).isEqualTo(1L);
        assertThat(js("return window.mermaidConfig.theme + ' ' + window.mermaidConfig.look")).isEqualTo("dark handDrawn");
        assertThat(js("return document.querySelectorAll('pre.mermaid svg').length")).isEqualTo(1L);

        driver.get(served.url("theme-tour/index.html"));
        assertThat(js("return window.mermaidConfig === undefined")).as("no diagram, no mermaid").isEqualTo(true);
        var link = driver.findElement(By.cssSelector("h2 a.heading-permalink"));
        assertThat(link.getAttribute("href")).endsWith("#code");
        // hidden until the heading is hovered; faint but there where nothing can hover (headless Chromium)
        boolean noHover = (Boolean) js("return matchMedia('(hover: none)').matches");
        assertThat(link.getCssValue("opacity")).isEqualTo(noHover ? "0.6" : "0");
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.cssSelector("h2#code")))
                .perform();
        assertThat(link.getCssValue("opacity")).isEqualTo("1");
        assertThat(js("return document.querySelector('.heading-permalink .visually-hidden').getBoundingClientRect().width"))
                .isIn(0L, 1L, 0.0, 1.0);
    }

    /**
     * A site with icon_resize, manifest and service_worker as a visitor's browser takes it: the
     * page registers the worker, which stores the precached pages under the version the build
     * wrote, and once the server is gone the pages visited still open.
     */
    @Test
    void aSiteWithTheWorkerIsInstalledAndReadOffline() throws Exception {
        Path pwa = Files.createTempDirectory("markata-pwa-");
        Site files = new Site(pwa).write("markata.toml", """
                [markata]
                title = "Offline notes"
                hooks = ["default", "markata.plugins.manifest", "markata.plugins.service_worker"]
                icon = "icon.png"
                site_name = "Offline notes"
                """).post("posts/kept.md", "title: Kept for later\ndate: 2024-05-01", "Readable without a network.");
        java.awt.image.BufferedImage icon = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        Files.createDirectories(pwa.resolve("static"));
        javax.imageio.ImageIO.write(icon, "png", pwa.resolve("static/icon.png").toFile());
        BuildResult result = Markata.builder(pwa).environment(Map.of()).reporter(new dev.markata.testing.Warnings())
                .open().build();
        String worker = files.read("markout/service-worker.js");
        String cache = worker.replaceFirst("(?s).*const CACHE = \"([^\"]+)\".*", "$1");
        try (LocalSite site = LocalSite.serve(result.outputDir())) {
            driver.get(site.url("kept/index.html"));
            Object scope = ((JavascriptExecutor) driver).executeAsyncScript(
                    "navigator.serviceWorker.ready.then(r => arguments[0](r.scope))");
            assertThat(scope).isEqualTo(site.url(""));
            assertThat(((JavascriptExecutor) driver).executeAsyncScript(
                    "caches.keys().then(keys => arguments[0](keys))")).isEqualTo(List.of(cache));
            assertThat(((JavascriptExecutor) driver).executeAsyncScript(
                    "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
                            + ".then(m => arguments[0](m.name + ' ' + m.icons.length))")).isEqualTo("Offline notes 8");
            // the worker controls the page from now on: this visit goes through it, and is kept
            driver.navigate().refresh();
            assertThat(js("return navigator.serviceWorker.controller !== null")).isEqualTo(true);
        }
        // the server is gone: the visited page and the precached home page still open
        driver.navigate().refresh();
        assertThat(driver.findElement(By.cssSelector("article h1, h1")).getText()).isEqualTo("Kept for later");
        driver.get(driver.getCurrentUrl().replace("kept/index.html", ""));
        assertThat(driver.getTitle()).isEqualTo("All Posts | Offline notes"); // markata's title of its default archive
        screenshot("pwa-offline.png");
        new Site(pwa.getParent()).delete(pwa.getFileName().toString());
    }

    /**
     * {@code serve --watch} on a site with the service worker: once the worker controls the
     * page, an edit must still reload it, and show the page as built now.
     */
    @Test
    void aPageControlledByTheWorkerStillReloadsWhenServeRebuilds() throws Exception {
        Path pwa = Files.createTempDirectory("markata-pwa-watch-");
        Site files = new Site(pwa).write("markata.toml", """
                [markata]
                title = "Watched notes"
                hooks = ["default", "markata.plugins.service_worker"]
                """).post("posts/draft.md", "title: First title\ndate: 2024-05-01", "Being written.");
        BuildResult result = Builds.withoutWarnings(pwa);
        try (LocalSite site = LocalSite.serveWatched(result.outputDir())) {
            driver.get(site.url("draft/"));
            ((JavascriptExecutor) driver).executeAsyncScript("navigator.serviceWorker.ready.then(() => arguments[0]())");
            driver.navigate().refresh();
            assertThat(js("return navigator.serviceWorker.controller !== null")).isEqualTo(true);
            // the page, controlled now, has asked the server for its build twice (through the worker)
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> (Long) js(
                    "return performance.getEntriesByType('resource')"
                            + ".filter(e => e.name.endsWith('/__markata/version')).length") >= 2);

            // serve says the site was built again: the page reloads (the worker changed nothing)
            js("window.notReloaded = true");
            site.rebuilt();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.JavascriptException.class)
                    .until(d -> js("return window.notReloaded === undefined").equals(true));

            // an edit, built and announced: the page shows it
            files.post("posts/draft.md", "title: Second title\ndate: 2024-05-01", "Being written.");
            Builds.withoutWarnings(pwa);
            site.rebuilt();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("h1")).getText().equals("Second title"));
        } finally {
            driver.get("about:blank");
            // this site's requests and console lines are not the theme page's, which another test checks
            driver.manage().logs().get(LogType.BROWSER);
            driver.manage().logs().get(LogType.PERFORMANCE);
            new Site(pwa.getParent()).delete(pwa.getFileName().toString());
        }
    }

    /**
     * A paginated feed (markata's {@code enabled = true}) with the default {@code pagination_type},
     * htmx: the first page links to the second, and as the reader scrolls to its end the next
     * pages' partials are appended to the list, the address following them, without htmx (or any
     * request off the site).
     */
    @Test
    void aPaginatedFeedAppendsItsNextPagesAsTheReaderScrolls() throws Exception {
        Path paged = Files.createTempDirectory("markata-paged-");
        Site files = new Site(paged).write("markata.toml", """
                [markata]
                title = "Paged notes"

                [[markata.feeds]]
                slug = "notes"
                title = "Notes"
                filter = "True"
                sort = "date"
                reverse = true
                enabled = true
                items_per_page = 2
                """);
        for (int i = 1; i <= 5; i++) {
            files.post("posts/n" + i + ".md", "title: Note " + i + "\ndate: 2024-05-1" + i, "Note number " + i + ".");
        }
        BuildResult result = Builds.withoutWarnings(paged);
        try (LocalSite site = LocalSite.serve(result.outputDir())) {
            driver.manage().window().setSize(new Dimension(1100, 1300));
            // as served: the first page's two posts and a link to the second
            org.jsoup.nodes.Document first = org.jsoup.Jsoup.parse(files.read("markout/notes/index.html"));
            assertThat(first.select("ul.posts li")).hasSize(2);
            assertThat(first.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/notes/2/");
            driver.get(site.url("notes/"));
            // the list is short: the links are in view at once, and each page appended brings the next
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> js(
                    "window.scrollTo(0, document.body.scrollHeight);"
                            + " return document.querySelectorAll('ul.posts li').length").equals(5L));
            assertThat(js("return [...document.querySelectorAll('ul.posts a.title')].map(a => a.textContent).join()"))
                    .isEqualTo("Note 5,Note 4,Note 3,Note 2,Note 1");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().equals(site.url("notes/3/")));
            assertThat(js("return document.querySelector('nav.pagination') === null")).isEqualTo(true);
            assertThat(requestsOutside(site.origin())).isEmpty();
        } finally {
            driver.get("about:blank");
            driver.manage().logs().get(LogType.BROWSER);
            driver.manage().logs().get(LogType.PERFORMANCE);
            new Site(paged.getParent()).delete(paged.getFileName().toString());
        }
    }
}
