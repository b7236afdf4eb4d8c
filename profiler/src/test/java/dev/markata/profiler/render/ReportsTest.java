package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportsTest {

    private final Session session = TestSessions.builder().sample(1, "app.Main.main", 3).build();

    @Test
    void formatsAreFoundByTheirLongestExtension() {
        assertThat(ReportFormat.fromFileName("p.speedscope.json")).contains(ReportFormat.SPEEDSCOPE);
        assertThat(ReportFormat.fromFileName("p.session.json")).contains(ReportFormat.SESSION);
        assertThat(ReportFormat.fromFileName("P.JSON")).contains(ReportFormat.JSON);
        assertThat(ReportFormat.fromFileName("profile.html")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.fromFileName("out.collapsed")).contains(ReportFormat.COLLAPSED);
        assertThat(ReportFormat.fromFileName("p.txt")).contains(ReportFormat.TEXT);
        assertThat(ReportFormat.fromFileName("p.svg")).isEmpty();
    }

    @Test
    void formatsParseFromNameOrExtension() {
        assertThat(ReportFormat.parse("Speedscope")).isEqualTo(ReportFormat.SPEEDSCOPE);
        assertThat(ReportFormat.parse(".txt")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.parse("speedscope.json")).isEqualTo(ReportFormat.SPEEDSCOPE);
        assertThatThrownBy(() -> ReportFormat.parse("svg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'svg'").hasMessageContaining("speedscope (.speedscope.json)");
    }

    /** 20 methods of 5 % each do not fit 20 lines at 3 %: the tree is drawn at the first threshold above 5 % that fits. */
    @Test
    void textFittingRaisesTheThresholdUntilTheTreeFits() {
        TestSessions sessions = TestSessions.builder();
        for (int i = 0; i < 20; i++) {
            sessions.sample(1, "app.Main.main;app.Main.step" + i, 5);
        }
        Reports reports = Reports.of(sessions.build());
        ReportOptions options = ReportOptions.defaults();
        assertThat(reports.textFitting(options, 3, 100).lines()).hasSizeGreaterThan(20)
                .anySatisfy(line -> assertThat(line).contains("Main.step19"));

        String fitted = reports.textFitting(options, 3, 20);
        assertThat(fitted.lines()).hasSizeLessThanOrEqualTo(20).noneSatisfy(line -> assertThat(line).contains("Main.step"));
        assertThat(fitted).contains("Main.main").endsWith("20 nodes hidden below 6%");
    }

    /**
     * A deep chain of single calls (javac's descents through its visitors, a recursion) took
     * every line of the screen: no threshold hides a row of it, so the tree was cut after the
     * chain's first 30 rows and the calls beside it, a fifth of the time, were not printed. A
     * tree that does not fit draws such a chain as its first and last rows.
     */
    @Test
    void textFittingFoldsADeepChainSoTheCallsBesideItAreShown() {
        StringBuilder chain = new StringBuilder("app.Main.main");
        for (int i = 0; i < 60; i++) {
            chain.append(";app.Deep.d").append(i);
        }
        Reports reports = Reports.of(TestSessions.builder().sample(1, chain + ";app.Deep.leaf", 70)
                .sample(1, "app.Main.main;app.Main.second", 20).sample(1, "app.Main.main;app.Main.third", 10).build());

        String fitted = reports.textFitting(ReportOptions.defaults(), 3, 30);

        assertThat(fitted.lines()).hasSizeLessThanOrEqualTo(30);
        assertThat(fitted).contains("Main.main", "Main.second", "Main.third", "Deep.d0", "Deep.leaf")
                .doesNotContain("Deep.d1 ", "Deep.d59", "more lines not printed", "hidden below");
        assertThat(fitted.lines()).anySatisfy(line -> assertThat(line).contains("└─ 70.0 ms Deep.leaf")
                .endsWith("  [59 frames between]"));
        // a tree that fits is drawn whole
        assertThat(reports.textFitting(ReportOptions.defaults(), 3, 100)).contains("Deep.d59")
                .doesNotContain("frames between");
    }

    /** The frames a folded chain's library groups hide are among those it says are between its rows. */
    @Test
    void aFoldedChainCountsTheFramesItsLibraryGroupsHide() {
        Reports reports = Reports.of(TestSessions.builder()
                .sample(1, "app.Main.main;app.A.a;org.lib.X.x1;org.lib.X.x2;org.lib.X.x3;app.B.b;app.C.c;app.D.leaf", 70)
                .sample(1, "app.Main.main;app.Main.second", 30).build());

        String fitted = reports.textFitting(ReportOptions.defaults(), 3, 12);

        assertThat(fitted).doesNotContain("X.x1", "B.b", "C.c");
        assertThat(fitted.lines()).anySatisfy(line -> assertThat(line).contains("├─ 70.0 ms A.a"))
                .anySatisfy(line -> assertThat(line).contains("└─ 70.0 ms D.leaf").endsWith("  [5 frames between]"));
    }

    /** Threads of equal work: no threshold hides one next to the others, so the tree is cut and says so. */
    @Test
    void textFittingCutsATreeThatNoThresholdFits() {
        TestSessions sessions = TestSessions.builder();
        for (long thread = 1; thread <= 30; thread++) {
            sessions.sample(thread, "app.Main.work", 10).threadName(thread, "worker-" + thread);
        }
        String cut = Reports.of(sessions.build()).textFitting(ReportOptions.defaults(), 3, 20);
        assertThat(cut.lines()).hasSize(20).last().asString().matches("\\[\\d+ more lines not printed: the report has the"
                + " whole tree]");
        assertThat(cut).startsWith("╭─ markata profile").contains("worker-1").doesNotEndWith("\n");
    }

    @Test
    void htmlReportsStartFromTheOptions() {
        String tree = Reports.of(session).render(ReportFormat.HTML, ReportOptions.defaults());
        String timeline = Reports.of(session).render(ReportFormat.HTML,
                ReportOptions.defaults().withTimeline(true).withShowAll(true).withThresholdPercent(2.5));

        assertThat(tree).startsWith("<!DOCTYPE html>").contains("id=\"profile-data\"")
                .contains("\"initialView\":\"tree\"").contains("\"thresholdPercent\":0.1")
                .contains("\"showAll\":false");
        assertThat(timeline).contains("\"initialView\":\"timeline\"").contains("\"thresholdPercent\":2.5")
                .contains("\"showAll\":true");
    }

    @Test
    void writesAtomicallyCreatingFoldersAndReplacing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("site/_profile/profile.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        Reports.of(session).write(ReportFormat.TEXT, ReportOptions.defaults(), file);

        assertThat(Files.readString(file)).isEqualTo(Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults()))
                .contains("Main.main");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void writeByFileNamePicksTheFormatAndSessionsRoundTrip(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("new/run.session.json");

        assertThat(Reports.of(session).write(ReportOptions.defaults(), file)).isEqualTo(ReportFormat.SESSION);
        assertThat(Session.load(file)).isEqualTo(session);
        assertThatThrownBy(() -> Reports.of(session).write(ReportOptions.defaults(), dir.resolve("p.svg")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p.svg");
    }

    @Test
    void optionsRejectBadValuesWithAClearMessage() {
        assertThatThrownBy(() -> ReportOptions.defaults().withThresholdPercent(120.0))
                .hasMessageContaining("0 to 100").hasMessageContaining("120");
        assertThatThrownBy(() -> ReportOptions.defaults().withMaxDepth(-1)).hasMessageContaining("-1");
    }
}
