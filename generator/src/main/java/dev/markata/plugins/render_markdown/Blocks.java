package dev.markata.plugins.render_markdown;

import java.util.function.Consumer;
import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * Walks the blocks of a parsed document in order, without going into the inline content of
 * paragraphs and headings: post-processors that only look at blocks cost one step per block
 * instead of one per node of the document.
 */
final class Blocks {

    private Blocks() {
    }

    static void forEach(Node parent, Consumer<Block> action) {
        for (Node node = parent.getFirstChild(); node != null; ) {
            Node next = node.getNext();
            if (node instanceof Block block) {
                action.accept(block);
                if (!(block instanceof Paragraph) && !(block instanceof Heading)) {
                    forEach(block, action);
                }
            }
            node = next;
        }
    }
}
