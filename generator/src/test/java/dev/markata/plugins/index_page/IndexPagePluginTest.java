package dev.markata.plugins.index_page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The home page the index_page plugin writes (a site without the feeds plugin, whose archive is
 * the home page otherwise) sees the site's whole {@code [markata]} table, as post pages do: its
 * title, its nav, its head, and its hooks (no feed links when the feeds plugin is off).
 */
class IndexPagePluginTest {

    @TempDir
    Path dir;

    @Test
    void theHomePageShowsTheSitesNavTitleAndHead() throws Exception {
        new Site(dir).write("markata.toml", """
                        [markata]
                        title = "Field Notes"
                        disabled_hooks = ["markata.plugins.feeds"]

                        [markata.nav]
                        About = "/about/"

                        [[markata.head.meta]]
                        name = "author"
                        content = "Ada"
                        """)
                .post("posts/a.md", "title: Alpha\ndate: 2024-01-01\npublished: true", "Alpha.")
                .post("posts/b.md", "title: Beta\ndate: 2024-02-01\npublished: true", "Beta.");

        Builds.withoutWarnings(dir);

        String home = new Site(dir).read("markout/index.html");
        assertThat(home).as("the posts, newest first").containsSubsequence("Beta", "Alpha");
        assertThat(home).contains("<title>Field Notes</title>")
                .contains("<a href=\"/about/\">About</a>")
                .contains("name=\"author\"").contains("content=\"Ada\"")
                .as("no link to the RSS the disabled feeds plugin does not write").doesNotContain("rss.xml");
    }
}
