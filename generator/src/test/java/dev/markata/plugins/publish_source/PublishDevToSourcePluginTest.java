package dev.markata.plugins.publish_source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.plugins.publish_dev_to_source}: {@code <slug>/dev.md}, the post for dev.to. The
 * text is checked against PyYAML with libyaml and markata's line joining
 * ({@code publish_source/make_dev_to_cases.py}); a site listing the id got "no plugin has this name".
 */
class PublishDevToSourcePluginTest {

    @TempDir
    Path dir;

    @Test
    void theTextIsMarkatasForEveryCase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/publish_source/dev-to-cases.json")) {
            cases = json.readTree(in);
        }
        assertThat(cases.size()).isGreaterThanOrEqualTo(5);
        SourceText text = new SourceText(true);
        for (JsonNode c : cases) {
            Map<String, Object> fields = json.convertValue(c.get("fields"), new TypeReference<Map<String, Object>>() { });
            assertThat(text.devTo(fields, c.get("content").asText())).as(c.get("fields").toString())
                    .isEqualTo(c.get("expected").asText());
        }
    }

    @Test
    void eachPostGetsItsDevMdBesideItsPage() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "Dev"
                url = "https://t.example/"
                hooks = ["default", "markata.plugins.publish_dev_to_source"]
                """).post("posts/my-post.md", "title: My post\npublished: true\ntags: [java]\nseries: Tips",
                "A line\nand the next.\n\n- item\n- item\n")
                .post("posts/own.md", "title: Own\npublished: false\ncanonical_url: https://elsewhere.example/own/\n"
                        + "cover_image: https://img.example/own.png", "Body.");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/my-post/dev.md")).isEqualTo("""
                ---
                canonical_url: https://t.example/my-post/
                cover_image: https://t.example/my-post.png
                description: A line and the next. item item
                published: true
                series: Tips
                tags:
                - java
                title: My post
                ---

                A line and the next.

                - item
                - item""");
        assertThat(site.read("markout/own/dev.md")).contains("canonical_url: https://elsewhere.example/own/\n",
                "cover_image: https://img.example/own.png\n", "published: false\n");
    }

    /** The canonical address is where the page is served: the home page's is the site's top, not /index/. */
    @Test
    void theCanonicalAddressIsThePagesUnderThePathPrefix() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "Dev"
                url = "https://t.example"
                path_prefix = "project/"
                hooks = ["default", "markata.plugins.publish_dev_to_source"]
                """).post("posts/my-post.md", "title: My post\npublished: true", "Body.")
                .post("index.md", "title: Home\npublished: true", "Welcome.");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/my-post/dev.md")).contains("canonical_url: https://t.example/project/my-post/\n");
        assertThat(site.read("markout/index/dev.md")).contains("canonical_url: https://t.example/project/\n");
    }

    @Test
    void warmBuildsAfterEditsGiveACleanBuildsFiles() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "Dev"
                url = "https://t.example"
                hooks = ["default", "markata.plugins.publish_dev_to_source"]
                """).post("posts/a.md", "title: A\npublished: true", "A line\nand more.")
                .post("posts/b.md", "title: B\npublished: true", "B.");
        Builds.warmMatchesClean(dir, "first");
        site.post("posts/a.md", "title: A2\npublished: true", "Edited\nlines.");
        assertThat(Builds.warmMatchesClean(dir, "a post edited").get("a/dev.md")).contains("title: A2", "Edited lines.");
        site.write("markata.toml", "[markata]\ntitle = \"Dev\"\nurl = \"https://other.example\"\n"
                + "hooks = [\"default\", \"markata.plugins.publish_dev_to_source\"]\n");
        assertThat(Builds.warmMatchesClean(dir, "the url changed").get("b/dev.md")).contains("https://other.example/b/");
    }
}
