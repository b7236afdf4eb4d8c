package dev.markata.plugins.uuid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.plugins.uuid}: every post gets a {@code uuid}, which templates show as
 * {@code {{ post.uuid }}}. markata draws a random one per build; here it is the same from build to
 * build (so a page that shows it is the same warm or clean, and a link by it keeps working).
 */
class UuidPluginTest {

    @TempDir
    Path dir;

    private Site site(String hooks) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Ids\"\nhooks = " + hooks + "\n")
                .write("templates/post.html", "<p id=\"uuid\">{{ post.uuid }}</p>\n")
                .post("posts/a.md", "title: A\npublished: true", "A.")
                .post("posts/b.md", "title: B\npublished: true\nuuid: 0f8fad5b-d9cb-469f-a165-70867728950e", "B.");
    }

    private static String uuidOf(String page) {
        return page.substring(page.indexOf('>') + 1, page.indexOf("</p>"));
    }

    @Test
    void everyPostHasAUuidThatStaysFromBuildToBuild() throws Exception {
        Site site = site("[\"default\", \"markata.plugins.uuid\"]");
        Builds.withoutWarnings(dir);
        String a = uuidOf(site.read("markout/a/index.html"));
        assertThat(UUID.fromString(a).toString()).isEqualTo(a);
        assertThat(a).isEqualTo(UUID.nameUUIDFromBytes("posts/a.md".getBytes(StandardCharsets.UTF_8)).toString());
        // the author's own uuid is kept (markata replaces it with a random one each build)
        assertThat(uuidOf(site.read("markout/b/index.html"))).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
        site.delete("markout").delete(".markata.cache");
        Builds.withoutWarnings(dir);
        assertThat(uuidOf(site.read("markout/a/index.html"))).isEqualTo(a);
    }

    @Test
    void withoutThePluginAPostHasNone() throws Exception {
        Site site = site("[\"default\"]");
        Builds.withoutWarnings(dir);
        assertThat(uuidOf(site.read("markout/a/index.html"))).isEmpty();
    }

    @Test
    void warmBuildsAfterEditsGiveACleanBuildsPages() throws Exception {
        Site site = site("[\"default\"]");
        Builds.warmMatchesClean(dir, "without");
        site.write("markata.toml", "[markata]\ntitle = \"Ids\"\nhooks = [\"default\", \"markata.plugins.uuid\"]\n");
        assertThat(Builds.warmMatchesClean(dir, "turned on").get("a/index.html")).doesNotContain("<p id=\"uuid\"></p>");
        site.post("posts/a.md", "title: A2\npublished: true", "A, edited.");
        Builds.warmMatchesClean(dir, "a post edited");
        site.post("posts/b.md", "title: B\npublished: true", "B without its own uuid.");
        assertThat(Builds.warmMatchesClean(dir, "its uuid removed").get("b/index.html"))
                .doesNotContain("0f8fad5b-d9cb-469f-a165-70867728950e");
    }
}
