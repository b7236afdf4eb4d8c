package dev.markata.plugins.feeds;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.List;

/**
 * {@code markata.plugins.rss}, markata's deprecated plugin of the site's {@code rss.xml}: for a
 * site that lists it without the feeds plugin, the published posts, newest first, in the feeds'
 * RSS form (the archive feed's file, {@link FeedXml#rss}), and no other file: markata's rss
 * writes that file alone. With the feeds plugin on, that one writes the site's {@code rss.xml}
 * (from the archive feed) and this one does nothing: one writer of the file.
 *
 * <p>markata's own selection compares {@code published} with the text {@code "True"}, which a
 * post's boolean never equals since its post model made it a bool, so its file now lists no
 * post; this one lists what the plugin was written to list. markata's items also carry each
 * post's HTML ({@code content:encoded}); these, as the feeds' RSS, its description.
 */
public final class RssPlugin implements Plugin {

    public static final String ID = "markata.plugins.rss";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        if (setup.runs(FeedsPlugin.ID)) {
            return;
        }
        setup.hook(Stage.SAVE, context -> {
            List<Post> published = context.posts().stream().filter(Post::published).sorted(Post.NEWEST_FIRST).toList();
            context.output().write("rss.xml", FeedXml.rss(context.site(), FeedConfig.archive(), published, false));
        });
    }
}
