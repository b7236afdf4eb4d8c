package dev.markata.plugins.wikilink_hover;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.skip.Skips;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code markata.plugins.wikilink_hover}: each wikilink of a post's page carries a preview of
 * the post it links to ({@link WikilinkPreviews}: markata-go's {@code data-preview} attributes,
 * {@link WikilinkHoverConfig} its settings), which the built-in theme shows on hover and focus.
 *
 * <p>It works on posts' pages once the template made them (post_render), as heading_link and
 * seo do: listings that show posts in full keep plain wikilinks (markata-go adds the data to the
 * post's HTML, so its listings have it). Warm builds: a preview follows from the target's
 * front matter and slug, which the skip plugin's key covers for every page, from
 * {@code [markata]}, which it covers too, and from the target's description, which it does not:
 * a page with a preview of another post is stored as one that read posts' descriptions
 * ({@link PostBodies}), rendered again when any post's description changes.
 */
public final class WikilinkHoverPlugin implements Plugin {

    public static final String ID = "markata.plugins.wikilink_hover";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        WikilinkHoverConfig config = setup.config(WikilinkHoverConfig.SECTION);
        if (!config.enabled()) {
            return;
        }
        setup.readsPages(); // changes each page (its links' previews)
        setup.hook(Stage.POST_RENDER, context -> {
            WikilinkPreviews previews = new WikilinkPreviews(context.posts(), context.site(), config);
            PostBodies bodies = PostBodies.of(context);
            Skips.of(context).updateChanged(context, post -> {
                if (post.page() == null) {
                    return post;
                }
                AtomicBoolean linksPost = new AtomicBoolean();
                String page = previews.add(post.page(), () -> linksPost.set(true));
                if (linksPost.get()) {
                    bodies.pageReadDescriptions(post.path()); // a preview shows the target's description
                }
                return post.withPage(page);
            });
        });
    }
}
