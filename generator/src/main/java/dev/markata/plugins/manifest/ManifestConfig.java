package dev.markata.plugins.manifest;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.List;
import java.util.Optional;

/**
 * The keys of {@code [markata]} markata's manifest writes, with markata's defaults. They are
 * top-level keys of the site, as in markata, where several plugins share them.
 *
 * @param siteName        {@code site_name}: the manifest's {@code name}; none by default
 * @param shortName       {@code short_name}; none by default
 * @param startUrl        {@code start_url}, default {@code "/"}
 * @param display         {@code display}, default {@code "minimal-ui"}
 * @param backgroundColor {@code background_color}, default {@code "#B73CF6"}
 * @param themeColor      {@code theme_color}, default {@code "#322D39"}
 * @param description     the site's {@code description}; none by default
 */
record ManifestConfig(Optional<String> siteName, Optional<String> shortName, String startUrl, String display,
                      CssColor backgroundColor, CssColor themeColor, Optional<String> description) {

    /** The display modes of the Web App Manifest specification. */
    static final List<String> DISPLAYS = List.of("fullscreen", "standalone", "minimal-ui", "browser");

    static final ConfigSection<ManifestConfig> SECTION = new ConfigSection<>("manifest", ManifestConfig::read);

    private static ManifestConfig read(ConfigTable section, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        ManifestConfig config = new ManifestConfig(
                problems.read(() -> text(markata, "site_name"), Optional.empty()),
                problems.read(() -> text(markata, "short_name"), Optional.empty()),
                problems.read(() -> markata.string("start_url", "/").strip(), "/"),
                problems.read(() -> markata.choice("display", "minimal-ui", DISPLAYS), "minimal-ui"),
                problems.read(() -> color(markata, "background_color", "#B73CF6"), CssColor.parse("#B73CF6")),
                problems.read(() -> color(markata, "theme_color", "#322D39"), CssColor.parse("#322D39")),
                problems.read(() -> text(markata, "description"), Optional.empty()));
        problems.throwIfAny();
        return config;
    }

    /** A string key, stripped as markata's configuration strips its strings; absent is none. */
    private static Optional<String> text(ConfigTable markata, String key) throws ConfigException {
        return markata.optionalString(key).map(String::strip);
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
