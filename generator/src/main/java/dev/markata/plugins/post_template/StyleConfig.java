package dev.markata.plugins.post_template;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigTable;
import dev.markata.color.CssColorNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code config.style} as markata's post_template plugin makes it (its {@code Style} model): the
 * {@code theme} (one of markata's palettes, default {@code tokyo-night}) and its {@code light}
 * and {@code dark} colours, the theme's defaults under what {@code [markata.style.light]} and
 * {@code [markata.style.dark]} set, each colour as markata's {@code Color} prints it
 * ({@code #rrggbb}, lower case: {@code "blue-500"}, {@code "white"}, {@code "#F0A"} and
 * {@code "navy"} are read as markata reads them), plus {@code code_theme} (the theme's, else
 * {@code nord}) and {@code background_image}. The palettes are in {@code style-themes.txt}.
 *
 * <p>Each palette's {@code highlight_styles} is the CSS of its {@code code_theme} (one of
 * Pygments' styles, as markata's model allows), as Pygments writes it for {@code .highlight}
 * ({@code code-themes.txt}, made with Pygments): markata's head template puts it in a
 * {@code <style>}. It has the rules of the classes render_markdown's highlighter gives code
 * ({@code .c}, {@code .s}, {@code .m}, {@code .k}, {@code .kc} and the block's background), not
 * Pygments' finer ones, which no code here carries.
 *
 * <p>Other keys of {@code [markata.style]} are kept as written: markata's older templates read
 * flat keys such as {@code config.style.color_bg}, which its current model drops.
 */
final class StyleConfig {

    static final String DEFAULT_THEME = "tokyo-night";
    private static final String DEFAULT_CODE_THEME = "nord";
    /** ThemeStyle's colour fields, in its order. */
    static final List<String> COLOURS = List.of("text", "muted", "heading", "accent", "accent_alt", "background",
            "surface", "code_bg", "blockquote_bg", "blockquote_border", "link_hover", "selection_bg", "selection_text",
            "border");
    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /** Colour names and Tailwind colours ("blue 500") to {@code rrggbb}. */
    private static final Map<String, String> NAMED = new HashMap<>();
    /** Theme name to mode ("light", "dark") to key to value as written there. */
    private static final Map<String, Map<String, Map<String, String>>> THEMES = new LinkedHashMap<>();

    /** Pygments' style name to its rules for render_markdown's classes, one per line. */
    private static final Map<String, String> CODE_THEMES = new LinkedHashMap<>();

    static {
        try (InputStream in = StyleConfig.class.getResourceAsStream("code-themes.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    int space = line.indexOf(' ');
                    CODE_THEMES.merge(line.substring(0, space), line.substring(space + 1), (a, b) -> a + "\n" + b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the code themes shipped in the jar cannot be read", e);
        }
    }

    static {
        try (InputStream in = StyleConfig.class.getResourceAsStream("style-themes.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(" ");
                if (parts[0].equals("colour")) {
                    NAMED.put(parts.length == 3 ? parts[1] : parts[1] + " " + parts[2], parts[parts.length - 1]);
                } else {
                    THEMES.computeIfAbsent(parts[1], k -> new LinkedHashMap<>())
                            .computeIfAbsent(parts[2], k -> new LinkedHashMap<>()).put(parts[3], parts[4]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the style themes shipped in the jar cannot be read", e);
        }
    }

    private StyleConfig() {
    }

    /** {@code config.style} for the {@code [markata]} table. */
    static Map<String, Object> read(ConfigTable markata) throws ConfigException {
        ConfigTable style = markata.table("style");
        String theme = style.choice("theme", DEFAULT_THEME, THEMES.keySet());
        Map<String, Object> view = new LinkedHashMap<>(style.asMap());
        view.put("theme", theme);
        for (String mode : List.of("light", "dark")) {
            view.put(mode, palette(THEMES.get(theme).get(mode), style.table(mode)));
        }
        return view;
    }

    private static final String CODE_THEME_ALLOWED = "must be one of Pygments' styles, as markata's ThemeStyle takes"
            + " them: " + String.join(", ", CODE_THEMES.keySet());

    /** What a colour of {@code [markata.style.light]} or {@code .dark} may be. */
    private static final String COLOUR_ALLOWED = "must be a colour as markata's Color reads it: \"#rrggbb\", \"#rgb\","
            + " a Tailwind colour (\"blue-500\", \"blue\" for its 500) or a colour name (\"white\", \"navy\")";

    private static Map<String, Object> palette(Map<String, String> defaults, ConfigTable set) throws ConfigException {
        Map<String, Object> palette = new LinkedHashMap<>();
        for (String key : COLOURS) {
            Optional<Object> value = set.raw(key);
            if (value.isPresent()) {
                palette.put(key, colour(value.get()).orElseThrow(() -> set.error(key, COLOUR_ALLOWED)));
            } else {
                palette.put(key, colour(defaults.get(key)).orElseThrow());
            }
        }
        palette.put("background_image", set.optionalString("background_image").orElse(null));
        String codeTheme = set.optionalString("code_theme")
                .orElse(defaults.getOrDefault("code_theme", DEFAULT_CODE_THEME));
        if (!CODE_THEMES.containsKey(codeTheme)) {
            throw set.error("code_theme", CODE_THEME_ALLOWED);
        }
        palette.put("code_theme", codeTheme);
        palette.put("highlight_styles", CODE_THEMES.get(codeTheme));
        return palette;
    }

    /**
     * {@code config.style} for a post whose {@code config_overrides} set {@code style}: the
     * site's (already {@code merged} with the post's table, key by key) with the post's colours
     * read as the site's are ({@code "rose-300"} is {@code #fda4af}), so a page's templates see
     * one kind of value whichever side set it. A {@code theme} of the post's own gives its
     * palettes from that theme's defaults (the site's colours were for the site's theme), under
     * the post's colours.
     *
     * @throws IllegalArgumentException naming the key ({@code style.dark.accent}) and what is allowed
     */
    static Map<String, Object> overridden(Map<?, ?> merged, Map<?, ?> site, Map<?, ?> post) {
        Map<String, Object> view = new LinkedHashMap<>();
        merged.forEach((key, value) -> view.put(String.valueOf(key), value));
        Object postTheme = post.get("theme");
        if (postTheme != null && !THEMES.containsKey(String.valueOf(postTheme))) {
            throw new IllegalArgumentException("style.theme: must be one of " + String.join(", ", THEMES.keySet())
                    + ", not " + PythonText.repr(postTheme));
        }
        String theme = String.valueOf(postTheme != null ? postTheme : site.get("theme"));
        boolean ownTheme = postTheme != null && !theme.equals(String.valueOf(site.get("theme")));
        view.put("theme", theme);
        for (String mode : List.of("light", "dark")) {
            Map<String, Object> palette = new LinkedHashMap<>();
            if (ownTheme) {
                Map<String, String> defaults = THEMES.get(theme).get(mode);
                for (String key : COLOURS) {
                    palette.put(key, colour(defaults.get(key)).orElseThrow());
                }
                palette.put("background_image", null);
                palette.put("code_theme", defaults.getOrDefault("code_theme", DEFAULT_CODE_THEME));
                palette.put("highlight_styles", CODE_THEMES.get(String.valueOf(palette.get("code_theme"))));
            } else if (site.get(mode) instanceof Map<?, ?> sitePalette) {
                sitePalette.forEach((key, value) -> palette.put(String.valueOf(key), value));
            }
            if (post.get(mode) instanceof Map<?, ?> own) {
                for (Map.Entry<?, ?> entry : own.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    Object value = entry.getValue();
                    if (COLOURS.contains(key)) {
                        value = colour(value).orElseThrow(() -> new IllegalArgumentException("style." + mode + "."
                                + key + ": " + COLOUR_ALLOWED + ", not " + PythonText.repr(entry.getValue())));
                    }
                    palette.put(key, value);
                }
                if (!CODE_THEMES.containsKey(String.valueOf(palette.get("code_theme")))) {
                    throw new IllegalArgumentException("style." + mode + ".code_theme: " + CODE_THEME_ALLOWED + ", not "
                            + PythonText.repr(palette.get("code_theme")));
                }
                palette.put("highlight_styles", CODE_THEMES.get(String.valueOf(palette.get("code_theme"))));
            } else if (post.containsKey(mode)) {
                throw new IllegalArgumentException("style." + mode + ": must be a table of colours (accent: blue-500),"
                        + " not " + PythonText.repr(post.get(mode)));
            }
            view.put(mode, palette);
        }
        return view;
    }

    /**
     * A colour as markata's {@code Color} takes it, printed as it prints one: a Tailwind colour
     * and shade ({@code blue-500}), a Tailwind colour alone (its 500), {@code black} or
     * {@code white}, else what the {@code colour} package reads (hex, a CSS colour name).
     */
    static Optional<String> colour(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String name = text.strip();
        if (name.contains("-")) {
            String[] parts = name.split("-", -1);
            return parts.length == 2 ? Optional.ofNullable(NAMED.get(parts[0] + " " + parts[1])).map(h -> "#" + h)
                    : Optional.empty();
        }
        String named = NAMED.containsKey(name) ? NAMED.get(name) : NAMED.get(name + " 500");
        if (named != null) {
            return Optional.of("#" + named);
        }
        if (HEX.matcher(name).matches()) {
            String digits = name.substring(1).toLowerCase(Locale.ROOT);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2);
            }
            return Optional.of("#" + digits);
        }
        Integer css = CssColorNames.BY_NAME.get(name.toLowerCase(Locale.ROOT));
        return css == null ? Optional.empty() : Optional.of(String.format("#%06x", css));
    }
}
