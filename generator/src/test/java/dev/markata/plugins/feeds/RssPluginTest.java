package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * markata's deprecated {@code markata.plugins.rss} on its own: its save hook writes the site's
 * {@code rss.xml} (the published posts, newest first) and nothing else; listed without the feeds
 * it ran the whole feeds plugin here (archive page as home page, atom.xml, sitemap.xml, every
 * feed's files). With the feeds on, they write the site's {@code rss.xml} and this adds nothing.
 */
class RssPluginTest {

    @TempDir
    Path dir;

    private Site site(String hooks) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\nurl = \"https://t.example\"\n" + hooks);
        site.post("posts/a.md", "title: Alpha\ndate: 2024-01-02\npublished: true", "A.");
        site.post("posts/b.md", "title: Bravo\ndate: 2024-02-03\npublished: true", "B.");
        site.post("posts/draft.md", "title: Draft\ndate: 2024-03-04\npublished: false", "D.");
        return site;
    }

    @Test
    void listedWithoutTheFeedsItWritesTheSitesRssAlone() throws Exception {
        Site site = site("""
                hooks = ["markata.plugins.glob", "markata.plugins.load", "markata.plugins.render_markdown",
                         "markata.plugins.post_template", "markata.plugins.publish_html", "markata.plugins.rss"]
                """);
        Builds.withoutWarnings(dir);
        String rss = site.read("markout/rss.xml");
        assertThat(rss).contains("<title>T</title>", "<link>https://t.example/b/</link>",
                "<link>https://t.example/a/</link>").doesNotContain("Draft");
        assertThat(rss.indexOf("/b/")).isLessThan(rss.indexOf("/a/"));
        assertThat(site.exists("markout/archive/index.html")).isFalse();
        assertThat(site.exists("markout/atom.xml")).isFalse();
        assertThat(site.exists("markout/sitemap.xml")).isFalse();
        assertThat(site.exists("markout/index.html")).isFalse();
        assertThat(site.exists("markout/a/index.html")).isTrue();
    }

    @Test
    void withTheFeedsTheSiteKeepsTheFeedsFiles() throws Exception {
        Site site = site("hooks = [\"default\", \"markata.plugins.rss\"]\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/rss.xml")).contains("<link>https://t.example/a/</link>");
        assertThat(site.exists("markout/archive/index.html")).isTrue();
        assertThat(site.exists("markout/atom.xml")).isTrue();
        assertThat(site.exists("markout/sitemap.xml")).isTrue();
    }

    @Test
    void disablingItLeavesTheFeedsOn() throws Exception {
        Site site = site("hooks = [\"default\"]\ndisabled_hooks = [\"markata.plugins.rss\"]\n");
        Builds.withoutWarnings(dir);
        assertThat(site.exists("markout/archive/index.html")).isTrue();
        assertThat(site.read("markout/rss.xml")).contains("<link>https://t.example/a/</link>");
    }
}
