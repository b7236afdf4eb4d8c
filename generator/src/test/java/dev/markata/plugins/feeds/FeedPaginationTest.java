package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * markata's paginated feeds (its feeds plugin's {@code create_paginated_feed}): a feed with
 * {@code enabled = true} is pages of {@code items_per_page} posts (10 unless set), the first at
 * {@code /<slug>/}, the others at {@code /<slug>/2/}, {@code /<slug>/3/}..., each with its
 * partial ({@code <page>/partial/}, from {@code feed_items_partial.html}: the page's cards
 * alone, which htmx appends to the list), the page template seeing markata's pagination
 * variables ({@code page}, {@code total_pages}, {@code has_next}, {@code next_page}...).
 */
class FeedPaginationTest {

    @TempDir
    Path dir;

    /** Five python posts, Post 1 the newest; {@code feed} added to the python feed's table. */
    private Site site(String feed) {
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "T"
                url = "https://t.example"

                [[markata.feeds]]
                slug = "archive"
                filter = "published"

                [[markata.feeds]]
                slug = "python"
                title = "Python posts"
                filter = "'python' in tags"
                sort = "date"
                reverse = true
                """ + feed);
        for (int i = 1; i <= 5; i++) {
            site.post("posts/p" + i + ".md", "title: Post " + i + "\ndate: 2024-01-" + (20 - i)
                    + "\npublished: true\ntags: [python]", "Text " + i + ".");
        }
        return site;
    }

    @Test
    void aPaginatedFeedIsPagesOfItemsPerPagePostsAtNumberedAddresses() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\n");
        Builds.withoutWarnings(dir);

        String first = site.read("markout/python/index.html");
        assertThat(first).contains("Post 1", "Post 2").doesNotContain("Post 3")
                .contains("href=\"/python/2/\"").doesNotContain("rel=\"prev\"");
        String second = site.read("markout/python/2/index.html");
        assertThat(second).contains("Post 3", "Post 4").doesNotContain("Post 2").doesNotContain("Post 5")
                .contains("href=\"/python/\"", "href=\"/python/3/\"");
        String third = site.read("markout/python/3/index.html");
        assertThat(third).contains("Post 5").doesNotContain("Post 4")
                .contains("href=\"/python/2/\"").doesNotContain("rel=\"next\"");
        assertThat(site.exists("markout/python/4/index.html")).isFalse();
        // the partials are the pages' cards alone, for htmx to append to the list
        assertThat(site.read("markout/python/2/partial/index.html")).contains("Post 3", "Post 4")
                .doesNotContain("Post 2").doesNotContain("<html").doesNotContain("<h1");
        assertThat(site.read("markout/python/partial/index.html")).contains("Post 1", "Post 2")
                .doesNotContain("Post 3");
        // the feed's RSS keeps every post
        assertThat(site.read("markout/python/rss.xml")).contains("Post 1", "Post 5");
    }

    @Test
    void theBuiltInThemeAppendsPagesAsTheReaderScrollsUnlessTheTypeIsManual() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\n");
        Builds.withoutWarnings(dir);
        // htmx, markata's default: the theme's script (no htmx from the network) fetches the next partial
        assertThat(site.read("markout/python/index.html")).contains("IntersectionObserver", "/partial/")
                .doesNotContain("htmx.org");
        assertThat(site.read("markout/python/3/index.html")).as("the last page has no next").doesNotContain(
                "IntersectionObserver");
        site.write("markata.toml", site.read("markata.toml") + "pagination_type = \"manual\"\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/index.html")).doesNotContain("IntersectionObserver")
                .contains("href=\"/python/2/\"");
    }

    @Test
    void thePageTemplateSeesMarkatasPaginationVariables() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\npagination_type = \"manual\"\ntemplate = \"paged.html\"\n");
        site.write("templates/paged.html", "{{ title }} {{ page }}/{{ total_pages }} of {{ total_posts }}"
                + " prev={{ has_prev }}:{{ prev_page or 'none' }} next={{ has_next }}:{{ next_page or 'none' }} {{ feed_name }}"
                + " {{ pagination_enabled }} {{ pagination_context.per_page }} {{ pagination_config.pagination_type }}"
                + " [{% for post in posts %}{{ post.title }};{% endfor %}] {{ page_posts | length }}"
                + " {{ feed.posts | length }} {{ feed.config.items_per_page }} {{ feed.config.enabled }}");
        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/python/index.html")).isEqualTo("Python posts 1/3 of 5 prev=False:none"
                + " next=True:2 python True 2 manual [Post 1;Post 2;] 2 5 2 True");
        assertThat(site.read("markout/python/3/index.html")).isEqualTo("Python posts 3/3 of 5 prev=True:2"
                + " next=False:none python True 2 manual [Post 5;] 1 5 2 True");
    }

    @Test
    void warmBuildsAddAndRemovePagesAsPostsComeAndGo() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\n");
        Builds.warmMatchesClean(dir, "first build");

        site.delete("posts/p5.md");
        site.delete("posts/p4.md");
        Map<String, String> files = Builds.warmMatchesClean(dir, "two posts removed");
        assertThat(files).doesNotContainKeys("python/3/index.html", "python/3/partial/index.html")
                .containsKey("python/2/index.html");

        site.post("posts/p6.md", "title: Post 6\ndate: 2024-01-01\npublished: true\ntags: [python]", "Six.");
        site.post("posts/p7.md", "title: Post 7\ndate: 2023-12-31\npublished: true\ntags: [python]", "Seven.");
        files = Builds.warmMatchesClean(dir, "two posts added");
        assertThat(files.get("python/3/index.html")).contains("Post 7");

        site.post("posts/p3.md", "title: Post Three\ndate: 2024-01-17\npublished: true\ntags: [python]", "Text 3.");
        files = Builds.warmMatchesClean(dir, "a post of page 2 retitled");
        assertThat(files.get("python/2/index.html")).contains("Post Three");

        site.write("markata.toml", site.read("markata.toml").replace("items_per_page = 2", "items_per_page = 10"));
        files = Builds.warmMatchesClean(dir, "one page");
        assertThat(files).doesNotContainKeys("python/2/index.html", "python/2/partial/index.html");
    }

    @Test
    void aPageWhoseCardsShowBodiesFollowsAnEditOfOneOfThem() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\ncard_template = \"<li>{{ post.title }}:"
                + " {{ post.article_html }}</li>\"\n");
        Builds.warmMatchesClean(dir, "first build");
        // past the paragraph the descriptions come from: only the bodies change
        site.post("posts/p3.md", "title: Post 3\ndate: 2024-01-17\npublished: true\ntags: [python]",
                "Text 3.\n\n## Later\n\nA paragraph added later.");
        Map<String, String> files = Builds.warmMatchesClean(dir, "a body of page 2 edited");
        assertThat(files.get("python/2/index.html")).contains("A paragraph added later.");
        assertThat(files.get("python/2/partial/index.html")).contains("A paragraph added later.");
    }

    @Test
    void anEmptyPaginatedFeedIsOneEmptyPage() throws Exception {
        Site site = site("enabled = true\n");
        site.write("markata.toml", site.read("markata.toml").replace("'python' in tags", "'rust' in tags"));
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/index.html")).contains("Python posts").doesNotContain("Post 1");
        assertThat(site.exists("markout/python/partial/index.html")).isTrue();
        assertThat(site.exists("markout/python/2/index.html")).isFalse();
    }

    @Test
    void itemsPerPageDefaultsToTen() throws Exception {
        Site site = site("enabled = true\n");
        for (int i = 7; i <= 12; i++) {
            site.post("posts/q" + i + ".md", "title: Later " + i + "\ndate: 2023-06-" + (30 - i)
                    + "\npublished: true\ntags: [python]", "Q.");
        }
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/2/index.html")).contains("Later 12").doesNotContain("Later 11");
    }

    @Test
    void aPaginatedArchiveThatIsTheHomePageIsItsFirstPage() throws Exception {
        Site site = site("");
        site.write("markata.toml", site.read("markata.toml").replace("filter = \"published\"",
                "filter = \"published\"\nenabled = true\nitems_per_page = 2"));
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/index.html")).isEqualTo(site.read("markout/archive/index.html"));
        assertThat(site.exists("markout/archive/3/index.html")).isTrue();
    }

    @Test
    void itemsPerPageBelowOneIsAnErrorNamingTheFeed() {
        site("enabled = true\nitems_per_page = 0\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error).isNotNull();
        assertThat(error.problems()).singleElement().asString().startsWith("markata.toml: [markata.feeds[1]]"
                + " items_per_page = 0: ").contains("a whole number of posts of 1 or more");
    }

    @Test
    void anUnknownPaginationTypeIsWarnedOf() throws Exception {
        site("enabled = true\npagination_type = \"infinite\"\n");
        assertThat(Builds.warnings(dir)).singleElement().asString().contains("feed \"python\"",
                "pagination_type = \"infinite\"", "htmx, manual or js");
    }

    @Test
    void perPageAloneIsWarnedOfAsMarkataReadsItemsPerPage() throws Exception {
        // markata declares per_page "for backwards compatibility" but reads items_per_page, whose default is always
        // there: per_page = 2 makes pages of 10 posts there, and here, and the warning says why
        Site site = site("enabled = true\nper_page = 2\n");
        assertThat(Builds.warnings(dir)).containsExactly("[markata.feeds] feed \"python\": per_page = 2 is not read,"
                + " as markata reads items_per_page (10 unless set) for the posts of a page: write items_per_page = 2");
        assertThat(site.exists("markout/python/2/index.html")).isFalse();
    }

    @Test
    void aSitesOwnItemsPartialMakesThePagesPartials() throws Exception {
        Site site = site("enabled = true\nitems_per_page = 2\n");
        site.write("templates/feed_items_partial.html", "{% for post in posts %}<li>{{ post.title }}</li>{% endfor %}"
                + "{% if has_next %}<div hx-get=\"/{{ feed_name }}/{{ next_page }}/partial/\"></div>{% endif %}");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/python/2/partial/index.html"))
                .isEqualTo("<li>Post 3</li><li>Post 4</li><div hx-get=\"/python/3/partial/\"></div>");
    }
}
