package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

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
}
