package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config.style.light.highlight_styles} and {@code .dark.highlight_styles}: markata's
 * Style model gives each palette Pygments' CSS of its {@code code_theme}
 * ({@code HtmlFormatter(style=code_theme).get_style_defs(".highlight")}), which markata's head
 * template puts in a {@code <style>}; here with the rules of the classes markata-java's
 * highlighter gives code. markata's post_template also writes {@code highlight.css} (a template
 * of its own) to the output folder, as it writes every CSS, JS and XSL template.
 */
class HighlightStylesTest {

    @TempDir
    Path dir;

    private Site site(String markata) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\n" + markata);
        site.write("templates/post.html", "<style>{{ config.style.dark.highlight_styles }}</style>\n"
                + "<style>{{ config.style.light.highlight_styles }}</style>\n{{ body }}");
        site.post("posts/a.md", "title: A\npublished: true", """
                ```python
                # a comment
                def f(x="s"):
                    return None if x else 42
                ```
                """);
        return site;
    }

    @Test
    void eachPaletteHasPygmentsCssOfItsCodeTheme() throws Exception {
        Site site = site("[markata.style.light]\ncode_theme = \"monokai\"\n");
        Builds.withoutWarnings(dir);
        String page = site.read("markout/a/index.html");
        // tokyo-night names no code theme: markata's default, nord, as Pygments writes it
        assertThat(page).contains("""
                .highlight { background: #2E3440; color: #D8DEE9 }
                .highlight .c { color: #616E87; font-style: italic } /* Comment */
                .highlight .k { color: #81A1C1; font-weight: bold } /* Keyword */""");
        assertThat(page).contains(".highlight { background: #272822; color: #F8F8F2 }",
                ".highlight .s { color: #E6DB74 } /* Literal.String */");
    }

    @Test
    void everyClassTheHighlighterGivesCodeHasARuleInEveryCodeTheme() throws Exception {
        Site site = site("");
        Builds.withoutWarnings(dir);
        Set<String> classes = new TreeSet<>();
        Jsoup.parse(site.read("markout/a/index.html")).select("pre.highlight span[class]")
                .forEach(span -> classes.addAll(span.classNames()));
        assertThat(classes).containsExactly("c", "k", "kc", "m", "s");
        for (String theme : new String[] {"nord", "monokai", "default", "github-dark", "solarized-light", "bw"}) {
            site.write("markata.toml", "[markata]\n[markata.style.dark]\ncode_theme = \"" + theme + "\"\n");
            Builds.withoutWarnings(dir);
            String css = Jsoup.parse(site.read("markout/a/index.html")).select("style").first().data();
            Matcher rule = Pattern.compile("\\.highlight \\.(\\w+) \\{").matcher(css);
            Set<String> styled = new TreeSet<>();
            while (rule.find()) {
                styled.add(rule.group(1));
            }
            // bw colours nothing and writes no rule for numbers and strings: a theme may leave some out
            assertThat(classes).as(theme).containsAll(styled);
            assertThat(css).as(theme).contains(".highlight {");
        }
    }

    @Test
    void aCodeThemePygmentsDoesNotHaveIsAnErrorNamingTheKey() {
        site("[markata.style.dark]\ncode_theme = \"dracul\"\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("style", "dark", "code_theme", "dracul", "dracula", "zenburn");
    }

    @Test
    void aPostsCodeThemeGivesItsPageThatThemesCss() throws Exception {
        Site site = site("");
        site.post("posts/b.md", """
                title: B
                config_overrides:
                  style:
                    dark:
                      code_theme: monokai""", "B.");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/b/index.html")).contains(".highlight { background: #272822; color: #F8F8F2 }");
        assertThat(site.read("markout/a/index.html")).contains(".highlight { background: #2E3440; color: #D8DEE9 }");
    }

    @Test
    void highlightCssIsWrittenToTheOutputFolderWithTheCodeThemes() throws Exception {
        Site site = site("[markata.style.dark]\ncode_theme = \"monokai\"\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/highlight.css")).contains(".highlight { background: #272822; color: #F8F8F2 }",
                ".highlight .k { color: #66D9EF } /* Keyword */");
    }

    @Test
    void aHighlightCssAmongTheSitesAssetsIsKept() throws Exception {
        Site site = site("");
        site.write("static/highlight.css", "/* mine */\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/highlight.css")).isEqualTo("/* mine */\n");
    }

    @Test
    void theSitesCssJsAndXslTemplatesAreWrittenToTheOutputFolderByName() throws Exception {
        Site site = site("");
        site.write("templates/css/app.css", "body { color: {{ markata.config.style.dark.text }}; }\n");
        site.write("templates/theme.js", "// {{ config.title }} {{ __version__ }}\n");
        site.write("templates/highlight.css", ".highlight { }\n");
        Builds.withoutWarnings(dir);
        // by the file's name, at the output folder's top, as markata writes them
        assertThat(site.read("markout/app.css")).isEqualTo("body { color: #f3f4f6; }\n");
        assertThat(site.read("markout/theme.js")).startsWith("// T ");
        // the site's own highlight.css over the built-in one
        assertThat(site.read("markout/highlight.css")).isEqualTo(".highlight { }\n");
    }

    @Test
    void anAssetOfTheSameNameAsACssTemplateWinsInEveryBuildAsMarkatasCopyComesLast() throws Exception {
        // markata's save hooks run in pluggy's order, the plugin listed last first: post_template
        // renders templates/app.css, then copy_assets (listed before it in markata's default list)
        // copies static/app.css over it. Here the two ran in list order, the template winning a
        // clean build and the asset a warm one
        Site site = site("");
        site.write("templates/css/app.css", "/* template */\n").write("templates/theme.js", "// template\n")
                .write("static/app.css", "/* asset */\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/app.css")).isEqualTo("/* asset */\n");
        assertThat(site.read("markout/theme.js")).isEqualTo("// template\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/app.css")).isEqualTo("/* asset */\n");
        site.write("templates/css/app.css", "/* template, edited */\n");
        Builds.warmMatchesClean(dir, "template edited");
        assertThat(site.read("markout/app.css")).isEqualTo("/* asset */\n");
        // the asset removed: the template's
        site.delete("static/app.css");
        Builds.warmMatchesClean(dir, "asset removed");
        assertThat(site.read("markout/app.css")).isEqualTo("/* template, edited */\n");
    }

    @Test
    void withoutCopyAssetsTheTemplateIsWrittenOverNoAsset() throws Exception {
        Site site = site("");
        site.write("markata.toml", site.read("markata.toml").replace("[markata]",
                "[markata]\ndisabled_hooks = [\"markata.plugins.copy_assets\"]"));
        site.write("templates/app.css", "/* template */\n").write("static/app.css", "/* asset */\n")
                .write("static/highlight.css", "/* mine */\n");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/app.css")).isEqualTo("/* template */\n");
        // nothing copies the site's own highlight.css: the built-in one is written
        assertThat(site.read("markout/highlight.css")).contains(".highlight");
    }
}
