package dev.markata.plugins.publish_html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.Markata;
import dev.markata.lifecycle.BuildException;
import dev.markata.plugin.BuildMemory;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fails in render has written the pages rendered before the failure (each whole):
 * it says how many, and that the output folder mixes them with the last build's until a build
 * succeeds; the next good build makes the same output as a clean build of the same sources.
 */
class FailedRenderTest {

    @TempDir
    Path dir;
    @TempDir
    Path clean;

    private static void sources(Site site) {
        site.write("markata.toml", "[markata]\n");
        for (int i = 0; i < 6; i++) {
            site.post("posts/p" + i + ".md", "title: Post " + i + "\ndate: 2024-01-1" + i + "\npublished: true",
                    "Body " + i + ".");
        }
    }

    private static void build(Path root, BuildMemory memory, Warnings warnings) throws Exception {
        Markata.builder(root).environment(Map.of("MARKATA_WORKERS", "2")).plugins(Plugins.builtInPlus())
                .memory(memory).reporter(warnings).open().build();
    }

    private void failThenFix(Supplier<BuildMemory> memory) throws Exception {
        Site site = new Site(dir);
        sources(site);
        build(dir, memory.get(), new Warnings());

        // a new title (the neighbours' prev/next links change), a new post, and a broken one
        site.post("posts/p1.md", "title: Post one\ndate: 2024-01-11\npublished: true", "Body 1, edited.");
        site.post("posts/p6.md", "title: Post 6\ndate: 2024-01-16\npublished: true", "Body 6.");
        site.post("posts/p4.md", "title: Post 4\ndate: 2024-01-14\npublished: true\ntemplate: missing.html", "Body 4.");
        assertThatThrownBy(() -> build(dir, memory.get(), new Warnings())).isInstanceOfSatisfying(BuildException.class,
                failed -> {
                    assertThat(failed).hasMessageContaining("posts/p4.md");
                    assertThat(failed.mixedOutput()).hasValueSatisfying(mixed -> assertThat(mixed).matches(
                            "\\d+ files of this build were written to " + java.util.regex.Pattern.quote(
                                    dir.resolve("markout").toString()) + " before it failed: until a build succeeds,"
                                    + " the folder mixes them with the files of the builds before"));
                });
        assertThat(site.read("markout/p1/index.html")).contains("Body 1, edited.");
        assertThat(site.exists("markout/p6/index.html")).isTrue();

        // fixed, and the new post withdrawn again: its page, written by the failed build, goes
        site.post("posts/p4.md", "title: Post 4\ndate: 2024-01-14\npublished: true", "Body 4.");
        site.delete("posts/p6.md");
        build(dir, memory.get(), new Warnings());

        Site cleanSite = new Site(clean);
        sources(cleanSite);
        cleanSite.post("posts/p1.md", "title: Post one\ndate: 2024-01-11\npublished: true", "Body 1, edited.");
        build(clean, new BuildMemory(), new Warnings());
        assertThat(site.files("markout")).isEqualTo(cleanSite.files("markout"));
    }

    @Test
    void aBuildThatFailsInRenderSaysWhatItWroteAndTheNextGoodBuildIsAsClean() throws Exception {
        failThenFix(BuildMemory::new); // each build a process of its own
    }

    @Test
    void soItIsWhenServeRebuildsWithTheMemoryOfTheBuildsBefore() throws Exception {
        BuildMemory memory = new BuildMemory();
        failThenFix(() -> memory);
    }
}
