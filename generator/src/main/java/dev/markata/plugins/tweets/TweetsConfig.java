package dev.markata.plugins.tweets;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code [markata.tweets]}: Twitter's own embed options, as its embed code writes them.
 *
 * @param enabled   whether addresses become embeds ({@code enabled}, default true)
 * @param scriptUrl Twitter's script that turns the quotes into tweets ({@code script_url},
 *                  default {@code https://platform.twitter.com/widgets.js}; a path from the
 *                  site's root for a copy; {@code ""} for none: the quotes stay links and pages
 *                  make no request to Twitter)
 * @param theme     {@code light} (default) or {@code dark}: {@code data-theme}
 * @param dnt       {@code data-dnt="true"}: asks Twitter not to track the reader ({@code dnt}, default false)
 */
record TweetsConfig(boolean enabled, String scriptUrl, String theme, boolean dnt) {

    static final String DEFAULT_SCRIPT_URL = "https://platform.twitter.com/widgets.js";
    static final List<String> THEMES = List.of("light", "dark");
    /** An address written into an attribute: no quotes, spaces, backslashes or angle brackets. */
    private static final Pattern SCRIPT_URL = Pattern.compile("((https?://|/)[^\\s'\"`\\\\<>]+)?");

    static final ConfigSection<TweetsConfig> SECTION = new ConfigSection<>("tweets", TweetsConfig::read);

    private static TweetsConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        boolean enabled = problems.read(() -> table.bool("enabled", true), true);
        String url = problems.read(() -> table.string("script_url", DEFAULT_SCRIPT_URL), DEFAULT_SCRIPT_URL).strip();
        if (!SCRIPT_URL.matcher(url).matches()) {
            problems.add(table.error("script_url", "must be an https:// or http:// address, a path from the site's root"
                    + " (like \"/js/widgets.js\") without spaces, quotes, backslashes, < or >, or \"\" for no script"));
            url = DEFAULT_SCRIPT_URL;
        }
        String theme = problems.read(() -> table.choice("theme", "light", THEMES), "light");
        boolean dnt = problems.read(() -> table.bool("dnt", false), false);
        problems.throwIfAny();
        return new TweetsConfig(enabled, url, theme, dnt);
    }
}
