package dev.markata.plugins.auto_description;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code [markata.auto_description]}: one table per description a post gets, named after the
 * field it fills, with its length ({@code [markata.auto_description.super_description] len = 500},
 * as markata's blog starter writes them). {@code description} (160) and {@code long_description}
 * (250) are always made, as in markata.
 *
 * @param lengths the longest text of each field, by its name
 */
record AutoDescriptionConfig(Map<String, Integer> lengths) {

    static final int SHORT = 160;
    static final int LONG = 250;
    /** Keys of the table that are no description (markata skips them). */
    private static final Set<String> NOT_DESCRIPTIONS = Set.of("cache_expire", "config_key");

    static final ConfigSection<AutoDescriptionConfig> SECTION = new ConfigSection<>("auto_description",
            AutoDescriptionConfig::read);

    AutoDescriptionConfig {
        lengths = Collections.unmodifiableMap(new LinkedHashMap<>(lengths));
    }

    /** The longest length asked for: the text a post is described with is read up to it. */
    int longest() {
        return lengths.values().stream().mapToInt(Integer::intValue).max().orElse(LONG);
    }

    private static AutoDescriptionConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("description", SHORT);
        lengths.put("long_description", LONG);
        for (String name : table.keys()) {
            if (NOT_DESCRIPTIONS.contains(name)) {
                continue;
            }
            ConfigTable description = problems.read(() -> table.table(name), null);
            if (description == null) {
                continue;
            }
            if (!description.has("len")) {
                problems.add(table.error(name, "must be a table with the description's length, like [" + table.path()
                        + "." + name + "] len = 160 (markata names a post's field after the table and cuts it to len"
                        + " characters)"));
                continue;
            }
            long length = problems.read(() -> description.integer("len", SHORT, n -> n > 0 && n <= 100_000,
                    "must be a whole number of characters > 0 (and at most 100000)"), (long) SHORT);
            lengths.put(name, (int) length);
        }
        problems.throwIfAny();
        return new AutoDescriptionConfig(lengths);
    }
}
