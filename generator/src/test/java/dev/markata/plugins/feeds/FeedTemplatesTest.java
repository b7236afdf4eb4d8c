package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's {@code template}, {@code card_template} and {@code partial_template} that name a
 * template that is nowhere are the configuration's mistake, found before any work: they failed
 * in save, after every post was rendered, blamed on the feed's first post.
 */
class FeedTemplatesTest {

    @TempDir
    Path dir;

    private void site(String feeds) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\n" + feeds);
        site.write("templates/list.html", "<ul>{% for post in feed.posts %}{{ post.title }}{% endfor %}</ul>");
        site.post("a.md", "title: Alpha\npublished: true", "A.");
    }

    @Test
    void everyMissingTemplateOfEveryFeedIsNamedWithItsKeyAndTheClosestName() {
        site("""
                [[markata.feeds]]
                slug = "blog"
                card_template = "crad.html"

                [[markata.feeds]]
                slug = "notes"
                template = "lst.html"
                partial_template = "list.html"
                """);

        ConfigException error = Builds.configError(dir);

        assertThat(error).isNotNull();
        assertThat(error.problems()).containsExactly(
                "markata.toml: [markata.feeds[0]] card_template = \"crad.html\": no template \"crad.html\" in templates_dir ("
                        + dir.resolve("templates") + ") nor in the built-in theme; did you mean card.html?",
                "markata.toml: [markata.feeds[1]] template = \"lst.html\": no template \"lst.html\" in templates_dir ("
                        + dir.resolve("templates") + ") nor in the built-in theme; did you mean list.html?");
    }

    @Test
    void theOldTablesAreCheckedToo() {
        site("""
                [markata.feeds.blog]
                filter = "published"
                template = "feeed.html"
                """);

        ConfigException error = Builds.configError(dir);

        assertThat(error).isNotNull();
        assertThat(error.problems()).singleElement().asString()
                .startsWith("markata.toml: [markata.feeds.blog] template = \"feeed.html\": no template \"feeed.html\"")
                .endsWith("did you mean feed.html?");
    }

    @Test
    void templatesThatExistInTheSiteTheThemeOrInlineAreFine() {
        site("""
                [[markata.feeds]]
                slug = "blog"
                template = "list.html"
                card_template = "card.html"
                partial_template = "<p>{{ feed.posts | length }}</p>"
                """);

        assertThat(Builds.configError(dir)).isNull();
    }
}
