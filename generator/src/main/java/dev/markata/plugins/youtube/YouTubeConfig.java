package dev.markata.plugins.youtube;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.regex.Pattern;

/**
 * {@code [markata.youtube]}, with markata-go's keys and defaults (Python markata has no youtube
 * plugin; WaylonWalker's Go port has).
 *
 * @param enabled         whether addresses become embeds ({@code enabled}, default true)
 * @param privacyEnhanced embeds from {@code www.youtube-nocookie.com} ({@code privacy_enhanced},
 *                        default true), else from {@code www.youtube.com}
 * @param containerClass  the class of the {@code div} around the player ({@code container_class},
 *                        default {@code youtube-embed}, which the built-in theme sizes)
 * @param lazyLoad        {@code loading="lazy"} on the player ({@code lazy_load}, default true)
 */
record YouTubeConfig(boolean enabled, boolean privacyEnhanced, String containerClass, boolean lazyLoad) {

    static final String DEFAULT_CLASS = "youtube-embed";
    /** Class names separated by spaces: written into an attribute, so nothing that needs escaping. */
    private static final Pattern CLASSES = Pattern.compile("[A-Za-z_-][A-Za-z0-9_-]*( +[A-Za-z_-][A-Za-z0-9_-]*)*");

    static final ConfigSection<YouTubeConfig> SECTION = new ConfigSection<>("youtube", YouTubeConfig::read);

    private static YouTubeConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        boolean enabled = problems.read(() -> table.bool("enabled", true), true);
        boolean privacy = problems.read(() -> table.bool("privacy_enhanced", true), true);
        String containerClass = problems.read(() -> table.string("container_class", DEFAULT_CLASS), DEFAULT_CLASS).strip();
        if (!CLASSES.matcher(containerClass).matches()) {
            problems.add(table.error("container_class", "must be one or more class names separated by spaces, like"
                    + " \"youtube-embed\" (letters, digits, - and _, not starting with a digit)"));
            containerClass = DEFAULT_CLASS;
        }
        boolean lazy = problems.read(() -> table.bool("lazy_load", true), true);
        problems.throwIfAny();
        return new YouTubeConfig(enabled, privacy, containerClass, lazy);
    }
}
