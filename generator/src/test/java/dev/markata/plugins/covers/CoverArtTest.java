package dev.markata.plugins.covers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigTable;
import dev.markata.plugin.PluginException;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverArtTest {

    static final int BACKGROUND = 0xff203040;

    @TempDir
    Path dir;

    /** A plain template PNG of one colour, written into the site folder. */
    static void template(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(BACKGROUND));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static List<CoversConfig> covers(Map<String, Object>... entries) throws ConfigException {
        ConfigTable markata = new ConfigTable("markata.toml", "markata", Map.of("covers", List.of(entries)), Map.of());
        return CoversConfig.SECTION.reader().read(ConfigTable.empty("markata.toml", "markata.covers_config"), markata);
    }

    /** The cover's art from the test's folder, as a build of a site there loads it. */
    private CoverArt load(CoversConfig cover) throws PluginException {
        return CoverArt.load(cover, dir, dir.resolve(".markata.cache"));
    }

    static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void theTitleIsDrawnInTheFontColourInsideThePaddedBoxOnly() throws Exception {
        template(dir.resolve("static/t.png"), 400, 200);
        BoxFont.write(dir.resolve("box.ttf"));
        CoversConfig cover = covers(Map.of("name", "-og", "template", "static/t.png", "font", "box.ttf",
                "font_color", "rgb(255,0,0)", "padding", List.of(40, 50))).get(0);
        Map<String, byte[]> files = load(cover).draw("my-post", "HI", null);

        assertThat(files).containsOnlyKeys("my-post-og.png");
        BufferedImage image = image(files.get("my-post-og.png"));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(200);
        int red = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 400; x++) {
                int rgb = image.getRGB(x, y);
                boolean inBox = x >= 40 && x < 360 && y >= 50 && y < 150;
                if (!inBox) {
                    assertThat(Integer.toHexString(rgb)).as("pixel %d,%d outside the box", x, y)
                            .isEqualTo(Integer.toHexString(BACKGROUND));
                } else if (rgb == 0xffff0000) {
                    red++;
                }
            }
        }
        // the box is 320 x 100: the two boxes of "HI" are set at 100 px (the height decides),
        // each glyph 40 x 70 px of solid red
        assertThat(red).isBetween(2 * 38 * 68, 2 * 41 * 71);
        // centred: the left edge of the first glyph at 40 + (320 - 100) / 2 + 5
        assertThat(image.getRGB(157, 100)).isEqualTo(0xffff0000);
        assertThat(image.getRGB(152, 100)).isEqualTo(BACKGROUND);
    }

    @Test
    void theFontShrinksByMarkatasStepsUntilTheTitleFits() throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, BoxFont.write(dir.resolve("box.ttf")).toFile());
        // each character is half the size wide; a line is the size high
        assertThat(CoverArt.fit(font, List.of("AAAA"), 400, 1000).getSize2D()).isEqualTo(200f);
        assertThat(CoverArt.fit(font, List.of("AAAA"), 1000, 1000).getSize2D()).isEqualTo(250f);
        assertThat(CoverArt.fit(font, List.of("A"), 1000, 125).getSize2D()).isEqualTo(120f);
        // two lines and the spacing between them
        assertThat(CoverArt.fit(font, List.of("A", "A"), 1000, 204).getSize2D()).isEqualTo(100f);
        // below 10, by one
        assertThat(CoverArt.fit(font, List.of("A".repeat(100)), 350, 100).getSize2D()).isEqualTo(7f);
    }

    /**
     * The lead of CoverArtTest's 0-wide Box font: two files of one font (one name) in one JVM,
     * as a long {@code serve --watch} meets them when the cover's font is moved to another file
     * with other widths. Each is measured with its own.
     */
    @Test
    void twoFilesOfOneFontNameAreEachMeasuredWithTheirOwnWidths() throws Exception {
        Font narrow = Font.createFont(Font.TRUETYPE_FONT, BoxFont.write(dir.resolve("narrow.ttf")).toFile());
        assertThat(CoverArt.fit(narrow, List.of("AAAA"), 400, 1000).getSize2D()).isEqualTo(200f);
        Font wide = Font.createFont(Font.TRUETYPE_FONT,
                BoxFont.write(dir.resolve("wide.ttf"), 2 * BoxFont.ADVANCE).toFile());
        assertThat(wide.getFontName()).isEqualTo(narrow.getFontName());
        assertThat(CoverArt.fit(wide, List.of("AAAA"), 400, 1000).getSize2D()).isEqualTo(100f);
    }

    @Test
    void theSecondTextIsCutIntoLinesOfSixtyCharacters() {
        assertThat(CoverArt.lines("a".repeat(130), 60)).containsExactly("a".repeat(60), "a".repeat(60), "a".repeat(10));
        assertThat(CoverArt.lines("😀".repeat(61), 60)).containsExactly("😀".repeat(60), "😀");
        assertThat(CoverArt.lines("Two\nlines", 0)).containsExactly("Two", "lines");
    }

    @Test
    void resizedCopiesKeepTheRatioInTheirNames() throws Exception {
        template(dir.resolve("t.png"), 1000, 420);
        CoversConfig cover = covers(Map.of("name", "", "template", "t.png", "resizes", List.of(500, 250))).get(0);
        Map<String, byte[]> files = load(cover).draw("blog/post", "", null);
        assertThat(files).containsOnlyKeys("blog/post.png", "blog/post_500x210.png", "blog/post_250x105.png");
        assertThat(image(files.get("blog/post_250x105.png")).getWidth()).isEqualTo(250);
        assertThat(image(files.get("blog/post_250x105.png")).getRGB(100, 50)).isEqualTo(BACKGROUND);
        assertThat(CoverArt.fileNames(cover, "blog/post", 1000, 420)).containsExactlyElementsOf(files.keySet());
        assertThat(CoverArt.size(cover, dir)).containsExactly(1000, 420);
    }

    @Test
    void aSmallerCopyAveragesThePixelsItLeavesOut() {
        // one-pixel stripes, black and white: a copy an eighth the size is grey, not stripes
        BufferedImage stripes = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 800; x += 2) {
            for (int y = 0; y < 400; y++) {
                stripes.setRGB(x, y, 0xffffff);
            }
        }
        BufferedImage small = CoverArt.resized(stripes, 100, 50);
        assertThat(small.getWidth()).isEqualTo(100);
        assertThat(small.getHeight()).isEqualTo(50);
        for (int x = 1; x < 99; x++) {
            assertThat(small.getRGB(x, 25) & 0xff).as("pixel %d", x).isBetween(120, 135);
        }
        assertThat(CoverArt.resized(stripes, 1000, 500).getWidth()).isEqualTo(1000);
    }

    @Test
    void withoutATemplateTheCoverIsMarkatasBlackImage() throws Exception {
        CoversConfig cover = covers(Map.of("name", "")).get(0);
        BufferedImage image = image(load(cover).draw("p", "", null).get("p.png"));
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
        assertThat(image.getRGB(10, 10)).isEqualTo(0xff000000);
    }

    @Test
    void aTemplateOrFontThatCannotBeReadIsAnErrorNamingTheKeyAndFile() throws Exception {
        Files.writeString(dir.resolve("notes.png"), "not an image");
        Files.writeString(dir.resolve("font.ttf"), "not a font");
        PluginException image = catchThrowableOfType(() -> load(covers(Map.of("template", "notes.png")).get(0)),
                PluginException.class);
        assertThat(image.getMessage()).contains("[markata.covers[0]] template = \"notes.png\"")
                .contains(dir.resolve("notes.png").toString()).contains("is not an image");
        PluginException font = catchThrowableOfType(() -> load(covers(Map.of("font", "font.ttf")).get(0)),
                PluginException.class);
        assertThat(font.getMessage()).contains("[markata.covers[0]] font = \"font.ttf\"")
                .contains(dir.resolve("font.ttf").toString()).contains("not a TrueType or OpenType font");
    }

    @Test
    void theSecondTextIsDrawnInItsOwnBox() throws Exception {
        template(dir.resolve("t.png"), 400, 200);
        BoxFont.write(dir.resolve("box.ttf"));
        CoversConfig cover = covers(Map.of("template", "t.png", "font", "box.ttf", "padding", List.of(0, 0, 0, 100),
                "text_key", "description", "text_font_color", "#00ff00", "text_padding", List.of(0, 120, 0, 0)))
                .get(0);
        BufferedImage image = image(load(cover).draw("p", "T", "D").get("p.png"));
        // the title in the upper half (white, the default), the text in the lower 80 pixels
        assertThat(image.getRGB(200, 50)).isEqualTo(0xffffffff);
        assertThat(image.getRGB(200, 160)).isEqualTo(0xff00ff00);
        assertThat(image.getRGB(200, 110)).isEqualTo(BACKGROUND);
    }
}
