package dev.markata.plugins.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestPluginTest {

    @TempDir
    Path dir;

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(width / 2, height / 2, 0xff336699);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void theManifestIsMarkatasFileByteForByteWithTheResizedIcons() throws Exception {
        // the expected file is Python's json.dump of markata's fields (make_manifest.py)
        new Site(dir).write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.manifest"]
                site_name = "Café \\"Ünïcode\\" \\U0001F600 \\\\ tab\\there"
                start_url = "/blog/"
                display = "standalone"
                background_color = "#FFFFFF"
                theme_color = "rgb(0, 255, 255)"
                description = "  Notes </script>  "
                icon = "icon.png"
                """).post("posts/a.md", "title: A", "Alpha.");
        Files.createDirectories(dir.resolve("static"));
        Files.write(dir.resolve("static/icon.png"), png(100, 50));
        build();
        String expected;
        try (InputStream in = getClass().getResourceAsStream("/manifest/manifest.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(new Site(dir).read("markout/manifest.json")).isEqualTo(expected);
        // every page of the built-in theme links it
        assertThat(Jsoup.parse(new Site(dir).read("markout/a/index.html")).select("link[rel=manifest]").attr("href"))
                .isEqualTo("/manifest.json");
    }

    @Test
    void withoutSettingsTheManifestHoldsMarkatasDefaults() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.manifest\"]\n")
                .post("posts/a.md", "title: A", "Alpha.");
        build();
        assertThat(new Site(dir).read("markout/manifest.json")).isEqualTo("""
                {
                    "name": null,
                    "short_name": null,
                    "start_url": "/",
                    "display": "minimal-ui",
                    "background_color": "#b73cf6",
                    "theme_color": "#322d39",
                    "description": null,
                    "icons": []
                }""");
    }

    @Test
    void iconsTheSiteListsComeBeforeTheResizedOnes() throws Exception {
        new Site(dir).write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.manifest"]
                icon = "icon.png"
                [[markata.icons]]
                src = "/logo.svg"
                sizes = "any"
                type = "image/svg+xml"
                """).post("posts/a.md", "title: A", "Alpha.");
        Files.createDirectories(dir.resolve("static"));
        Files.write(dir.resolve("static/icon.png"), png(10, 10));
        build();
        assertThat(new Site(dir).read("markout/manifest.json")).contains("    \"icons\": [\n        {\n"
                + "            \"src\": \"/logo.svg\",\n            \"sizes\": \"any\",\n"
                + "            \"type\": \"image/svg+xml\"\n        },\n        {\n            \"src\": \"icon_48x48.png\",");
        new Site(dir).write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.manifest"]
                icons = [{src = "/a.png", sizes = 48}]
                """);
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("[markata] icons =").contains("sizes is not a string");
    }

    @Test
    void anAssetInTheManifestsPlaceIsAnError() {
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.manifest\"]\n")
                .post("posts/a.md", "title: A", "Alpha.").write("static/manifest.json", "{}");
        BuildException error = catchThrowableOfType(this::build, BuildException.class);
        assertThat(error.failure().problems().get(0).message()).startsWith("static/manifest.json: is also the file"
                + " markata.plugins.manifest writes (manifest.json)");
    }

    @Test
    void withoutThePluginPagesHaveNoManifestLink() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.manifest\"]\n"
                + "disabled_hooks = [\"markata.plugins.manifest\"]\n").post("posts/a.md", "title: A", "Alpha.");
        build();
        assertThat(new Site(dir).read("markout/a/index.html")).doesNotContain("rel=\"manifest\"");
        assertThat(dir.resolve("markout/manifest.json")).doesNotExist();
        new Site(dir).write("markata.toml", "[markata]\n");
        build();
        assertThat(new Site(dir).read("markout/a/index.html")).doesNotContain("rel=\"manifest\"");
    }

    @Test
    void coloursPrintAsMarkatasPydanticPrintsThem() {
        assertThat(CssColor.parse("#B73CF6")).hasToString("#b73cf6");
        assertThat(CssColor.parse("#aabbcc")).hasToString("#abc");
        assertThat(CssColor.parse("0xff0000")).hasToString("red");
        assertThat(CssColor.parse("808080")).hasToString("grey"); // of gray and grey, the later name
        assertThat(CssColor.parse("#0ff")).hasToString("cyan");
        assertThat(CssColor.parse("Fuchsia")).hasToString("magenta");
        assertThat(CssColor.parse("#80808080")).hasToString("#80808080");
        assertThat(CssColor.parse("#ffff")).hasToString("white"); // an alpha of 1 is none
        assertThat(CssColor.parse("rgba(0, 0, 0, 0.5)")).hasToString("#00000080"); // round(127.5) is 128
        assertThat(CssColor.parse("rgba(0, 0, 0, 0.3)")).hasToString("#0000004c"); // round(76.5) is 76
        assertThat(CssColor.parse("rgb(10 20 30 / 50%)")).hasToString("#0a141e80");
        assertThat(CssColor.parse("transparent")).hasToString("#0000");
        assertThatThrownBy(() -> CssColor.parse("rgb(300, 0, 0)")).hasMessageContaining("0 to 255");
        assertThatThrownBy(() -> CssColor.parse("blurple")).hasMessage("is not a colour");
        // CSS Level 4's name, which Pillow knows and pydantic does not
        assertThatThrownBy(() -> CssColor.parse("rebeccapurple")).hasMessage("is not a colour");
        assertThat(CssColor.parse("#663399")).hasToString("#639");
    }

    @Test
    void aBadColourOrDisplayIsAConfigurationErrorSayingWhatIsAllowed() {
        new Site(dir).write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.manifest"]
                theme_color = "blurple"
                display = "window"
                """);
        ConfigException error = Builds.configError(dir);
        assertThat(error.problems()).containsExactly(
                "markata.toml: [markata] display = \"window\": must be one of \"fullscreen\", \"standalone\","
                        + " \"minimal-ui\", \"browser\"",
                "markata.toml: [markata] theme_color = \"blurple\": is not a colour; allowed: " + CssColor.ALLOWED);
    }
}
