package dev.markata.testplugins;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;

/**
 * A third-party plugin that sets a post's slug to its front matter's {@code raw_slug} as written,
 * without markata's slugify: what a plugin may do, and what the output folder's checks are for.
 */
public final class RawSlugPlugin implements Plugin {

    @Override
    public String id() {
        return "test.raw_slug";
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.PRE_RENDER, context -> context.updatePosts(post -> post.extra().get("raw_slug") instanceof String s
                ? post.withSlug(s) : post));
    }
}
