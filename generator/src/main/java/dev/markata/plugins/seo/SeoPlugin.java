package dev.markata.plugins.seo;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.covers.CoversPlugin;
import dev.markata.plugins.skip.Skips;

/**
 * {@code markata.plugins.seo}: the meta tags markata adds to the head of each post's page for
 * search engines and link previews (description, Open Graph and Twitter title, description,
 * image and card, site name, author, canonical link and {@code og:url}); see {@link SeoTags}
 * for which and in what order. Configured with markata's keys at the top of {@code [markata]}
 * ({@link SeoConfig}); the image is the post's {@code cover}, else the covers plugin's
 * {@code <slug>-og.png} (markata's {@code og:image}) when it draws one, else {@code default_cover}.
 *
 * <p>Posts' pages only, as markata (its render hook goes over the posts; feed pages are made
 * later, without it). It runs in post_render, once the template has made the page. A post the
 * skip plugin leaves unrendered keeps its page, tags and all: what the tags say comes from the
 * post's fields and from {@code [markata]}, which its skip key covers (the whole table is part
 * of what templates see, {@code hooks} too, so turning this plugin on or off renders every page
 * again).
 */
public final class SeoPlugin implements Plugin {

    public static final String ID = "markata.plugins.seo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        SeoConfig config = setup.config(SeoConfig.SECTION).withSite(setup.site(),
                CoversPlugin.draws(setup, SeoTags.OG_COVER));
        setup.readsPages(); // changes each page (its meta tags)
        setup.hook(Stage.POST_RENDER, context -> Skips.of(context).updateChanged(context,
                post -> post.page() == null ? post : post.withPage(SeoTags.add(post.page(), post, config,
                        context.site().pageUrl(post.slug())))));
    }
}
