package dev.markata.plugins.render_markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.InlineFootnote;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Footnotes as markata's markdown-it footnote plugin writes them, so their links and styles carry
 * over: references {@code <sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>}
 * (a second reference to the same note is {@code fnref1:1}, {@code [1:1]}), numbered in the order
 * of first reference, and at the end {@code <hr class="footnotes-sep">} and
 * {@code <section class="footnotes"><ol class="footnotes-list">} with {@code <li id="fn1"
 * class="footnote-item">} and one {@code ↩︎} back-link per reference, inside the note's last
 * paragraph. Replaces commonmark-java's own footnote markup ({@code #fn-label}, no brackets).
 *
 * <p>Numbers are given while the references are rendered (in document order), and definitions
 * are kept when met and written after the document: no extra pass over the document.
 */
final class Footnotes implements HtmlRenderer.HtmlRendererExtension {

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Renderer::new);
    }

    /** A note with its number and how many references point to it. */
    private static final class Note {
        final int number;
        final Node content; // a FootnoteDefinition's blocks, or an InlineFootnote's inlines
        int references;

        Note(int number, Node content) {
            this.number = number;
            this.content = content;
        }
    }

    private static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;
        private final Map<String, FootnoteDefinition> definitions = new HashMap<>();
        private final Map<String, Note> byLabel = new HashMap<>();
        private final List<Note> notes = new ArrayList<>();

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(FootnoteReference.class, InlineFootnote.class, FootnoteDefinition.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof FootnoteDefinition definition) {
                definitions.putIfAbsent(definition.getLabel(), definition); // written at the end
                return;
            }
            Note note;
            if (node instanceof FootnoteReference reference) {
                note = byLabel.computeIfAbsent(reference.getLabel(), label -> newNote(null));
            } else {
                note = newNote(node);
            }
            int sub = note.references++;
            String id = sub == 0 ? String.valueOf(note.number) : note.number + ":" + sub;
            html.tag("sup", Map.of("class", "footnote-ref"));
            Map<String, String> link = new LinkedHashMap<>();
            link.put("href", "#fn" + note.number);
            link.put("id", "fnref" + id);
            html.tag("a", link);
            html.text("[" + id + "]");
            html.tag("/a");
            html.tag("/sup");
        }

        private Note newNote(Node inline) {
            Note note = new Note(notes.size() + 1, inline);
            notes.add(note);
            return note;
        }

        @Override
        public void afterRoot(Node root) {
            if (notes.isEmpty()) {
                return;
            }
            Map<Note, String> labels = new HashMap<>();
            byLabel.forEach((label, note) -> labels.put(note, label));
            html.line();
            html.tag("hr", Map.of("class", "footnotes-sep"), true);
            html.line();
            html.tag("section", Map.of("class", "footnotes"));
            html.line();
            html.tag("ol", Map.of("class", "footnotes-list"));
            html.line();
            // a note's content may reference notes not seen yet: they are added to the list
            for (int i = 0; i < notes.size(); i++) {
                Note note = notes.get(i);
                Map<String, String> item = new LinkedHashMap<>();
                item.put("id", "fn" + note.number);
                item.put("class", "footnote-item");
                html.tag("li", item);
                if (note.content != null) {
                    html.tag("p");
                    Children.render(context, note.content);
                    backLinks(note);
                    html.tag("/p");
                } else {
                    FootnoteDefinition definition = definitions.get(labels.get(note));
                    Node last = definition == null ? null : definition.getLastChild();
                    for (Node block = definition == null ? null : definition.getFirstChild(); block != null; ) {
                        Node next = block.getNext();
                        if (block == last && block instanceof Paragraph) {
                            html.tag("p");
                            Children.render(context, block);
                            backLinks(note);
                            html.tag("/p");
                            html.line();
                        } else {
                            context.render(block);
                        }
                        block = next;
                    }
                    if (!(last instanceof Paragraph)) {
                        backLinks(note);
                    }
                }
                html.line();
                html.tag("/li");
                html.line();
            }
            html.tag("/ol");
            html.line();
            html.tag("/section");
            html.line();
        }

        private void backLinks(Note note) {
            for (int sub = 0; sub < Math.max(1, note.references); sub++) {
                html.raw(" ");
                Map<String, String> link = new LinkedHashMap<>();
                link.put("href", "#fnref" + (sub == 0 ? String.valueOf(note.number) : note.number + ":" + sub));
                link.put("class", "footnote-backref");
                html.tag("a", link);
                html.raw("\u21a9\ufe0e");
                html.tag("/a");
            }
        }
    }
}
