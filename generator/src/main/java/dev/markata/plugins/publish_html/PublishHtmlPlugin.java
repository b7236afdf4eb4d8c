package dev.markata.plugins.publish_html;

import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.ExtraPages;
import java.util.Map;

/**
 * {@code markata.plugins.publish_html}: writes each post's page to
 * {@code <output_dir>/<slug>/index.html} ({@code <output_dir>/index.html} for the {@code index}
 * slug) and its extra pages from a {@code post_template} table to
 * {@code <slug>/<name>/index.html}, in parallel, only when the content changed. A post's
 * {@code output_html} front matter (a file inside the output folder) chooses its page's file.
 */
public final class PublishHtmlPlugin implements Plugin {

    public static final String ID = "markata.plugins.publish_html";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.SAVE, context -> {
            ExtraPages extra = ExtraPages.of(context);
            context.map(context.posts(), Post::path, post -> {
                if (post.page() == null) {
                    return false;
                }
                if (post.unusableOutputHtml() != null) {
                    context.reporter().warn(post.path() + ": " + Post.OUTPUT_HTML + " = \"" + post.unusableOutputHtml()
                            + "\" is not a file inside the output folder; the page is written to " + post.outputPath());
                }
                try {
                    boolean written = context.output().write(post.outputPath(), post.page());
                    // extra pages sit beside the page's file, as markata puts them in output_html's folder
                    String folder = post.outputPath().substring(0, post.outputPath().lastIndexOf('/') + 1);
                    for (Map.Entry<String, String> page : extra.of(post.path()).entrySet()) {
                        written |= context.output().write(folder + page.getKey() + "/index.html", page.getValue());
                    }
                    return written;
                } catch (IllegalArgumentException e) {
                    throw new PluginException(post.path() + ": slug \"" + post.slug() + "\" " + e.getMessage());
                }
            });
        });
    }
}
