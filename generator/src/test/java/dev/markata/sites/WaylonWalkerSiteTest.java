package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of small sites made of excerpts of a large real markata blog, waylonwalker.com
 * (github.com/WaylonWalker/waylonwalker.com, markata.toml and templates/ as of commit 047d90cf,
 * posts from pages/): its author's configuration and templates must build here as they build
 * with markata.
 */
class WaylonWalkerSiteTest {

    /** The site's [markata] title and glob, as its markata.toml has them; feeds and more follow. */
    private static final String SITE = """
            [markata]
            title = "Waylon Walkers Digital Garden"

            [markata.glob]
            glob_patterns = "pages/**/*.md"
            """;

    @TempDir
    Path dir;

    /** Builds the site and gives its warnings. */
    private List<String> build() throws Exception {
        return Builds.warnings(dir);
    }

    /** Three posts of pages/til/, in the front matter's shapes found there. */
    private Site tils(String markata) {
        Site site = new Site(dir).write("markata.toml", markata);
        site.post("pages/til/copier-tasks.md", """
                date: 2022-01-22 04:49:12.551676
                templateKey: til
                title: Copier Tasks | Python templating post run task
                published: true
                tags:
                  - python
                  - cli""", "Copier allows you to run post render tasks.");
        site.post("pages/til/github-supports-mermaid.md", """
                date: 2022-02-24 15:22:31.386290
                templateKey: til
                title: GitHub Markdown now Supports Mermaid Diagrams
                published: true
                tags:
                  - python""", "Mermaid diagrams provide a way to display graphs defined as plain text.");
        site.post("pages/til/from-markdown-to-blog-with-markata.md", """
                date: 2022-08-31 10:01:09
                templateKey: til
                title: From Markdown to Blog with Markata | lightning talk | python web conf 2022
                published: true
                tags:
                  - python""", "Markata is a great python framework.");
        return site;
    }

    /** markata's feed {@code head = 10} keeps the first ten posts, as the site's "recent" feed does. */
    @Test
    void aFeedsHeadIsTheNumberOfPostsItKeeps() throws Exception {
        Site site = tils(SITE + """

                [[markata.feeds]]
                slug = 'recent'
                filter = "date<=today and templateKey in ['blog-post', 'til', 'thoughts'] and published"
                head = 2
                sort = "date"
                reverse = true
                card_template = "<li>{{ post.title }}</li>"

                [[markata.feeds]]
                slug = 'oldest'
                filter = "published"
                tail = 1
                sort = "date"
                reverse = true
                card_template = "<li>{{ post.title }}</li>"
                """);
        assertThat(build()).isEmpty();

        String recent = site.read("markout/recent/index.html");
        assertThat(recent).contains("<li>From Markdown to Blog with Markata", "<li>GitHub Markdown now Supports Mermaid");
        assertThat(recent).doesNotContain("<li>Copier Tasks");
        String oldest = site.read("markout/oldest/index.html");
        assertThat(oldest).contains("<li>Copier Tasks").doesNotContain("<li>GitHub Markdown", "<li>From Markdown");
    }

    /**
     * pages/blog/about.md gives {@code tags} twice (a flow list, then a block list): PyYAML, which
     * markata reads front matter with, keeps the last; the build must not stop on it.
     */
    @Test
    void aKeyGivenTwiceInFrontMatterIsTheLastOneAsPyYamlReadsIt() throws Exception {
        Site site = new Site(dir).write("markata.toml", SITE + """
                [[markata.feeds]]
                slug = 'slashes'
                filter = "date<=today and 'slash' in str(tags).lower()"
                card_template = "<li>{{ post.title }} {{ post.tags }}</li>"
                """);
        site.write("pages/blog/about.md", """
                ---
                templateKey: blog-post
                tags: ['meta', 'slash']
                title:  Waylon Walker
                tags:
                  - meta
                  - slash
                  - about
                date: 2021-11-20T10:38:00
                published: true

                ---

                Hi, I am Waylon Walker.
                """);
        // built, with one warning of ours naming both lines (the first tags line is the one that is stale)
        assertThat(build()).containsExactly("pages/blog/about.md:5: front matter gives tags again (first on line 3):"
                + " the last one is used, as markata's YAML reader does");
        assertThat(site.read("markout/slashes/index.html")).contains("<li>Waylon Walker ['meta', 'slash', 'about']</li>");
        // and SnakeYAML does not print its own "WARNING: duplicate keys found" beside the build's report
        assertThat(java.util.logging.Logger.getLogger("org.yaml.snakeyaml.constructor").isLoggable(
                java.util.logging.Level.WARNING)).isFalse();
    }

