package dev.markata.plugins.wikilink_hover;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.skip.Skips;

/**
 * {@code markata.plugins.wikilink_hover}: each wikilink of a post's page carries a preview of
 * the post it links to ({@link WikilinkPreviews}: markata-go's {@code data-preview} attributes,
 * {@link WikilinkHoverConfig} its settings), which the built-in theme shows on hover and focus.
 *
 * <p>It works on posts' pages once the template made them (post_render), as heading_link and
 * seo do: listings that show posts in full keep plain wikilinks (markata-go adds the data to the
 * post's HTML, so its listings have it). Warm builds: a preview follows from the target's
 * description, front matter and slug, which the skip plugin's key covers for every page (any
 * post's change renders every page again), and from {@code [markata]}, which it covers too.
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
        setup.hook(Stage.POST_RENDER, context -> {
            WikilinkPreviews previews = new WikilinkPreviews(context.posts(), config);
            Skips.of(context).updateChanged(context,
                    post -> post.page() == null ? post : post.withPage(previews.add(post.page())));
        });
    }
}
