package dev.markata.plugins.render_markdown;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The markup markdown-it writes (and so markata's pages and their style sheets expect) where
 * commonmark-java writes its own: table cells aligned with {@code style="text-align:left"}
 * rather than {@code align="left"}. An attribute provider: a few type checks per rendered node.
 */
final class MarkdownItMarkup implements HtmlRenderer.HtmlRendererExtension {

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.attributeProviderFactory(context -> (node, tagName, attributes) -> {
            if (node instanceof TableCell) {
                String align = attributes.remove("align");
                if (align != null) {
                    attributes.put("style", "text-align:" + align);
                }
            }
        });
    }
}
