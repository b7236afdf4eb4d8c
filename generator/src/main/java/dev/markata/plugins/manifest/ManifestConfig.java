package dev.markata.plugins.manifest;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of {@code [markata]} markata's manifest writes, with markata's defaults. They are
 * top-level keys of the site, as in markata, where several plugins share them.
 *
 * @param siteName        {@code site_name}: the manifest's {@code name}; none by default
 * @param shortName       {@code short_name}; none by default
 * @param startUrl        {@code start_url}; by default the site's top, {@code "/"} (markata's), or
 *                        {@code "/project/"} under a {@code path_prefix}
 * @param display         {@code display}, default {@code "minimal-ui"}
 * @param backgroundColor {@code background_color}, default {@code "#B73CF6"}
 * @param themeColor      {@code theme_color}, default {@code "#322D39"}
 * @param description     the site's {@code description}; none by default
 * @param icons           {@code [[markata.icons]]}: icons the site lists itself (an SVG, one made
 *                        by hand), each a table of strings ({@code src}, {@code sizes},
 *                        {@code type}, {@code purpose}) written as given, before the resized ones,
 *                        as markata's icon_resize appends to this list
 */
record ManifestConfig(Optional<String> siteName, Optional<String> shortName, Optional<String> startUrl, String display,
                      CssColor backgroundColor, CssColor themeColor, Optional<String> description,
                      List<Map<String, String>> icons) {

    /** The display modes of the Web App Manifest specification. */
    static final List<String> DISPLAYS = List.of("fullscreen", "standalone", "minimal-ui", "browser");

    static final ConfigSection<ManifestConfig> SECTION = new ConfigSection<>("manifest", ManifestConfig::read);

    private static ManifestConfig read(ConfigTable section, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        ManifestConfig config = new ManifestConfig(
                problems.read(() -> text(markata, "site_name"), Optional.empty()),
                problems.read(() -> text(markata, "short_name"), Optional.empty()),
                problems.read(() -> markata.optionalString("start_url").map(String::strip), Optional.empty()),
                problems.read(() -> markata.choice("display", "minimal-ui", DISPLAYS), "minimal-ui"),
                problems.read(() -> color(markata, "background_color", "#B73CF6"), CssColor.parse("#B73CF6")),
                problems.read(() -> color(markata, "theme_color", "#322D39"), CssColor.parse("#322D39")),
                problems.read(() -> text(markata, "description"), Optional.empty()),
                problems.read(() -> icons(markata), List.of()));
        problems.throwIfAny();
        return config;
    }

    /** A string key, stripped as markata's configuration strips its strings; absent is none. */
    private static Optional<String> text(ConfigTable markata, String key) throws ConfigException {
        return markata.optionalString(key).map(String::strip);
    }

    private static List<Map<String, String>> icons(ConfigTable markata) throws ConfigException {
        List<Map<String, String>> icons = new ArrayList<>();
        for (ConfigTable icon : markata.tables("icons")) {
            Map<String, String> entry = new LinkedHashMap<>();
            for (Map.Entry<String, Object> field : icon.asMap().entrySet()) {
                if (!(field.getValue() instanceof String value)) {
                    throw markata.error("icons", "every icon is a table of strings, like {src = \"/logo.svg\","
                            + " sizes = \"any\", type = \"image/svg+xml\"}; " + field.getKey() + " is not a string");
                }
                entry.put(field.getKey(), value);
            }
            icons.add(entry);
        }
        return List.copyOf(icons);
    }

    private static CssColor color(ConfigTable markata, String key, String fallback) throws ConfigException {
        String text = markata.string(key, fallback);
        try {
            return CssColor.parse(text);
        } catch (IllegalArgumentException e) {
            throw markata.error(key, e.getMessage() + "; allowed: " + CssColor.ALLOWED);
        }
    }
}
