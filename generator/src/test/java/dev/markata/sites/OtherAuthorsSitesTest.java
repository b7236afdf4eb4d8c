package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of small sites made of excerpts of markata sites by other authors than markata's:
 * github.com/pypeaday/pype.dev (its {@code markata.toml}, {@code pages/templates/template.html}
 * and posts of {@code pages/}) and github.com/Mr-Destructive/meetgor.com (its {@code markata.toml},
 * {@code layouts/post_template.html} and posts of {@code blog/}), and of a site of another shape:
 * github.com/WaylonWalker/markata-slides, a markata plugin's repository that builds its own
 * {@code sample.md} and {@code README.md} with its {@code markata.toml}. They were set up from
 * markata's starters years ago and kept what those asked for then; they must build here as with
 * markata.
 */
class OtherAuthorsSitesTest {

    @TempDir
    Path dir;

    /** Builds the site and gives its warnings. */
    private List<String> build() throws Exception {
        return Builds.warnings(dir);
    }

    /** pype.dev's page template, trimmed of its style sheet. */
    private static final String PYPE_TEMPLATE = """
            <!doctype html>
            <html lang="en">
            <head>
              <title>{{ title }}</title>
              <meta charset="UTF-8" />
            </head>
            <body>
              <nav>
                <ul>
                  <li><a href="/">Home</a></li>
                </ul>
              </nav>
              <section class="title">
                <h1 id="title">{{ title }}</h1>
              </section>
              <main>{{ body }}</main>
            </body>
            </html>
            """;

