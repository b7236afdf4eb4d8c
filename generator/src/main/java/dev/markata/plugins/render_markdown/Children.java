package dev.markata.plugins.render_markdown;

import java.util.Map;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlNodeRendererContext;

/** Rendering a node's children, for the node renderers of our own nodes. */
final class Children {

    private Children() {
    }

    /** Renders the children of {@code parent} (a child may move itself while rendered). */
    static void render(HtmlNodeRendererContext context, Node parent) {
        for (Node child = parent.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }

    /** {@code <tag attributes>children</tag>}, the attributes from the attribute providers. */
    static void wrap(HtmlNodeRendererContext context, Node node, String tag) {
        context.getWriter().tag(tag, context.extendAttributes(node, tag, Map.of()));
        render(context, node);
        context.getWriter().tag("/" + tag);
    }
}
