package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during a build: a plugin that throws, a read-only or full output folder. The build
 * names what failed, teardown runs, no page is left half-written, and the next build on a good
 * disk works.
 */
class FaultsTest {

    @TempDir
    Path dir;

    /** Throws from one stage; notes teardown. */
    record Thrower(Stage failing, List<String> journal) implements Plugin {
        @Override
        public String id() {
            return "test.thrower";
        }

        @Override
        public void register(PluginSetup setup) {
            setup.hook(failing, context -> {
                throw new IllegalStateException("boom in " + failing.id());
            });
            setup.hook(Stage.TEARDOWN, context -> journal.add("teardown after " + failing.id()));
        }
    }

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"test.thrower\"]\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "a");
    }

    @Test
    void aPluginThatThrowsInAnyStageIsNamedWithTheStageAndTeardownStillRuns() {
        site();
        for (Stage stage : Stage.inOrder()) {
            if (stage == Stage.TEARDOWN) {
                continue;
            }
            List<String> journal = Collections.synchronizedList(new ArrayList<>());
            Cli.Run run = new Cli(Plugins.builtInPlus(new Thrower(stage, journal))).build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString())
                    .contains("error: build failed in stage " + stage.id() + ", plugin test.thrower")
                    .contains("boom in " + stage.id());
            assertThat(journal).as(stage.id()).containsExactly("teardown after " + stage.id());
        }
    }

    @Test
    void aReadOnlyOutputFolderIsAnErrorNamingThePathAndTheNextBuildWorks() throws Exception {
        site().write("markata.toml", "[markata]\ntitle = \"ro\"\n");
        Path output = dir.resolve("markout");
        Files.createDirectories(output);
        mountOrSkip(output, "ro,size=1m");
        try {
            Cli.Run run = Cli.builtIn().build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString()).contains("cannot write " + output).contains("stage save")
                    .doesNotContain("\tat ");
        } finally {
            unmount(output);
        }
        Cli.Run again = Cli.builtIn().build(dir, "-q");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(output.resolve("a/index.html")).isNotEmptyFile();
    }

    @Test
    void aFullDiskIsAnErrorNamingThePathLeavesNoPartialFileAndTheNextBuildWorks() throws Exception {
        Site site = site().write("markata.toml", "[markata]\ntitle = \"full\"\nworkers = 2\n");
        String body = "Words of a post that fills the disk. ".repeat(2000);
        for (int i = 0; i < 40; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i, body);
        }
        Path output = dir.resolve("markout");
        Files.createDirectories(output);
        mountOrSkip(output, "size=256k");
        try {
            Cli.Run run = Cli.builtIn().build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString()).contains("cannot write " + output).contains("No space left on device (the disk is full)")
                    .doesNotContain("\tat ");
            assertThat(leftovers(output)).as("temporary files left in the output folder").isEmpty();
            try (Stream<Path> files = Files.walk(output)) {
                for (Path page : files.filter(p -> p.toString().endsWith("index.html")).toList()) {
                    assertThat(Files.readString(page)).as(page + " is whole").contains("</html>");
                }
            }
        } finally {
            unmount(output);
        }
        Cli.Run again = Cli.builtIn().build(dir, "-q");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(output.resolve("p39/index.html")).isNotEmptyFile();
    }

    static List<Path> leftovers(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static void mountOrSkip(Path folder, String options) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        boolean done = mount.waitFor(20, TimeUnit.SECONDS);
        String said = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(done && mount.exitValue() == 0,
                "mounting a tmpfs is not permitted here (needs root and CAP_SYS_ADMIN): " + said.strip());
    }

    private static void unmount(Path folder) throws Exception {
        new ProcessBuilder("umount", folder.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
    }
}
