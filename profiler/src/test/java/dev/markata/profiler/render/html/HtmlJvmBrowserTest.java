package dev.markata.profiler.render.html;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.render.HtmlOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;

import static dev.markata.profiler.render.html.HtmlTestProfiles.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** What the JVM did during a build (GC pauses, JIT, classes), as the report shows it in headless Chromium. */
class HtmlJvmBrowserTest {

    /** Read as text, never as markup: a collector's cause is the JVM's string, kept as it came. */
    static final String EVIL_CAUSE = "<img src=x onerror=\"document.title='pwned'\">";

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

    /**
     * The site build of {@link HtmlTestProfiles} (stages configure 0-5 ms, glob 5-15, render
     * 15-115, save 115-135) with two pauses: 13-19 ms, across glob and render (most of it in
     * render), and 60-64 ms in render.
     */
    static Session buildWithPauses() {
        return HtmlTestProfiles.siteBuild(AsyncMode.ENABLED).withJvm(new JvmActivity(true, List.of(
                new GcPause(13 * MS, 6 * MS, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(60 * MS, 4 * MS, "MarkSweepCompact", "end of major GC", EVIL_CAUSE)),
                0, 0, 250 * MS, 610 * MS, 0, 30 * MS, 6120, 0));
    }

    @Test
    void theBuildTabSaysWhatTheJvmDidAndEachStagesPauseTime() throws Exception {
        browser.open(HtmlBrowser.render(buildWithPauses(), HtmlOptions.defaults(), "jvm"));
        browser.find(By.id("tab-build")).click();

        assertThat(browser.text(By.id("build-jvm"))).isEqualTo("JVM: 2 GC pauses, 10.0 ms (7.41% of the time; longest"
                + " 6.00 ms, Copy, in render) · JIT compiler 610 ms CPU on its own threads · VM thread 30.0 ms CPU · 6,120 classes loaded");
        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                .containsExactly("Stage", "Wall time", "% of build", "GC pauses", "Running", "Waiting", "Awaiting workers",
                        "Unknown");
        // the pause across glob and render is split between them by its overlap with each
        assertThat(browser.findAll(By.cssSelector("#build-stages tbody tr"))).extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).startsWith("configure 5.00 ms 3.70% 5.00 ms"))
                .anySatisfy(row -> assertThat(row).startsWith("glob 10.0 ms 7.41% 2.00 ms"))
                .anySatisfy(row -> assertThat(row).startsWith("render 100 ms 74.1% 8.00 ms"))
                .anySatisfy(row -> assertThat(row).isEqualTo("total 135 ms 10.0 ms"));
        assertThat(browser.text(By.id("fact-gc"))).isEqualTo("2 · 10.0 ms");
        assertThat(browser.text(By.id("fact-jit"))).isEqualTo("610 ms");
        assertThat(browser.text(By.id("fact-classes"))).isEqualTo("6,120");
        browser.screenshot("build-jvm");
    }

    @Test
    void thePreviousBuildsGcPausesFollowThisBuildsOnTheJvmLine() throws Exception {
        Session compared = buildWithPauses().withMetadata("baseline.label", "the previous profiled build")
                .withMetadata("baseline.stage.render", "90000000")
                .withMetadata("baseline.gc_pauses", "12").withMetadata("baseline.gc_pause_nanos", "40000000");
        browser.open(HtmlBrowser.render(compared, HtmlOptions.defaults(), "jvm-baseline"));
        browser.find(By.id("tab-build")).click();

        assertThat(browser.text(By.id("build-jvm"))).startsWith("JVM: 2 GC pauses, 10.0 ms (")
                .endsWith(" · 6,120 classes loaded · previous build 12 GC pauses, 40.0 ms");

        // a previous build whose figures have no pauses (written before they were): the line as without one
        Session older = buildWithPauses().withMetadata("baseline.label", "the previous profiled build")
                .withMetadata("baseline.stage.render", "90000000");
        browser.open(HtmlBrowser.render(older, HtmlOptions.defaults(), "jvm-baseline-older"));
        browser.find(By.id("tab-build")).click();
        assertThat(browser.text(By.id("build-jvm"))).endsWith(" · 6,120 classes loaded");
    }

    @Test
    void theTimelineMarksEachPauseAcrossTheLanesWithItsCollectorAndCause() throws Exception {
        browser.open(HtmlBrowser.render(buildWithPauses(), HtmlOptions.defaults(), "jvm-timeline"));
        browser.find(By.id("tab-timeline")).click();
        WebElement canvas = browser.find(By.id("timeline-canvas"));
        // the middle of the 60-64 ms pause, in the first lane's rows (offsets from the canvas's centre)
        Number x = (Number) browser.js("const v = markataReport.views.timeline; return (62e6 / v.extent) * v.width - v.width / 2;");
        Number y = (Number) browser.js("const v = markataReport.views.timeline; return v.lanes[0].top + 20 + 8"
                + " - document.getElementById('timeline-canvas').clientHeight / 2;");
        new Actions(browser.driver()).moveToElement(canvas, x.intValue(), y.intValue()).perform();

        assertThat(browser.text(By.id("timeline-tooltip"))).startsWith("GC pause 4.00 ms · MarkSweepCompact")
                .contains(EVIL_CAUSE + " · end of major GC").contains("at 60.0 ms → 64.0 ms");
        assertThat(browser.js("return document.title")).isNotEqualTo("pwned");
        assertThat(browser.findAll(By.cssSelector("#timeline-tooltip img"))).isEmpty();
        // the band is painted: the pixel there is redder than the same row away from any pause
        Number redder = (Number) browser.js("""
                const v = markataReport.views.timeline, c = document.getElementById('timeline-canvas');
                const ctx = c.getContext('2d'), k = c.width / v.width, y = (v.lanes[0].top + 28) * k;
                const at = t => ctx.getImageData(Math.round((t / v.extent) * v.width * k), Math.round(y), 1, 1).data;
                const inPause = at(62e6), outside = at(40e6);
                return (inPause[0] - inPause[2]) - (outside[0] - outside[2]);""");
        assertThat(redder.intValue()).isPositive();
        browser.screenshot("timeline-gc");
        // away from the pauses, the frames' tooltip as before
        Number away = (Number) browser.js("const v = markataReport.views.timeline; return (40e6 / v.extent) * v.width - v.width / 2;");
        new Actions(browser.driver()).moveToElement(canvas, away.intValue(), y.intValue()).perform();
        assertThat(browser.text(By.id("timeline-tooltip"))).doesNotContain("GC pause").contains("app.Main.main");
    }

    @Test
    void aBuildWithoutPausesSaysSoAndHasNoColumnOfBlanks() throws Exception {
        Session quiet = HtmlTestProfiles.siteBuild(AsyncMode.ENABLED).withJvm(new JvmActivity(true, List.of(), 0, 0,
                250 * MS, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN, JvmActivity.UNKNOWN, 12, 0));
        browser.open(HtmlBrowser.render(quiet, HtmlOptions.defaults(), "jvm-quiet"));
        browser.find(By.id("tab-build")).click();

        // no thread CPU figures (not Linux): the JIT's own time instead
        assertThat(browser.text(By.id("build-jvm"))).isEqualTo("JVM: no GC pauses · JIT compiling 250 ms · 12 classes loaded");
        assertThat(browser.text(By.id("fact-gc"))).isEqualTo("none");
        assertThat(browser.findAll(By.id("fact-jit"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                .doesNotContain("GC pauses");
    }

    @Test
    void aReportOfASessionWithoutJvmActivityShowsNoneOfIt() throws Exception {
        browser.open(HtmlBrowser.render(HtmlTestProfiles.siteBuild(AsyncMode.ENABLED), HtmlOptions.defaults(), "no-jvm"));
        browser.find(By.id("tab-build")).click();

        assertThat(browser.findAll(By.id("build-jvm"))).isEmpty();
        assertThat(browser.findAll(By.id("fact-gc"))).isEmpty();
        assertThat(browser.findAll(By.cssSelector("#build-stages thead th"))).extracting(WebElement::getText)
                .doesNotContain("GC pauses");
    }
}
