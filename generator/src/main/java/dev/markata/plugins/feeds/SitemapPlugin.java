package dev.markata.plugins.feeds;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.List;

/**
 * {@code markata.plugins.sitemap}: {@code sitemap.xml} for a site that does not run the feeds
 * plugin, of its published posts, as markata's sitemap plugin wrote it (its filter
 * {@code post.published}), in the feeds' sitemap's form ({@link FeedXml#sitemap}). With the
 * feeds plugin on, that one writes the sitemap (with the feeds' pages) and this one does nothing:
 * one writer of the file, the same file with or without this plugin listed.
 *
 * <p>Written whole in every build's save stage: it is small, and {@code OutputDir.write} leaves
 * an unchanged file alone, so a warm build gives a clean build's file.
 */
public final class SitemapPlugin implements Plugin {

    public static final String ID = "markata.plugins.sitemap";

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
            List<Post> published = context.posts().stream().filter(Post::published).toList();
            context.output().write(FeedsPlugin.SITEMAP, FeedXml.sitemap(context.site(), published, List.of()));
        });
    }
}
