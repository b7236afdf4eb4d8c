package dev.markata.plugins.render_markdown;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.content.Post;
import dev.markata.plugins.glob.IgnoreRules;
import dev.markata.plugins.load.PydanticBool;
import java.util.List;

/**
 * {@code [markata.jinja_md]}: {@code ignore}, patterns in {@code .gitignore} syntax (markata
 * matches them with pathspec's gitwildmatch) of posts never rendered as Jinja, even with
 * {@code jinja: true}; markata's own site lists its pages about Jinja, which show template syntax
 * as written.
 */
record JinjaMdConfig(IgnoreRules ignore) {

    static final ConfigSection<JinjaMdConfig> SECTION = new ConfigSection<>("jinja_md", JinjaMdConfig::read);

    private static JinjaMdConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        return new JinjaMdConfig(IgnoreRules.parse(table.stringList("ignore", List.of())));
    }

    /** Whether {@code post}'s Markdown is first rendered as a Jinja template: {@code jinja: true}, not ignored. */
    boolean renders(Post post) {
        // markata's jinja_md model: a pydantic bool ("yes", "on" and 1 are true too)
        boolean jinja = PydanticBool.of(post.extra().get("jinja")).orElse(false);
        return jinja && !ignore.ignores(post.path(), false);
    }
}
