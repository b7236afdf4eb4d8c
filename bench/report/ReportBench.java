import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import dev.markata.profiler.render.HtmlRenderer;
import dev.markata.profiler.render.html.SyntheticBuildSessions;
import org.openqa.selenium.JavascriptExecutor;
import dev.markata.profiler.render.html.HtmlBrowser;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * HTML report benchmark: for build-like sessions of 1k, 10k and 100k samples (8 threads, one
 * 1 ms sample per row, 10,000 pages for the largest), prints the Java render time, the file
 * size and bytes per sample, and the time headless Chromium takes from navigation start to the
 * first view drawn (reading and parsing the file included). Medians of several runs.
 *
 * Run with bench/report/run.sh (it builds the classpath); writes files under target/bench-report/.
 */
public class ReportBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path out = Path.of("target", "bench-report").toAbsolutePath();
        Files.createDirectories(out);
        HtmlBrowser chromium = HtmlBrowser.start();
        WebDriver driver = chromium.driver();
        HtmlRenderer renderer = new HtmlRenderer(HtmlOptions.defaults());
        System.out.printf("%-8s %8s %12s %10s %12s %14s %14s%n", "samples", "rows", "bytes", "B/sample",
                "java ms", "chromium ms", "script ms");
        try {
            for (int samples : new int[]{1_000, 10_000, 100_000}) {
                Session session = SyntheticBuildSessions.build(samples, 8, Math.min(10_000, samples / 10), 42);
                Path file = out.resolve("report-" + samples + ".html");
                double[] java = new double[runs];
                for (int r = 0; r < runs; r++) {
                    long t0 = System.nanoTime();
                    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        renderer.render(session, w);
                    }
                    java[r] = (System.nanoTime() - t0) / 1e6;
                }
                double[] browser = new double[runs];
                double[] script = new double[runs];
                for (int r = 0; r < runs; r++) {
                    driver.get("about:blank");
                    driver.get(file.toUri().toString());
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                            ((JavascriptExecutor) d).executeScript("return document.body && document.body.dataset.ready") != null);
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    browser[r] = Double.parseDouble((String) js.executeScript("return document.body.dataset.readyAtMs"));
                    script[r] = Double.parseDouble((String) js.executeScript("return document.body.dataset.firstViewMs"));
                }
                long bytes = Files.size(file);
                System.out.printf("%-8d %8d %12d %10.1f %12.1f %14.0f %14.0f%n", samples, rows(session), bytes,
                        (double) bytes / session.sampleCount(), median(java), median(browser), median(script));
            }
        } finally {
            chromium.close();
        }
    }

    static long rows(Session session) {
        return session.threads().stream().mapToLong(t -> t.samples().size()).sum();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
