package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
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
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"Markata's Docs\"\n");
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
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "Markata's Docs"

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
}
