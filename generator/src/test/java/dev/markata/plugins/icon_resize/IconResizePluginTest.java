package dev.markata.plugins.icon_resize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IconResizePluginTest {

    @TempDir
    Path dir;

    /** A {@code width} x {@code height} image: transparent, with an opaque {@code rgb} square in its middle half. */
    static BufferedImage image(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = height / 4; y < height * 3 / 4; y++) {
            for (int x = width / 4; x < width * 3 / 4; x++) {
                image.setRGB(x, y, 0xff000000 | rgb);
            }
        }
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    private Site site(String toml, byte[] icon, String iconPath) throws IOException {
        Site site = new Site(dir).write("markata.toml", toml).post("posts/a.md", "title: A", "Alpha.");
        Files.createDirectories(dir.resolve(iconPath).getParent());
        Files.write(dir.resolve(iconPath), icon);
        return site;
    }

    private BuildResult build() throws Exception {
        return Builds.withoutWarnings(dir);
    }

    private BufferedImage output(String name) throws IOException {
        return ImageIO.read(dir.resolve("markout").resolve(name).toFile());
    }

    @Test
    void theIconIsResizedToMarkatasWidthsWithItsShapeAndName() throws Exception {
        // in the default set; found in assets_dir as markata finds it
        site("[markata]\nicon = \"icon.png\"\n", png(image(100, 80, 0xff0000)), "static/icon.png");
        build();
        for (int width : List.of(48, 72, 96, 144, 192, 256, 384, 512)) {
            int height = (int) (80 * (width / 100.0));
            BufferedImage icon = output("icon_" + width + "x" + height + ".png");
            assertThat(icon.getWidth()).isEqualTo(width);
            assertThat(icon.getHeight()).isEqualTo(height);
            // the red square in the middle, the transparent border around it
            assertThat(icon.getRGB(width / 2, height / 2)).isEqualTo(0xffff0000);
            assertThat(icon.getRGB(1, 1) >>> 24).isEqualTo(0);
        }
        assertThat(dir.resolve("markout/icon_48x38.png")).exists();
    }

    @Test
    void iconOutFileNamesTheFilesAndTheirFormat() throws Exception {
        site("[markata]\nicon = \"art/logo.png\"\nicon_out_file = \"markout/favicon.jpg\"\n",
                png(image(64, 64, 0x0000ff)), "art/logo.png");
        build();
        BufferedImage jpeg = output("favicon_96x96.jpg");
        assertThat(jpeg.getColorModel().hasAlpha()).isFalse();
        int centre = jpeg.getRGB(48, 48);
        assertThat(centre & 0xff).isGreaterThan(230); // blue
        assertThat(jpeg.getRGB(2, 2) & 0xffffff).isGreaterThan(0xf0f0f0); // transparency laid on white
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "bmp", "PNG"})
    void everySuffixItAcceptsIsWrittenInItsFormat(String suffix) throws Exception {
        site("[markata]\nicon = \"icon.png\"\nicon_out_file = \"icon." + suffix + "\"\n",
                png(image(64, 64, 0xff0000)), "static/icon.png");
        build();
        Path file = dir.resolve("markout/icon_72x72." + suffix);
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            assertThat(ImageIO.getImageReaders(in).next().getFormatName()).isEqualToIgnoringCase(suffix);
        }
        assertThat(ImageIO.read(file.toFile()).getRGB(36, 36) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void anIcoIsAnIconFileHoldingPngImagesOfTheSizesThatFit() throws Exception {
        site("[markata]\nicon = \"static/icon.png\"\nicon_out_file = \"favicon.ico\"\n",
                png(image(600, 600, 0x00ff00)), "static/icon.png");
        build();
        byte[] ico = Files.readAllBytes(dir.resolve("markout/favicon_48x48.ico"));
        ByteBuffer in = ByteBuffer.wrap(ico).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getShort(0)).isEqualTo((short) 0);
        assertThat(in.getShort(2)).isEqualTo((short) 1);
        int count = in.getShort(4);
        assertThat(count).isEqualTo(4); // 16, 24, 32 and 48: Pillow's sizes up to the image's
        for (int i = 0; i < count; i++) {
            int side = ico[6 + 16 * i] & 0xff;
            int length = in.getInt(6 + 16 * i + 8);
            int offset = in.getInt(6 + 16 * i + 12);
            BufferedImage frame = ImageIO.read(new ByteArrayInputStream(ico, offset, length));
            assertThat(frame.getWidth()).isEqualTo(side);
            assertThat(frame.getRGB(side / 2, side / 2)).isEqualTo(0xff00ff00);
        }
        // 256 is written as 0 in the directory; the 512 icon holds 16 to 256
        byte[] large = Files.readAllBytes(dir.resolve("markout/favicon_512x512.ico"));
        assertThat(large[4]).isEqualTo((byte) 7);
        assertThat(large[6 + 16 * 6]).isEqualTo((byte) 0);
        // and this plugin reads its own ICO back, largest image first
        BufferedImage read = IconImages.decode(large);
        assertThat(read.getWidth()).isEqualTo(256);
    }

    @Test
    void anIcoWithABitmapImageIsReadWithItsMask() throws Exception {
        // a 24-bit 2x2 bitmap: bottom row red, top row blue, its top-left pixel masked out
        ByteBuffer dib = ByteBuffer.allocate(40 + 2 * 8 + 2 * 4).order(ByteOrder.LITTLE_ENDIAN);
        dib.putInt(40).putInt(2).putInt(4).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
                .putInt(0).putInt(0).putInt(0).putInt(0);
        dib.put(new byte[] {0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0}); // bottom row, BGR, padded to 8
        dib.put(new byte[] {(byte) 255, 0, 0, (byte) 255, 0, 0, 0, 0}); // top row
        dib.put(new byte[] {0, 0, 0, 0}); // mask, bottom row: all shown
        dib.put(new byte[] {(byte) 0x80, 0, 0, 0}); // top row: the first pixel transparent
        byte[] image = dib.array();
        ByteBuffer ico = ByteBuffer.allocate(6 + 16 + image.length).order(ByteOrder.LITTLE_ENDIAN);
        ico.putShort((short) 0).putShort((short) 1).putShort((short) 1).put((byte) 2).put((byte) 2).put((byte) 0)
                .put((byte) 0).putShort((short) 1).putShort((short) 24).putInt(image.length).putInt(22).put(image);
        BufferedImage read = IconImages.decode(ico.array());
        assertThat(read.getRGB(0, 0) >>> 24).isEqualTo(0);
        assertThat(read.getRGB(1, 0)).isEqualTo(0xff0000ff);
        assertThat(read.getRGB(0, 1)).isEqualTo(0xffff0000);
    }

    @Test
    void aWarmBuildLeavesTheIconsAloneAndAReplacedIconIsResizedAgain() throws Exception {
        site("[markata]\nicon = \"icon.png\"\n", png(image(64, 64, 0xff0000)), "static/icon.png");
        build();
        Path small = dir.resolve("markout/icon_48x48.png");
        byte[] first = Files.readAllBytes(small);
        // a mark only a resize would undo: a warm build with the same icon does not decode, resize or write
        Files.write(small, new byte[] {1, 2, 3});
        build();
        assertThat(Files.readAllBytes(small)).containsExactly(1, 2, 3);
        // a missing file is made again
        Files.delete(small);
        build();
        assertThat(Files.readAllBytes(small)).isEqualTo(first);
        // a new icon (another colour and shape) gives new files
        Files.write(dir.resolve("static/icon.png"), png(image(64, 32, 0x00ff00)));
        build();
        assertThat(output("icon_48x24.png").getRGB(24, 12)).isEqualTo(0xff00ff00);
        Files.write(dir.resolve("static/icon.png"), png(image(64, 64, 0x0000ff)));
        build();
        assertThat(output("icon_48x48.png").getRGB(24, 24)).isEqualTo(0xff0000ff);
    }

    /** A page and a feed page that list {@code config.icons}, as a site's head template would. */
    private static final String ICON_LIST = "{% for i in config.icons %}[{{ i.src }} {{ i.sizes }} {{ i.type }}"
            + " {{ i.purpose }}]{% endfor %}";

    @Test
    void theResizedIconsAreInConfigIconsForTemplatesAfterTheSitesOwn() throws Exception {
        // markata's icon_resize appends each resized icon to config.icons in render, so templates
        // (a head that links every size) loop over them; the site's [[markata.icons]] come first
        site("[markata]\nicon = \"icon.png\"\nhooks = [\"default\", \"markata.plugins.manifest\"]\n"
                + "[[markata.icons]]\nsrc = \"/own.png\"\nsizes = \"16x16\"\ntype = \"image/png\"\n",
                png(image(100, 80, 0xff0000)), "static/icon.png");
        new Site(dir).write("templates/post.html", "post " + ICON_LIST)
                .write("templates/feed.html", "feed {% for i in markata.config.icons %}{{ i.src }};{% endfor %}");
        build();
        String page = new Site(dir).read("markout/a/index.html");
        assertThat(page).startsWith("post [/own.png 16x16 image/png ][icon_48x38.png 48x48 image/png any maskable]"
                + "[icon_72x57.png 72x72 image/png any maskable][icon_96x76.png 96x96 image/png any maskable]")
                .endsWith("[icon_512x409.png 512x512 image/png any maskable]");
        assertThat(new Site(dir).read("markout/archive/index.html")).isEqualTo("feed /own.png;icon_48x38.png;"
                + "icon_72x57.png;icon_96x76.png;icon_144x115.png;icon_192x153.png;icon_256x204.png;icon_384x307.png;"
                + "icon_512x409.png;");
        // an icon of another shape: the pages that list the icons are made again
        Files.write(dir.resolve("static/icon.png"), png(image(100, 100, 0x00ff00)));
        build(); // warm: the page's own key is unchanged
        assertThat(new Site(dir).read("markout/a/index.html")).contains("[icon_48x48.png 48x48 image/png any maskable]");
        assertThat(new Site(dir).read("markout/archive/index.html")).contains(";icon_48x48.png;");
    }

    @Test
    void withoutIconResizeConfigIconsAreTheSitesOwn() throws Exception {
        site("[markata]\nicon = \"icon.png\"\nhooks = [\"default\", \"markata.plugins.manifest\"]\n"
                + "disabled_hooks = [\"markata.plugins.icon_resize\"]\n"
                + "[[markata.icons]]\nsrc = \"/own.png\"\nsizes = \"16x16\"\ntype = \"image/png\"\n",
                png(image(100, 80, 0xff0000)), "static/icon.png");
        new Site(dir).write("templates/post.html", ICON_LIST);
        assertThat(Builds.warnings(dir)).containsExactly("markata.toml: [markata] icon is not a key markata knows"
                + " here; did you mean icons?"); // no plugin reads it
        assertThat(new Site(dir).read("markout/a/index.html")).isEqualTo("[/own.png 16x16 image/png ]");
    }

    @Test
    void aSiteWithoutAnIconGetsNoIcons() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "Alpha.");
        build();
        try (var files = Files.list(dir.resolve("markout"))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.startsWith("icon_"));
        }
    }

    @Test
    void aMissingIconIsAConfigurationErrorNamingWhereItWasLookedFor() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\nicon = \"logo.png\"\n").post("posts/a.md", "title: A", "A.");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("[markata] icon = \"logo.png\"").contains("no such file")
                .contains(dir.resolve("logo.png").toString()).contains(dir.resolve("static/logo.png").toString());
    }

    @Test
    void aSuffixThatCannotBeWrittenIsAConfigurationErrorSayingWhatCan() throws Exception {
        site("[markata]\nicon = \"static/icon.svg\"\n", "<svg/>".getBytes(), "static/icon.svg");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).isEqualTo("markata.toml: [markata] icon = \"static/icon.svg\": markata-java"
                + " resizes icons that are .png, .jpg, .jpeg, .gif, .bmp, .ico files (the resized ones keep the icon's"
                + " format); use a copy of the icon in one of them");
        site("[markata]\nicon = \"static/icon.png\"\nicon_out_file = \"icon.webp\"\n", png(image(8, 8, 0)),
                "static/icon.png");
        error = Builds.configError(dir);
        assertThat(error.getMessage()).isEqualTo("markata.toml: [markata] icon_out_file = \"icon.webp\": its suffix"
                + " names the format of the resized icons, and markata-java writes .png, .jpg, .jpeg, .gif, .bmp, .ico");
    }

    @Test
    void anIconThatIsNoImageFailsTheBuildNamingTheFileAndTheFormatsRead() throws Exception {
        site("[markata]\nicon = \"icon.png\"\n", "not an image".getBytes(), "static/icon.png");
        BuildException error = catchThrowableOfType(this::build, BuildException.class);
        assertThat(error.failure().pluginId()).isEqualTo(IconResizePlugin.ID);
        assertThat(error.failure().problems().get(0).message()).startsWith("static/icon.png: the icon ([markata] icon)"
                + " cannot be read as an image").contains("PNG, JPEG, GIF, BMP and ICO");
    }
}
