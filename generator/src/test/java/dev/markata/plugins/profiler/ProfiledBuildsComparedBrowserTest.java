package dev.markata.plugins.profiler;

import static dev.markata.plugins.profiler.ProfiledBuilds.blog;
import static dev.markata.plugins.profiler.ProfiledBuilds.markata;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report of a profiled build made after another shows, in headless Chromium, the previous
 * build's stage times beside its own on the Build tab: two real builds, the second with a plugin
 * that makes its render stage 600 ms slower. Chromium and chromedriver are the Debian packages;
 * set {@code MARKATA_SKIP_BROWSER_TESTS=1} to skip.
 */
class ProfiledBuildsComparedBrowserTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;
    /** For the build that warms the JVM up (JUnit 5.10+ makes each {@code @TempDir} a folder of its own). */
    @TempDir
    Path scratch;

    @Test
    void theBuildTabShowsThePreviousBuildsStageTimesBesideThisOnes() throws Exception {
        Assumptions.assumeFalse("1".equals(System.getenv("MARKATA_SKIP_BROWSER_TESTS")), "MARKATA_SKIP_BROWSER_TESTS=1");
        ProfiledBuilds.warmUpOnce(scratch);
        blog(dir, 12, "hooks = [\"default\", \"markata.plugins.pyinstrument\"]\nworkers = 2", "");
        assertThat(markata("build", "--directory", dir.toString(), "--quiet").code()).isZero();
        blog(dir, 12, "hooks = [\"default\", \"markata.plugins.pyinstrument\", \"test.slow_render\"]\nworkers = 2", "");
        assertThat(markata("build", "--directory", dir.toString(), "--quiet").code()).isZero();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(dir.resolve("markout/_profile/index.html").toUri().toString());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                    .executeScript("return document.body.dataset.ready || null") != null);
            driver.findElement(By.id("tab-build")).click();

            assertThat(driver.findElements(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                    .startsWith("Stage", "Wall time", "Previous", "Change", "% of build");
            assertThat(driver.findElement(By.id("build-baseline")).getText())
                    .startsWith("Previous: the previous profiled build, ")
                    .endsWith(": 12 documents, 12 loaded, 12 rendered, 0 skipped (cold)");
            WebElement render = driver.findElement(By.xpath("//table[@id='build-stages']//tr[td[1]//button[text()='render']]"));
            List<WebElement> cells = render.findElements(By.tagName("td"));
            assertThat(cells.get(2).getText()).as("the previous build's render time").matches("[0-9.]+ (ms|µs|s)");
            assertThat(cells.get(3).getText()).as("600 ms of sleeping tasks more").matches("\\+[0-9.]+ (ms|s) \\+[0-9.]+%");
            assertThat(cells.get(3).findElement(By.cssSelector(".slower")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.xpath("//table[@id='build-stages']//tr[contains(@class, 'total')]"))
                    .findElements(By.tagName("td")).get(2).getText()).matches("[0-9.]+ (ms|s)");
        } finally {
            driver.quit();
        }
    }
}
