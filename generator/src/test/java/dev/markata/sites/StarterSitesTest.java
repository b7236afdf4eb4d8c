package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of small sites made of excerpts of the starters a new markata user begins from:
 * github.com/WaylonWalker/markata-slide-starter (its {@code markata.toml}, {@code pyproject.toml}
 * and {@code pages/}) and github.com/WaylonWalker/markata-blog-starter (its copier template
 * {@code markata.toml.jinja}, rendered, and {@code pages/}), and of a small personal site made from
 * them, github.com/WaylonWalker/rhiannonwalker.com (its {@code markata.toml}, {@code templates/}
 * and {@code pages/blog/}). What such a site asks of markata must build here, or say clearly what
 * is left out.
 */
class StarterSitesTest {

    @TempDir
    Path dir;

    /** Builds the site and gives its warnings. */
    private List<String> build() throws Exception {
        return Builds.warnings(dir);
    }

    /**
     * The slide starter lists the Python package markata-slides in its hooks, as its
     * pyproject.toml depends on it; markata-java cannot run Python, but the rest of the site
     * builds, with one warning naming what is left out.
     */
    @Test
    void aPythonPluginTheSiteDependsOnIsSkippedWithAWarning() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "pages/**/*.md"
                        hooks = [
                           "markata.plugins.publish_source",
                           "markata.plugins.prevnext",
                           "markata.plugins.service_worker",
                            "default",
                            "markata_slides"
                        ]
                        disabled_hooks = [
                            # seo is replaces by using markta.head.meta in config
                            "markata.plugins.seo",
                        ]
                        url = "https://neovimconf2022.waylonwalker.com"
                        title = "extending vim with shell commands"
                        """)
                .write("pyproject.toml", """
                        [project]
                        name = "nvimconf"
                        dependencies = ['markata~=0.6.0.dev0', 'markata-slides', 'markdown-it-py[plugins]']
                        """)
                .post("pages/configuration.md", """
                        date: 2022-11-12 18:38:11
                        templateKey: blog-post
                        title: configuring markata slides
                        published: True""", "## nav\n\nYou can change the nav bar\n\n## more\n");

        List<String> warnings = build();

        assertThat(site.read("markout/configuration/index.html")).contains("You can change the nav bar");
        assertThat(warnings).contains("markata.toml: [markata] hooks: markata_slides is skipped: it is a Python "
                + "package (pyproject.toml depends on markata-slides), which markata-java cannot run");
    }

    /** A plugin module of the site's own ({@code plugins/thoughts.py}) is skipped the same way. */
    @Test
    void aPluginModuleOfTheSiteIsSkippedWithAWarning() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        hooks = ["plugins.thoughts", "default"]
                        """)
                .write("plugins/thoughts.py", "from markata.hookspec import hook_impl\n")
                .post("a.md", "title: A", "text");

        List<String> warnings = build();

        assertThat(site.exists("markout/a/index.html")).isTrue();
        assertThat(warnings).contains("markata.toml: [markata] hooks: plugins.thoughts is skipped: it is the site's "
                + "own Python module plugins/thoughts.py, which markata-java cannot run");
    }

    /**
     * The blog starter's {@code pages/404.md} sets {@code output_html: 404.html}: markata writes
     * the page to that file, the page hosts show for a missing address; a path that leaves the
     * output folder is not written there, with a warning.
     */
    @Test
    void outputHtmlInFrontMatterChoosesThePagesFile() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"pages/**/*.md\"\n")
                .post("pages/404.md", """
                        title: Whoops that page was not found
                        description: 404, looks like we can't find the page you are looking for
                        published: false
                        output_html: 404.html
                        """, "404, looks like we can't find the page you are looking for.  Try one of these\npages.")
                .post("pages/away.md", "title: Away\noutput_html: ../away.html", "text");

        List<String> warnings = build();

        assertThat(site.read("markout/404.html")).contains("<h1>Whoops that page was not found</h1>")
                .contains("404, looks like we can't find the page");
        assertThat(site.exists("markout/404/index.html")).isFalse();
        assertThat(site.exists("away.html")).isFalse();
        assertThat(site.read("markout/away/index.html")).contains("<h1>Away</h1>");
        assertThat(warnings).contains("pages/away.md: output_html = \"../away.html\" is not a file inside the "
                + "output folder; the page is written to away/index.html");
    }

    /** Warm builds follow output_html coming and going: 404.html is the post's, then the suggestions again. */
    @Test
    void theSuggestionsPageTakes404BackWhenOutputHtmlGoes() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\nglob_patterns = \"pages/**/*.md\"\n");
        String frontMatter = "title: Whoops that page was not found\npublished: false";
        site.post("pages/404.md", frontMatter, "Try one of these pages.");
        build();
        assertThat(site.read("markout/404.html")).contains("id=\"suggestions\"");
        site.post("pages/404.md", frontMatter + "\noutput_html: 404.html", "Try one of these pages.");
        build();
        assertThat(site.read("markout/404.html")).contains("Try one of these pages.").doesNotContain("suggestions");
        site.post("pages/404.md", frontMatter, "Try one of these pages.");
        build();
        assertThat(site.read("markout/404.html")).contains("id=\"suggestions\"");
        assertThat(site.read("markout/404/index.html")).contains("Try one of these pages.");
    }

    /**
     * rhiannonwalker.com's own post.html and base.html include markata's built-in partials
     * {@code nav.html} and {@code mermaid.html} (as its feed.html does): the theme has them too,
     * the nav made of {@code [markata.nav]}. One markata ships that the theme has not is named as
     * such in the error.
     */
    @Test
    void markatasBuiltInPartialsCanBeIncluded() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        templates_dir = "templates"
                        [markata.post_template]
                        index = "post.html"
                        [markata.nav]
                        'home' = '/'
                        'start here' = '/start'
                        """)
                .write("templates/base.html", """
                        <!DOCTYPE html>
                        <html lang="en">
                            <head>
                                <title>{{post.title|e}}</title>
                                {% include 'head.html' %}
                                {% include 'mermaid.html' %}
                            </head>
                            <body position="relative">
                                <div class="dubs">
                                    {% block content %}{% endblock %}
                                </div>
                            </body>
                        </html>
                        """)
                .write("templates/post.html", """
                        {% extends "base.html" %}
                        {% block content %}
                            {% include "nav.html" %}
                            <article class="blog-post h-entry">
                                <div class="e-content" id="post-body">
                                    {{ body }}
                                </div>
                            </article>
                        {% endblock %}
                        """)
                .post("pages/blog/the-boulder.md", "tags:\n- blog\ntitle: The Boulder and Me\npublished: true\n"
                        + "date: 2018-04-02", "_April 2, 2018_\n\n**One Breath at a Time!**");

        build();

        String page = site.read("markout/the-boulder/index.html");
        assertThat(page).contains("<a href=\"/\">home</a>").contains("<a href=\"/start\">start here</a>")
                .contains("<strong>One Breath at a Time!</strong>");

        site.write("templates/post.html", "{% include 'didyoumean_partial.html' %}{{ body }}");
        assertThatThrownBy(this::build).hasMessageContaining("template \"didyoumean_partial.html\" is one of "
                + "markata's own templates, which markata-java's theme does not have: put a template of that name in ");
    }

    /**
     * rhiannonwalker.com's feed.html prints {@code feed.config.name} and its feed_partial.html
     * includes {@code feed.config.card_template}, which its {@code [[markata.feeds]]} does not set:
     * in markata {@code feed.config} is the feed's settings with their defaults (card.html).
     */
    @Test
    void feedConfigHasTheDefaultsOfWhatTheFeedDoesNotSet() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        templates_dir = "templates"
                        [[markata.feeds]]
                        slug = 'archive'
                        sort = "date"
                        reverse = true
                        description = 'All of the posts on my site'
                        """)
                .write("templates/feed.html", """
                        <h1 class="flair text-center">{{ feed.config.name }}</h1>
                        {% include 'feed_partial.html' %}
                        """)
                .write("templates/feed_partial.html", """
                        <article id="posts" class="h-feed hfeed list archive-list">
                            <ul>
                                {% for post in feed.posts %}
                                    {% include feed.config.card_template %}
                                {% endfor %}
                            </ul>
                        </article>
                        """)
                .write("templates/card.html", """
                        <li class="post group {{post.templateKey}} h-entry hentry">
                            <a href="/{{markata.config.path_prefix}}{{ post.slug }}/" class="u-url" rel="bookmark">
                                    {{ post.title }}
                            </a>
                        </li>
                        """)
                .post("pages/blog/the-boulder.md", "title: The Boulder and Me\npublished: true\ndate: 2018-04-02",
                        "**One Breath at a Time!**");

        build();

        String page = site.read("markout/archive/index.html");
        assertThat(page).contains("<h1 class=\"flair text-center\">archive</h1>")
                .contains("<a href=\"/the-boulder/\" class=\"u-url\" rel=\"bookmark\">");
    }

    /**
     * rhiannonwalker.com (url = "https://rhiannonwalker.com") writes its canonical link as
     * {@code {{ config.url }}{{ post.slug }}/}: markata's url is pydantic's AnyUrl, which prints a
     * bare host with a "/" (str(AnyUrl("https://rhiannonwalker.com")) is "https://rhiannonwalker.com/"),
     * so the link is right there; a url with a path prints as written.
     */
    @Test
    void configUrlPrintsAsMarkatasAnyUrl() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        url = "https://rhiannonwalker.com"
                        [[markata.head.link]]
                        href = "{{ config.url }}{{ post.slug }}/"
                        rel = "canonical"
                        """)
                .post("pages/blog/the-boulder.md", "title: The Boulder and Me\npublished: true\ndate: 2018-04-02",
                        "**One Breath at a Time!**");

        build();
        assertThat(site.read("markout/the-boulder/index.html"))
                .contains("<link href=\"https://rhiannonwalker.com/the-boulder/\" rel=\"canonical\">");

        site.write("markata.toml", site.read("markata.toml").replace("rhiannonwalker.com\"", "example.com/blog\""));
        build();
        assertThat(site.read("markout/the-boulder/index.html"))
                .contains("<link href=\"https://example.com/blogthe-boulder/\" rel=\"canonical\">");
    }

    /**
     * The blog starter's pages/jinja.md adds a style to its own head with {@code config_overrides},
     * which markata merges over the configuration its page sees.
     */
    @Test
    void configOverridesInFrontMatterAddTheirStyleToThePagesHead() throws Exception {
        new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"pages/**/*.md\"\n")
                .post("pages/jinja.md", """
                        date: 2022-09-03 1:00:00
                        title: Jinja Variables
                        published: True
                        config_overrides:
                          head:
                            text:
                            - value: |
                                <style>
                                    ul {
                                        list-style-type: None;
                                    }
                                </style>
                        """, "Markata uses python's powerful jinja2 templating library");

        assertThat(build()).noneMatch(warning -> warning.contains("config_overrides"));
        assertThat(Jsoup.parse(new Site(dir).read("markout/jinja/index.html")).select("head style").html())
                .contains("list-style-type: None;");
    }
}
