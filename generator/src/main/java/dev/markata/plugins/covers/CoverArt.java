package dev.markata.plugins.covers;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.PluginException;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.profiler.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Draws the covers of one {@code [[markata.covers]]} entry: the template and fonts are loaded
 * once per build (on the build thread, before the per-post tasks), then each task copies the
 * template and draws its post's title on the copy. Read-only after construction, so the tasks
 * share it.
 *
 * <p>The title is fitted as markata fits it: one size for the whole text, starting at 250 points
 * and going down by 10 until the text fits the padded box, then centred in the box, each line
 * centred. The second text ({@code text_key}) is cut into lines of 60 characters first.
 *
 * <p>AWT runs headless (set before its first class loads here: a build has no display, and a
 * window-system toolkit would be loaded for nothing), and ImageIO keeps no cache file in the
 * system's temporary folder: nothing of a build is written outside {@code output_dir}.
 */
final class CoverArt {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        ImageIO.setUseCache(false);
    }

    /** markata's first size, and its step down while the text does not fit. */
    static final int LARGEST_SIZE = 250;
    static final int SIZE_STEP = 10;
    /** Pixels between lines, Pillow's default for multi-line text. */
    static final int LINE_SPACING = 4;
    /** markata's line length for the second text. */
    static final int TEXT_LINE = 60;
    /** markata's image when a cover has no template. */
    static final int PLAIN_WIDTH = 800;
    static final int PLAIN_HEIGHT = 450;

    /** The folder of {@code .markata.cache} that holds the fonts' copies ({@link #fontCopy}). */
    static final String FONT_COPIES = "covers-fonts";
    private static final String NOT_AN_IMAGE = " is not an image Java can read (PNG, JPEG, GIF or BMP)";
    private static final FontRenderContext MEASURE = new FontRenderContext(null, true, true);

    private final CoversConfig config;
    private final BufferedImage template;
    private final Font font;
    private final Font textFont;
    private final Set<Path> fontCopies;

    private CoverArt(CoversConfig config, BufferedImage template, Font font, Font textFont, Set<Path> fontCopies) {
        this.config = config;
        this.template = template;
        this.font = font;
        this.textFont = textFont;
        this.fontCopies = Set.copyOf(fontCopies);
    }

    /** The copies of fonts ({@link #fontCopy}) this cover's fonts were loaded from. */
    Set<Path> fontCopies() {
        return fontCopies;
    }

    /**
     * Loads the cover's template and fonts from the site folder, each font through its copy in
     * {@code cacheDir} ({@link #fontCopy}).
     *
     * @throws PluginException naming the key and the file when one cannot be read as an image or font
     */
    static CoverArt load(CoversConfig config, Path site, Path cacheDir) throws PluginException {
        return load(config, site, cacheDir, (file, write) -> {
            try {
                write.write();
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes a file of the cache and says whether it did: {@link BuildContext#writeCache}. */
    @FunctionalInterface
    interface CacheWriter {
        boolean write(Path file, BuildContext.CacheWrite write);
    }

    /** {@link #load}, the copies of fonts written by {@code cache}. */
    static CoverArt load(CoversConfig config, Path site, Path cacheDir, CacheWriter cache) throws PluginException {
        BufferedImage template = config.template().isPresent()
                ? template(config, site.resolve(config.template().get()).normalize())
                : new BufferedImage(PLAIN_WIDTH, PLAIN_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Set<Path> fontCopies = new HashSet<>();
        Font font = font(config, "font", config.font(), site, cacheDir, cache, fontCopies);
        Font textFont = config.textFont().equals(config.font()) ? font
                : font(config, "text_font", config.textFont(), site, cacheDir, cache, fontCopies);
        return new CoverArt(config, template, font, textFont, fontCopies);
    }

    private static BufferedImage template(CoversConfig config, Path file) throws PluginException {
        BufferedImage read;
        try {
            read = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw problem(config, "template", file + " cannot be read as an image (" + e.getMessage() + ")");
        }
        if (read == null) {
            throw problem(config, "template", file + NOT_AN_IMAGE);
        }
        // one layout for every copy: 8-bit RGB, with alpha when the template has it
        BufferedImage image = new BufferedImage(read.getWidth(), read.getHeight(),
                read.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.drawImage(read, 0, 0, null);
        g.dispose();
        return image;
    }

    private static Font font(CoversConfig config, String key, Optional<String> path, Path site, Path cacheDir,
            CacheWriter cache, Set<Path> copies) throws PluginException {
        if (path.isEmpty()) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, LARGEST_SIZE);
        }
        Path file = site.resolve(path.get()).normalize();
        try {
            // from a file: from a stream, Java would copy the font to the system's temporary folder
            Path copy = fontCopy(file, cacheDir, cache);
            copies.add(copy);
            return Font.createFont(Font.TRUETYPE_FONT, copy.toFile());
        } catch (FontFormatException e) {
            throw problem(config, key, file + " is not a TrueType or OpenType font Java can load (" + e.getMessage()
                    + ")");
        } catch (IOException e) {
            throw problem(config, key, file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * The font's bytes in a file of {@code cacheDir}'s {@value #FONT_COPIES} folder named by
     * their digest, which the font is loaded from. The JDK keeps what it made of a font (its
     * HarfBuzz face, which sets and measures text) under the font's name and file path for as
     * long as the JVM runs, so a {@code serve --watch} that had drawn covers went on setting
     * titles with the first font's widths after the file was replaced by another release of the
     * same font (titles too large for the padding). A path per content never meets an older
     * font. Written once per version of the font, atomically; where the cache cannot be written
     * (a full disk) the font is loaded from its own file, as it was before there were copies.
     */
    static Path fontCopy(Path file, Path cacheDir, CacheWriter cache) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path copy = cacheDir.resolve(FONT_COPIES).resolve(new Hashing().add(bytes).hex() + "-" + file.getFileName());
        if (!Files.isRegularFile(copy) && !cache.write(copy, () -> {
            Files.createDirectories(copy.getParent());
            AtomicFiles.write(copy, bytes);
        })) {
            return file;
        }
        return copy;
    }

    /** Deletes the copies of fonts in {@code cacheDir} that no cover loads any more. */
    static void deleteOtherFontCopies(Path cacheDir, Set<Path> used) throws IOException {
        Path folder = cacheDir.resolve(FONT_COPIES);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> copies = Files.list(folder)) {
            for (Path copy : copies.filter(copy -> !used.contains(copy)).toList()) {
                Files.deleteIfExists(copy);
            }
        }
    }

    private static PluginException problem(CoversConfig config, String key, String why) {
        return new PluginException(config.table().error(config.keyPrefix() + key, why).getMessage());
    }

    /**
     * The cover's files for one post, by name under {@code output_dir}: {@code <slug><name>.png}
     * and a copy per width of {@code resizes}, as PNG bytes.
     */
    Map<String, byte[]> draw(String slug, String title, String text) throws IOException {
        BufferedImage image = new BufferedImage(template.getColorModel(), template.copyData(null),
                template.isAlphaPremultiplied(), null);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            drawText(g, image, font, lines(title, 0), config.fontColor(), CoversConfig.box(config.padding()));
            if (text != null) {
                drawText(g, image, textFont, lines(text.replace("\n", ""), TEXT_LINE), config.textFontColor(),
                        CoversConfig.box(config.textPadding()));
            }
        } finally {
            g.dispose();
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> names = fileNames(config, slug, image.getWidth(), image.getHeight());
        files.put(names.get(0), png(image));
        for (int i = 0; i < config.resizes().size(); i++) {
            int width = config.resizes().get(i);
            int height = Math.max(1, (int) (width * (double) image.getHeight() / image.getWidth()));
            files.put(names.get(i + 1), png(resized(image, width, height)));
        }
        return files;
    }

    /**
     * The names of the files {@link #draw} makes for a slug on a template of the given size,
     * without loading or drawing anything (a warm build checks they are all there).
     */
    static List<String> fileNames(CoversConfig config, String slug, int templateWidth, int templateHeight) {
        List<String> names = new ArrayList<>();
        String stem = slug + config.name();
        names.add(stem + ".png");
        double ratio = (double) templateHeight / templateWidth;
        for (int width : config.resizes()) {
            names.add(stem + "_" + width + "x" + Math.max(1, (int) (width * ratio)) + ".png");
        }
        return names;
    }

    /**
     * The template's width and height from its header, without decoding it (for the names of
     * resized copies); markata's plain 800x450 when the cover has none.
     */
    static int[] size(CoversConfig config, Path site) throws PluginException {
        if (config.template().isEmpty()) {
            return new int[] {PLAIN_WIDTH, PLAIN_HEIGHT};
        }
        Path file = site.resolve(config.template().get()).normalize();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw problem(config, "template", file + NOT_AN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw problem(config, "template", file + " cannot be read as an image (" + e.getMessage() + ")");
        }
    }

    /** The text's lines: its own line breaks, and cut every {@code every} characters when not 0. */
    static List<String> lines(String text, int every) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (every <= 0 || line.length() <= every) {
                lines.add(line);
                continue;
            }
            int[] characters = line.codePoints().toArray(); // as Python counts them
            for (int i = 0; i < characters.length; i += every) {
                lines.add(new String(characters, i, Math.min(every, characters.length - i)));
            }
        }
        return lines;
    }

    /** The largest of markata's sizes (250, 240, ... then 9 down to 1) at which the lines fit the box. */
    static Font fit(Font base, List<String> lines, int width, int height) {
        Font font = base.deriveFont((float) LARGEST_SIZE);
        for (int size = LARGEST_SIZE; size >= 1; size -= size > SIZE_STEP ? SIZE_STEP : 1) {
            font = base.deriveFont((float) size);
            double[] extent = extent(font, lines);
            // in whole pixels, as Pillow measures (and so 400.0001 is 400)
            if (Math.round(extent[0]) <= width && Math.round(extent[1]) <= height) {
                return font;
            }
        }
        return font;
    }

    /** Width and height of the lines set in {@code font}: the widest line; line heights plus spacing. */
    private static double[] extent(Font font, List<String> lines) {
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, width(font, line));
        }
        return new double[] {width, lines.size() * lineHeight(font) + (lines.size() - 1) * LINE_SPACING};
    }

    /**
     * The line's advance in {@code font}, what {@code Font.getStringBounds} gives, but taken from
     * this font's own glyphs: {@code getStringBounds} reads the widths of plain text from a cache
     * of the JDK's keyed by the font's name and size, not its file. A {@code serve --watch} that
     * drew covers with a font kept measuring titles with that first font's widths after the file
     * was replaced by another release of the same font (titles set too large, out of the
     * padding), and a font file since deleted measured 0 wide.
     */
    private static double width(Font font, String line) {
        return line.isEmpty() ? 0 : new TextLayout(line, font, MEASURE).getAdvance();
    }

    private static double lineHeight(Font font) {
        LineMetrics metrics = font.getLineMetrics("Hg", MEASURE);
        return metrics.getAscent() + metrics.getDescent();
    }

    private static void drawText(Graphics2D g, BufferedImage image, Font base, List<String> lines, CoverColor color,
                                 int[] padding) {
        if (lines.stream().allMatch(String::isEmpty)) {
            return;
        }
        int x1 = padding[0];
        int y1 = padding[1];
        int boxWidth = image.getWidth() - padding[2] - x1;
        int boxHeight = image.getHeight() - padding[3] - y1;
        Font font = fit(base, lines, Math.max(boxWidth, 1), Math.max(boxHeight, 1));
        double[] extent = extent(font, lines);
        double ascent = font.getLineMetrics("Hg", MEASURE).getAscent();
        double top = y1 + (boxHeight - extent[1]) / 2;
        g.setFont(font);
        g.setColor(new Color(color.argb(), true));
        double lineStep = lineHeight(font) + LINE_SPACING;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            double lineWidth = width(font, line);
            g.drawString(line, (float) (x1 + (boxWidth - lineWidth) / 2), (float) (top + ascent + i * lineStep));
        }
    }

    /**
     * A smaller (or larger) copy. Down to half the size at a time, each step bilinear: one
     * bilinear step to a far smaller size would skip most pixels (aliasing), and the JDK's
     * area-averaging {@code getScaledInstance} took a third of a cover's drawing.
     */
    static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            BufferedImage step = new BufferedImage(w, h, image.getType());
            Graphics2D g = step.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = step;
        } while (w != width || h != height);
        return current;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("this Java has no PNG writer");
        }
        return bytes.toByteArray();
    }
}
