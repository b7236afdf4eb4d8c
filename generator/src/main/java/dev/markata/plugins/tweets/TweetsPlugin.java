package dev.markata.plugins.tweets;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.render_markdown.StandaloneLinks;

/**
 * {@code markata.plugins.tweets}: a tweet's address on a line of its own becomes an embedded
 * tweet ({@link TweetEmbeds}: Twitter's embed markup, made without asking Twitter anything at
 * build time), configured in {@code [markata.tweets]} ({@link TweetsConfig}); an address inside
 * text, in code or in a link stays as written.
 *
 * <p>As the youtube plugin: the line of Markdown is replaced last in pre_render, for every post,
 * so the render cache's key covers the embed and a listing that renders a post the skip plugin
 * left unrendered shows it too; the settings are in {@code [markata]}, which the skip plugin's
 * key covers.
 */
public final class TweetsPlugin implements Plugin {

    public static final String ID = "markata.plugins.tweets";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        TweetsConfig config = setup.config(TweetsConfig.SECTION);
        if (!config.enabled()) {
            return;
        }
        setup.hook(Stage.PRE_RENDER, Priority.LAST,
                StandaloneLinks.embedding("/status", markdown -> TweetEmbeds.replace(markdown, config)));
    }
}
