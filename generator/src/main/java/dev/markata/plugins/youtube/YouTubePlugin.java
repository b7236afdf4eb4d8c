package dev.markata.plugins.youtube;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.render_markdown.StandaloneLinks;

/**
 * {@code markata.plugins.youtube}: a YouTube video's address on a line of its own becomes the
 * video's player ({@link YouTubeEmbeds}), with markata-go's markup and settings
 * ({@link YouTubeConfig}); an address inside text, in code or in a link stays as written.
 *
 * <p>markata-go replaces {@code <p>address</p>} in the rendered HTML; here the address's line of
 * Markdown is replaced by the embed before render, last in pre_render (after auto_description,
 * which reads the paragraphs' text, as markata-go's description plugin does before render),
 * for every post, as the mermaid plugin does: the render cache's key is the Markdown with the
 * embed, and a listing that renders a post the skip plugin left unrendered shows the player too.
 * The settings are in {@code [markata]}, which the skip plugin's key covers, so turning the plugin
 * on or off or changing a setting renders the pages again.
 */
public final class YouTubePlugin implements Plugin {

    public static final String ID = "markata.plugins.youtube";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        YouTubeConfig config = setup.config(YouTubeConfig.SECTION);
        if (!config.enabled()) {
            return;
        }
        setup.hook(Stage.PRE_RENDER, Priority.LAST,
                StandaloneLinks.embedding("youtu", markdown -> YouTubeEmbeds.replace(markdown, config)));
    }
}
