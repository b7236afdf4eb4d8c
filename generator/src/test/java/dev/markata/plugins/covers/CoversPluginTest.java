package dev.markata.plugins.covers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Stage;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds sites with {@code [[markata.covers]]} (the default hooks: covers is one of them, as in markata). */
class CoversPluginTest {

    @TempDir
    Path dir;

    private static final String CONFIG = """
            [markata]
            title = "Covers"

            [[markata.covers]]
            name = "-dev"
            template = "static/cover-template.png"
            font = "static/box.ttf"
            font_color = "rgb(255,0,0)"
            padding = [20, 20]
            resizes = [100]

            [[markata.covers]]
            name = ""
            template = "static/og-template.png"
            font = "static/box.ttf"
            font_color = "%s"
            padding = [10, 10, 10, 10]
            """;

    private Site site(String ogColor) throws IOException {
        Site site = new Site(dir).write("markata.toml", CONFIG.formatted(ogColor))
                .post("posts/first.md", "title: First\ndate: 2024-01-05\npublished: true", "One.")
                .post("posts/second.md", "title: Second\ndate: 2024-01-06\npublished: true", "Two.");
        CoverArtTest.template(dir.resolve("static/cover-template.png"), 400, 200);
        CoverArtTest.template(dir.resolve("static/og-template.png"), 300, 150);
        BoxFont.write(dir.resolve("static/box.ttf"));
        return site;
    }

    private BuildResult build() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    /** Why the site's configuration stopped the build before it began. */
    private ConfigException configError() {
        return catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
    }

    /** The posts whose covers the build drew: one task each. */
    private static int drawn(BuildResult result) {
        return result.timings().hooks().stream()
                .filter(hook -> hook.pluginId().equals(CoversPlugin.ID) && hook.stage() == Stage.SAVE)
                .mapToInt(BuildTimings.HookTiming::tasks).sum();
    }

    private BufferedImage cover(String name) throws IOException {
        return ImageIO.read(dir.resolve("markout").resolve(name).toFile());
    }

