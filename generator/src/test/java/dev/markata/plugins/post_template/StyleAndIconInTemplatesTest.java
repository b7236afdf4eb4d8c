package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What templates see of two settings that markata's configuration models turn into objects:
 * {@code config.style} (post_template's Style: the theme's name and its light and dark palettes,
 * markata's defaults under what {@code [markata.style]} sets, each colour printed as its
 * {@code #rrggbb}, which markata's own templates read as {@code markata.config.style.dark.accent})
 * and {@code config.icon} (icon_resize's {@code Optional[Path]}: {@code .name}, {@code .stem},
 * {@code .suffix}; the path from the site folder, or from assets_dir where markata found it).
 */
class StyleAndIconInTemplatesTest {

    @TempDir
    Path dir;

    private Site site(String markata, String template) {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\n" + markata);
        site.write("templates/post.html", template);
        site.post("posts/a.md", "title: A\ndate: 2024-01-02\npublished: true", "A.");
        return site;
    }

    @Test
    void aSiteThatSetsNoStyleSeesMarkatasTokyoNightDefaults() throws Exception {
        Site site = site("", """
                {{ config.style.theme }}|{{ config.style.light.text }}|{{ config.style.light.accent }}|\
                {{ config.style.light.background }}|{{ config.style.dark.background }}|\
                {{ config.style.dark.accent }}|{{ config.style.dark.code_theme }}|\
                {{ markata.config.style.dark.border }}""");
        Builds.withoutWarnings(dir);
        // tokyo-night: text gray-900, accent indigo-600, background white / #1a1b26, accent indigo-400
        assertThat(site.read("markout/a/index.html"))
                .isEqualTo("tokyo-night|#111827|#4f46e5|#ffffff|#1a1b26|#818cf8|nord|#3b4261");
    }

    @Test
    void theSitesThemeAndColoursGoOverTheThemesDefaults() throws Exception {
        Site site = site("""
                [markata.style]
                theme = "nord"
                color_bg = "#1f2022"

                [markata.style.dark]
                accent = "#F0A"
                heading = "rose-300"
                """, """
                {{ config.style.theme }}|{{ config.style.dark.accent }}|{{ config.style.dark.heading }}|\
                {{ config.style.dark.background }}|{{ config.style.light.code_theme }}|{{ config.style.color_bg }}""");
        Builds.withoutWarnings(dir);
        // nord's dark background #2e3440 and light code_theme solarized-light are kept; the site's
        // colours are markata's Color, printed long and in lower case; a key markata's older
        // templates read (color_bg) stays as written
        assertThat(site.read("markout/a/index.html"))
                .isEqualTo("nord|#ff00aa|#fda4af|#2e3440|solarized-light|#1f2022");
    }

    @Test
    void aThemeMarkataDoesNotHaveIsAnErrorNamingTheKey() {
        site("""
                [markata.style]
                theme = "dracula"
                """, "x");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("style", "theme", "dracula", "tokyo-night", "synthwave-84");
    }

    @Test
    void aColourMarkataCannotReadIsAnErrorNamingTheKey() {
        site("""
                [markata.style.light]
                accent = "blue-501"
                """, "x");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("style", "light", "accent", "blue-501");
    }

    @Test
    void theIconIsAPathAsMarkataFoundIt() throws Exception {
        Site site = site("icon = \"icon.png\"\n",
                "{{ config.icon }}|{{ config.icon.name }}|{{ config.icon.stem }}|{{ config.icon.suffix }}|"
                        + "{{ config.icon.parent }}|{{ config.icon.parent.name }}");
        png(site, "static/icon.png");
        Builds.withoutWarnings(dir);
        // not in the site folder: found in assets_dir, where markata's icon_resize model points it
        assertThat(site.read("markout/a/index.html")).isEqualTo("static/icon.png|icon.png|icon|.png|static|static");
    }

    @Test
    void anIconFoundFromTheSiteFolderPrintsAsPathlibPrintsIt() throws Exception {
        Site site = site("icon = \"./static//favicon.png\"\n", "/{{ config.icon }}|{{ config.icon.name }}");
        png(site, "static/favicon.png");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/a/index.html")).isEqualTo("/static/favicon.png|favicon.png");
    }

    @Test
    void iconOutFileIsAPathInTheOutputFolderAsMarkatasDefaultMakesIt() throws Exception {
        Site site = site("icon = \"icon.png\"\noutput_dir = \"public\"\n",
                "{{ config.icon_out_file }}|{{ config.icon_out_file.stem }}|{{ config.icon_out_file.suffix }}|"
                        + "{{ config.icon_out_file.parent }}");
        png(site, "static/icon.png");
        Builds.withoutWarnings(dir);
        // markata's icon_resize: output_dir / icon, the icon as it found it (in assets_dir)
        assertThat(site.read("public/a/index.html")).isEqualTo("public/static/icon.png|icon|.png|public/static");
    }

    @Test
    void iconOutFileAsWrittenIsAPathToo() throws Exception {
        Site site = site("icon = \"static/icon.png\"\nicon_out_file = \"./markout/img//logo.png\"\n",
                "{{ config.icon_out_file }}|{{ config.icon_out_file.name }}|{{ config.icon_out_file.stem }}");
        png(site, "static/icon.png");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/a/index.html")).isEqualTo("markout/img/logo.png|logo.png|logo");
    }

    @Test
    void aPostsStyleOverridesAreColoursAsTheSitesAre() throws Exception {
        Site site = site("""
                [markata.style.dark]
                accent = "navy"
                """, "{{ config.style.dark.accent }}|{{ config.style.dark.heading }}|{{ config.style.light.text }}|"
                + "{{ config.style.theme }}|{{ config.style.dark.background }}");
        site.post("posts/b.md", """
                title: B
                date: 2024-01-03
                published: true
                config_overrides:
                  style:
                    dark:
                      accent: "#F0A"
                      heading: rose-300
                    light:
                      text: white""", "B.");
        Builds.withoutWarnings(dir);
        // the site's page keeps the site's colours; the post's are markata's Color, as the site's
        assertThat(site.read("markout/a/index.html")).isEqualTo("#000080|#ffffff|#111827|tokyo-night|#1a1b26");
        assertThat(site.read("markout/b/index.html")).isEqualTo("#ff00aa|#fda4af|#ffffff|tokyo-night|#1a1b26");
    }

    @Test
    void aPostsThemeGivesItsPageThatThemesPalettesUnderThePostsOwnColours() throws Exception {
        Site site = site("", "{{ config.style.theme }}|{{ config.style.dark.background }}|{{ config.style.dark.accent }}|"
                + "{{ config.style.light.code_theme }}");
        site.post("posts/b.md", """
                title: B
                date: 2024-01-03
                published: true
                config_overrides:
                  style:
                    theme: nord
                    dark:
                      accent: blue""", "B.");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/b/index.html")).isEqualTo("nord|#2e3440|#3b82f6|solarized-light");
    }

    @Test
    void aPostsStyleColourMarkataCannotReadIsAnErrorNamingThePostAndKey() {
        Site site = site("", "x");
        site.post("posts/b.md", """
                title: B
                config_overrides:
                  style:
                    dark:
                      accent: blue-501""", "B.");
        assertThat(catchThrowable(() -> Builds.withoutWarnings(dir))).isNotNull().extracting(Throwable::getMessage).asString().contains("posts/b.md", "config_overrides", "style", "dark",
                "accent", "blue-501", "#rrggbb");
    }

    private static void png(Site site, String relative) throws java.io.IOException {
        java.nio.file.Path file = site.root().resolve(relative);
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", file.toFile());
    }
}
