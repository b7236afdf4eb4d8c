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
        return site("");
    }

    /** The site, {@code feeds} added to the python feed's table. */
    private Site site(String feeds) {
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
                """ + feeds);
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

    /*
     * A feed's rss_template, sitemap_template and xsl_template, as markata's FeedConfig has them
     * (defaults rss.xml, sitemap.xml, rss.xsl, looked up in the template folders, the site's
     * first): markata renders a feed's RSS and sitemap from them with markata and feed, and
     * rss.xsl from the last feed's xsl_template with markata, config, today. Here a feed whose
     * templates the site does not have keeps the built-in RSS and sitemap.
     */

    @Test
    void theSitesRssXmlTemplateMakesEveryFeedsRss() throws Exception {
        Site site = site("");
        site.write("templates/rss.xml", """
                <rss><channel><title>{{ feed.config.title }} of {{ markata.config.title }}</title>
                {% for post in feed.posts %}<item>{{ post.title }} {{ post.slug }}</item>
                {% endfor %}</channel></rss>
                """);
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/rss.xml")).isEqualTo("""
                <rss><channel><title>Python posts of T</title>
                <item>Alpha a</item>
                </channel></rss>
                """);
        assertThat(site.read("markout/archive/rss.xml")).contains("<item>Bravo b</item>\n<item>Alpha a</item>");
        // the archive's RSS is the site's rss.xml too
        assertThat(site.read("markout/rss.xml")).isEqualTo(site.read("markout/archive/rss.xml"));
        // the site's sitemap.xml template is not there: the built-in sitemaps
        assertThat(site.read("markout/python/sitemap.xml")).contains("<urlset", "<loc>https://t.example/a/</loc>");
    }

    @Test
    void aFeedsOwnTemplatesAreForItsFilesAlone() throws Exception {
        Site site = site("""
                rss_template = "py-rss.xml"
                sitemap_template = "feeds/py-sitemap.xml"
                xsl_template = "py.xsl"
                """);
        site.write("templates/py-rss.xml", "{% for post in feed.posts %}{{ post.title }};{% endfor %}");
        // a path from the site folder, as markata reads a file it does not find by name
        site.write("feeds/py-sitemap.xml", "{{ feed.name }}: {{ feed.posts | length }}");
        site.write("templates/py.xsl", "<xsl>{{ config.title }} {{ markata.config.url }}</xsl>");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/rss.xml")).isEqualTo("Alpha;");
        assertThat(site.read("markout/python/sitemap.xml")).isEqualTo("python: 1");
        assertThat(site.read("markout/archive/rss.xml")).contains("<rss", "<title>Bravo</title>");
        // markata writes rss.xsl once, from the last feed's xsl_template
        assertThat(site.read("markout/rss.xsl")).isEqualTo("<xsl>T https://t.example/</xsl>");
    }

    @Test
    void aWarmBuildKeepsTheFilesAndAnEditedTemplateIsRenderedAgain() throws Exception {
        Site site = site("");
        site.write("templates/rss.xml", "one {{ feed.posts | length }}");
        Builds.withoutWarnings(dir);
        assertThat(Builds.warmMatchesClean(dir, "unchanged")).containsEntry("python/rss.xml", "one 1");
        site.write("templates/rss.xml", "two {{ feed.posts | length }}");
        assertThat(Builds.warmMatchesClean(dir, "template edited")).containsEntry("python/rss.xml", "two 1");
    }

    /** A feed's folder Windows cannot make ({@code slug = "aux"}) is built, with a warning naming the feed. */
    @Test
    void aFeedWhoseSlugIsAWindowsDeviceNameIsBuiltWithAWarning() throws Exception {
        site().write("markata.toml", "[markata]\n[[markata.feeds]]\nslug = \"aux\"\nfilter = \"published\"\n");
        assertThat(Builds.warnings(dir)).containsExactly("[markata.feeds] feed \"aux\": the slug \"aux\" is a device"
                + " name on Windows (CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, in any case and with any extension): its"
                + " folder cannot be made there, so the site cannot be checked out or deployed from Windows (Linux"
                + " hosts serve it); if the site is ever handled on Windows, give the feed another slug");
        assertThat(dir.resolve("markout/aux/index.html")).exists();
    }
}
