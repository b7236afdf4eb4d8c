package dev.markata.plugins.heading_link;

import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.skip.Skips;

/**
 * {@code markata.plugins.heading_link}: a link beside each heading of a post's page that has an
 * id, to share that section ({@link HeadingLinks}; markata's markup and class names). Like
 * markata's, it works on the whole page once the template made it (post_render, last), so a
 * heading with an id in a site's own template gets one too, and listings that show posts'
 * bodies do not.
 *
 * <p>Only pages rendered in this build get links: a page the skip plugin leaves as it is kept
 * the ones it was written with, and turning the plugin on or off changes {@code hooks}, which
 * the skip plugin's key covers (the whole {@code [markata]} table), so every page is made again.
 * markata's plugin has no settings; neither has this one.
 */
public final class HeadingLinkPlugin implements Plugin {

    public static final String ID = "markata.plugins.heading_link";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.readsPages(); // changes each page (its headings' links)
        setup.hook(Stage.POST_RENDER, Priority.LAST, context -> Skips.of(context).updateChanged(context,
                post -> post.page() == null ? post : post.withPage(HeadingLinks.add(post.page()))));
    }
}
