package dev.markata.plugins.covers;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code [[markata.covers]]}: one entry per image each post gets, with markata's keys and
 * defaults. A site without the key gets no covers (as in markata, whose hook returns at once).
 *
 * @param name          appended to the post's slug: the cover is {@code <slug><name>.png} in
 *                      {@code output_dir} (default {@code ""}: {@code <slug>.png}); names must differ
 * @param template      the image the title is drawn on, relative to the site folder; none: an
 *                      800x450 black image, as markata makes one
 * @param font          a TrueType or OpenType font file for the title; none: the JDK's
 *                      {@code SansSerif} (markata falls back to Pillow's small bitmap font)
 * @param fontColor     the title's colour (default white, Pillow's ink when none is given)
 * @param padding       1 to 4 pixel counts around the box the title is fitted into, as markata
 *                      reads them: 4 are left, top, right, bottom; 3 are left, top, right with
 *                      bottom = top; 2 repeat, 1 is all four (default {@code [200, 100]})
 * @param textKey       a post field drawn as a second text (e.g. {@code "description"}), cut into
 *                      lines of 60 characters as markata does; none: only the title
 * @param textFont      the second text's font (default: {@code font})
 * @param textFontColor the second text's colour (default white)
 * @param textPadding   the second text's box, as {@code padding} (default {@code [200, 100]})
 * @param resizes       widths of smaller copies, each {@code <slug><name>_<w>x<h>.png}, the height
 *                      keeping the image's ratio
 * @param table         where the entry was written, for messages
 * @param keyPrefix     what the keys are called in {@code table} before their names here: "" for
 *                      {@code [[markata.covers]]}, {@code "cover_"} for create_covers' keys at the
 *                      top of {@code [markata]} ({@code cover_template}...), for messages
 */
