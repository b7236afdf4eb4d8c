package dev.markata.plugins.auto_title;

import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.PythonStrings;

/**
 * {@code markata.plugins.auto_title}: a post without a title gets one from its file name, as
 * markata's post model makes it: {@code path.stem.replace("-", " ").title()}, so
 * "my-first_post.md" is "My First_Post" (Python's {@code str.title}; the underscore stays: markata's
 * auto_title plugin, which would replace it, only sees titles still empty after the model).
 */
public final class AutoTitlePlugin implements Plugin {

    public static final String ID = "markata.plugins.auto_title";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.PRE_RENDER, context -> {
            if (context.posts().stream().anyMatch(p -> p.title() == null || p.title().isBlank())) {
                context.updatePosts(p -> p.title() == null || p.title().isBlank() ? p.withTitle(titleOf(p)) : p);
            }
        });
    }

    static String titleOf(Post post) {
        return PythonStrings.title(SitePaths.stem(post.path()).replace('-', ' '));
    }
}