    /**
     * pype.dev (and meetgor.com, {@code post_template = "layouts/post_template.html"}) name their
     * page template by its path in the site folder, outside {@code templates_dir}: markata's
     * {@code get_template} looks a name up in the template folders, then reads it as a file, so
     * the site builds with its own template there. Edits to that file reach the pages of a warm
     * build.
     */
    @Test
    void aPostTemplateNamedByItsPathInTheSiteIsThatFile() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "pages/**/*.md"
                        url = "https://pype.dev"
                        title = "pype.dev"
                        # use a different template than the built in one
                        post_template = "pages/templates/template.html"
                        """)
                .write("pages/templates/template.html", PYPE_TEMPLATE)
                .post("pages/blog/and-vs-&.md", """
                        templateKey: blog-post
                        tags: ['python']
                        title: And-vs-&
                        date: 2022-04-06T00:00:00
                        published: True
                        cover: "/static/And-vs-ampersand.png"
                        """, "I often struggle to remember the correct way to do `and` type comparisons.");

        Builds.warmMatchesClean(dir, "first build");
        assertThat(site.read("markout/and-vs/index.html"))
                .contains("<section class=\"title\">\n    <h1 id=\"title\">And-vs-&</h1>")
                .contains("<main><p>I often struggle to remember");

        site.write("pages/templates/template.html", PYPE_TEMPLATE.replace("<main>", "<main class=\"post\">"));
        Builds.warmMatchesClean(dir, "the template edited");
        assertThat(site.read("markout/and-vs/index.html")).contains("<main class=\"post\"><p>I often struggle");
    }

    /** A post's own {@code template:} may name a file of the site by its path too; its edits reach warm builds. */
    @Test
    void aPostsOwnTemplateNamedByItsPathIsThatFile() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"pages/**/*.md\"\n")
                .write("pages/templates/til.html", "<main class=\"til\">{{ body }}</main>")
                .post("pages/til/a.md", "title: A\ntemplate: pages/templates/til.html", "Today I learned.");

        Builds.warmMatchesClean(dir, "first build");
        assertThat(site.read("markout/a/index.html")).isEqualTo("<main class=\"til\"><p>Today I learned.</p>\n</main>");

        site.write("pages/templates/til.html", "<main class=\"til short\">{{ body }}</main>");
        Builds.warmMatchesClean(dir, "the template edited");
        assertThat(site.read("markout/a/index.html")).startsWith("<main class=\"til short\">");
    }

    /**
     * meetgor.com lists every module of markata it had in {@code hooks}, its default plugins and
     * also modules that are no plugins ({@code markata.hookspec}, {@code markata.lifecycle}...),
     * which markata registers and finds no hooks in: the site builds, each such name skipped
     * with one warning, as its own {@code plugins/*.py} are.
     */
    @Test
    void markatasOwnModulesInHooksAreSkippedWithAWarning() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = ["blog/posts/*.md", "blog/tils/*.md"]
                        hooks = [

                            # Customized Plugins
                            "plugins.series",

                            # Default Plugins
                            "markata.cli.cli",
                            "markata.cli.header",
                            "markata.cli.plugins",
                            "markata.cli.runner",
                            "markata.cli.server",
                            "markata.cli.summary",
                            "markata.plugins.auto_title",
                            "markata.plugins.base_cli",
                            "markata.plugins.glob",
                            "markata.plugins.load",
                            "markata.plugins.post_template",
                            "markata.plugins.publish_html",
                            "markata.plugins.render_markdown",
                            "markata.background",
                            "markata.hookspec",
                            "markata.lifecycle",
                            "markata.errors",
                            "markata.standard_config",
                           ]
                        """)
                .write("plugins/series.py", "from markata.hookspec import hook_impl\n")
                .post("blog/tils/2024-03-15-Sqlite-custom-separtor.md", """
                        templateKey: til
                        title: "SQLite importing CSV with custom separator"
                        description: "Explorng SQLite CLI with inline CSV import command with custom separator"
                        status: published-til
                        slug: sqlite-inline-custom-separator
                        tags: ["sqlite",]
                        date: 2024-03-15 22:30:00""", "explaination about how i learned how to write a command");

        List<String> warnings = build();

        assertThat(site.read("markout/sqlite-inline-custom-separator/index.html")).contains("explaination about how");
        assertThat(warnings).contains(
                "markata.toml: [markata] hooks: markata.cli.cli is skipped: the command line is built in",
                "markata.toml: [markata] hooks: markata.cli.header is skipped: the command line is built in",
                "markata.toml: [markata] hooks: markata.hookspec is skipped: it is no plugin but markata's hook"
                        + " specification",
                "markata.toml: [markata] hooks: markata.lifecycle is skipped: it is no plugin but markata's list of"
                        + " stages, which are built in");
        assertThat(warnings).anyMatch(w -> w.startsWith("markata.toml: [markata] hooks: markata.background is skipped: "))
                .anyMatch(w -> w.startsWith("markata.toml: [markata] hooks: markata.errors is skipped: "))
                .anyMatch(w -> w.startsWith("markata.toml: [markata] hooks: markata.standard_config is skipped: "));
    }

    /** markata-slides' markata.toml: its feeds, found by a key of the posts' front matter. */
    private static final String SLIDES_FEEDS = """

            [markata.prevnext]
            # strategy can be 'first' or 'all'
            # 'first' will cycle through the first map the post is found in.
            # 'all' will cycle through all of the maps

            strategy='first'

            [markata.feeds.slides]
            filter='"slide" in post.keys()'
            sort='slug'
            reverse=false

            [markata.feeds.all]
            filter='True'
            sort='slug'
            reverse=false
            """;

    /** markata-slides' sample.md (its styles trimmed) and README.md, which markata's default glob finds. */
    private Site slides(String hooks) {
        return new Site(dir)
                .write("markata.toml", "[markata]\n\nhooks = " + hooks + "\n" + SLIDES_FEEDS)
                .post("sample.md", """
                        title: example slides

                        styles:
                            padding:
                                bottom: 0
                            title:
                                bg: default
                                fg: '#e1af66'
                        """, "## slide one\n\nThis is the content\n\n## slide two\n\nThis is the next content\n")
                .write("README.md", "# Markata Slides\n\nA slide plugin for markata.\n");
    }

    /**
     * A feed's filter may ask for the keys of a post ({@code "slide" in post.keys()}), as
     * markata's post has {@code keys()} (with {@code get}, for older filters): the slides feed
     * holds the posts whose front matter has {@code slide}.
     */
    @Test
    void aFeedFilterMayAskForThePostsKeys() throws Exception {
        Site site = slides("['default', 'markata.plugins.prevnext']")
                .post("one.md", "title: One\nslide: 0-example slides", "first slide");

        build();

        assertThat(site.read("markout/slides/index.html")).contains("href=\"/one/\"").doesNotContain("href=\"/sample/\"");
        assertThat(site.read("markout/all/index.html")).contains("href=\"/sample/\"").contains("href=\"/readme/\"");
    }

    /**
     * markata-slides builds its own pages with its own package in {@code hooks}: the site folder
     * holds {@code markata_slides/}, which markata imports from there. A module of the site
     * without a dot in its name is skipped with one warning, as {@code plugins.thoughts} is.
     */
    @Test
    void thePackageOfTheSiteItselfInHooksIsSkippedWithAWarning() throws Exception {
        Site site = slides("['default', 'markata_slides', 'markata.plugins.prevnext']")
                .write("markata_slides/__init__.py", "__version__ = \"0.0.1\"\n")
                .write("markata_slides/slides.py", "from markata.hookspec import hook_impl\n")
                .write("pyproject.toml", """
                        [build-system]
                        requires = ["hatchling"]
                        build-backend = "hatchling.build"

                        [project]
                        name = "markata-slides"
                        dynamic = ["version"]
                        dependencies = [
                            "markata",
                            "markdown-it-py[plugins]",
                            "mdit-py-plugins",
                        ]

                        [tool.hatch.version]
                        path = "markata_slides/__init__.py"
                        """);

        List<String> warnings = build();

        assertThat(site.read("markout/sample/index.html")).contains("This is the content");
        assertThat(warnings).containsExactly("markata.toml: [markata] hooks: markata_slides is skipped: it is the"
                + " site's own Python module markata_slides/__init__.py, which markata-java cannot run");
    }

    /**
     * pype.dev's home page is its own {@code static/index.html}: markata copies the assets into
     * the output folder and makes the archive feed the home page only when there is no
     * {@code index.html} there ({@code if not home.exists() and archive.exists()}), so the
     * author's page is what pype.dev shows. When the asset goes, the archive is the home page again.
     */
    @Test
    void anIndexHtmlOfTheAssetsIsTheHomePage() throws Exception {
        String home = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Pype.dev | Nord Theme</title></head>\n"
                + "<body><h1>Pype.dev</h1><a href=\"/all\">View the Full Feed</a></body>\n</html>\n";
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "pages/**/*.md"
                        assets_dir = "static"

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
                        """)
                .write("static/index.html", home)
                .post("pages/blog/and-vs-&.md", "title: And-vs-&\ndate: 2022-04-06T00:00:00\npublished: True",
                        "I often struggle.");

        assertThat(Builds.warmMatchesClean(dir, "with the home page")).containsEntry("index.html", home);
        assertThat(site.read("markout/archive/index.html")).contains("href=\"/and-vs/\"");

        site.delete("static/index.html");
        assertThat(Builds.warmMatchesClean(dir, "without it").get("index.html")).contains("href=\"/and-vs/\"");
    }

    /**
     * pype.dev's notes of the BEMA podcast (pages/bema/, made by a script) start with an empty
     * line before their front matter. markata reads front matter with python-frontmatter, which
     * strips the text first: the title, tags and date are the front matter's, and the body does
     * not start with the front matter's lines as a heading.
     */
    @Test
    void frontMatterAfterAnEmptyFirstLineIsTheFrontMatter() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"pages/**/*.md\"\n")
                .write("pages/bema/028-Images-of-the-Desert---Ar'ar-and-Tamarisk.md", """

                        ---
                        templateKey: blog-post
                        tags: ['bema']
                        title: 028 Images of the Desert - Ar'ar and Tamarisk
                        date: 2022-01-28T00:00:00
                        status: published
                        cover: ""
                        ---

                        <p>Notes on the episode.</p>
                        """);

        build();

        String page = site.read("markout/028-images-of-the-desert-ar-ar-and-tamarisk/index.html");
        assertThat(page).contains("<title>028 Images of the Desert - Ar&#39;ar and Tamarisk")
                .contains("<time datetime=\"2022-01-28\"").contains("<p>Notes on the episode.</p>")
                .doesNotContain("templateKey");
    }

    /**
     * pype.dev's markata.toml of today (markata 0.9) adds an output {@code 'raw.md' = 'raw'} to
     * its post templates: markata writes an output whose name has an extension as that file
     * beside the page ({@code <slug>/raw.md}), and its built-in template {@code raw} is the post's
     * source ({@code {{ post.raw }}}), so every post's Markdown is published beside its page.
     */
    @Test
    void anOutputNamedLikeAFileIsThatFileAndRawIsThePostsSource() throws Exception {
        String source = "\n---\ntemplateKey: blog-post\ntags: ['bema']\ntitle: 001 Trust the Story\ndate: 2022-01-01\n"
                + "published: True\ncover: \"\"\n---\n\nNotes on the episode.\n";
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        output_dir = "markout"

                        [markata.post_template]
                        index = 'post.html'
                        partial = 'post_partial.html'
                        og = 'og.html'
                        'raw.md' = 'raw'

                        [markata.glob]
                        glob_patterns = ["pype.dev/**/*.md"]
                        use_gitignore = true
                        """)
                .write("pype.dev/bema/001-Trust-the-Story.md", source);

        Builds.warmMatchesClean(dir, "first build");
        assertThat(site.read("markout/001-trust-the-story/raw.md")).isEqualTo(source);
        assertThat(site.read("markout/001-trust-the-story/index.html")).contains("<p>Notes on the episode.</p>");
        assertThat(site.exists("markout/001-trust-the-story/raw.md/index.html")).isFalse();

        site.write("pype.dev/bema/001-Trust-the-Story.md", source.replace("Notes", "More notes"));
        Builds.warmMatchesClean(dir, "the post edited");
        assertThat(site.read("markout/001-trust-the-story/raw.md")).contains("More notes on the episode.");

        // a comment in the front matter changes no field, but the source raw.md shows
        String commented = source.replace("cover: \"\"", "#cover: \"media/001.png\"\ncover: \"\"");
        site.write("pype.dev/bema/001-Trust-the-Story.md", commented);
        Builds.warmMatchesClean(dir, "a comment added to the front matter");
        site.write("pype.dev/bema/001-Trust-the-Story.md", commented.replace("001.png", "002.png"));
        Builds.warmMatchesClean(dir, "the comment edited");
        assertThat(site.read("markout/001-trust-the-story/raw.md")).contains("#cover: \"media/002.png\"");
    }

    /**
     * pype.dev's post_template table spells out markata's default outputs, {@code partial =
     * 'post_partial.html'} among them (the post's article alone, which markata's htmx pages load):
     * the built-in theme has a {@code post_partial.html} as markata has, so the site builds
     * without a template of its own.
     */
    @Test
    void markatasDefaultPartialOutputBuildsWithTheTheme() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "My mental data-lake"

                        [markata.post_template]
                        index = 'post.html'
                        partial = 'post_partial.html'
                        og = 'og.html'

                        [markata.glob]
                        glob_patterns = ["pype.dev/**/*.md"]
                        """)
                .post("pype.dev/blog/and-vs-&.md", "title: And-vs-&\ndate: 2022-04-06T00:00:00\npublished: True",
                        "I often struggle.");

        build();

        String partial = site.read("markout/and-vs/partial/index.html");
        assertThat(partial).startsWith("<article>").contains("<h1>And-vs-&amp;</h1>")
                .contains("<p>I often struggle.</p>").doesNotContain("<html");
        assertThat(site.read("markout/and-vs/og/index.html")).contains("<h1>And-vs-&amp;</h1>");
    }
}
