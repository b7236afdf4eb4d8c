package dev.markata.plugins.profiler;

import static dev.markata.plugins.profiler.ProfiledBuilds.markata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every {@code [markata.profiler]} key rejects a bad value before anything runs or is written. */
class ProfilerConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            should_profile = "yes"                | should_profile = "yes": must be true or false
            output_file = "/tmp/profile.html"     | output_file = "/tmp/profile.html": must be relative to output_dir, not an absolute path
            output_file = "../profile.html"       | output_file = "../profile.html": must stay inside output_dir
            output_file = "a/../../b.html"        | output_file = "a/../../b.html": must stay inside output_dir
            output_file = ""                      | output_file = "": must be a file path relative to output_dir
            output_file = "_profile/"             | output_file = "_profile/": must be a file path relative to output_dir
            output_file = "_profile/p.json"       | output_file = "_profile/p.json": must name the HTML report
            output_file = 3                       | output_file = 3: must be a string
            interval = 0                          | interval = 0: must be a number of seconds between samples, > 0
            interval = -0.001                     | interval = -0.001: must be a number of seconds between samples, > 0
            interval = "fast"                     | interval = "fast": must be a number of seconds
            async_mode = "sometimes"              | async_mode = "sometimes": must be one of "enabled", "disabled", "strict"
            show_all = 1                          | show_all = 1: must be true or false
            timeline = "on"                       | timeline = "on": must be true or false
            formats = ["html", "pdf"]             | formats = ["html", "pdf"]: each entry must be one of "html", "json", "text", "speedscope", "collapsed", "jfr", "session", "stats" ("pdf" is not)
            formats = []                          | formats = []: must list at least one of
            formats = [1]                         | formats = [1]: must be a list of strings
            mode = "cpu-ish"                      | mode = "cpu-ish": must be one of "wall", "cpu"
            hide = ["re:("]                       | hide = ["re:("]: "re:(" is not a valid regular expression
            show = 7                              | show = 7: must be a list of strings
            print = "loud"                        | print = "loud": must be true or false
            threshold = 101                       | threshold = 101: must be a percentage of the total time from 0 to 100
            threshold = -1                        | threshold = -1: must be a percentage
            sampler = "perf"                      | sampler = "perf": must be one of "auto", "async-profiler", "jdk"
            """)
    void badValuesStopTheBuildNamingTheKey(String line, String message) {
        Site site = new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.profiler\"]\n"
                + "[markata.profiler]\n" + line + "\n").post("posts/a.md", "title: A", "a");

        ProfiledBuilds.Run run = markata("build", "--directory", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("error: markata.toml: [markata.profiler] " + message);
        assertThat(site.exists("markout")).as("nothing written").isFalse();
    }
}
