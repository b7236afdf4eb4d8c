package dev.markata.plugins.render_markdown;

import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The markup markdown-it writes (and so markata's pages and their style sheets expect) where
 * commonmark-java writes its own: {@code <s>} for {@code ~~struck~~} text (and only two tildes
 * strike, as in markdown-it); table cells aligned with {@code style="text-align:left"}
 * rather than {@code align="left"}; task lists as markdown-it's tasklists plugin writes them
 * ({@code ul.contains-task-list > li.task-list-item > input.task-list-item-checkbox} with
 * {@code disabled="disabled"}, or with the plugin's {@code enabled} none and the item's class
 * {@code task-list-item enabled}; the box inside the item's paragraph when the list is loose). An
 * attribute provider (a few type checks per rendered node) and, for the boxes, a walk over the
 * blocks.
 */
final class MarkdownItMarkup implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final boolean tasksEnabled;

    MarkdownItMarkup(boolean tasksEnabled) {
        this.tasksEnabled = tasksEnabled;
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(document -> {
            // commonmark-java puts the box before the item's paragraph: <li><input> <p>text</p> in a loose list
            Blocks.forEach(document, block -> {
                if (block instanceof ListItem item && item.getFirstChild() instanceof TaskListItemMarker marker
                        && marker.getNext() instanceof Paragraph paragraph) {
                    paragraph.prependChild(marker);
                }
            });
            return document;
        });
    }

    private static boolean isTask(Node item) {
        Node first = item.getFirstChild();
        return first instanceof TaskListItemMarker
                || first instanceof Paragraph && first.getFirstChild() instanceof TaskListItemMarker;
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(context -> new NodeRenderer() {
            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Strikethrough.class);
            }

            @Override
            public void render(Node node) {
                Children.wrap(context, node, "s");
            }
        });
        builder.attributeProviderFactory(context -> (node, tagName, attributes) -> {
            if (node instanceof TableCell) {
                String align = attributes.remove("align");
                if (align != null) {
                    attributes.put("style", "text-align:" + align);
                }
            } else if (node instanceof TaskListItemMarker marker) {
                attributes.put("class", "task-list-item-checkbox");
                if (tasksEnabled) {
                    attributes.remove("disabled"); // commonmark-java's renderer disables every box
                } else {
                    attributes.put("disabled", "disabled");
                }
                if (marker.isChecked()) {
                    attributes.put("checked", "checked");
                }
            } else if (node instanceof ListItem item && isTask(item)) {
                attributes.put("class", tasksEnabled ? "task-list-item enabled" : "task-list-item");
            } else if (node instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (isTask(item)) {
                        attributes.put("class", "contains-task-list");
                        break;
                    }
                }
            }
        });
    }
}
