package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextRendererTest {

    private final Session session = TestSessions.builder()
            .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 30)
            .sample(1, "app.Main.main;app.Site.render", 50)
            .sample(1, "app.Main.main;app.Site.load;org.commonmark.parser.Parser.parse;"
                    + "org.commonmark.internal.DocumentParser.parse;java.util.ArrayList.add;app.Ext.visit", 15)
            .sample(1, "app.Main.main", 4)
            .sample(1, "app.Main.main;app.Tiny.run", 1)
            .build();

    private static final String HEADER = """
            ╭─ markata profile ─────────────────────────────────────╮
            │ Recorded: 2026-11-25 12:00:00 UTC   Samples:  100     │
            │ Duration: 100.0 ms                  CPU time: 50.0 ms │
            │ Program:  test program                                │
            ╰───────────────────────────────────────────────────────╯

            """;

    private String render(ReportOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new TextRenderer(options).render(session, out);
        return out.toString();
    }

    @Test
    void drawsHeaderTreeGroupsAndFooter() throws IOException {
        assertThat(render(ReportOptions.defaults().withThresholdPercent(2.0)
                .withFullReportHint("site/_profile/profile.html"))).isEqualTo(HEADER + """
                100.0 ms [thread main]
                └─ 100.0 ms Main.main  Main.java:10
                   ├─ 80.0 ms Site.render  Site.java:10
                   │  ├─ 50.0 ms [self]
                   │  └─ 30.0 ms HashMap.get  HashMap.java:10
                   ├─ 15.0 ms Site.load  Site.java:10
                   │  └─ 15.0 ms Parser.parse  Parser.java:10  [2 frames hidden: commonmark, jdk]
                   │     └─ 15.0 ms Ext.visit  Ext.java:10
                   └─ 4.0 ms [self]

                1 node hidden below 2%; full report: site/_profile/profile.html
                """);
    }

    /** What the JVM did, in the header: its pauses are in the tree as the methods they stopped. */
    @Test
    void theHeaderSaysWhatTheJvmDid() throws IOException {
        Session withJvm = session.withJvm(new JvmActivity(true, List.of(
                new GcPause(10_000_000, 3_000_000, "Copy", "end of minor GC", "Allocation Failure"),
                new GcPause(50_000_000, 12_000_000, "MarkSweepCompact", "end of major GC", "System.gc()")),
                0, 0, 550_000_000, 640_000_000, JvmActivity.UNKNOWN, 30_000_000, 6120, 0));
        StringWriter out = new StringWriter();
        new TextRenderer(ReportOptions.defaults()).render(withJvm, out);
        StringWriter ascii = new StringWriter();
        new TextRenderer(ReportOptions.defaults().withUnicode(false)).render(withJvm, ascii);

        assertThat(out.toString()).contains("│ JVM:      2 GC pauses 15.0 ms (longest 12.0 ms) · JIT 640.0 ms CPU · 6,120 classes"
                + " loaded │");
        assertThat(ascii.toString()).contains("| JVM:      2 GC pauses 15.0 ms (longest 12.0 ms); JIT 640.0 ms CPU; 6,120 classes"
                + " loaded |");
    }

    @Test
    void asciiPercentAndDepthLimit() throws IOException {
        String text = render(ReportOptions.defaults().withUnicode(false).withUnit(ReportOptions.Unit.PERCENT)
                .withMaxDepth(2).withThresholdPercent(0.5));

        assertThat(text).startsWith("+- markata profile ---").endsWith("""

                100.0% [thread main]
                `- 100.0% Main.main  Main.java:10
                   |- 80.0% Site.render  Site.java:10
                   |- 15.0% Site.load  Site.java:10
                   |- 4.0% [self]
                   `- 1.0% Tiny.run  Tiny.java:10
                """);
    }

    @Test
    void showAllKeepsLibraryFramesAndSmallNodes() throws IOException {
        String text = render(ReportOptions.defaults().withShowAll(true));

        assertThat(text).contains("""
                   │  └─ 15.0 ms Parser.parse  Parser.java:10
                   │     └─ 15.0 ms DocumentParser.parse  DocumentParser.java:10
                   │        └─ 15.0 ms ArrayList.add  ArrayList.java:10
                   │           └─ 15.0 ms Ext.visit  Ext.java:10
                """).contains("1.0 ms Tiny.run").doesNotContain("hidden");
    }

    @Test
    void flatModeListsMethodsByOwnOrTotalTime() throws IOException {
        assertThat(render(ReportOptions.defaults().withFlat(ReportOptions.Flat.SELF).withThresholdPercent(1.5))).isEqualTo(HEADER + """
                100.0 ms [thread main]  by own time
                  50.0 ms Site.render  Site.java:10
                  30.0 ms HashMap.get  HashMap.java:10
                  15.0 ms Ext.visit  Ext.java:10
                  4.0 ms Main.main  Main.java:10

                1 method hidden below 1.5%
                """);
        assertThat(render(ReportOptions.defaults().withFlat(ReportOptions.Flat.TOTAL).withThresholdPercent(10.0)))
                .contains("""
                        100.0 ms [thread main]  by total time
                          100.0 ms Main.main  Main.java:10
                          80.0 ms Site.render  Site.java:10
                          30.0 ms HashMap.get  HashMap.java:10
                          15.0 ms ArrayList.add  ArrayList.java:10
                          15.0 ms DocumentParser.parse  DocumentParser.java:10
                          15.0 ms Ext.visit  Ext.java:10
                          15.0 ms Parser.parse  Parser.java:10
                          15.0 ms Site.load  Site.java:10

                        1 method hidden below 10%
                        """);
    }

    /**
     * A program of a few milliseconds (an agent run of a short tool): in seconds with three
     * decimals its rows were all 0.0 ms to 0.004. Under a second the rows are milliseconds, each
     * with its unit, as a bare number in this tree's shape reads as seconds.
     */
    @Test
    void aShortProgramsRowsAreMillisecondsNotZeros() throws IOException {
        Session shortRun = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render", 3)
                .build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(shortRun, out);

        assertThat(out.toString()).contains("│ Duration: 3.0 ms").endsWith("""
                3.0 ms [thread main]
                └─ 3.0 ms Main.main  Main.java:10
                   └─ 3.0 ms Site.render  Site.java:10
                """);
    }

    /** From a second up the tree is pyinstrument's: seconds with three decimals, no unit on the rows. */
    @Test
    void aProgramOfSecondsKeepsPyinstrumentsSeconds() throws IOException {
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(TestSessions.libraryCallInSmallSteps(), out);

        assertThat(out.toString()).contains("│ Duration: 2.000 s").contains("""
                2.000 [thread main]
                └─ 2.000 Main.main  Main.java:10
                """);
    }

    /**
     * A thread's own time, right under its row, is its samples in which no Java frame was seen
     * (native code, the VM, a stack that could not be walked): labelled {@code [self]} like a
     * method's own time, it read as time the thread spent in itself. Own time under a method
     * stays {@code [self]}.
     */
    @Test
    void aThreadsOwnTimeSaysItHadNoJavaFrames() throws IOException {
        Session unwalked = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render", 40)
                .sample(1, "app.Main.main", 10)
                .sample(1, "", 30)
                .sample(2, "app.Worker.run", 20)
                .sample(2, "", 5)
                .build();

        String text = render(unwalked, ReportOptions.defaults());

        assertThat(text).contains("""
                80.0 ms [thread main]
                ├─ 50.0 ms Main.main  Main.java:10
                │  ├─ 40.0 ms Site.render  Site.java:10
                │  └─ 10.0 ms [self]
                └─ 30.0 ms [no Java frames]
                """).contains("""
                25.0 ms [thread worker-2]
                ├─ 20.0 ms Worker.run  Worker.java:10
                └─ 5.0 ms [no Java frames]
                """);
    }

    @Test
    void colourMarksTimeByShareOfTheTotal() throws IOException {
        String text = render(ReportOptions.defaults().withColor(true));

        assertThat(text).contains("\u001b[31m100.0 ms\u001b[0m \u001b[1mMain.main\u001b[0m")
                .contains("\u001b[33m30.0 ms\u001b[0m HashMap.get")
                .contains("\u001b[2m15.0 ms\u001b[0m");
    }

    @Test
    void timelineShowsCallsInTimeOrder() throws IOException {
        Session twice = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render", 2)
                .sample(1, "app.Main.main;app.Site.load", 3)
                .sample(1, "app.Main.main;app.Site.render", 5)
                .build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults().withTimeline(true)).render(twice, out);

        assertThat(out.toString()).endsWith("""
                10.0 ms [thread main]
                └─ 10.0 ms Main.main  Main.java:10
                   ├─ 2.0 ms Site.render  Site.java:10
                   ├─ 3.0 ms Site.load  Site.java:10
                   └─ 5.0 ms Site.render  Site.java:10
                """);
    }

    @Test
    void emptySessionSaysSo() throws IOException {
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(TestSessions.builder().build(), out);

        assertThat(out.toString()).contains("Samples:  0").endsWith("No samples were recorded.\n");
    }

    @Test
    void threadsBelowTheThresholdOfAllThreadsAreLeftOutAndCounted() throws IOException {
        Session threads = TestSessions.builder()
                .sample(1, "app.Main.main", 200)
                .sample(2, "app.Worker.run", 1)
                .sample(3, "app.Worker.run", 50)
                .build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(threads, out);

        assertThat(out.toString()).contains("200.0 ms [thread main]", "50.0 ms [thread worker-3]")
                .doesNotContain("worker-2").endsWith("2 nodes hidden below 1%\n");
    }

    /**
     * 200 threads doing the same work: each is 0.5 % of all threads' time, under the 1 %
     * threshold. Measured against their sum every thread was hidden and the report said "No
     * samples were recorded." over a session of thousands; a thread is a peer of the busiest.
     */
    @Test
    void manyEqualThreadsAreAllShownNotHiddenAsIfNothingWasRecorded() throws IOException {
        TestSessions many = TestSessions.builder();
        for (long thread = 2; thread <= 201; thread++) {
            many.sample(thread, "app.Worker.run", 10);
        }
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(many.build(), out);

        assertThat(out.toString()).doesNotContain("No samples were recorded.")
                .contains("10.0 ms [thread worker-2]", "10.0 ms [thread worker-201]");
    }

    @Test
    void headerSaysWhenTheBuildFailed() throws IOException {
        Session failed = TestSessions.builder().sample(1, "app.Main.main", 1)
                .metadata("outcome", "failed").metadata("failed_stage", "render").build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults().withUnicode(false)).render(failed, out);

        assertThat(out.toString()).contains("| Outcome:  failed (stage render)");
    }

    /** An agent run that died of an exception said only "failed", though the session names it. */
    @Test
    void headerSaysWhichExceptionEndedAProgram() throws IOException {
        Session failed = TestSessions.builder().sample(1, "app.Main.main", 1).metadata("outcome", "failed")
                .metadata("uncaught_exception", "java.lang.IllegalStateException in thread worker").build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults().withUnicode(false)).render(failed, out);

        assertThat(out.toString()).contains("| Outcome:  failed (java.lang.IllegalStateException in thread worker) |");
    }

    /**
     * An agent run's program is its whole command line, class path included: javac compiling a
     * project said "Program:" and 8,000 characters, and every header line was padded to that.
     */
    @Test
    void aLongCommandLineIsCutToTheHeadersWidth() throws IOException {
        String classPath = String.join(":", java.util.Collections.nCopies(200, "/home/me/.m2/repository/org/lib/1.0/lib-1.0.jar"));
        Session javac = TestSessions.builder().sample(1, "app.Main.main", 1)
                .target("jdk.compiler/com.sun.tools.javac.Main -d out -cp " + classPath + " @sources.txt").build();

        String text = render(javac, ReportOptions.defaults());
        String ascii = render(javac, ReportOptions.defaults().withUnicode(false));

        String header = text.substring(0, text.indexOf("\n\n"));
        assertThat(header.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(header).contains("│ Program:  jdk.compiler/com.sun.tools.javac.Main -d out -cp /home/me/.m2/");
        assertThat(header.lines().filter(line -> line.contains("Program:")).findFirst().orElseThrow())
                .endsWith("… │");
        assertThat(ascii.lines().filter(line -> line.contains("Program:")).findFirst().orElseThrow())
                .endsWith("... |");
        // a short one is left whole
        assertThat(render(session, ReportOptions.defaults())).contains("│ Program:  test program ");
    }

    /**
     * Thread, class and method names and the command line are the program's to choose: a thread
     * named {@code "line1\nline2"} broke its tree line in two, and a name holding an escape
     * sequence coloured (or could clear) the terminal the tree was printed to. Control characters
     * are shown escaped, as Java source would write them.
     */
    @Test
    void controlCharactersInTheProgramsNamesAreShownEscaped() throws IOException {
        Session named = TestSessions.builder()
                .threadName(1, "line1\nline2 \u001b[31mred\u2028")
                .sample(1, "app.Main.main;app.Evil\u001b[2J.run\rx\u0085", 10)
                .target("app.Main 'a\nb'\t\u007f")
                .build();

        for (ReportOptions options : List.of(ReportOptions.defaults(), ReportOptions.defaults().withUnicode(false),
                ReportOptions.defaults().withFlat(ReportOptions.Flat.SELF))) {
            String text = render(named, options);
            assertThat(text).doesNotContain("\u001b", "\r", "\u2028", "\u0085", "\t", "\u007f")
                    .contains("[thread line1\\nline2 \\u001b[31mred\\u2028]")
                    .contains("Evil\\u001b[2J.run\\rx\\u0085")
                    .contains("Program:  app.Main 'a\\nb'\\t\\u007f ");
            assertThat(text.lines().filter(line -> line.contains("line1"))).hasSize(1);
        }
        // colours are still the renderer's own
        assertThat(render(named, ReportOptions.defaults().withColor(true))).contains("\u001b[1m")
                .doesNotContain("\u001b[31mred", "\u001b[2J");
    }

    /**
     * A recursion deeper than the 200 levels the tree draws (a parser, a tree walk, a
     * 20,000-deep recursion profiled with the agent): the tree ended at a row of the recursion,
     * and where its time went, the method at the bottom, was nowhere in the text; only the
     * footer said the tree was cut. The row where it is cut says how many levels are not drawn
     * and where the heaviest path under it ends.
     */
    @Test
    void aRowCutAtTheTreesDepthLimitSaysWhatIsBelowIt() throws IOException {
        Session deep = TestSessions.builder()
                .sample(1, "app.Main.main;" + "app.Parser.parse;".repeat(300) + "app.Lexer.next", 90)
                .sample(1, "app.Main.main;" + "app.Parser.parse;".repeat(250), 10)
                .build();

        String text = render(deep, ReportOptions.defaults());

        List<String> rows = text.lines().filter(line -> line.contains("Parser.parse")).toList();
        assertThat(rows).hasSize(199); // under the thread's row, Main.main and 199 of the 300
        assertThat(rows.get(198)).endsWith("100.0 ms Parser.parse  Parser.java:10  [102 levels more, down to Lexer.next]");
        assertThat(rows.subList(0, 198)).noneMatch(row -> row.contains("levels more"));
        assertThat(text).doesNotContain("Lexer.next  ").contains("tree cut at 200 levels");
        // a depth the reader asked for cuts quietly, as it always did
        assertThat(render(deep, ReportOptions.defaults().withMaxDepth(5))).doesNotContain("levels more");
    }

    private static String render(Session session, ReportOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new TextRenderer(options).render(session, out);
        return out.toString();
    }

    @Test
    void aGroupNamesAtMostFourLibraries() throws IOException {
        Session many = TestSessions.builder()
                .sample(1, "app.Main.main;org.alpha.A.f;org.beta.B.f;org.gamma.C.f;org.delta.D.f;org.epsilon.E.f;"
                        + "app.Callback.call", 10)
                .build();
        StringWriter out = new StringWriter();

        new TextRenderer(ReportOptions.defaults()).render(many, out);

        assertThat(out.toString()).contains("A.f  A.java:10  [4 frames hidden: alpha, beta, gamma, delta, …]")
                .contains("Callback.call");
    }

    /**
     * A class loader reached through 50 hidden paths, each three frames deep (load_i, find,
     * define), to one application method: the merged row said "[151 frames hidden]", every
     * path's frames added up, which reads as a chain 151 frames deep. A hidden method counts
     * once, however many paths it is on (53 here: 50 load_i, find, define, boot), as in the
     * HTML report's group row.
     */
    @Test
    void aHiddenMethodCountsOnceHoweverManyPathsItIsOn() throws IOException {
        TestSessions builder = TestSessions.builder();
        for (int i = 0; i < 50; i++) {
            builder.sample(1, "app.Main.main;org.lib.Launcher.launch;org.lib.Realm.load" + i
                    + ";org.lib.Realm.find;org.lib.Realm.define;app.X.x", 10);
        }
        builder.sample(1, "app.Main.main;org.lib.Launcher.launch;org.lib.Realm.boot;app.Y.y", 300);

        assertThat(render(builder.build(), ReportOptions.defaults().withColor(false))).contains("""
                └─ 800.0 ms Main.main  Main.java:10
                   └─ 800.0 ms Launcher.launch  Launcher.java:10  [53 frames hidden: lib]
                      ├─ 500.0 ms X.x  X.java:10
                      └─ 300.0 ms Y.y  Y.java:10
                """);
    }

    /**
     * A group counts every library method folded into its row, those under the threshold too,
     * as the HTML report's tree does for the same session (HtmlCallTreeBrowserTest): a template
     * engine's 60 small steps (0.05 % each) were hidden by the threshold before the group was
     * made, and the row said "[1 frame hidden]" for time spent in 61 library methods, the page
     * "61 frames hidden"; a lower threshold made the same library call more frames.
     */
    @Test
    void aGroupCountsTheLibraryMethodsUnderTheThresholdToo() throws IOException {
        Session session = TestSessions.libraryCallInSmallSteps();

        assertThat(render(session, ReportOptions.defaults().withColor(false))).contains("""
                └─ 2.000 Main.main  Main.java:10
                   └─ 2.000 Engine.run  Engine.java:10  [61 frames hidden: lib]
                      ├─ 1.940 Callback.call  Callback.java:10
                      └─ 0.060 [self]
                """);
        assertThat(render(session, ReportOptions.defaults().withColor(false).withThresholdPercent(0.01)))
                .as("the same library code at another threshold").contains("[61 frames hidden: lib]");
    }

    /**
     * Own time below the threshold is held to it as calls are (pyinstrument's rule, and the HTML
     * report's): a [self] row of 0.4 % showed under a 1 % threshold, among rows that hid calls
     * four times as long.
     */
    @Test
    void ownTimeBelowTheThresholdHasNoSelfRow() throws IOException {
        Session small = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render", 496)
                .sample(1, "app.Main.main", 2)
                .sample(1, "app.Main.main;app.Tiny.run", 2)
                .build();

        String text = render(small, ReportOptions.defaults().withColor(false));
        assertThat(text).contains("""
                500.0 ms [thread main]
                └─ 500.0 ms Main.main  Main.java:10
                   └─ 496.0 ms Site.render  Site.java:10
                """).doesNotContain("[self]");
        assertThat(render(small, ReportOptions.defaults().withColor(false).withThresholdPercent(0.4)))
                .contains("   ├─ 496.0 ms Site.render  Site.java:10\n   ├─ 2.0 ms Tiny.run  Tiny.java:10\n   └─ 2.0 ms [self]");
    }
}
