package dev.markata.plugins.csv;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;

/**
 * {@code markata.plugins.csv}: each {@code ```csv} fence of a post becomes an HTML table
 * ({@link CsvTables}), in pre_render, as markata's plugin does: the post's Markdown is changed
 * before render, so the render cache's key is the Markdown with the table, listings that show
 * posts in full show the table too, and turning the plugin on or off changes {@code [markata]}
 * hooks, which the skip plugin's key covers. No settings (markata's has none). Not in the default set.
 */
public final class CsvPlugin implements Plugin {

    public static final String ID = "markata.plugins.csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        setup.hook(Stage.PRE_RENDER, context -> context.updatePosts(post -> post.content().contains("```"), post -> {
            String content = CsvTables.replace(post.content(),
                    problem -> context.reporter().warn(post.path() + ": " + problem));
            return content == post.content() ? post : post.withContent(content);
        }));
    }
}
