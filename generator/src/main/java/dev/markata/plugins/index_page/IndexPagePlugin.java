package dev.markata.plugins.index_page;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.StateKey;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.copy_assets.CopyAssetsPlugin;
import dev.markata.plugins.post_template.Templates;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.index_page}: the home page, {@code <output_dir>/index.html}, listing
 * the published posts newest first through the {@code index.html} template. Not written when a
 * post has the {@code index} slug (that post is the home page), when {@code assets_dir} has an
 * {@code index.html} (copied, it is the home page) or when the feeds plugin made the archive feed
 * the home page.
 */
public final class IndexPagePlugin implements Plugin {

    public static final String ID = "markata.plugins.index_page";

    /** Set by a plugin that wrote {@code index.html} itself (the feeds plugin's archive). */
    public static final StateKey<Boolean> HOME_WRITTEN = new StateKey<>("home page written", Boolean.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        Templates templates = Templates.forSite(setup);
        setup.hook(Stage.SAVE, Priority.LAST, context -> write(context, templates));
    }

    /**
     * Whether the site has a home page of its own, which no listing may replace: a post with the
     * {@code index} slug, or an {@code index.html} at the top of {@code assets_dir} (pype.dev's
     * hand-made home page), which markata copies into the output folder, where its feeds make the
     * archive the home page only when there is no {@code index.html} yet (where output_dir is
     * assets_dir, not one an earlier build wrote there).
     */
    public static boolean homeIsTaken(BuildContext context) {
        return context.posts().stream().anyMatch(p -> p.slug().equals("index"))
                || CopyAssetsPlugin.isAsset(context, "index.html");
    }

    private static void write(BuildContext context, Templates templates) throws Exception {
        if (context.get(HOME_WRITTEN).isPresent() || homeIsTaken(context)) {
            return;
        }
        List<Map<String, Object>> listed = context.posts().stream().filter(Post::published)
                .sorted(Post.NEWEST_FIRST).map(templates::postView).toList();
        String page = templates.render("index.html", "index.html", Map.of("posts", listed));
        context.output().write("index.html", page);
    }
}
