package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of excerpts of sites made from markata's blog starter and kept: github.com/WaylonWalker/steel-toes
 * (commit 700cece8, {@code docs/}: the documentation of a kedro plugin, its {@code markata.toml} and
 * {@code pages/}), github.com/Rhiannon-Walker/Website (commit 5879ebcd, its {@code markata.toml} and
 * {@code pages/}) and github.com/pypeaday/neovimconf-2022 (commit 54acfa13, its {@code markata.toml},
 * {@code pyproject.toml}, {@code pages/templates/T_slides.html} and {@code pages/}); and of two blogs moved to
 * markata from other generators: github.com/WaylonWalker/waylonwalkerv2 (commit c09e6929, a Gatsby blog: its
 * {@code markata.toml}, {@code pages/templates/post_template.html} and {@code pages/blog/}) and
 * github.com/Mr-Destructive/techstructive-blog (commit 046f3c09, a Jekyll blog: its {@code markata.toml},
 * {@code layouts/post_template.html} and posts of {@code blog/}). What they ask of markata must build here as
 * with markata.
 */
class StarterAndMigratedSitesTest {

    @TempDir
    Path dir;

    /** steel-toes' docs/markata.toml, without its head entries and with its SVG permalink shortened. */
    private static final String STEEL_TOES = """
            [markata]
            markdown_backend='markdown-it-py'
            glob_patterns = "pages/**/*.md"
            edit = false
            hooks = [
               "markata.plugins.publish_source",
               # "markata.plugins.prevnext",
                "default"
            ]
            disabled_hooks = [
                # seo is replaces by using markta.head.meta in config
                "markata.plugins.seo",
                "markata.plugins.heading_link",
            ]
            url = "https://steel-toes.kedro.dev"
            title = "steel-toes"

            [markata.nav]
            'Docs'='/'
            'GitHub'='https://github.com/WaylonWalker/steel-toes/'

            # markdown_it built-in plugin options
            [markata.markdown_it_py.options_update]
            linkify = true
            html = true
            typographer = true
            highlight = 'markata.plugins.md_it_highlight_code:highlight_code'

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.admon:admon_plugin"

            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.attrs:attrs_plugin"
            config = {spans = true}

            [[markata.markdown_it_py.plugins]]
            plugin = "markata.plugins.md_it_wikilinks:wikilinks_plugin"
            config = {markata = "markata"}
            """;

    /**
     * steel-toes' docs name the file a code block belongs in after its language,
     * {@code ``` python title=settings.py} (markata.dev's docs do too: {@code ``` toml title=markata.toml}):
     * markata's highlighter (markata.plugins.md_it_highlight_code) puts the title, rendered as
     * Markdown, in a {@code <div class='filepath'>} above the code, quoted titles without their
     * quotes. The title was dropped here: a reader saw the code without the file it goes in.
     */
    @Test
    void aCodeBlocksTitleIsShownAboveItAsMarkatasFilepath() throws Exception {
        Site site = new Site(dir).write("markata.toml", STEEL_TOES);
        site.post("pages/index.md", """
                date: 2022-09-01 1:00:00
                title: steel-toes
                published: True
                tags:
                  - home
                  - meta""", """
                ## Setup

                To add `SteelToes` to your kedro>0.18.0 project add an instance of the
                `SteelToes` hook to your tuple of hooks in src/<project_name>/settings.py.

                ``` python title=settings.py
                from steel_toes import SteelToes

                HOOKS = (SteelToes(),)
                ```

                !!! Note settings<span/>.py location
                    `settings.py` is typically located in `src/<python_package>/settings.py`.

                ### CLI Usage

                ```bash title="steel-toes --help"
                Usage: steel-toes [OPTIONS] COMMAND [ARGS]...
                ````

                ```console
                pip install steel-toes
                ```
                """);
        Builds.withoutWarnings(dir);

        Document page = Jsoup.parse(site.read("markout/index.html"));
        List<Element> titles = page.select("div.filepath");
        assertThat(titles).extracting(Element::html).containsExactly("<p>settings.py</p>", "<p>steel-toes --help</p>");
        // each title right above its code, and a block without one has none
        assertThat(titles.get(0).nextElementSibling().select("code.language-python").text())
                .startsWith("from steel_toes import SteelToes");
        assertThat(titles.get(1).nextElementSibling().select("code.language-bash").text())
                .isEqualTo("Usage: steel-toes [OPTIONS] COMMAND [ARGS]...");
        assertThat(page.selectFirst("code.language-console").parent().previousElementSibling().hasClass("filepath"))
                .isFalse();
        assertThat(page.selectFirst(".admonition.note > .admonition-title").text()).isEqualTo("settings.py location");
    }