    /** How many pixels of row {@code y} are {@code argb}. */
    private static int inRow(BufferedImage image, int y, int argb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            if (image.getRGB(x, y) == argb) {
                count++;
            }
        }
        return count;
    }

    /** Every file of the output folder but the profile, with its bytes' hash code. */
    private Map<String, Integer> output() throws IOException {
        Map<String, Integer> files = new TreeMap<>();
        Path out = dir.resolve("markout");
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString(), java.util.Arrays.hashCode(Files.readAllBytes(file)));
            }
        }
        return files;
    }

    @Test
    void everyPostGetsACoverPerEntryWithTheTitleDrawnOnTheTemplate() throws Exception {
        site("white");
        BuildResult result = build();
        assertThat(drawn(result)).isEqualTo(2);
        for (String slug : new String[] {"first", "second"}) {
            BufferedImage dev = cover(slug + "-dev.png");
            assertThat(dev.getWidth()).isEqualTo(400);
            // the title is in the middle of the box, in the font colour; the corners are the template's
            assertThat(inRow(dev, 100, 0xffff0000)).isGreaterThan(100);
            assertThat(dev.getRGB(5, 5)).isEqualTo(CoverArtTest.BACKGROUND);
            assertThat(cover(slug + "-dev_100x50.png").getWidth()).isEqualTo(100);
            BufferedImage og = cover(slug + ".png");
            assertThat(og.getWidth()).isEqualTo(300);
            assertThat(inRow(og, 75, 0xffffffff)).isGreaterThan(100);
        }
        // nothing set on the posts, as markata's covers sets nothing
        assertThat(result.posts()).allSatisfy(post -> assertThat(post.extra()).doesNotContainKey("cover"));
    }

    @Test
    void aWarmBuildDrawsNothingAndAnEditRedrawsOnlyWhatChanged() throws Exception {
        site("white");
        build();
        // the digests of the template and fonts are kept under their stamps (size, times, inode):
        // a warm build does not read and hash them again while the stamps are unchanged
        assertThat(Files.readAllLines(dir.resolve(".markata.cache/" + CoversPlugin.KEYS_FILE)))
                .filteredOn(line -> line.startsWith("file:")).extracting(line -> line.substring(0, line.indexOf('\t')))
                .containsExactly("file:static/box.ttf", "file:static/cover-template.png", "file:static/og-template.png");
        Path first = dir.resolve("markout/first.png");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first, old);

        BuildResult warm = build();
        assertThat(drawn(warm)).isZero();
        assertThat(Files.getLastModifiedTime(first)).isEqualTo(old);

        // a new title: that post's covers only
        new Site(dir).post("posts/second.md", "title: Second, longer\ndate: 2024-01-06\npublished: true", "Two.");
        assertThat(drawn(build())).isEqualTo(1);
        // the config: every cover
        site("#00ff00");
        assertThat(drawn(build())).isEqualTo(2);
        assertThat(inRow(cover("first.png"), 75, 0xff00ff00)).isGreaterThan(100);
        // the template's pixels
        CoverArtTest.template(dir.resolve("static/og-template.png"), 300, 160);
        assertThat(drawn(build())).isEqualTo(2);
        assertThat(cover("first.png").getHeight()).isEqualTo(160);
        // a cover file removed from the output folder
        Files.delete(dir.resolve("markout/second-dev_100x50.png"));
        assertThat(drawn(build())).isEqualTo(1);
        assertThat(dir.resolve("markout/second-dev_100x50.png")).exists();

        // what the warm builds left is what a clean build makes
        Map<String, Integer> warmOutput = output();
        new Site(dir).delete("markout").delete(".markata.cache");
        assertThat(drawn(build())).isEqualTo(2);
        assertThat(output()).isEqualTo(warmOutput);
    }

    /**
     * {@code serve --watch} builds again in the same JVM: after the font file is replaced by
     * another release of the same font (same name, other widths), the titles are fitted with
     * the new font's widths, as a clean build fits them.
     */
    @Test
    void aFontReplacedByAnotherOfTheSameNameFitsTheTitlesWithItsOwnWidths() throws Exception {
        site("white");
        build();
        BoxFont.write(dir.resolve("static/box.ttf"), 2 * BoxFont.ADVANCE);
        assertThat(drawn(build())).isEqualTo(2);

        // "First" in the 360 x 160 box of the 400 x 200 cover: 70 px (5 characters of 70 px),
        // each box 63 px wide, all of them inside the padding of 20 px
        BufferedImage dev = cover("first-dev.png");
        int red = 0xffff0000;
        assertThat(inRow(dev, 100, red)).isBetween(5 * 62, 5 * 64);
        for (int y = 0; y < dev.getHeight(); y++) {
            for (int x : new int[] {0, 19, 380, 399}) {
                assertThat(dev.getRGB(x, y)).as("pixel %d,%d in the padding", x, y).isNotEqualTo(red);
            }
        }
        // the font is loaded from a copy named by its digest; the first release's copy is gone
        try (Stream<Path> copies = Files.list(dir.resolve(".markata.cache/" + CoverArt.FONT_COPIES))) {
            assertThat(copies.map(copy -> copy.getFileName().toString()))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).endsWith("-box.ttf");
        }
    }

    @Test
    void aMissingTemplateOrFontStopsTheBuildNamingTheKeyAndTheFile() throws Exception {
        site("white");
        Files.delete(dir.resolve("static/box.ttf"));
        Files.delete(dir.resolve("static/og-template.png"));
        ConfigException error = configError();
        assertThat(error.getMessage())
                .contains("[markata.covers[0]] font = \"static/box.ttf\": there is no such file ("
                        + dir.resolve("static/box.ttf"))
                .contains("[markata.covers[1]] template = \"static/og-template.png\": there is no such file");
        assertThat(dir.resolve("markout")).doesNotExist();

        Files.createDirectories(dir.resolve("static/box.ttf"));
        assertThat(configError().getMessage()).contains("[markata.covers[0]] font = \"static/box.ttf\": this is a"
                + " folder, where a file is needed (" + dir.resolve("static/box.ttf") + ")");
    }

    @Test
    void aWrongValueIsAnErrorThatSaysWhatIsAllowed() throws Exception {
        new Site(dir).write("markata.toml", """
                [[markata.covers]]
                name = "-a"
                font_color = "reddish"
                padding = [1, 2, 3, 4, 5]
                [[markata.covers]]
                name = "-a"
                """);
        ConfigException error = configError();
        assertThat(error.getMessage())
                .contains("[markata.covers[0]] font_color = \"reddish\": must be a colour as Pillow reads it")
                .contains("[markata.covers[0]] padding = [1, 2, 3, 4, 5]: must be a list of 1 to 4 pixel counts");
        new Site(dir).write("markata.toml", """
                [[markata.covers]]
                name = "-a"
                [[markata.covers]]
                name = "-a"
                """);
        error = configError();
        assertThat(error.getMessage()).contains("[markata.covers[1]] name = \"-a\": another cover has this name");
    }

    @Test
    void aSiteWithoutCoversGetsNoneAndNoCacheFile() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"x\"\n").post("posts/a.md", "title: A", "A.");
        BuildResult result = build();
        assertThat(result.plugins()).contains(CoversPlugin.ID);
        assertThat(dir.resolve("markout/a.png")).doesNotExist();
        assertThat(dir.resolve(".markata.cache/" + CoversPlugin.KEYS_FILE)).doesNotExist();
    }

    @Test
    void withoutAFontTheTitleIsSetInTheJdksSansSerif() throws Exception {
        new Site(dir).write("markata.toml", """
                [[markata.covers]]
                name = "-plain"
                font_color = "#ffff00"
                """).post("posts/a.md", "title: WWWW", "A.");
        build();
        BufferedImage image = cover("a-plain.png");
        assertThat(image.getWidth()).isEqualTo(800);
        long yellow = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == 0xffffff00) {
                    yellow++;
                }
            }
        }
        assertThat(yellow).isGreaterThan(1000);
    }
}
