package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a site gets markata's default {@code archive} feed. markata (0.8 on) declares
 * {@code feeds: List[FeedConfig] = [FeedConfig(slug="archive")]}: a default that a site's own
 * {@code [[markata.feeds]]} list replaces. Before 0.8 feeds were {@code [markata.feeds.<name>]}
 * tables, and markata's configure hook added {@code archive} to them unless one had that name.
 */
class DefaultArchiveFeedTest {

    @TempDir
    Path dir;

    private Site site(String feeds) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\nurl = \"https://t.example\"\n" + feeds);
        site.post("a.md", "title: Alpha\ndate: 2024-01-02\ntags: [python]\npublished: true", "A.");
        site.post("b.md", "title: Bravo\ndate: 2024-02-03\npublished: true", "B.");
        return site;
    }

    private void build() throws Exception {
        Markata.builder(dir).environment(Map.of()).reporter(new dev.markata.testing.Warnings()).open().build();
    }

    @Test
    void aFilterNamingAFieldNoPostHasSaysSoInsteadOfMakingAQuietlyEmptyFeed() throws Exception {
        site("""
                [[markata.feeds]]
                slug = "typo"
                filter = "'python' in tagz and published"

                [[markata.feeds]]
                slug = "python"
                filter = "'python' in tags and post.get('series') is None"
                """);
        dev.markata.testing.Warnings warnings = new dev.markata.testing.Warnings();
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).filteredOn(m -> m.contains("no post has"))
                .containsExactly("feed \"typo\": its filter names tagz, which no post has (did you mean tags?);"
                        + " the feed holds 0 posts");
    }

    @Test
    void aSiteWithoutFeedsGetsTheArchive() throws Exception {
        Site site = site("");
        build();
        assertThat(site.exists("markout/archive/index.html")).isTrue();
        assertThat(site.read("markout/index.html")).contains("Alpha").contains("Bravo");
        assertThat(site.read("markout/a/index.html")).contains("href=\"/archive/\"");
    }

    @Test
    void aListOfFeedsReplacesTheArchiveAsInMarkata() throws Exception {
        Site site = site("""
                [[markata.feeds]]
                slug = "python"
                filter = "'python' in tags"
                """);
        build();
        assertThat(site.exists("markout/python/index.html")).isTrue();
        assertThat(site.exists("markout/archive/index.html")).isFalse();
        assertThat(site.exists("markout/archive/rss.xml")).isFalse();
        // the site's rss.xml is markata's rss plugin's: every published post, newest first
        assertThat(site.read("markout/rss.xml")).containsSubsequence("Bravo", "Alpha");
        assertThat(site.read("markout/atom.xml")).containsSubsequence("Bravo", "Alpha");
        // no archive to be the home page: the plain home page lists the posts
        assertThat(site.read("markout/index.html")).contains("Alpha").contains("Bravo");
        assertThat(site.read("markout/sitemap.xml")).doesNotContain("/archive/");
        // the built-in theme's header links to the archive only where there is one
        assertThat(site.read("markout/a/index.html")).doesNotContain("href=\"/archive/\"").contains("href=\"/rss.xml\"");
    }

    @Test
    void anEmptyListOfFeedsMeansNoFeeds() throws Exception {
        Site site = site("feeds = []\n");
        build();
        assertThat(site.exists("markout/archive/index.html")).isFalse();
        assertThat(site.exists("markout/rss.xml")).isTrue();
        assertThat(site.exists("markout/index.html")).isTrue();
    }

    @Test
    void tablesOfFeedsKeepTheArchiveAsMarkataBefore08Did() throws Exception {
        Site site = site("""
                [markata.feeds.python]
                filter = "'python' in tags"
                """);
        build();
        assertThat(site.exists("markout/python/index.html")).isTrue();
        assertThat(site.exists("markout/archive/index.html")).isTrue();
        assertThat(site.read("markout/a/index.html")).contains("href=\"/archive/\"");
    }

    @Test
    void aListWithAnArchiveLinksToIt() throws Exception {
        Site site = site("""
                [[markata.feeds]]
                slug = "archive"
                """);
        build();
        assertThat(site.read("markout/a/index.html")).contains("href=\"/archive/\"");
    }
}
