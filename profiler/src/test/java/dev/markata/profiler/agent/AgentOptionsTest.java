package dev.markata.profiler.agent;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.render.ReportFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentOptionsTest {

    @Test
    void defaultsProfileEverythingIntoAnHtmlReport() {
        AgentOptions options = AgentOptions.parse(null);
        assertThat(options.interval()).isEqualTo(Duration.ofMillis(1));
        assertThat(options.output()).isEqualTo(Path.of("profile.html"));
        assertThat(options.format()).isEqualTo(ReportFormat.HTML);
        assertThat(options.allThreads()).isTrue();
        assertThat(options.asyncMode()).isEqualTo(AsyncMode.ENABLED);
        assertThat(options.timeMode()).isEqualTo(TimeMode.WALL);
        assertThat(options.sampler()).isEqualTo(SamplerChoice.AUTO);
        assertThat(options.jfr()).isNull();
        assertThat(options.show()).isEmpty();
        assertThat(options.hide()).isEmpty();
        assertThat(options.print()).isEqualTo(AgentOptions.Print.LINE);
    }

    @Test
    void everyArgumentIsRead() {
        AgentOptions options = AgentOptions.parse(
                "interval=0.01,output=out/p.speedscope.json,threads=main,async=strict,mode=cpu,sampler=jdk,jfr=rec.jfr,print=tree");
        assertThat(options.interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(options.output()).isEqualTo(Path.of("out/p.speedscope.json"));
        assertThat(options.format()).isEqualTo(ReportFormat.SPEEDSCOPE);
        assertThat(options.allThreads()).isFalse();
        assertThat(options.asyncMode()).isEqualTo(AsyncMode.STRICT);
        assertThat(options.timeMode()).isEqualTo(TimeMode.CPU);
        assertThat(options.sampler()).isEqualTo(SamplerChoice.JDK);
        assertThat(options.jfr()).isEqualTo(Path.of("rec.jfr"));
        assertThat(options.print()).isEqualTo(AgentOptions.Print.TREE);
        assertThat(AgentOptions.parse("print=NONE").print()).isEqualTo(AgentOptions.Print.NONE);
    }

    /**
     * A program whose own work is in library jars (Maven: its launcher jar is the application,
     * its real work in {@code lib/}) had its tree under one "2890 frames hidden" row, and an agent
     * run had no way to say which code to open: the library's {@code ReportOptions.withShow} and
     * the HTML page's view options were the only ones. {@code show} and {@code hide} take a class
     * name pattern each, and may be given again for more (a comma separates options).
     */
    @Test
    void showAndHideTakeClassNamePatternsAndMayBeRepeated() {
        AgentOptions options = AgentOptions.parse(
                "show=org.apache.maven.*,output=p.txt,show=org.eclipse.aether.*,hide=*Logger*,hide=re:org\\.slf4j\\..*");
        assertThat(options.show()).containsExactly("org.apache.maven.*", "org.eclipse.aether.*");
        assertThat(options.hide()).containsExactly("*Logger*", "re:org\\.slf4j\\..*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "show=|show= needs a class name pattern (a glob like org.apache.maven.*, or re: and a Java regex)",
            "hide=re:org.(|hide=re:org.( is not a pattern: invalid class-name pattern 're:org.(': Unclosed group",
            "output=p.html,output=q.html|agent argument 'output' is given twice"})
    void aBadPatternSaysWhatIsWrong(String arguments, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(arguments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    /**
     * The shell does not expand the {@code ~} inside {@code -javaagent:...=output=~/p.html}: the
     * report went to a folder named {@code ~} in the working directory, which the start-time
     * check now even creates, while the message said "wrote ~/p.html".
     */
    @Test
    void aLeadingTildeIsTheHomeFolderAsInTheShell() {
        Path home = Path.of(System.getProperty("user.home"));
        AgentOptions options = AgentOptions.parse("output=~/profiles/p.html,jfr=~/r.jfr");
        assertThat(options.output()).isEqualTo(home.resolve("profiles/p.html"));
        assertThat(options.jfr()).isEqualTo(home.resolve("r.jfr"));
        assertThat(AgentOptions.parse("output=a~/p.html").output()).isEqualTo(Path.of("a~/p.html"));
    }

    /**
     * Every JVM that the agent starts in (JAVA_TOOL_OPTIONS, a JMH benchmark's forks, a build
     * tool's test forks) wrote the same file, and only the last one's profile was left: a file
     * name says where each one goes with the process id ({@code %p}) or the start time
     * ({@code %t}), as async-profiler's own file names do.
     */
    @Test
    void aFileNameCanHoldTheProcessIdAndTheStartTime() {
        long pid = ProcessHandle.current().pid();
        AgentOptions options = AgentOptions.parse("output=out/p-%p.speedscope.json,jfr=r-%p-%t.jfr");
        assertThat(options.output()).isEqualTo(Path.of("out/p-" + pid + ".speedscope.json"));
        assertThat(options.format()).isEqualTo(ReportFormat.SPEEDSCOPE);
        assertThat(options.jfr().toString()).matches("r-" + pid + "-\\d{8}-\\d{6}\\.jfr");
        assertThat(AgentOptions.parse("output=100%.html").output()).isEqualTo(Path.of("100%.html"));
    }

    @ParameterizedTest
    @CsvSource({"0.001,1000000", "1ms,1000000", "500us,500000", "0.5s,500000000", "2,2000000000"})
    void intervalsTakeSecondsOrAUnit(String value, long nanos) {
        assertThat(AgentOptions.parse("interval=" + value).interval()).isEqualTo(Duration.ofNanos(nanos));
    }

    /**
     * {@code interval=1h} said "is not a positive duration", which it is: the message must say
     * what was wrong with it, and every interval message what is allowed (the units, the range).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "interval=1h|interval=1h: 'h' is not a unit the agent reads",
            "interval=2min|interval=2min: 'min' is not a unit the agent reads",
            "interval=fast|interval=fast: 'fast' is not a number",
            "interval=|interval=: no number",
            "interval=-1|interval=-1: not more than 0",
            "interval=0ms|interval=0ms: not more than 0",
            "interval=0.0001us|interval=0.0001us: finer than a nanosecond",
            "interval=11|interval=11: longer than 10 s, the longest interval the agent takes",
            "interval=20000ms|interval=20000ms: longer than 10 s, the longest interval the agent takes",
            "interval=1e400|interval=1e400: longer than 10 s",
            "interval=1e9999999999|interval=1e9999999999: '1e9999999999' is not a number"})
    void aBadIntervalSaysWhatWasWrongAndWhatIsAllowed(String arguments, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(arguments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message)
                .hasMessageEndingWith("(give seconds like 0.001, or a number with s, ms or us like 1ms or 500us;"
                        + " more than 0 and at most 10 s)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @CsvSource({"10,10000000000", "10s,10000000000", "1E-3,1000000", " 5 ms ,5000000", "1MS,1000000", "0.5us,500"})
    void intervalsUpToTheLimitInAnyCaseAreRead(String value, long nanos) {
        assertThat(AgentOptions.parse("interval=" + value).interval()).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "output=profile.pdf|has no known report format",
            "output=out/p.jfr|output=out/p.jfr has no known report format (file name must end in .txt, .json,"
                    + " .speedscope.json, .collapsed, .html, .session.json); async-profiler's JFR recording is kept"
                    + " with jfr=out/p.jfr, beside a report",
            "colour=red|unknown agent argument 'colour' (allowed: interval, output",
            "async=maybe|async=maybe is not allowed (use one of: enabled, disabled, strict)",
            "verbose|agent argument 'verbose' is not key=value",
            "mode=wall,mode=cpu|agent argument 'mode' is given twice",
            "output=|output= needs a file name"})
    void badArgumentsSayWhatIsWrongAndWhatIsAllowed(String arguments, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(arguments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /**
     * {@code interval=1ms,,output=p.html} said "agent argument '' is not key=value": two quotes
     * around nothing, naming no option. The line says where the empty option is (after which
     * option, or a leading comma) and how options are written.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "interval=1ms,,output=p.html|agent arguments 'interval=1ms,,output=p.html': an empty option after"
                    + " 'interval=1ms' (two commas in a row)",
            ",output=p.html|agent arguments ',output=p.html': an empty option before 'output=p.html' (a leading comma)",
            "',,'|agent arguments ',,': an empty option (a leading comma)",
            "'output=p.html, ,mode=cpu'|agent arguments 'output=p.html, ,mode=cpu': an empty option after"
                    + " 'output=p.html' (two commas in a row)"})
    void anEmptyOptionSaysWhereItIsAndHowOptionsAreWritten(String arguments, String message) {
        assertThatThrownBy(() -> AgentOptions.parse(arguments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message + "; give options as key=value separated by single commas (keys: interval,"
                        + " output, threads, async, mode, sampler, jfr, show, hide, print)");
    }

    /** A trailing comma is no empty option between two others: read as before. */
    @Test
    void aTrailingCommaIsRead() {
        assertThat(AgentOptions.parse("output=p.txt,").output()).isEqualTo(Path.of("p.txt"));
    }

    /**
     * {@code output=reports/} said "output=reports has no known report format (file name must
     * end in ...)": the slash the user typed was gone from the line, and a folder is not a file
     * with the wrong ending. {@code jfr=recordings/} wrote the recording to a file named
     * {@code recordings}. Both say it is a folder and how to name a file in it, as does a folder
     * that exists, given without the slash.
     */
    @Test
    void aFolderGivenForAFileSaysItIsAFolderAndHowToNameAFileInIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        assertThatThrownBy(() -> AgentOptions.parse("output=reports/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output=reports/ is a folder: give a report file's name, like output=reports/profile.html"
                        + " (its ending picks the format: .txt, .json, .speedscope.json, .collapsed, .html,"
                        + " .session.json)");
        assertThatThrownBy(() -> AgentOptions.parse("jfr=recordings/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jfr=recordings/ is a folder: give a file's name, like jfr=recordings/recording.jfr");
        Path existing = java.nio.file.Files.createDirectories(dir.resolve("out.html"));
        assertThatThrownBy(() -> AgentOptions.parse("output=" + existing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("output=" + existing + " is a folder: give a report file's name, like output="
                        + existing.resolve("profile.html") + " (");
    }
}
