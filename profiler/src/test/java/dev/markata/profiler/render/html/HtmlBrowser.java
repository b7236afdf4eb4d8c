package dev.markata.profiler.render.html;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import dev.markata.profiler.render.HtmlRenderer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * One headless Chromium for a test class: renders sessions to files under {@code target/}, opens
 * them, and saves screenshots under {@code target/report-screenshots/}.
 *
 * <p>Chromium and chromedriver are the Debian packages (CI installs them); Selenium Manager is
 * never asked to download anything. Set {@code MARKATA_SKIP_BROWSER_TESTS=1} to skip locally.
 * Public for the benchmarks under {@code bench/report/}, which drive the same browser.
 */
public final class HtmlBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path OUT = Path.of("target", "html-reports");
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    private final ChromeDriver driver;
    private final Path userDataDir;

    private HtmlBrowser(ChromeDriver driver, Path userDataDir) {
        this.driver = driver;
        this.userDataDir = userDataDir;
    }

    static boolean skipped() {
        return "1".equals(System.getenv("MARKATA_SKIP_BROWSER_TESTS"));
    }

    public static HtmlBrowser start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver), or MARKATA_SKIP_BROWSER_TESTS=1 to skip them");
        }
        Path profileDir = Files.createTempDirectory("markata-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profileDir.toAbsolutePath(),
                "--allow-file-access-from-files");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException notStarted) {
            deleteFolder(profileDir); // no close() will: the folder was left in /tmp
            throw notStarted;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new HtmlBrowser(driver, profileDir);
    }

    /** Renders {@code session} to {@code target/html-reports/<name>.html} (from the working directory). */
    public static Path render(Session session, HtmlOptions options, String name) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".html").toAbsolutePath();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HtmlRenderer(options).render(session, out);
        }
        return file;
    }

    /** Opens a report and waits until its first view is drawn. */
    void open(Path file) {
        driver.get(file.toUri().toString());
        waitUntilReady();
    }

    /**
     * Opens a report at an address ending in {@code #fragment}, loaded anew: from a blank page,
     * since going from the report's own address to it would only move to the fragment.
     */
    void openAt(Path file, String fragment) {
        driver.get("about:blank");
        driver.get(file.toUri() + "#" + fragment);
        waitUntilReady();
    }

    /** Reloads the page, as the browser's reload button does, and waits until its first view is drawn. */
    void reload() {
        js("document.body.dataset.ready = ''"); // the reloaded page sets it again
        driver.navigate().refresh();
        waitUntilReady();
    }

    private void waitUntilReady() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                js("return document.body && document.body.dataset.ready || null") != null);
        String ready = (String) js("return document.body.dataset.ready");
        if (!"true".equals(ready)) {
            throw new AssertionError("report failed to start: " + text(By.cssSelector(".fatal")) + "\nconsole: " + consoleErrors());
        }
    }

    /**
     * Opens a report as on a first visit: the view options an earlier test saved (localStorage,
     * shared by every report opened from disk) are cleared before the page reads them.
     */
    void openFresh(Path file) {
        open(file);
        js("localStorage.clear()");
        open(file);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public WebDriver driver() {
        return driver;
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(by).isEmpty());
    }

    /** Makes the page see the system's colour scheme as {@code "light"} or {@code "dark"} (empty: as it is). */
    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Sends a DevTools command (trusted input, as {@code Input.dispatchMouseEvent}: it scrolls as a user's wheel does). */
    void cdp(String command, java.util.Map<String, Object> parameters) {
        driver.executeCdpCommand(command, parameters);
    }

    /** What the page put on the clipboard (the page is allowed to read it back). */
    String clipboardText() {
        driver.executeCdpCommand("Browser.grantPermissions",
                java.util.Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('clipboard not read: ' + e));");
    }

    /** Saves a PNG of the window for people to look at. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Every URL the page asked the network for since the last call (from Chrome's performance log). */
    List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            String message = entry.getMessage();
            if (message.contains("\"Network.requestWillBeSent\"")) {
                int at = message.indexOf("\"url\":\"");
                if (at >= 0) {
                    urls.add(message.substring(at + 7, message.indexOf('"', at + 7)));
                }
            }
        }
        return urls;
    }

    /** Console errors (including CSP violations) since the last call. */
    List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteFolder(userDataDir);
        }
    }

    /**
     * Deletes the browser's profile folder, walked again for a moment while anything is left:
     * Chromium's helper processes may still write there just after the driver quit, and a file
     * written after the walk left the folder in /tmp.
     */
    private static void deleteFolder(Path folder) throws IOException {
        for (int attempt = 0; attempt < 20 && Files.exists(folder); attempt++) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException changing) {
                // a file went while walked: walk again
            }
            if (Files.exists(folder)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A tree row's time as the page prints it: seconds from a second up, else milliseconds with the unit. */
    static String treeTime(long nanos) {
        return nanos >= 1_000_000_000L ? String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9)
                : String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
