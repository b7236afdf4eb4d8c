package dev.markata.plugins.publish_html;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.feeds.FeedsPlugin;
import dev.markata.plugins.post_template.ExtraPages;
import dev.markata.plugins.post_template.PageSink;
import dev.markata.plugins.post_template.TemplateSettings;
import dev.markata.plugins.skip.Skips;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.publish_html}: writes each post's page to
 * {@code <output_dir>/<slug>/index.html} ({@code <output_dir>/index.html} for the {@code index}
 * slug) and its extra pages from a {@code post_template} table to
 * {@code <slug>/<name>/index.html}, in parallel, only when the content changed: in save, or, when
 * no plugin reads pages after render ({@link BuildContext#keepsPages}), in the render task that
 * made them, so that the posts do not hold every page until save. The pages of a
 * post the skip plugin found unchanged are not written, and are kept as this build's. A post's
 * {@code output_html} front matter (a file inside the output folder) chooses its page's file.
 */
public final class PublishHtmlPlugin implements Plugin {

    public static final String ID = "markata.plugins.publish_html";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        // the extra pages every post has, by output name: a skipped post's are not rendered
        List<String> extraNames = setup.config(TemplateSettings.SECTION).postTemplates().keySet().stream()
                .filter(name -> !name.equals("index")).sorted().toList();
        // with no plugin reading pages after render, each is written by the render task that made it
        setup.hook(Stage.RENDER, Priority.FIRST, context -> {
            if (!context.keepsPages()) {
                // a post with no page of its own has its other outputs written by no one, as at save
                PageSink.use(context, (post, page, others) -> {
                    if (page != null && !FeedsPlugin.pageIsAFeeds(context, post.path())) {
                        write(context, post, page, others);
                    }
                });
            }
        });
        setup.hook(Stage.SAVE, context -> {
            ExtraPages extra = ExtraPages.of(context);
            Skips skips = Skips.of(context);
            context.map(context.posts(), Post::path, post -> {
                if (FeedsPlugin.pageIsAFeeds(context, post.path())) {
                    return false; // the feed's page is written there (warned of in pre_render)
                }
                if (post.pageWritten() || post.page() == null) {
                    if (skips.skipped(post.path())) {
                        // unchanged since the build that wrote them: still pages of this build
                        String folder = folder(post);
                        context.output().keep(post.outputPath());
                        for (String name : extraNames) {
                            context.output().keep(ExtraPages.file(folder, name));
                        }
                    }
                    return false; // not rendered, or written when it was
                }
                return write(context, post, post.page(), extra.of(post.path()));
            });
        });
    }

    /** Writes a post's page (not null) and its other outputs; returns whether a file changed. */
    private static boolean write(BuildContext context, Post post, String page, Map<String, String> others)
            throws IOException, PluginException {
        if (post.unusableOutputHtml() != null) {
            context.reporter().warn(post.path() + ": " + Post.OUTPUT_HTML + " = \"" + post.unusableOutputHtml()
                    + "\" is not a file inside the output folder; the page is written to " + post.outputPath());
        }
        try {
            boolean written = context.output().write(post.outputPath(), page);
            String folder = folder(post);
            for (Map.Entry<String, String> other : others.entrySet()) {
                written |= context.output().write(ExtraPages.file(folder, other.getKey()), other.getValue());
            }
            return written;
        } catch (IllegalArgumentException e) {
            throw new PluginException(post.path() + ": slug \"" + post.slug() + "\" " + e.getMessage());
        }
    }

    /** The folder of the post's page, with its slash: extra pages sit beside the page's file, as
     * markata puts them in output_html's folder. */
    private static String folder(Post post) {
        return post.outputPath().substring(0, post.outputPath().lastIndexOf('/') + 1);
    }
}
