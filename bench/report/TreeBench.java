import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlOptions;
import org.openqa.selenium.JavascriptExecutor;
import dev.markata.profiler.render.html.HtmlBrowser;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call tree of a big report, driven in headless Chromium: renders a saved session (a
 * 10,000-post build's {@code index.session.json}) with the page code of this checkout, then
 * times what a reader does on it: expand all from the top row (Alt+Right), collapse it, the
 * same with "show all", scrolling through the expanded tree, a search, End and Home. Each
 * action is timed from before it to the frame after it (a task queued from the next animation
 * frame: the script, style, layout and paint of that frame), so a frozen page shows. Prints
 * the median and the slowest of the runs, the rows the tree holds and the rows in the DOM.
 *
 * <p>Run with {@code bench/report/tree.sh SESSION_JSON [runs]}; timings only, no assertions.
 */
public class TreeBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: tree.sh SESSION_JSON [runs] [BASELINE_SESSION_JSON]");
            System.exit(2);
        }
        Path sessionFile = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // the Compare tab: the same page with a second build's session loaded as its baseline
        String baselineText = args.length > 2 ? Files.readString(Path.of(args[2])) : null;
        Session session = Session.load(sessionFile);
        Path file = HtmlBrowser.render(session, HtmlOptions.defaults(), "tree-bench");
        HtmlBrowser browser = HtmlBrowser.start();
        WebDriver driver = browser.driver();
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        System.out.println("session " + sessionFile + ": " + session.sampleCount() + " samples; report "
                + Files.size(file) / 1000 + " kB; load average " + Files.readString(Path.of("/proc/loadavg")).trim());
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try {
            for (int r = 0; r < runs; r++) {
                driver.get("about:blank");
                driver.get(file.toUri().toString());
                JavascriptExecutor js = (JavascriptExecutor) driver;
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js.executeScript(
                        "return document.body && document.body.dataset.ready") != null);
                reload(driver, js);
                js.executeScript(HELPERS);
                record(results, "first view (navigation to drawn)", new double[]{
                        Double.parseDouble((String) js.executeScript("return document.body.dataset.readyAtMs")), rows(js), domRows(js)});
                record(results, "expand all from the top row", time(js, "altKey('ArrowRight')"));
                record(results, "collapse it (Alt+Left)", time(js, "altKey('ArrowLeft')"));
                record(results, "turn on show all", time(js, "showAll()"));
                record(results, "expand all, show all", time(js, "altKey('ArrowRight')"));
                record(results, "scroll a 20th of the tree (slowest of 20)", slowestScroll(js));
                record(results, "End key", time(js, "key('End')"));
                record(results, "Home key", time(js, "key('Home')"));
                record(results, "search \"render\" (Enter)", time(js, "search('render')"));
                record(results, "Enter again: the next match", time(js, "search('render')"));
                record(results, "Shift+Enter twice: back past the first match", time(js, "search('render', true); bench.search('render', true)"));
                record(results, "clear the search", time(js, "search('')"));
                js.executeScript("bench.toTop()");
                record(results, "collapse all, show all", time(js, "altKey('ArrowLeft')"));
                if (baselineText != null) {
                    reload(driver, js);
                    js.executeScript(HELPERS + "window.benchBaseline = arguments[0];", baselineText);
                    record(results, "compare: load the baseline", time(js, "compareLoad()"));
                    record(results, "compare: expand all", time(js, "compareExpandAll()"));
                    record(results, "compare: scroll a 20th (slowest of 20)", slowestScroll(js));
                    record(results, "compare: close the top row (click)", time(js, "compareClickTop()"));
                    record(results, "compare: open it again (click)", time(js, "compareClickTop()"));
                    record(results, "compare: turn on show all", time(js, "showAll()"));
                    record(results, "compare: expand all, show all", time(js, "compareExpandAll()"));
                    record(results, "compare: close the top row, show all", time(js, "compareClickTop()"));
                    record(results, "compare: open it again, show all", time(js, "compareClickTop()"));
                }
            }
        } finally {
            browser.close();
        }
        System.out.printf("%-44s %10s %10s %10s %10s%n", "action (" + runs + " runs)", "median ms", "max ms", "tree rows", "DOM rows");
        for (var e : results.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] last = e.getValue().get(e.getValue().size() - 1);
            System.out.printf("%-44s %10.0f %10.0f %10.0f %10.0f%n", e.getKey(), median(ms), Arrays.stream(ms).max().orElse(0),
                    last[1], last[2]);
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** Page helpers: the actions, done as a reader's keys and clicks would (events on the page's own elements). */
    static final String HELPERS = """
            window.bench = {
              tree() { return markataReport.views.tree; },
              focused() { return document.activeElement && document.activeElement.closest('#view .row')
                ? document.activeElement : document.querySelector('#view .row'); },
              // the top row (index 0): the first row in the page can be the focus row kept from far down
              altKey(key) {
                const row = Array.from(document.querySelectorAll('#view .kids .row')).find(r => r._entry && r._entry.index === 0)
                  || document.querySelector('#view .row');
                row.focus();
                row.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, bubbles: true }));
              },
              key(key) {
                this.focused().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
              },
              toTop() {
                const area = document.getElementById('view');
                area.scrollTop = 0;
                area.dispatchEvent(new Event('scroll'));
              },
              showAll() {
                const box = document.getElementById('opt-show-all');
                box.checked = true;
                box.dispatchEvent(new Event('change'));
              },
              scrollTo(fraction) {
                const area = document.getElementById('view');
                area.scrollTop = fraction * (area.scrollHeight - area.clientHeight);
                area.dispatchEvent(new Event('scroll'));
              },
              search(text, shiftKey = false) {
                const input = document.getElementById('search');
                input.value = text;
                input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true }));
              },
              compare() { return markataReport.views.compare; },
              compareLoad() {
                markataReport.show('compare');
                this.compare().load('baseline.session.json', window.benchBaseline);
              },
              // every path open, then drawn: the same on the page before and after its rows went virtual
              compareExpandAll() {
                const v = this.compare();
                const stack = [v.diff];
                while (stack.length) {
                  const n = stack.pop();
                  v.open.add(n);
                  for (const c of n.kids.values()) stack.push(c);
                }
                v.render();
              },
              compareClickTop() { document.querySelector('#compare-tree .kids .row').click(); },
              rows() {
                if (markataReport.current === 'compare') {
                  const v = this.compare();
                  return v.rows ? v.rows.flat.length : document.querySelectorAll('#view .kids .row').length;
                }
                const t = this.tree();
                return t.rowCount ? t.rowCount() : document.querySelectorAll('#view .row').length;
              }
            };""";

    /** The page again as at a first visit: the view options an earlier run saved are cleared first. */
    static void reload(WebDriver driver, JavascriptExecutor js) {
        js.executeScript("localStorage.clear()");
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> js.executeScript(
                "return document.body && document.body.dataset.ready") != null);
    }

    /** The slowest of 20 jumps through the view, a 20th of it each. */
    static double[] slowestScroll(JavascriptExecutor js) {
        List<double[]> scrolls = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            scrolls.add(time(js, "scrollTo(" + i + " / 20)"));
        }
        return scrolls.stream().max((a, b) -> Double.compare(a[0], b[0])).orElseThrow();
    }

    static double[] time(JavascriptExecutor js, String action) {
        Object ms = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const t0 = performance.now();
                bench.%s;
                requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0)));""".formatted(action));
        return new double[]{((Number) ms).doubleValue(), rows(js), domRows(js)};
    }

    static double rows(JavascriptExecutor js) {
        return ((Number) js.executeScript("return bench.rows()")).doubleValue();
    }

    static double domRows(JavascriptExecutor js) {
        return ((Number) js.executeScript("return document.querySelectorAll('#view .kids .row').length")).doubleValue();
    }

    static void record(Map<String, List<double[]>> results, String action, double[] value) {
        results.computeIfAbsent(action, k -> new ArrayList<>()).add(value);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
