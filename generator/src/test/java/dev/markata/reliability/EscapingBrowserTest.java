package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A post whose title, slug, description, tags and file name (and the site's title) hold markup
 * that would run script if it were not escaped: the built pages, the 404 page and the build
 * profile report open in headless Chromium without any script of the content running. Chromium and chromedriver are the Debian packages; set
 * {@code MARKATA_SKIP_BROWSER_TESTS=1} to skip.
 */
class EscapingBrowserTest {

    static final String ATTACK = "</script><img src=x onerror=alert(1)>";
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;

    @Test
    void noScriptFromContentRunsInThePagesOrTheReport() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("MARKATA_SKIP_BROWSER_TESTS")), "MARKATA_SKIP_BROWSER_TESTS=1");
        String yaml = "\"" + ATTACK + "\"";
        new Site(dir).write("markata.toml", "[markata]\ntitle = " + "\"" + ATTACK.replace("\"", "\\\"") + "\"\n"
                        + "hooks = [\"default\", \"markata.plugins.profiler\"]\n[markata.profiler]\nprint = false\n")
                .post("posts/<img src=x onerror=alert(2)>.md", "title: " + yaml + "\nslug: " + yaml
                        + "\ndate: 2024-01-01\npublished: true\ndescription: " + yaml + "\ntags: [" + yaml + "]",
                        // raw HTML in a Markdown body is the author's own markup (CommonMark passes it through)
                        "Body text.");
        Cli.Run run = Cli.builtIn().build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        Path output = dir.resolve("markout");
        List<Path> pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("site pages, the 404 page (titles in a script as JSON) and the profile report")
                .hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(p -> assertThat(p.toString()).contains("_profile"))
                .anySatisfy(p -> assertThat(p.toString()).endsWith("404.html"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium").toAbsolutePath());
        // an alert stays open, so the test can see it
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            for (Path page : pages) {
                driver.get(page.toUri().toString());
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(
                        ((JavascriptExecutor) d).executeScript("return document.readyState")));
                if (page.toString().contains("_profile")) {
                    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                            .executeScript("return document.body.dataset.ready || null") != null);
                }
                Thread.sleep(300); // let a broken image's onerror fire, if any was created
                try {
                    String text = driver.switchTo().alert().getText();
                    throw new AssertionError(page + ": content ran script (alert " + text + ")");
                } catch (NoAlertPresentException expected) {
                    // nothing ran
                }
                Object injected = driver.executeScript("return document.querySelectorAll('img[onerror]').length");
                assertThat(injected).as(page + ": images made from content").isEqualTo(0L);
                assertThat(driver.getPageSource()).as(page.toString()).doesNotContain("onerror=alert(1)>");
            }
            assertThat(pages.stream().map(p -> p.toString())).anySatisfy(p -> assertThat(p).contains("script-img"));
        } finally {
            driver.quit();
        }
    }
}