record CoversConfig(String name, Optional<String> template, Optional<String> font, CoverColor fontColor,
                    List<Integer> padding, Optional<String> textKey, Optional<String> textFont,
                    CoverColor textFontColor, List<Integer> textPadding, List<Integer> resizes,
                    ConfigTable table, String keyPrefix) {

    static final List<Integer> DEFAULT_PADDING = List.of(200, 100);

    /** Read through "covers_config": markata's {@code covers} key is an array of tables. */
    static final ConfigSection<List<CoversConfig>> SECTION = new ConfigSection<>("covers_config", CoversConfig::readAll);

    private static List<CoversConfig> readAll(ConfigTable section, ConfigTable markata) throws ConfigException {
        List<CoversConfig> covers = new ArrayList<>();
        ConfigProblems problems = new ConfigProblems();
        for (ConfigTable table : markata.tables("covers")) {
            CoversConfig cover = problems.read(() -> read(table), null);
            if (cover != null) {
                covers.add(cover);
            }
        }
        Set<String> names = new HashSet<>();
        for (CoversConfig cover : covers) {
            if (!names.add(cover.name())) {
                problems.add(cover.table().error("name", "another cover has this name, and both would be written"
                        + " to <slug>" + cover.name() + ".png; give each [[markata.covers]] its own name"));
            }
        }
        problems.throwIfAny();
        return List.copyOf(covers);
    }

    private static CoversConfig read(ConfigTable table) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        String name = problems.read(() -> table.string("name", ""), "");
        Optional<String> template = problems.read(() -> table.optionalString("template"), Optional.empty());
        Optional<String> font = problems.read(() -> table.optionalString("font"), Optional.empty());
        CoverColor fontColor = problems.read(() -> color(table, "font_color"), CoverColor.WHITE);
        List<Integer> padding = problems.read(() -> padding(table, "padding"), DEFAULT_PADDING);
        Optional<String> textKey = problems.read(() -> table.optionalString("text_key"), Optional.empty());
        Optional<String> textFont = problems.read(() -> table.optionalString("text_font"), Optional.empty());
        CoverColor textFontColor = problems.read(() -> color(table, "text_font_color"), CoverColor.WHITE);
        List<Integer> textPadding = problems.read(() -> padding(table, "text_padding"), DEFAULT_PADDING);
        List<Integer> resizes = problems.read(() -> resizes(table), List.of());
        problems.throwIfAny();
        return new CoversConfig(name, template, font, fontColor, padding, textKey, textFont.or(() -> font),
                textFontColor, textPadding, resizes, table, "");
    }

    /** Read through "create_covers": markata's create_covers reads its keys at the top of {@code [markata]}. */
    static final ConfigSection<CoversConfig> CREATE_COVERS = new ConfigSection<>("create_covers",
            (section, markata) -> createCovers(markata));

    /**
     * markata's create_covers as one cover: {@code cover_template} (required, as markata fails
     * without it), the title in {@code cover_font} (the JDK's {@code SansSerif} without one) and
     * {@code cover_font_color} (white without one; markata reads the key and draws white whatever
     * it says), fitted into markata's box, 200 pixels in from the sides and 100 from top and bottom.
     */
    private static CoversConfig createCovers(ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        Optional<String> template = problems.read(() -> markata.optionalString("cover_template"), Optional.empty());
        Optional<String> font = problems.read(() -> markata.optionalString("cover_font"), Optional.empty());
        CoverColor color = problems.read(() -> color(markata, "cover_font_color"), CoverColor.WHITE);
        problems.throwIfAny();
        if (template.isEmpty() && !markata.has("cover_template")) {
            throw new ConfigException(markata.source() + ": [" + markata.path() + "] cover_template is not set: "
                    + "markata.plugins.create_covers draws each post's title on that image (a path from the site "
                    + "folder, like \"static/cover-template.png\")");
        }
        return new CoversConfig("", template, font, color, DEFAULT_PADDING, Optional.empty(), font, CoverColor.WHITE,
                DEFAULT_PADDING, List.of(), markata, "cover_");
    }

    private static CoverColor color(ConfigTable table, String key) throws ConfigException {
        Optional<Object> value = table.raw(key);
        if (value.isEmpty()) {
            return CoverColor.WHITE;
        }
        return CoverColor.parse(value.get()).orElseThrow(() -> table.error(key, CoverColor.ALLOWED));
    }

    private static List<Integer> padding(ConfigTable table, String key) throws ConfigException {
        Optional<Object> value = table.raw(key);
        if (value.isEmpty()) {
            return DEFAULT_PADDING;
        }
        List<Integer> numbers = numbers(value.get(), 0);
        if (numbers == null || numbers.isEmpty() || numbers.size() > 4) {
            throw table.error(key, "must be a list of 1 to 4 pixel counts >= 0 (left, top, right, bottom)");
        }
        return numbers;
    }

    private static List<Integer> resizes(ConfigTable table) throws ConfigException {
        Optional<Object> value = table.raw("resizes");
        if (value.isEmpty()) {
            return List.of();
        }
        List<Integer> widths = numbers(value.get(), 1);
        if (widths == null) {
            throw table.error("resizes", "must be a list of widths in pixels > 0, like [500, 250]");
        }
        return widths;
    }

    /** The whole numbers of a TOML array, each at least {@code min}; null when it is not that. */
    private static List<Integer> numbers(Object value, int min) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Number n) || n.doubleValue() < min || n.doubleValue() > 100_000) {
                return null;
            }
            numbers.add((int) Math.round(n.doubleValue()));
        }
        return List.copyOf(numbers);
    }

    /** The padding as four numbers (left, top, right, bottom), as markata's resolve_padding makes them. */
    static int[] box(List<Integer> padding) {
        return switch (padding.size()) {
            case 1 -> new int[] {padding.get(0), padding.get(0), padding.get(0), padding.get(0)};
            case 2 -> new int[] {padding.get(0), padding.get(1), padding.get(0), padding.get(1)};
            case 3 -> new int[] {padding.get(0), padding.get(1), padding.get(2), padding.get(1)};
            default -> new int[] {padding.get(0), padding.get(1), padding.get(2), padding.get(3)};
        };
    }

    /**
     * The files this cover reads, checked before the build starts: a missing or unreadable one
     * is an error naming the key and the file, not a failure per post in the middle of save.
     */
    void checkFiles(Path site) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        check(site, "template", template, problems);
        check(site, "font", table.raw(keyPrefix + "font").isPresent() ? font : Optional.empty(), problems);
        check(site, "text_font", table.raw(keyPrefix + "text_font").isPresent() ? textFont : Optional.empty(), problems);
        problems.throwIfAny();
    }

    private void check(Path site, String key, Optional<String> file, ConfigProblems problems) {
        if (file.isEmpty()) {
            return;
        }
        Path path = site.resolve(file.get()).normalize();
        if (Files.isDirectory(path)) {
            problems.add(table.error(keyPrefix + key, "this is a folder, where a file is needed (" + path + ")"));
        } else if (!Files.isRegularFile(path)) {
            problems.add(table.error(keyPrefix + key, "there is no such file (" + path + ")"));
        } else if (!Files.isReadable(path)) {
            problems.add(table.error(keyPrefix + key, "the file cannot be read (" + path + ": permission denied)"));
        }
    }
}
