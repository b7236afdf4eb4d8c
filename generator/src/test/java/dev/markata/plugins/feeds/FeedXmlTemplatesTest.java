package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed's {@code rss_template}, {@code sitemap_template} and {@code xsl_template}, as markata's
 * FeedConfig has them (defaults {@code rss.xml}, {@code sitemap.xml}, {@code rss.xsl}, looked up
 * in the template folders, the site's first): markata renders a feed's RSS and sitemap from them
 * with {@code markata} and {@code feed}, and {@code rss.xsl} from the last feed's
 * {@code xsl_template} with {@code markata}, {@code config}, {@code today}. Here a feed whose
 * templates the site does not have keeps the built-in RSS and sitemap.
 */
class FeedXmlTemplatesTest {

    @TempDir
    Path dir;

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
}
