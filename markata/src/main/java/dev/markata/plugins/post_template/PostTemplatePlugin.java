package dev.markata.plugins.post_template;

import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.Map;

/**
 * {@code markata.plugins.post_template}: puts each rendered post into its page template
 * ({@code template} from the front matter, default {@code post.html}). Runs last in render,
 * like markata's trylast, so other render hooks have finished the post's HTML.
 */
public final class PostTemplatePlugin implements Plugin {

    public static final String ID = "markata.plugins.post_template";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        Templates templates = Templates.forSite(setup.site());
        setup.hook(Stage.RENDER, Priority.LAST, context -> context.updatePosts(post -> {
            Map<String, Object> view = Templates.postView(post);
            return post.withPage(templates.render(post.path(), post.template(),
                    Map.of("post", view, "body", view.get("article_html"))));
        }));
    }
}
