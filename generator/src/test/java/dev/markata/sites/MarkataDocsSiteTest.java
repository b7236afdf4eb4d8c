package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of small sites made of excerpts of markata's own documentation site (markata.dev): its
 * {@code markata.toml} and pages of its {@code docs/} folder, from github.com/WaylonWalker/markata.
 * A markata user's real configuration must build here as it builds with markata. Expected HTML
 * that markata's templates make was rendered with Jinja2 3.1 from the same configuration
 * ({@code jinja2.Template(card_template).render(post=post, **post)}, as markata's feeds render cards).
 */
class MarkataDocsSiteTest {

    @TempDir
    Path dir;

    /** markata.dev's feeds, their card templates written inline in markata.toml, as there. */
    private static final String FEEDS = """
            [[markata.feeds]]
            slug='project-gallery'
            title="Project Gallery"
            filter="'project-gallery' in str(path)"
            sort='title'
            card_template=\"""
            <li class='post' style='background:rgba(255, 255, 255, .05); border:1px solid rgba(255, 255, 255, .2); padding:1rem; margin: 2rem auto;' >
            <a href='/{{ slug }}/'><h2>{{ title }}</h2></a>
            <ul style='display: flex; list-style-type: None;'>
            <li><a href='{{ codeUrl }}'>Source Code</a></li>
            <li><a href='{{ url }}'>Public Site</a></li>

            </ul>
            {{ article_html }}
            </li>
            \"""

            [[markata.feeds]]
            slug='docs'
            title="Documentation"
            filter='"markata" not in slug and "tests" not in slug and "404" not in slug'
            sort='slug'
            card_template="<li class='post'><a href='/{{ slug }}/'>{{ title }}<p style='color: white; text-decoration: none;'>{{ description }}</p></a> </li>"

            [[markata.feeds]]
            slug='all'
            title="All Markata Modules"
            filter="True"
            card_template=\"""
            <li class='post' style='background:rgba(255, 255, 255, .05); border:1px solid rgba(255, 255, 255, .2); padding:1rem; margin: 2rem auto;' >
            <a href='/{{ slug }}/'>
                <a href='/{{ slug }}/'>{{ title }}</a>
                <p>
                    {{ article_html[:article_html.find('</p>')]  }}
                </p>
            </a>
            </li>
            \"""
            """;

    /** Builds the site and gives its warnings. */
    private List<String> build() throws Exception {
        return Builds.warnings(dir);
    }

    /** A site whose markata.toml is the site's title and {@code more}. */
    private Site site(String more) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Markata's Docs\"\n" + more);
    }

    private Site docsSite(String markata) {
        Site site = new Site(dir);
        site.write("markata.toml", markata + "\n" + FEEDS);
        site.post("docs/nav.md", """
                title: Creating your Navbar
                description: Guide to creating a navbar in markata using the default template.
                jinja: false""", "First paragraph with `code`.\n\nSecond.");
        site.post("docs/project-gallery/markata_dev.md", """
                title: Markata's Docs
                codeUrl: https://github.com/WaylonWalker/markata/
                url: https://markata.dev/""", "Markata builds it's own docs.");
        return site;
    }

    @Test
    void cardTemplatesWrittenInTheConfigurationRenderWithThePostsFieldsByName() throws Exception {
        Site site = docsSite("""
                [markata]
                title = "Markata's Docs"
                url = "https://markata.dev"
                """);
        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/docs/index.html")).contains("<li class='post'><a href='/nav/'>Creating your Navbar"
                + "<p style='color: white; text-decoration: none;'>Guide to creating a navbar in markata using the default"
                + " template.</p></a> </li>");
        assertThat(site.read("markout/all/index.html")).contains("""
                <li class='post' style='background:rgba(255, 255, 255, .05); border:1px solid rgba(255, 255, 255, .2); padding:1rem; margin: 2rem auto;' >
                <a href='/nav/'>
                    <a href='/nav/'>Creating your Navbar</a>
                    <p>
                        <p>First paragraph with <code>code</code>.
                    </p>
                </a>
                </li>""");
        // the front matter's url, as markata's post.to_dict() gives it: the project's public site
        assertThat(site.read("markout/project-gallery/index.html")).contains("""
                <a href='/markata-dev/'><h2>Markata's Docs</h2></a>
                <ul style='display: flex; list-style-type: None;'>
                <li><a href='https://github.com/WaylonWalker/markata/'>Source Code</a></li>
                <li><a href='https://markata.dev/'>Public Site</a></li>

                </ul>
                <p>Markata builds it's own docs.</p>

                </li>""");
    }

    @Test
    void disablingMarkatasDeprecatedRssPluginKeepsTheFeeds() throws Exception {
        // markata.dev's disabled_hooks: rss is markata's old site-wide RSS plugin, not its feeds
        Site site = docsSite("""
                [markata]
                title = "Markata's Docs"
                url = "https://markata.dev"
                hooks = ["default"]
                disabled_hooks = [
                'markata.plugins.heading_link',
                'markata.plugins.manifest',
                'markata.plugins.rss'
                ]
                """);
        Builds.withoutWarnings(dir);

        assertThat(site.exists("markout/docs/index.html")).isTrue();
        assertThat(site.exists("markout/project-gallery/index.html")).isTrue();
        assertThat(site.exists("markout/all/index.html")).isTrue();
    }

    @Test
    void aPostsTemplateTableWritesOnePagePerOutput() throws Exception {
        // markata.dev's docs/multi-template.md, as written there
        Site site = site("");
        site.write("docs/multi-template.md", """
                ---
                title: Using Multiple Templates
                description: Guide to using multiple templates in markata
                jinja: false
                template:
                  index: post.html
                  title: og.html


                ---

                This page will be rendered multiple times.  This is the normal page, check
                out [og](./og). It uses the og.html
                """);
        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/multi-template/index.html")).contains("<h1>Using Multiple Templates</h1>")
                .contains("This page will be rendered multiple times.");
        // markata's og.html: the title alone, large, for a screenshot to share the page with
        assertThat(site.read("markout/multi-template/title/index.html")).contains("Using Multiple Templates")
                .doesNotContain("This page will be rendered multiple times.");
    }

    @Test
    void jinjaMdsIgnoreListKeepsThoseFilesFromBeingRenderedAsJinja() throws Exception {
        // markata.dev's [markata.jinja_md]: its pages about Jinja show template syntax as written
        Site site = site("""

                [markata.jinja_md]
                ignore=[
                'jinja_md.md',
                'post_template.md',
                'publish_html.md',
                ]
                """);
        site.post("docs/jinja_md.md", "title: jinja_md.py\njinja: true", "Write {{ 1 + 1 }} in a post.");
        site.post("docs/other.md", "title: Other\njinja: true", "One and one is {{ 1 + 1 }}.");
        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/jinja-md/index.html")).contains("<p>Write {{ 1 + 1 }} in a post.</p>");
        assertThat(site.read("markout/other/index.html")).contains("<p>One and one is 2.</p>");
    }

    /** markata.dev's markdown-it settings, as in its markata.toml (its anchors have an SVG permalink). */
    private static final String MARKDOWN_IT = """
            # markdown_it flavor
            [markata.markdown_it_py]
            config='gfm-like'
            # markdown_it built-in plugins
            enable = [ "table" ]
            disable = [ "image" ]

            # markdown_it built-in plugin options
            [markata.markdown_it_py.options_update]
            linkify = true
            html = true
            typographer = true
            highlight = 'markata.plugins.md_it_highlight_code:highlight_code'

            # add custom markdown_it plugins
            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.admon:admon_plugin"

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.admon:admon_plugin"

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.attrs:attrs_plugin"
            config = {spans = true}

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.attrs:attrs_block_plugin"

            [[markata.markdown_it_py.plugins]]
            plugin = "markata.plugins.mdit_details:details_plugin"

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.anchors:anchors_plugin"

            [markata.markdown_it_py.plugins.config]
            permalink = true
            permalinkSymbol = '<svg class="heading-permalink" aria-hidden="true" fill="currentColor" focusable="false" height="1em" viewBox="0 0 24 24" width="1em" xmlns="http://www.w3.org/2000/svg"><path d="M9.199 13.599a5.99 5.99 0 0 0 3.949 2.345 5.987 5.987 0 0 0 5.105-1.702l2.995-2.994a5.992 5.992 0 0 0 1.695-4.285 5.976 5.976 0 0 0-1.831-4.211 5.99 5.99 0 0 0-6.431-1.242 6.003 6.003 0 0 0-1.905 1.24l-1.731 1.721a.999.999 0 1 0 1.41 1.418l1.709-1.699a3.985 3.985 0 0 1 2.761-1.123 3.975 3.975 0 0 1 2.799 1.122 3.997 3.997 0 0 1 .111 5.644l-3.005 3.006a3.982 3.982 0 0 1-3.395 1.126 3.987 3.987 0 0 1-2.632-1.563A1 1 0 0 0 9.201 13.6zm5.602-3.198a5.99 5.99 0 0 0-3.949-2.345 5.987 5.987 0 0 0-5.105 1.702l-2.995 2.994a5.992 5.992 0 0 0-1.695 4.285 5.976 5.976 0 0 0 1.831 4.211 5.99 5.99 0 0 0 6.431 1.242 6.003 6.003 0 0 0 1.905-1.24l1.723-1.723a.999.999 0 1 0-1.414-1.414L9.836 19.81a3.985 3.985 0 0 1-2.761 1.123 3.975 3.975 0 0 1-2.799-1.122 3.997 3.997 0 0 1-.111-5.644l3.005-3.006a3.982 3.982 0 0 1 3.395-1.126 3.987 3.987 0 0 1 2.632 1.563 1 1 0 0 0 1.602-1.198z"></path></svg>'

            [[markata.markdown_it_py.plugins]]
            plugin = "markata.plugins.md_it_wikilinks:wikilinks_plugin"
            config = {markata = "markata"}
            """;

    private static final String PERMALINK_SVG = "<svg class=\"heading-permalink\" aria-hidden=\"true\" fill=\"currentColor\" focusable=\"false\" height=\"1em\" viewBox=\"0 0 24 24\" width=\"1em\" xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M9.199 13.599a5.99 5.99 0 0 0 3.949 2.345 5.987 5.987 0 0 0 5.105-1.702l2.995-2.994a5.992 5.992 0 0 0 1.695-4.285 5.976 5.976 0 0 0-1.831-4.211 5.99 5.99 0 0 0-6.431-1.242 6.003 6.003 0 0 0-1.905 1.24l-1.731 1.721a.999.999 0 1 0 1.41 1.418l1.709-1.699a3.985 3.985 0 0 1 2.761-1.123 3.975 3.975 0 0 1 2.799 1.122 3.997 3.997 0 0 1 .111 5.644l-3.005 3.006a3.982 3.982 0 0 1-3.395 1.126 3.987 3.987 0 0 1-2.632-1.563A1 1 0 0 0 9.201 13.6zm5.602-3.198a5.99 5.99 0 0 0-3.949-2.345 5.987 5.987 0 0 0-5.105 1.702l-2.995 2.994a5.992 5.992 0 0 0-1.695 4.285 5.976 5.976 0 0 0 1.831 4.211 5.99 5.99 0 0 0 6.431 1.242 6.003 6.003 0 0 0 1.905-1.24l1.723-1.723a.999.999 0 1 0-1.414-1.414L9.836 19.81a3.985 3.985 0 0 1-2.761 1.123 3.975 3.975 0 0 1-2.799-1.122 3.997 3.997 0 0 1-.111-5.644l3.005-3.006a3.982 3.982 0 0 1 3.395-1.126 3.987 3.987 0 0 1 2.632 1.563 1 1 0 0 0 1.602-1.198z\"></path></svg>";

    @Test
    void theAnchorsPluginsPermalinkSettingsAreMarkatas() throws Exception {
        Site site = site("\n" + MARKDOWN_IT);
        site.post("docs/index.md", "title: Getting Started with Markata", "## QuickStart\n\nText.\n\n### Create Some Content");
        List<String> warnings = build();

        // as markdown-it-py's anchors_plugin(permalink=True, permalinkSymbol=...) renders them: h1 and h2
        assertThat(site.read("markout/index.html")).contains("<h2 id=\"quickstart\">QuickStart <a class=\"header-anchor\""
                + " href=\"#quickstart\">" + PERMALINK_SVG + "</a></h2>\n<p>Text.</p>\n<h3 id=\"create-some-content\">Create"
                + " Some Content</h3>");
        // what markata-java's Markdown does not take from those settings is said, once
        assertThat(warnings).containsExactly("markata.toml: [markata.markdown_it_py] disable = [\"image\"]:"
                + " markata-java's Markdown keeps every rule on (images are shown)");
    }

    @Test
    void anotherMarkdownBackendOfMarkatasIsSaidNotToBeUsed() throws Exception {
        // markata.dev's toml offers it: "## choose your markdown backend  # markdown_backend='markdown'"
        Site site = site("markdown_backend='markdown'\n");
        site.post("docs/index.md", "title: Getting Started with Markata", "Text.");
        List<String> warnings = build();

        assertThat(site.read("markout/index.html")).contains("<p>Text.</p>");
        assertThat(warnings).containsExactly("markata.toml: [markata] markdown_backend = \"markdown\": markata-java"
                + " renders Markdown as markata's markdown-it-py backend does (the default)");
    }

    @Test
    void aPostWithTheSlug404DoesNotTakeAwayTheNotFoundPage() throws Exception {
        // markata.dev's docs/404.md is a page at /404/; hosts show /404.html for a missing address,
        // which markata's didyoumean writes all the same
        Site site = site("");
        site.post("docs/404.md", """
                title: Whoops that page was not found
                description: 404, looks like we can't find the page you are looking for
                """, "404, looks like we can't find the page you are looking for.  Try one of these\npages.");
        site.post("docs/nav.md", "title: Creating your Navbar", "Text.");
        Builds.withoutWarnings(dir);

        assertThat(site.read("markout/404/index.html")).contains("Try one of these");
        assertThat(site.read("markout/404.html")).contains("/nav/");
    }

    @Test
    void redirectPagesAreRenderedAgainOnlyWhenTheirRulesOrTemplatesChanged() throws Exception {
        // markata.dev's static/_redirects (its first rules): 32 pages that a warm build of an
        // unchanged site rendered again, 262 ms of its 467 ms (most of it making the template engine)
        Site site = site("");
        site.post("docs/nav.md", "title: Creating your Navbar", "Text.");
        site.write("static/_redirects", """

                # marakta migrate to slugify redirects
                /tests/plugins/test_flat_slug                                /tests/plugins/test-flat-slug
                /markata/plugins/flat_slug                                   /markata/plugins/flat-slug
                /CHANGELOG                                                   /changelog
                """);
        Builds.withoutWarnings(dir);
        Path page = dir.resolve("markout/markata/plugins/flat_slug/index.html");
        // marks the page on disk: a build that renders it again replaces the mark
        java.nio.file.Files.writeString(page, site.read("markout/markata/plugins/flat_slug/index.html") + "<!-- mark -->");

        Builds.withoutWarnings(dir);
        assertThat(page).as("after a build that changed nothing").content().endsWith("<!-- mark -->");

        site.write("static/_redirects", "/markata/plugins/flat_slug /markata/plugins/flat-slug-2/\n");
        Builds.withoutWarnings(dir);
        assertThat(page).content().contains("/markata/plugins/flat-slug-2/").doesNotContain("<!-- mark -->");

        java.nio.file.Files.writeString(page, site.read("markout/markata/plugins/flat_slug/index.html") + "<!-- mark -->");
        site.write("templates/redirect.html", "<p>now at {{ new }}</p>");
        Builds.withoutWarnings(dir);
        assertThat(page).content().isEqualTo("<p>now at /markata/plugins/flat-slug-2/</p>");

        java.nio.file.Files.delete(page);
        Builds.withoutWarnings(dir);
        assertThat(page).content().isEqualTo("<p>now at /markata/plugins/flat-slug-2/</p>");
    }
}
