package dev.markata.plugins.mermaid;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;

/**
 * {@code markata.plugins.mermaid} (in markata's default set): {@code ```mermaid} blocks become
 * diagrams. Each block is replaced in the post's Markdown by markata's
 * {@code <pre class="mermaid">} ({@link MermaidBlocks}), and a post with a diagram gets the
 * script that draws it right after its first one ({@link MermaidConfig#script()}): only pages
 * that show a diagram load mermaid, where markata's theme loads it on every page.
 *
 * <p>Runs last in pre_render: after auto_description, which reads the Markdown's first paragraph
 * and would take a diagram's lines for text once they are HTML; before render, for every post,
 * so the Markdown a listing renders of a post this build leaves unrendered (skip) holds the
 * diagram too. What the replacement makes follows from the post's text and
 * {@code [markata.mermaid]}: the first is in the render cache's key (a post with a diagram is
 * hashed as edited), the second in the skip plugin's (the whole {@code [markata]} table), so
 * turning the plugin on or off or changing a setting renders the pages again.
 */
public final class MermaidPlugin implements Plugin {

    public static final String ID = "markata.plugins.mermaid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        String script = setup.config(MermaidConfig.SECTION).script();
        setup.hook(Stage.PRE_RENDER, Priority.LAST, context -> replace(context, script));
    }

    private static void replace(BuildContext context, String script) throws Exception {
        // most posts have no diagram: one look at each text, tasks only for the others
        context.updatePosts(post -> post.content().contains("mermaid"), post -> {
            String content = MermaidBlocks.replace(post.content(), script);
            return content == post.content() ? post : post.withContent(content);
        });
    }
}
