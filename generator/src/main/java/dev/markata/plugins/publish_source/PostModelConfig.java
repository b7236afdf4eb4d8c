package dev.markata.plugins.publish_source;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.List;

/**
 * {@code [markata.post_model]}: the post fields markata writes when it writes a post out
 * ({@code include}, markata's post model setting, with markata's default). Any name is
 * allowed, as markata allows any attribute: a post's own fields ({@code path}, {@code slug},
 * {@code title}, {@code date}, {@code tags}, {@code published}, {@code description},
 * {@code template}, {@code content}, {@code html}) or one of its front-matter keys; a name the
 * post does not have is left out.
 *
 * @param include the fields, in any order (they are written sorted, as PyYAML sorts them)
 */
record PostModelConfig(List<String> include) {

    static final List<String> MARKATA_INCLUDE = List.of("date", "description", "published", "slug", "title",
            "content", "html");

    static final ConfigSection<PostModelConfig> SECTION = new ConfigSection<>("post_model", PostModelConfig::read);

    PostModelConfig {
        include = List.copyOf(include);
    }

    private static PostModelConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        return new PostModelConfig(table.stringList("include", MARKATA_INCLUDE));
    }
}
