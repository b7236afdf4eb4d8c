import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import dev.markata.profiler.render.html.HtmlBrowser;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "show all" option of a big report, in headless Chromium: the script time of turning it on,
 * off and on again (the option's change handler: the call tree built for the setting and drawn),
 * and of {@code buildCallTree} alone with every sample summed again and with the sums of the
 * other setting kept; then where the toggles' time went, by Chromium's CPU profiler (self time
 * per function, all runs), and the JS heap before and after. Run with {@code BENCH=ShowAllBench bench/report/tree.sh SESSION_JSON
 * [runs]}; timings only, no assertions.
 */
public class ShowAllBench {

    public static void main(String[] args) throws Exception {
        Path sessionFile = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Session session = Session.load(sessionFile);
        Path file = HtmlBrowser.render(session, HtmlOptions.defaults(), "show-all-bench");
        System.out.println("session " + sessionFile + ": " + session.sampleCount() + " samples; load average "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        List<double[]> toggles = new ArrayList<>();
        List<double[]> builds = new ArrayList<>();
        Map<String, Double> selfMs = new HashMap<>();
        List<double[]> heaps = new ArrayList<>();
        try (HtmlBrowser browser = HtmlBrowser.start()) {
            ChromeDriver driver = (ChromeDriver) browser.driver();
            JavascriptExecutor js = driver;
            for (int run = 0; run < runs; run++) {
                driver.get("about:blank");
                driver.get(file.toUri().toString());
                ready(driver, js);
                js.executeScript("localStorage.clear()");
                driver.navigate().refresh();
                ready(driver, js);
                double heapBefore = heapMb(driver);
                driver.executeCdpCommand("Profiler.enable", Map.of());
                driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
                driver.executeCdpCommand("Profiler.start", Map.of());
                toggles.add(numbers(js.executeScript("""
                        const box = document.getElementById('opt-show-all'), times = [];
                        for (let k = 0; k < 3; k++) {
                          const t0 = performance.now();
                          box.checked = !box.checked;
                          box.dispatchEvent(new Event('change'));
                          times.push(performance.now() - t0);
                        }
                        return times;""")));
                addSelfTimes(driver.executeCdpCommand("Profiler.stop", Map.of()), selfMs);
                // both settings' trees are kept (App.callTree): what that holds
                heaps.add(new double[]{heapBefore, heapMb(driver)});
                // the tree alone: every sample summed, then with the sums of the other setting kept
                // (a page before sampleGroups has no lastSampleGroups: both are the whole build)
                builds.add(numbers(js.executeScript("""
                        const p = markataReport.profile, build = markataReport.api.buildCallTree;
                        p.lastSampleGroups = null;
                        let t0 = performance.now();
                        build(p, 'all', true);
                        const summed = performance.now() - t0;
                        build(p, 'all', false);
                        t0 = performance.now();
                        build(p, 'all', true);
                        return [summed, performance.now() - t0];""")));
            }
        }
        System.out.printf("%-58s %10s %10s%n", "script time (" + runs + " runs)", "median ms", "max ms");
        String[] labels = {"turn on show all", "turn it off", "turn it on again",
                "buildCallTree, show all, every sample summed", "buildCallTree, show all, the other setting's sums kept"};
        for (int i = 0; i < labels.length; i++) {
            int column = i < 3 ? i : i - 3;
            double[] values = (i < 3 ? toggles : builds).stream().mapToDouble(v -> v[column]).toArray();
            System.out.printf("%-58s %10.0f %10.0f%n", labels[i], median(values), Arrays.stream(values).max().orElse(0));
        }
        for (int i = 0; i < 2; i++) {
            int column = i;
            double[] values = heaps.stream().mapToDouble(v -> v[column]).toArray();
            System.out.printf("%-58s %10.1f %10.1f%n", i == 0 ? "JS heap after a full collection, first view (MB)"
                    : "JS heap after a full collection, after the toggles (MB)", median(values), Arrays.stream(values).max().orElse(0));
        }
        System.out.println("self time of the toggles, all runs (Chromium's CPU profiler):");
        selfMs.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(15)
                .forEach(e -> System.out.printf("%10.1f ms  %s%n", e.getValue(), e.getKey()));
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** The page's JS heap in use after a full garbage collection, in MB. */
    static double heapMb(ChromeDriver driver) {
        driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        return ((Number) driver.executeCdpCommand("Runtime.getHeapUsage", Map.of()).get("usedSize")).doubleValue() / 1e6;
    }

    static void ready(ChromeDriver driver, JavascriptExecutor js) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js.executeScript(
                "return document.body && document.body.dataset.ready") != null);
    }

    @SuppressWarnings("unchecked")
    static double[] numbers(Object list) {
        return ((List<Number>) list).stream().mapToDouble(Number::doubleValue).toArray();
    }

    /** Adds a CPU profile's self time per function (name and line) to {@code selfMs}. */
    @SuppressWarnings("unchecked")
    static void addSelfTimes(Map<String, Object> result, Map<String, Double> selfMs) {
        Map<String, Object> profile = (Map<String, Object>) result.get("profile");
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String name = (String) frame.get("functionName");
            names.put(((Number) node.get("id")).longValue(), (name.isEmpty() ? "(anonymous)" : name)
                    + (((Number) frame.get("lineNumber")).intValue() >= 0 ? " :" + (((Number) frame.get("lineNumber")).intValue() + 1) : ""));
        }
        List<Number> samples = (List<Number>) profile.get("samples");
        List<Number> deltas = (List<Number>) profile.get("timeDeltas");
        // a sample's time is the gap to the next one
        for (int i = 0; i + 1 < samples.size(); i++) {
            selfMs.merge(names.get(samples.get(i).longValue()), deltas.get(i + 1).doubleValue() / 1000, Double::sum);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
