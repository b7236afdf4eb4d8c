package dev.markata.plugins.prevnext;

import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.config.ConfigException;
import java.util.List;

/**
 * {@code [markata.prevnext]}.
 *
 * @param strategy {@code first}: a post's links cycle through the first feed that holds it;
 *                 {@code all}: through every feed's posts, one feed after the other
 * @param template the template that makes the links, by name in {@code templates_dir} (or a
 *                 path as markata takes it, whose file name is used); the built-in
 *                 {@code prevnext.html} when not given
 */
record PrevNextConfig(String strategy, String template) {

    static final String FIRST = "first";
    static final String ALL = "all";
    static final String DEFAULT_TEMPLATE = "prevnext.html";

    static final ConfigSection<PrevNextConfig> SECTION = new ConfigSection<>("prevnext", PrevNextConfig::read);

    private static PrevNextConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        String strategy = problems.read(() -> table.choice("strategy", FIRST, List.of(FIRST, ALL)), FIRST);
        String template = problems.read(() -> table.string("template", DEFAULT_TEMPLATE), DEFAULT_TEMPLATE);
        problems.throwIfAny();
        return new PrevNextConfig(strategy, template);
    }
}
