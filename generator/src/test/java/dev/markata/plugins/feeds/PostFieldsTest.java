package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a feed's filter sees of a post: a view with the post's own fields over its front matter. */
class PostFieldsTest {

    private final Post post = new Post("posts/a.md", "a", "A", PostDate.of(LocalDate.of(2024, 5, 1)), List.of("java"), true,
            "About A", null, "Body", Map.of("series", "intro", "words", 120L), null, null);

    private static SiteConfig site(String pathPrefix) {
        Path site = Path.of("/site");
        return new SiteConfig(site, site.resolve("markout"), site.resolve(".markata.cache"), site.resolve("static"),
                site.resolve("templates"), List.of("default"), List.of(), "https://example.com", "Site", "", "", "",
                "en", 1, pathPrefix);
    }

    /** {@code href}, as {@code post.url} and markata.json's {@code href}: the page under the path prefix. */
    @Test
    void hrefIsThePagesAddressUnderThePathPrefix() {
        assertThat(FeedsPlugin.fields(post, site("")).get("href")).isEqualTo("/a/");
        assertThat(FeedsPlugin.fields(post, site("project/")).get("href")).isEqualTo("/project/a/");
        Post home = new Post("index.md", "index", "Home", null, List.of(), true, "", null, "", Map.of(), null, null);
        assertThat(FeedsPlugin.fields(home, site("project/")).get("href")).isEqualTo("/project/");
        // markata's post model keeps an href the front matter gives
        Post own = new Post("posts/o.md", "o", "O", null, List.of(), true, "", null, "", Map.of("href", "/elsewhere/"),
                null, null);
        assertThat(FeedsPlugin.fields(own, site("project/")).get("href")).isEqualTo("/elsewhere/");
    }

    @Test
    void readsOwnFieldsAndFrontMatterByKey() {
        Map<String, Object> fields = FeedsPlugin.fields(post, site(""));
        assertThat(fields.get("date")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(fields.get("date_time")).isEqualTo(LocalDate.of(2024, 5, 1).atStartOfDay());
        assertThat(fields.get("tags")).isEqualTo(List.of("java"));
        assertThat(fields.get("published")).isEqualTo(true);
        assertThat(fields.get("template")).isEqualTo(Post.DEFAULT_TEMPLATE);
        assertThat(fields.get("series")).isEqualTo("intro");
        assertThat(fields.get("missing")).isNull();
        assertThat(fields.get(null)).isNull();
        assertThat(fields.containsKey("href")).isTrue();
        assertThat(fields.containsKey("words")).isTrue();
        assertThat(fields.containsKey("missing")).isFalse();
        assertThat(fields.containsKey(null)).isFalse();
    }

    @Test
    void iteratesAsTheMapItStandsFor() {
        Map<String, Object> fields = FeedsPlugin.fields(post, site(""));
        assertThat(fields).hasSize(13).containsEntry("slug", "a").containsEntry("description", "About A")
                .containsEntry("content", "Body").containsEntry("words", 120L)
                .containsEntry("href", fields.get("href"));
    }
}
