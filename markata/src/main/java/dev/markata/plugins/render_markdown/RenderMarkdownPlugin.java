package dev.markata.plugins.render_markdown;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * {@code markata.plugins.render_markdown}: renders each post's Markdown to HTML with
 * commonmark-java and GitHub's extensions (tables, strikethrough, autolinks, task lists) plus
 * heading anchors. The parser and renderer are built once per build and shared by the worker
 * threads (both are immutable and thread-safe once built).
 */
public final class RenderMarkdownPlugin implements Plugin {

    public static final String ID = "markata.plugins.render_markdown";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), HeadingAnchorExtension.create(), TaskListItemsExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
        setup.hook(Stage.RENDER, context -> context.updatePosts(
                post -> post.withHtml(renderer.render(parser.parse(post.content())))));
    }
}