    /**
     * Rhiannon-Walker/Website's {@code pages/steamcleaners.md} starts with its front matter's
     * lines but without the opening {@code ---}: python-frontmatter finds no front matter (its
     * fence must open the text), so markata makes the whole text the body, names the post after
     * its file and leaves it unpublished: the site's feeds of published posts leave it out, those
     * of every post and of drafts hold it.
     */
    @Test
    void aPostWithoutItsOpeningFenceIsAllBody() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                glob_patterns = "pages/**/*.md"
                url = "https://rhiannonwalker.com"
                title = "Rhiannon Walker Website"

                ## markata.plugins.feeds configuration
                [markata.feeds.archive]
                # creates a feed at /archive
                filter="date<=today and post.get('published', False)"
                sort="date"
                reverse="True"

                [markata.feeds.all]
                # creates a feed at /all
                filter="True"
                sort="date"
                reverse="True"

                [markata.feeds.draft]
                # creates a feed at /draft
                filter="date>today or not post.get('published', False)"
                sort="date"
                reverse="True"
                """);
        site.post("pages/carpet.md", """
                title: It's just the Carpet...
                date: 2023-07-08 12:00:00
                description: Everyone knows when you are doing anything to a house, you start with a basic thought.
                published: true
                tags:
                    - blog
                """, "I truly had good intentions when I said, I wanted to replace just the carpet.");
        site.write("pages/steamcleaners.md", """
                title: A Deep Dive on my Steam Cleaning Obsessions
                date: 2023-07-21 12:00:00
                description: There is something so incredibly relxing when you pull the trigger on a steam cleaner and it puffs smoke out, watching the stains melt away.

                published: true
                Tags:
                    - blog

                ---

                """);
        Builds.withoutWarnings(dir);

        Document page = Jsoup.parse(site.read("markout/steamcleaners/index.html"));
        assertThat(page.title()).startsWith("Steamcleaners");
        Element body = page.selectFirst("article");
        assertThat(body.select("p").eachText()).contains("title: A Deep Dive on my Steam Cleaning Obsessions date:"
                + " 2023-07-21 12:00:00 description: There is something so incredibly relxing when you pull the trigger on"
                + " a steam cleaner and it puffs smoke out, watching the stains melt away.", "published: true Tags: - blog");
        assertThat(body.select("hr")).hasSize(1);
        assertThat(site.read("markout/archive/index.html")).contains("/carpet/").doesNotContain("/steamcleaners/");
        assertThat(site.read("markout/all/index.html")).contains("/carpet/", "/steamcleaners/");
        assertThat(site.read("markout/draft/index.html")).contains("/steamcleaners/").doesNotContain("/carpet/");
    }

    /** neovimconf-2022's pages/templates/T_slides.html, trimmed of most of its style sheet. */
    private static final String T_SLIDES = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta name="generator" content="HTML Tidy for HTML5 for Linux version 5.2.0">
              <title>{{ title }}</title>
              <meta charset="UTF-8">
              <style>
                  :root {
                    --color-bg: {{ config.get('color_bg', '#1f2022') }};
                    --color-bg-code: {{ config.get('color_bg_code', '#1f2022') }};
                    --color-text: {{ config.get('color_text', '#eefbfe') }};
                    --color-link: {{ config.get('color_link', '#fb30c4') }};\s
                    --color-accent: {{ config.get('color_accent', '#e1bd00c9') }};
                    --overlay-brightness: {{ config.get('overlay_brightness', '.85') }};
                    --body-width: {{ config.get('body_width', '800px') }};
                  }
              </style>
            </head>
            <body>
              <section class='title'>
              <h1 id='title'>
                {{ title }}
              </h1>
              </section>
              <main>
              {{ body }}
              </main>
            </body>
            </html>
            """;

    /**
     * neovimconf-2022 styles its pages with the colours of its markata.toml, read in its page
     * template as markata's starter theme of 2022 read them, {@code config.get('color_bg',
     * '#1f2022')}: a key the site sets gives its value, one it does not the default. It lists
     * the Python package markata-slides in its hooks, which its pyproject.toml depends on: that
     * is skipped with a warning, and the rest of the site builds, its feed of the talk's pages too.
     */
    @Test
    void aTemplateReadsTheSitesColoursWithConfigGet() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                glob_patterns = "pages/**/*.md"
                hooks = [
                   "markata.plugins.publish_source",
                   "markata.plugins.prevnext",
                    "default",
                    "markata_slides"
                ]
                url = "https://pypeaday.github.io/neovimconf-2022"
                title = "NeoimConf 2022"
                post_template = "pages/templates/T_slides.html"

