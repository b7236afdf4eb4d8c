package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.io.SessionJson;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.process.FrameFilters;
import dev.markata.profiler.process.Libraries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page HtmlRenderer writes, read as text: what it embeds and how (the browser tests cover what it shows). */
class HtmlRendererTest {

    static final String EVIL = "</script><img src=x onerror=alert(1)>&amp;";

    static Session session() {
        return TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 3)
                .sample(1, "app.Main.main;app.Site.load", 2)
                .sample(2, "java.lang.Thread.run;app.Worker.run", 4)
                .metadata("outcome", "failed")
                .metadata("error", EVIL)
                .build();
    }

    static String render(Session session, HtmlOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlRenderer(options).render(session, out);
        return out.toString();
    }

    static String element(String html, String id) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("element " + id).isTrue();
        return m.group(1);
    }

    @Test
    void embedsTheSessionAsSessionJsonThatReadsBackUnchanged() throws IOException {
        Session session = session();
        String html = render(session, HtmlOptions.defaults());
        String data = element(html, "profile-data");
        assertThat(data).isEqualTo(SessionJson.toJson(session));
        assertThat(SessionJson.fromJson(data)).isEqualTo(session);
    }

    @Test
    void nothingFromTheSessionCanCloseItsElementOrBecomeMarkup() throws IOException {
        String html = render(session().withMetadata("target", EVIL), HtmlOptions.defaults().withTitle(EVIL));
        assertThat(html).doesNotContain("<img").doesNotContain(EVIL);
        // the page has exactly its own three script elements
        assertThat(Pattern.compile("<script").matcher(html).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(3);
        assertThat(element(html, "report-options")).contains("\\u003c/script\\u003e");
    }

    @Test
    void isSelfContainedWithAStrictContentSecurityPolicy() throws Exception {
        String html = render(session(), HtmlOptions.defaults());
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:|//)");
        assertThat(html).doesNotContain("@import").doesNotContain("url(");
        Matcher csp = Pattern.compile("script-src '(sha256-[^']+)'").matcher(html);
        assertThat(csp.find()).isTrue();
        // the hash is that of the one inline script, so the browser runs it and nothing else
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertThat(script.find()).isTrue();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
        assertThat(csp.group(1)).isEqualTo("sha256-" + Base64.getEncoder().encodeToString(digest));
        assertThat(html).contains("default-src 'none'");
    }

    @Test
    void writesTheOptionsThePageStartsWith() throws IOException {
        String html = render(session(), HtmlOptions.timelineFirst().withThresholdPercent(0.5).withShowAll(true));
        assertThat(viewOptions(html))
                .isEqualTo("{\"initialView\":\"timeline\",\"thresholdPercent\":0.5,\"showAll\":true,\"title\":\"\",\"units\":\"seconds\"}");
    }

    @Test
    void givesThePageTheRulesTheTextReportNamesLibrariesBy() throws IOException {
        Libraries.Rules rules = Libraries.rules();
        String expected = "{\"libraries\":{\"jdkPrefixes\":[" + quoted(rules.jdkPrefixes()) + "],\"domains\":["
                + quoted(new TreeSet<>(rules.domains())) + "],\"organisations\":["
                + quoted(new TreeSet<>(rules.organisations())) + "]},";
        assertThat(element(render(session(), HtmlOptions.defaults()), "report-options")).startsWith(expected)
                .contains("\"org.w3c.\"", "\"nibor\"", "\"yaml\"");
    }

    /**
     * The page leaves out the profiler's own frames and (unless "show all") the JDK's plumbing,
     * and finds where handed-over tasks begin, as FrameFilters does: model.js had its own copies
     * of those rules. Now they travel in the page's options, as the library rules do.
     */
    @Test
    void givesThePageTheRulesTheReportsLeaveFramesOutBy() throws IOException {
        FrameFilters.Rules rules = FrameFilters.rules();
        String expected = "\"frames\":{\"plumbingPrefixes\":[" + quoted(rules.plumbingPrefixes()) + "],\"plumbingContains\":["
                + quoted(rules.plumbingContains()) + "],\"profilerPrefixes\":[" + quoted(rules.profilerPrefixes())
                + "],\"profilerClasses\":[" + quoted(rules.profilerClasses()) + "],\"taskEntryPrefix\":\""
                + rules.taskEntryPrefix() + "\",\"blockingClasses\":[" + quoted(rules.blockingClasses())
                + "],\"blockingMethods\":[" + quoted(rules.blockingMethods()) + "]},";
        assertThat(element(render(session(), HtmlOptions.defaults()), "report-options")).contains(expected)
                .contains("\"java.lang.invoke.\"", "\"$$Lambda\"", "\"one.profiler.\"", "\"dev.markata.profiler.SpanScope\"",
                        "\"java.util.concurrent.locks.LockSupport\"", "\"parkNanos\"");
    }

    private static String quoted(Collection<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(","));
    }

    /** The page's options without the library and frame rules, which every page carries. */
    private static String viewOptions(String html) {
        return element(html, "report-options").replaceFirst("^\\{\"libraries\":\\{[^}]*\\},", "{")
                .replaceFirst("^\\{\"frames\":\\{[^}]*\\},", "{");
    }

    @Test
    void passesTheReportOptionsThreadToThePage() throws IOException {
        ReportOptions d = ReportOptions.defaults();
        ReportOptions oneThread = new ReportOptions(d.showAll(), d.timeline(), d.thresholdPercent(), d.show(), d.hide(),
                d.unicode(), d.color(), d.unit(), d.flat(), d.maxDepth(), d.fullReportHint(), 3L);
        StringWriter out = new StringWriter();
        new HtmlRenderer(oneThread).render(session(), out);
        assertThat(viewOptions(out.toString())).endsWith(",\"threadId\":3}");
    }

    @Test
    void takesTheOptionsEveryFormatTakes() throws IOException {
        ReportOptions options = ReportOptions.defaults().withTimeline(true).withUnit(ReportOptions.Unit.PERCENT)
                .withHide(List.of("app.Site")).withShow(List.of("java.util.*"));
        StringWriter out = new StringWriter();
        new HtmlRenderer(options).render(session(), out);
        String html = out.toString();
        assertThat(viewOptions(html))
                .isEqualTo("{\"initialView\":\"timeline\",\"thresholdPercent\":0.1,\"showAll\":false,\"title\":\"\",\"units\":\"percent\"}");
        Session embedded = SessionJson.fromJson(element(html, "profile-data"));
        assertThat(embedded.frames()).extracting(f -> f.className() + " " + f.kind()).contains(
                "app.Site LIBRARY", "java.util.HashMap APPLICATION", "app.Main APPLICATION", "java.lang.Thread LIBRARY");
    }

    @Test
    void resamplesPastTheBoundKeepingTimeAndSampleCounts() {
        TestSessions builder = TestSessions.builder();
        for (int i = 0; i < 2_500; i++) {
            builder.sample(1, i % 2 == 0 ? "app.Main.main;app.A.a" : "app.Main.main;app.B.b", 1);
            builder.sample(2, "app.Worker.run", 1);
        }
        Session session = builder.build();
        Session bounded = HtmlResampler.bound(session, 1_000);
        assertThat(HtmlResampler.rowCount(bounded)).isLessThanOrEqualTo(1_000);
        assertThat(bounded.sampleCount()).isEqualTo(session.sampleCount());
        for (int t = 0; t < 2; t++) {
            assertThat(bounded.threads().get(t).totalNanos()).isEqualTo(session.threads().get(t).totalNanos());
            long previousEnd = 0;
            for (Sample s : bounded.threads().get(t).samples()) {
                assertThat(s.startNanos()).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = s.endNanos();
            }
        }
        assertThat(bounded.metadata().get(HtmlResampler.NOTE_KEY))
                .isEqualTo("5000 sample rows resampled to 1000 (one in 5, each standing for the time of the 5 it replaces)");
        assertThat(bounded.interval()).isEqualTo(session.interval().multipliedBy(5));
        assertThat(HtmlResampler.bound(session, 5_000)).isSameAs(session);
    }

    @Test
    void rejectsOptionsOutsideTheirRange() {
        assertThatThrownBy(() -> HtmlOptions.defaults().withThresholdPercent(-1))
                .hasMessageContaining("thresholdPercent must be between 0 and 100");
        assertThatThrownBy(() -> HtmlOptions.defaults().withMaxSampleRows(10))
                .hasMessageContaining("maxSampleRows must be at least 1000");
    }

    @Test
    void rendersAnEmptySession() throws IOException {
        Session empty = TestSessions.builder().build();
        assertThat(empty.threads()).isEmpty();
        assertThat(render(empty, HtmlOptions.defaults())).contains("\"threads\":[]");
    }
}
