package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import dev.markata.testing.WarmVsClean;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with markata's icon_resize, manifest and service_worker built with {@code markata build}
 * as a user runs it: the files they write belong together (the manifest names the icons written,
 * pages link the manifest and register the worker), and after each edit (a post, the icon
 * replaced by one of another shape, a colour of the manifest) a warm build writes what a clean
 * build of the same sources writes.
 */
class PwaEndToEndTest {

    @TempDir
    Path dir;

    private Path site() {
        return dir.resolve("site");
    }

    private void build(Path site) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--no-profile", "-q", "--directory", site.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Plugins.builtInPlus());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static byte[] png(int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 7 == 0 ? 0 : 0xff000000 | rgb);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void theIconsManifestAndWorkerBelongTogetherAndWarmBuildsMatchCleanOnes() throws Exception {
        Site site = new Site(site()).write("markata.toml", """
                [markata]
                title = "Offline"
                hooks = ["default", "markata.plugins.manifest", "markata.plugins.service_worker"]
                icon = "icon.png"
                site_name = "Offline notes"
                short_name = "Notes"
                [markata.service_worker]
                precache_feeds = true
                """)
                .post("posts/one.md", "title: One\ndate: 2024-01-01", "First.")
                .post("posts/two.md", "title: Two\ndate: 2024-02-01", "Second.")
                .write("static/style.css", "body { margin: 0; }");
        Files.write(site().resolve("static/icon.png"), png(256, 256, 0x3366cc));
        build(site());

        JsonNode manifest = new ObjectMapper().readTree(site().resolve("markout/manifest.json").toFile());
        assertThat(manifest.get("name").asText()).isEqualTo("Offline notes");
        assertThat(manifest.get("icons")).hasSize(8);
        for (JsonNode icon : manifest.get("icons")) {
            BufferedImage written = ImageIO.read(site().resolve("markout").resolve(icon.get("src").asText()).toFile());
            assertThat(written.getWidth() + "x" + written.getWidth()).isEqualTo(icon.get("sizes").asText());
            assertThat(icon.get("type").asText()).isEqualTo("image/png");
        }
        String worker = site.read("markout/service-worker.js");
        assertThat(worker).contains("\"/archive/\"");
        Document page = Jsoup.parse(site.read("markout/one/index.html"));
        assertThat(page.select("link[rel=manifest]").attr("href")).isEqualTo("/manifest.json");
        assertThat(page.select("head script").html()).contains("serviceWorker.register(\"/service-worker.js\")");
        assertWarmIsClean("first build");

        site.post("posts/two.md", "title: Two, edited\ndate: 2024-02-01", "Second, edited.");
        build(site());
        assertThat(site.read("markout/service-worker.js")).isNotEqualTo(worker);
        assertWarmIsClean("a post edited");

        // another picture of another shape: other names, and the manifest lists them
        Files.write(site().resolve("static/icon.png"), png(200, 100, 0xcc3333));
        build(site());
        assertThat(site.read("markout/manifest.json")).contains("\"src\": \"icon_48x24.png\"");
        // the new colour (the picture's transparent dots leave the colour as it is, and lower the alpha)
        assertThat(ImageIO.read(site().resolve("markout/icon_96x48.png").toFile()).getRGB(50, 20) & 0xffffff)
                .isEqualTo(0xcc3333);
        assertWarmIsClean("the icon replaced");

        site.write("markata.toml", site.read("markata.toml").replace("short_name = \"Notes\"",
                "short_name = \"Notes\"\ntheme_color = \"#ffffff\""));
        build(site());
        assertThat(site.read("markout/manifest.json")).contains("\"theme_color\": \"white\"");
        assertWarmIsClean("a colour of the manifest");
    }

    /**
     * Builds a copy of the site's sources from nothing and compares the output folders file by
     * file, both ways: the icons of a replaced icon of another shape are removed by the warm
     * build, not left behind.
     */
    private void assertWarmIsClean(String step) throws Exception {
        assertThat(WarmVsClean.differences(site(), dir.resolve("clean"), this::build))
                .as("files a warm build left otherwise than a clean one, after: " + step).isEmpty();
    }
}
