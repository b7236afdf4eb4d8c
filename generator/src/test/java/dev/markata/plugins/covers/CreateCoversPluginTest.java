package dev.markata.plugins.covers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.WarmVsClean;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.plugins.create_covers}: markata's first, simpler covers plugin, with its own keys
 * at the top of {@code [markata]} ({@code cover_template}, {@code cover_font},
 * {@code cover_font_color}) and its own file names ({@code <stem of the post's file>.png}); not
 * an older name of {@code markata.plugins.covers}. A site listing it got "no plugin has this name".
 */
class CreateCoversPluginTest {

    @TempDir
    Path dir;

    private Site site(String keys) throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"C\"\n"
                        + "hooks = [\"default\", \"markata.plugins.create_covers\"]\n" + keys)
                .post("posts/deep/first-post.md", "title: First\nslug: one\npublished: true", "One.")
                .post("posts/second.md", "title: Second\npublished: true", "Two.");
        CoverArtTest.template(dir.resolve("static/cover-template.png"), 1000, 420);
        BoxFont.write(dir.resolve("static/box.ttf"));
        return site;
    }

    private static final String KEYS = """
            cover_template = "static/cover-template.png"
            cover_font = "static/box.ttf"
            cover_font_color = "rgb(255,0,0)"
            """;

    @Test
    void eachPostGetsItsTitleOnTheTemplateNamedByItsFile() throws Exception {
        site(KEYS);
        Builds.withoutWarnings(dir);
        BufferedImage first = ImageIO.read(dir.resolve("markout/first-post.png").toFile());
        assertThat(first.getWidth()).isEqualTo(1000);
        assertThat(first.getHeight()).isEqualTo(420);
        assertThat(dir.resolve("markout/second.png")).exists();
        assertThat(dir.resolve("markout/one.png")).doesNotExist();
        // the title, in the colour asked for, inside markata's box (200, 100)-(800, 320)
        int red = 0;
        for (int x = 0; x < first.getWidth(); x++) {
            for (int y = 0; y < first.getHeight(); y++) {
                if ((first.getRGB(x, y) & 0xffffff) == 0xff0000) {
                    red++;
                    assertThat(x).isBetween(200, 800);
                    assertThat(y).isBetween(100, 320);
                }
            }
        }
        assertThat(red).isGreaterThan(1000);
    }

    @Test
    void withoutATemplateTheBuildStopsNamingTheKey() throws Exception {
        site("cover_font = \"static/box.ttf\"\n");
        ConfigException e = catchThrowableOfType(() -> Builds.withoutWarnings(dir), ConfigException.class);
        assertThat(e).hasMessageContaining("[markata] cover_template")
                .hasMessageContaining("markata.plugins.create_covers");
        site("cover_template = \"static/nothing.png\"\n");
        e = catchThrowableOfType(() -> Builds.withoutWarnings(dir), ConfigException.class);
        assertThat(e).hasMessageContaining("[markata] cover_template = \"static/nothing.png\": there is no such file");
    }

    /** With covers on too, each plugin's font copy stays: each deleted the copies it did not load, the other's too. */
    @Test
    void theCoversPluginLeavesItsFontCopiesAlone() throws Exception {
        site(KEYS.replace("static/box.ttf", "static/other.ttf")).write("markata.toml", "[markata]\ntitle = \"C\"\n"
                + "hooks = [\"default\", \"markata.plugins.create_covers\"]\n" + KEYS.replace("static/box.ttf", "static/other.ttf")
                + "[[markata.covers]]\nname = \"-og\"\ntemplate = \"static/cover-template.png\"\nfont = \"static/box.ttf\"\n");
        Files.copy(dir.resolve("static/box.ttf"), dir.resolve("static/other.ttf"));
        Files.write(dir.resolve("static/other.ttf"), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Builds.withoutWarnings(dir);
        try (var copies = Files.walk(dir.resolve(".markata.cache"))) {
            assertThat(copies.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".ttf")))
                    .anyMatch(name -> name.endsWith("-box.ttf")).anyMatch(name -> name.endsWith("-other.ttf"));
        }
        assertThat(dir.resolve("markout/second.png")).exists();
        assertThat(dir.resolve("markout/second-og.png")).exists();
    }

    /** Two posts with one file stem in two folders: one cover, the last post's, and a warning (it was either one's). */
    @Test
    void twoPostsWithOneFileStemGiveTheLastOnesCoverAndSaySo(@TempDir Path copy) throws Exception {
        site(KEYS).post("posts/a/index.md", "title: A\nslug: a\npublished: true", "A.")
                .post("posts/b/index.md", "title: B, a much longer title\nslug: b\npublished: true", "B.");
        assertThat(Builds.warnings(dir)).containsExactly("posts/a/index.md, posts/b/index.md all have the cover "
                + "index.png: posts/b/index.md's is drawn, the last, as in markata");
        byte[] drawn = Files.readAllBytes(dir.resolve("markout/index.png"));
        new Site(dir).delete("markout").delete(".markata.cache");
        Builds.warnings(dir);
        assertThat(Files.readAllBytes(dir.resolve("markout/index.png"))).isEqualTo(drawn);
    }

    /** Builds warm, then checks a clean build of a copy gives the same files (PNGs byte for byte). */
    private void warmMatchesClean(Path copy, String step) throws Exception {
        Builds.withoutWarnings(dir);
        assertThat(WarmVsClean.differences(dir, copy, Builds::withoutWarnings)).as(step).isEmpty();
    }

    @Test
    void warmBuildsAfterEditsGiveACleanBuildsCovers(@TempDir Path copy) throws Exception {
        Site site = site(KEYS);
        warmMatchesClean(copy, "first");
        byte[] before = Files.readAllBytes(dir.resolve("markout/second.png"));
        site.post("posts/second.md", "title: Second, retitled\npublished: true", "Two.");
        warmMatchesClean(copy, "a title edited");
        assertThat(Files.readAllBytes(dir.resolve("markout/second.png"))).isNotEqualTo(before);
        site.write("markata.toml", "[markata]\ntitle = \"C\"\nhooks = [\"default\", \"markata.plugins.create_covers\"]\n"
                + KEYS.replace("rgb(255,0,0)", "rgb(0,0,255)"));
        warmMatchesClean(copy, "the colour changed");
        site.write("markata.toml", "[markata]\ntitle = \"C\"\n");
        warmMatchesClean(copy, "the plugin off");
        assertThat(dir.resolve("markout/second.png")).doesNotExist();
    }
}