    /**
     * pages/thoughts/thought-100.md has an empty tags item ({@code - } then {@code - thought}):
     * YAML reads it as null (its {@code template: link}, a layout of markata-go's that Python
     * markata would not find either, is left out here). The post is built with its other tags and one warning names the line.
     */
    @Test
    void anEmptyTagIsLeftOutWithOneWarning() throws Exception {
        Site site = new Site(dir).write("markata.toml", SITE);
        site.write("pages/thoughts/thought-100.md", """
                ---
                title: 'Custom pages and templates - Datasette documentation'
                date: 2023-08-23T19:37:27Z
                link: https://docs.datasette.io/en/stable/custom_templates.html#serving-static-files
                tags:
                  -\s
                  - thought
                published: true

                ---

                Datasette has its own static server that can host assets such as style sheets.
                """);
        assertThat(build()).containsExactly("pages/thoughts/thought-100.md:5: front matter tags = [null, thought]: "
                + "the empty tag is left out");
        assertThat(site.read("markout/thought-100/index.html"))
                .contains("Datasette has its own static server");
    }

    /**
     * The site's feed_partial.html includes {@code feed.config.card_template}, which markata's
     * FeedConfig gives every feed ("card.html" when not set); the site's archive feed sets none.
     */
    @Test
    void aFeedsConfigHasMarkatasDefaultsForWhatTheFeedDoesNotSet() throws Exception {
        Site site = tils(SITE + """

                [[markata.feeds]]
                slug = 'archive'
                filter = "date<=today and templateKey in ['blog-post', 'til', 'thoughts'] and published"
                sort = "date"
                reverse = true
                description = 'The main feed of all my main posts'
                """);
        // templates/feed_partial.html and (cut down) templates/card.html of the site
        site.write("templates/feed.html", """
                <article id="posts" class="h-feed hfeed list archive-list">
                    <ul>
                        {% for post in feed.posts %}
                        {% include feed.config.card_template %}
                        {% endfor %}
                    </ul>
                </article>
                {{ feed.config.template }} {{ feed.config.partial_template }} {{ feed.config.sort }} {{ feed.config.rss }}
                """);
        site.write("templates/card.html", """
                <li class="post group {{post.templateKey}} h-entry hentry">{{ post.title[:50] }}</li>
                """);
        assertThat(build()).isEmpty();
        assertThat(site.read("markout/archive/index.html"))
                .contains("<li class=\"post group til h-entry hentry\">Copier Tasks | Python templating post run task</li>")
                .contains("feed.html feed_partial.html date True");
    }

    /**
     * pages/blog/colophon.md links the site's meta feed as {@code [[ meta ]]}: markata links
     * every wikilink to /name, so a feed's page is reached; here a name no post has was shown as
     * a missing link, though the feed's page is there.
     */
    @Test
    void aWikilinkToAFeedsSlugLinksToTheFeedsPage() throws Exception {
        Site site = new Site(dir).write("markata.toml", SITE + """
                [[markata.feeds]]
                slug = 'meta'
                filter = "date<=today and 'meta' in str(tags).lower()"
                """);
        site.post("pages/blog/colophon.md", """
                date: 2025-01-02 10:21:23
                templateKey: blog-post
                title: colophon
                tags:
                  - meta
                published: True""",
                "Some evergreen pages that are more about me or this site from the [[ meta ]] feed.");
        assertThat(build()).isEmpty();
        assertThat(site.read("markout/colophon/index.html")).contains(
                "from the <a href=\"/meta/\" class=\"wikilink\">meta</a> feed.");
    }

    /**
     * The site's post.html marks a post's body for search when the post is in the pagefind feed:
     * {@code post in markata.feeds.pagefind.posts}, true in markata (the feed holds the same post
     * objects), and false for every post here.
     */
    @Test
    void aPostIsInTheFeedsThatHoldIt() throws Exception {
        Site site = tils(SITE + """

                [[markata.feeds]]
                slug = 'pagefind'
                filter = "date<=today and templateKey in ['blog-post', 'til', 'thoughts'] and published and 'cli' in tags"
                sort = "date"
                reverse = true
                """);
        site.write("templates/post.html", """
                <div class="e-content" id="post-body" {{ 'data-pagefind-body' if post in markata.feeds.pagefind.posts else '' }}>
                {{ body }}
                </div>
                {{ markata.feeds.pagefind.posts[0] == post }}
                """);
        assertThat(build()).isEmpty();
        assertThat(site.read("markout/copier-tasks/index.html")).contains("id=\"post-body\" data-pagefind-body>")
                .contains("True");
        assertThat(site.read("markout/github-supports-mermaid/index.html")).contains("id=\"post-body\" >")
                .contains("False");
    }

    /**
     * pages/blog/colophon.md wraps a wikilink over two lines ({@code [[ markata} then {@code ]]}):
     * markata's wikilink rule reads the paragraph's text, line break included, and links it.
     */
    @Test
    void aWikilinkWrappedOverTwoLinesIsALink() throws Exception {
        Site site = new Site(dir).write("markata.toml", SITE);
        site.post("pages/blog/markata.md", "title: markata\npublished: True", "Markata is my static site generator.");
        site.post("pages/blog/colophon.md", "title: colophon\npublished: True", """
                This site is a static site build with my own static site generator [[ markata
                ]], or as Simon Willison calls it a link blog.""");
        assertThat(build()).isEmpty();
        assertThat(site.read("markout/colophon/index.html")).contains(
                "static site generator <a href=\"/markata/\" class=\"wikilink\">markata</a>, or as Simon");
    }
}
