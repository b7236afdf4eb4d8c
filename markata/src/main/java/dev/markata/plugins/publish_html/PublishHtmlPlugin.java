package dev.markata.plugins.publish_html;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;

/**
 * {@code markata.plugins.publish_html}: writes each post's page to
 * {@code <output_dir>/<slug>/index.html} ({@code <output_dir>/index.html} for the {@code index}
 * slug), in parallel, only when the content changed.
 */
public final class PublishHtmlPlugin implements Plugin {

    public static final String ID = "markata.plugins.publish_html";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.SAVE, context -> context.map(context.posts(), p -> p.path(), post -> {
            if (post.page() == null) {
                return false;
            }
            try {
                return context.output().write(post.outputPath(), post.page());
            } catch (IllegalArgumentException e) {
                throw new PluginException(post.path() + ": slug \"" + post.slug() + "\" " + e.getMessage());
            }
        }));
    }
}
