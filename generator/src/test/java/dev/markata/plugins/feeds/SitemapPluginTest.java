package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.testing.Site;
import dev.markata.testing.WarmVsClean;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * markata's {@code markata.plugins.sitemap} on its own: it wrote {@code sitemap.xml} of the
 * published posts whatever the feeds did. Here the feeds plugin writes the sitemap with the feeds'
 * pages; a site that turns the feeds off and lists the sitemap got none (the sitemap named the
 * feeds plugin, which {@code disabled_hooks} removed), and one that listed the sitemap without the
 * feeds got every feed page, RSS and the archive as its home page.
 */
class SitemapPluginTest {

    @TempDir
    Path dir;

    private Site site(String markata) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\nurl = \"https://t.example\"\n" + markata);
        site.post("a.md", "title: Alpha\ndate: 2024-01-02\npublished: true", "A.");
        site.post("b.md", "title: Bravo\ndate: 2024-02-03\npublished: true", "B.");
        site.post("draft.md", "title: Draft\ndate: 2024-03-04\npublished: false", "D.");
        return site;
    }

    private static void build(Path site) throws Exception {
        Markata.builder(site).environment(Map.of()).reporter(new Warnings()).open().build();
    }

    @Test
    void aSiteThatTurnsTheFeedsOffAndListsTheSitemapGetsOne() throws Exception {
        Site site = site("""
                hooks = ["default", "markata.plugins.sitemap"]
                disabled_hooks = ["markata.plugins.feeds"]
                """);
        build(dir);
        assertThat(site.read("markout/sitemap.xml")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url>
                    <loc>https://t.example/a/</loc>
                    <lastmod>2024-01-02</lastmod>
                  </url>
                  <url>
                    <loc>https://t.example/b/</loc>
                    <lastmod>2024-02-03</lastmod>
                  </url>
                </urlset>
                """);
        assertThat(site.exists("markout/archive/index.html")).isFalse();
        assertThat(site.exists("markout/rss.xml")).isFalse();
        // the built-in theme links to no feed the site does not have (it linked /archive/ and /rss.xml, both 404)
        assertThat(site.read("markout/a/index.html")).doesNotContain("/rss.xml").doesNotContain("/archive/");
    }

    @Test
    void withTheFeedsTheThemeLinksToThem() throws Exception {
        Site site = site("");
        build(dir);
        assertThat(site.read("markout/a/index.html")).contains("<link rel=\"alternate\" type=\"application/rss+xml\"",
                "<a href=\"/archive/\">Archive</a><a href=\"/rss.xml\">RSS</a>");
    }

    @Test
    void theSitemapListedWithoutTheFeedsWritesNoFeeds() throws Exception {
        Site site = site("""
                hooks = ["markata.plugins.glob", "markata.plugins.load", "markata.plugins.render_markdown",
                         "markata.plugins.post_template", "markata.plugins.publish_html", "markata.plugins.sitemap"]
                """);
        build(dir);
        assertThat(site.read("markout/sitemap.xml")).contains("<loc>https://t.example/a/</loc>")
                .doesNotContain("draft");
        assertThat(site.exists("markout/archive/index.html")).isFalse();
        assertThat(site.exists("markout/rss.xml")).isFalse();
        assertThat(site.exists("markout/a/index.html")).isTrue();
    }

    @Test
    void withTheFeedsOnTheSitemapIsTheFeeds() throws Exception {
        Site site = site("hooks = [\"default\", \"markata.plugins.sitemap\"]\n");
        build(dir);
        String both = site.read("markout/sitemap.xml");
        site.write("markata.toml", "[markata]\ntitle = \"T\"\nurl = \"https://t.example\"\n");
        build(dir);
        assertThat(both).isEqualTo(site.read("markout/sitemap.xml")).contains("/archive/");
    }

    @Test
    void aWarmBuildAfterEditsMatchesACleanOne(@TempDir Path copy) throws Exception {
        Site site = site("""
                hooks = ["default", "markata.plugins.sitemap"]
                disabled_hooks = ["markata.plugins.feeds"]
                """);
        build(dir);
        site.post("b.md", "title: Bravo\ndate: 2024-02-05\npublished: false", "B.");
        site.post("c.md", "title: Charlie\ndate: 2024-04-01\npublished: true", "C.");
        build(dir);
        assertThat(site.read("markout/sitemap.xml")).contains("/c/").doesNotContain("/b/");
        assertThat(WarmVsClean.differences(dir, copy, SitemapPluginTest::build)).isEmpty();
    }
}