                ## Color Theme
                # color_bg_code = '#1f2022'
                # overlay_brightness = '.85'
                color_accent = "#83dcc8cc"
                color_bg = '#1f2022'
                color_link = "#64a1dd"
                color_text = '#d8ebe6'

                [markata.feeds.neovimconf]
                filter="'neovimconf' in post.get('tags', [])"
                sort="title"
                """)
                .write("pyproject.toml", """
                        [project]
                        name = "neovimconf"
                        dependencies = ['markata~=0.5.0.dev0', 'markata-slides', 'markdown-it-py[plugins]']
                        """)
                .write("pages/templates/T_slides.html", T_SLIDES);
        site.post("pages/slides.md", "date: 2022-09-01 2:00:00\ntitle: Slides\npublished: True\ntags:\n  - neovimconf",
                "# Vim Conf 2022 Pypeaday\n\n## Description\n\nSwitching to Vim opened a whole new world to me.");
        site.post("pages/01-description.md", "date: 2022-09-01 2:00:00\ntitle: Description\npublished: True\n"
                + "tags:\n  - neovimconf", "Switching to Vim opened a whole new world to me.");
        List<String> warnings = Builds.warnings(dir);

        assertThat(warnings).containsExactly("markata.toml: [markata] hooks: markata_slides is skipped: it is a Python"
                + " package (pyproject.toml depends on markata-slides), which markata-java cannot run");
        String page = site.read("markout/slides/index.html");
        assertThat(page).contains("--color-bg: #1f2022;", "--color-bg-code: #1f2022;", "--color-text: #d8ebe6;",
                "--color-link: #64a1dd; ", "--color-accent: #83dcc8cc;", "--overlay-brightness: .85;",
                "--body-width: 800px;");
        assertThat(Jsoup.parse(page).select("main h2").text()).isEqualTo("Description");
        Document feed = Jsoup.parse(site.read("markout/neovimconf/index.html"));
        assertThat(feed.select("main a[href]").eachAttr("href")).contains("/01-description/", "/slides/");
    }

    /**
     * waylonwalkerv2, a Gatsby blog moved to markata, kept Gatsby's front matter: {@code status:
     * published} and no {@code published}, a {@code cover} path, a description folded over two
     * lines. markata builds each post's page with the site's {@code post_template} (a file of
     * {@code pages/templates/}) and lists none in its default archive, which holds published
     * posts. An image whose address has spaces is no image in CommonMark
     * (markdown-it-py): its text stays as written.
     */
    @Test
    void gatsbyFrontMatterBuildsPagesButPublishesNone() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                glob_patterns = "pages/**/*.md"
                output_dir = "markout"
                assets_dir = "static"
                hooks = ["default", "markata.plugins.publish_source"]
                url = "https://waylonwalker.com"
                title = "Waylon Walkers Digital Garden"
                post_template = "pages/templates/post_template.html"
                """)
                .write("pages/templates/post_template.html", """
                        <!DOCTYPE html>
                        <html lang='en'>
                          <head>
                            <meta charset="UTF-8" />
                            <title>{{ title }}</title>
                          </head>
                          <body>
                            <article class="blog-post h-entry">
                              {{ body }}
                              <div id='show'>
                              </div>
                            </article>
                          </body>
                        </html>
                        """);
        site.post("pages/blog/2020-rebrand.md", """
                templateKey: blog-post
                related_post_label: Check out this related post
                tags: []
                title: 2020 waylonwalker.com rebrand
                date: 2020-02-17T13:02:00Z
                status: published
                description: I documented the story of my 2020 waylonwalker.com redesign on my blog.  This
                  post walks through the tools and inspiration for the card design.
                cover: "/static/2020-rebrand.png"
                """, """
                Moving into 2020 I have been really leaning on using purple as my theme color everywhere more and more.

                ## Starting point

                ![This is what we are working with.](/2020-02-10 12-17-43_Start.png)
                """);
        List<String> warnings = Builds.warnings(dir);

        Document page = Jsoup.parse(site.read("markout/2020-rebrand/index.html"));
        assertThat(page.title()).isEqualTo("2020 waylonwalker.com rebrand");
        assertThat(page.select("article.h-entry h2").text()).isEqualTo("Starting point");
        assertThat(page.select("article.h-entry p").eachText())
                .contains("![This is what we are working with.](/2020-02-10 12-17-43_Start.png)");
        assertThat(page.select("article img")).isEmpty();
        assertThat(JsonParser.parseString(site.read("markout/markata.json")).getAsJsonObject().getAsJsonArray("articles")
                .get(0).getAsJsonObject().get("description").getAsString()).isEqualTo("I documented the story of my 2020"
                + " waylonwalker.com redesign on my blog.  This post walks through the tools and inspiration for the card"
                + " design.");
        assertThat(Jsoup.parse(site.read("markout/archive/index.html")).select("main a[href*=rebrand]")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    /**
     * techstructive-blog lists its hooks one by one: the site's own Python plugins
     * ({@code plugins.feeds}...), and markata's modules, plugins or not ({@code markata.cli.cli},
     * {@code markata.background}, {@code markata.plugins.datetime}...). Each that cannot run here
     * is skipped with a warning naming it, and the posts are built with the site's
     * {@code layouts/post_template.html}; a {@code [tils]} table outside {@code [markata]} is said
     * to be unread. Its posts write {@code title : ...} (a space before the colon, which YAML
     * allows) and dates with a zone without a colon ({@code 2021-10-31 15:45:00 +0530}, a text
     * to PyYAML, which markata parses).
     */
    @Test
    void aHooksListOfMarkatasModulesBuildsWithAWarningForEach() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                glob_patterns = ["blog/posts/*.md", "blog/tils/*.md"]
                output_dir = "markout"
                assets_dir = "static"
                hooks = [
                    "plugins.feeds",
                    "plugins.tils",
                    "markata.cli.cli",
                    "markata.plugins.auto_title",
                    "markata.plugins.base_cli",
                    "markata.plugins.copy_assets",
                    "markata.plugins.datetime",
                    "markata.plugins.glob",
                    "markata.plugins.load",
                    "markata.plugins.post_template",
                    "markata.plugins.publish_html",
                    "markata.plugins.render_markdown",
                    "markata.plugins.rss",
                    "markata.background",
                    "markata.hookspec",

                #   ]
                #   "plugins.render_template_variables",
                   ]
                disabled_hooks = ['markata.plugins.flat_slug', 'markata.plugins.feeds', 'markata.plugins.rss']
                url = "https://mr-destructive.github.io/techstructive-blog"
                title = "Techstructive Blog"
                post_template = "layouts/post_template.html"

                [tils]
                template="layouts/archive_template.html"
                filter="templateKey == 'til'"
                """)
                .write("plugins/feeds.py", "")
                .write("plugins/tils.py", "")
                .write("layouts/post_template.html", """
                        <title>{{ title }}</title>
                        <time class="dt-published post-date" datetime="{{ date }}">{{ date }}</time>
                        {% for tag in tags %}
                        <a href="#" >#{{ tag }}</a>
                        {% endfor %}
                        <div id='post-body'>
                            {{ body }}
                        </div>
                        """);
        site.post("blog/tils/2022-03-01-docker-pf.md", """
                templateKey: til
                title : Docker Port Forwarding
                date: 2022-03-01 16:44:59
                status: published-til
                tags: ['docker',]
                slug: docker-port-forward""", "## Docker Port Forwarding\n\nPort forwarding is a process.");
        site.post("blog/posts/2021-10-31-Crossposter.sh.md", """
                templateKey: blog-post
                title : "Crossposting with a single script: Crossposter.sh"
                subtitle: "Crosspost on dev.to, medium.com and hashnode.com with a single click"
                date: 2021-10-31 15:45:00 +0530
                status: published
                tags: ['bash',]
                slug: crossposter-shellscript""", "## Introduction\n\nIntroducing **crossposter.sh**!!");
        List<String> warnings = Builds.warnings(dir);

        assertThat(warnings).anyMatch(w -> w.contains("plugins.feeds is skipped: it is the site's own Python module"
                        + " plugins/feeds.py"))
                .anyMatch(w -> w.contains("plugins.tils is skipped"))
                .anyMatch(w -> w.contains("markata.cli.cli is skipped"))
                .anyMatch(w -> w.contains("markata.background is skipped"))
                .anyMatch(w -> w.contains("markata.hookspec is skipped"))
                .anyMatch(w -> w.contains("markata.plugins.datetime is skipped"))
                .anyMatch(w -> w.startsWith("markata.toml: [tils] is outside the [markata] table"));
        Document til = Jsoup.parse(site.read("markout/docker-port-forward/index.html"));
        assertThat(til.title()).isEqualTo("Docker Port Forwarding");
        assertThat(til.select("a[href=#]").eachText()).containsExactly("#docker");
        Document post = Jsoup.parse(site.read("markout/crossposter-shellscript/index.html"));
        assertThat(post.title()).isEqualTo("Crossposting with a single script: Crossposter.sh");
        assertThat(post.selectFirst("time").text()).isEqualTo("2021-10-31");
        assertThat(post.select("#post-body strong").text()).isEqualTo("crossposter.sh");
    }
}
