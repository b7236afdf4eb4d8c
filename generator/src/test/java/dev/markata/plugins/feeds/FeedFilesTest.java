package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files markata's feeds plugin writes for each feed (its {@code create_page}): the page,
 * the partial ({@code partial_template}, default {@code feed_partial.html}: the feed without the
 * page around it, for htmx), {@code rss.xml} and {@code sitemap.xml} in the feed's folder, and
 * {@code rss.xsl} at the top, which its RSS names as stylesheet so a browser shows the feed as a
 * page. Here only a feed that set {@code partial_template} got a partial, and the site one
 * sitemap (which it keeps, with every page).
 */
class FeedFilesTest {

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "T"
                url = "https://t.example"

                [[markata.feeds]]
                slug = "archive"
                filter = "published"
                sort = "date"
                reverse = true

                [[markata.feeds]]
                slug = "python"
                title = "Python posts"
                filter = "'python' in tags"
                """);
        site.post("posts/a.md", "title: Alpha\ndate: 2024-01-02\npublished: true\ntags: [python]", "A.");
        site.post("posts/b.md", "title: Bravo\ndate: 2024-02-03\npublished: true\ntags: [java]", "B.");
        return site;
    }

    @Test
    void everyFeedHasItsPartialAndSitemap() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        String partial = site.read("markout/python/partial/index.html");
        assertThat(partial).contains("Python posts", "/a/").doesNotContain("/b/").doesNotContain("<html");
        assertThat(site.read("markout/archive/partial/index.html")).contains("/a/", "/b/");
        assertThat(site.read("markout/python/sitemap.xml"))
                .contains("<urlset", "<loc>https://t.example/a/</loc>").doesNotContain("/b/");
        assertThat(site.read("markout/archive/sitemap.xml")).contains("<loc>https://t.example/a/</loc>",
                "<loc>https://t.example/b/</loc>");
        // the site's sitemap, with every page and feed, as before
        assertThat(site.read("markout/sitemap.xml")).contains("<loc>https://t.example/python/</loc>");
    }

    @Test
    void theRssNamesTheStylesheetWrittenBesideIt() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/rss.xml")).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<?xml-stylesheet href=\"/rss.xsl\" type=\"text/xsl\"?>\n<rss version=\"2.0\"");
        assertThat(site.read("markout/rss.xml")).contains("<?xml-stylesheet href=\"/rss.xsl\" type=\"text/xsl\"?>");
        assertThat(site.read("markout/rss.xsl")).contains("<xsl:stylesheet", "xsl:for-each", "T");
    }

    @Test
    void theSitesOwnStylesheetTemplateIsWritten() throws Exception {
        Site site = site();
        site.write("templates/rss.xsl", "<xsl:stylesheet version=\"1.0\"><!-- {{ config.title }} --></xsl:stylesheet>");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/rss.xsl")).isEqualTo("<xsl:stylesheet version=\"1.0\"><!-- T --></xsl:stylesheet>");
    }

    @Test
    void aWarmBuildWritesWhatACleanOneDoesAndAFeedRemovedTakesItsFiles() throws Exception {
        Site site = site();
        Builds.warmMatchesClean(dir, "first");
        Builds.warmMatchesClean(dir, "warm");
        site.write("markata.toml", site.read("markata.toml").replace("""
                [[markata.feeds]]
                slug = "python"
                title = "Python posts"
                filter = "'python' in tags"
                """, ""));
        Builds.warmMatchesClean(dir, "python feed removed");
        assertThat(site.exists("markout/python/partial/index.html")).isFalse();
        assertThat(site.exists("markout/python/sitemap.xml")).isFalse();
    }
}
