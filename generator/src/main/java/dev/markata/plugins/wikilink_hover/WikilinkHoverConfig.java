package dev.markata.plugins.wikilink_hover;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;

/**
 * {@code [markata.wikilink_hover]}, with markata-go's keys and defaults (Python markata has no
 * such plugin; WaylonWalker's Go port has).
 *
 * @param enabled           whether wikilinks get previews ({@code enabled}, default true)
 * @param previewLength     the longest preview, in characters ({@code preview_length}, default 200)
 * @param includeImage      {@code data-preview-image} from the target's image front matter
 *                          ({@code include_image}, default true)
 * @param screenshotService an address the target's path is appended to for
 *                          {@code data-preview-screenshot} ({@code screenshot_service}, default none)
 */
record WikilinkHoverConfig(boolean enabled, int previewLength, boolean includeImage, String screenshotService) {

    static final int DEFAULT_LENGTH = 200;

    static final ConfigSection<WikilinkHoverConfig> SECTION = new ConfigSection<>("wikilink_hover",
            WikilinkHoverConfig::read);

    private static WikilinkHoverConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        boolean enabled = problems.read(() -> table.bool("enabled", true), true);
        long length = problems.read(() -> table.integer("preview_length", DEFAULT_LENGTH, n -> n > 0 && n <= 100_000,
                "must be a whole number of characters > 0 (and at most 100000)"), (long) DEFAULT_LENGTH);
        boolean image = problems.read(() -> table.bool("include_image", true), true);
        String service = problems.read(() -> table.string("screenshot_service", ""), "").strip();
        if (!service.isEmpty() && !service.matches("https?://\\S+")) {
            problems.add(table.error("screenshot_service", "must be an https:// or http:// address the linked page's"
                    + " path is appended to (like \"https://shots.example/?url=\"), or \"\" for none"));
            service = "";
        }
        problems.throwIfAny();
        return new WikilinkHoverConfig(enabled, (int) length, image, service);
    }
}
