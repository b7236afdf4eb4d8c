package dev.markata.plugins.auto_title;

import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.Locale;

/**
 * {@code markata.plugins.auto_title}: a post without a title gets one from its file name, as
 * markata does: "my-first_post.md" becomes "My First Post".
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
        String stem = SitePaths.stem(post.path());
        StringBuilder title = new StringBuilder();
        for (String word : stem.replace('-', ' ').replace('_', ' ').strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (title.length() > 0) {
                title.append(' ');
            }
            title.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return title.toString();
    }
}
