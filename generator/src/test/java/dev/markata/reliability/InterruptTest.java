package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl-C and {@code kill} send) to a real child JVM in the middle of rendering a
 * site with a slow template: teardown runs (the profile so far is written and marked
 * interrupted), no page or temporary file is left half-written, and the next build works.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigtermMidRenderRunsTeardownLeavesNoPartialFileAndTheNextBuildRecovers() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\nworkers = 2\n"
                + "hooks = [\"default\", \"markata.plugins.profiler\"]\n[markata.profiler]\nprint = false\n");
        // a slow page: about a million loop steps each
        site.write("templates/post.html", "<html><body>{% for i in range(1000) %}{% for j in range(1000) %}"
                + "{% endfor %}{% endfor %}{{ post.title }}</body></html>\n");
        for (int i = 0; i < 200; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i, "text " + i);
        }
        ChildBuild build = ChildBuild.start(dir);
        Process child = build.process;
        List<String> output = build.output;
        build.awaitLineStarting("load ");
        assertThat(child.isAlive()).as("still rendering when stopped: %s", output).isTrue();
        Thread.sleep(1500); // well into render
        assertThat(child.isAlive()).as("still rendering when stopped: %s", output).isTrue();
        child.destroy(); // SIGTERM
        assertThat(build.awaitEnd()).isTrue();
        assertThat(child.exitValue()).as("%s", output).isEqualTo(143);
        assertThat(output).as("no page was written").noneMatch(l -> l.startsWith("built "));

        assertThat(SiteFiles.temporaries(dir)).as("temporary files left").isEmpty();
        Path profile = dir.resolve("markout/_profile");
        assertThat(profile).as("teardown wrote the profile so far: %s", output).isDirectory();
        try (Stream<Path> files = Files.walk(profile)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".json"))
                    .map(InterruptTest::read)).as("the profile is marked interrupted")
                    .anySatisfy(json -> assertThat(json).contains("\"interrupted\""));
        }

        // the next build (with a quick template, to keep the suite fast) writes the whole site
        site.write("templates/post.html", "<html><body>{{ post.title }}</body></html>\n");
        Cli.Run again = Cli.builtIn().build(dir, "-q", "--no-profile");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(new Site(dir).read("markout/p199/index.html")).contains("P199</body></html>");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
