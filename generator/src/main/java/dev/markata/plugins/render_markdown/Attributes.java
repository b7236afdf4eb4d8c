package dev.markata.plugins.render_markdown;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * markdown-it's attribute syntax: {@code {.class #id key=value key="a b"}} on lines of their own
 * before a block (markata's attrs_block: applies to the block after them), right after a link,
 * image, emphasis or inline code, and, as markdown-it-attrs reads them, at the end of a heading or
 * paragraph (also on the paragraph's last line). Anything in braces that is
 * not a list of such attributes stays text. {@code on...} event attributes are dropped.
 */
final class Attributes implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private static final Pattern TRAILING = Pattern.compile("\\s*\\{([^{}\\n]+)\\}\\s*$");
    private static final Pattern LEADING = Pattern.compile("^\\{([^{}\\n]+)\\}");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s*(?:\\.([\\w-]+)|#([\\w-]+)|([A-Za-z_:][\\w:.-]*)=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'}]+)))");
    private static final Set<Class<? extends Node>> INLINE_TARGETS = Set.of(Link.class, Image.class, Code.class,
            Emphasis.class, StrongEmphasis.class);

    /** Carries the attributes of its parent; renders nothing. */
    static final class Marker extends CustomNode {
        final Map<String, String> attributes;

        Marker(Map<String, String> attributes) {
            this.attributes = attributes;
        }
    }

    static Extension create() {
        return new Attributes();
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(document -> {
            document.accept(new Finder());
            return document;
        });
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(context -> new NodeRenderer() {
            @Override
            public Set<Class<? extends Node>> getNodeTypes() {
                return Set.of(Marker.class, Span.class);
            }

            @Override
            public void render(Node node) {
                // a Marker's attributes are applied to its parent by the attribute provider
                if (node instanceof Span) {
                    Children.wrap(context, node, "span");
                }
            }
        });
        builder.attributeProviderFactory(context -> (node, tagName, attributes) -> {
            if (node instanceof FencedCodeBlock && !tagName.equals("pre")) {
                return; // the block's attributes go on its <pre>, not on its <code> too
            }
            if (node.getFirstChild() instanceof Marker marker) {
                marker.attributes.forEach((name, value) -> {
                    if (name.equals("class") && attributes.containsKey("class")) {
                        attributes.put("class", attributes.get("class") + " " + value);
                    } else {
                        attributes.put(name, value);
                    }
                });
            }
        });
    }

    /** Parses {@code {...}}'s inside, or null when it is not only attributes. */
    static Map<String, String> parse(String inside) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(inside);
        int at = 0;
        while (at < inside.length()) {
            if (!m.find(at) || m.start() != at) {
                return inside.substring(at).isBlank() && !attributes.isEmpty() ? attributes : null;
            }
            if (m.group(1) != null) {
                attributes.merge("class", m.group(1), (a, b) -> a + " " + b);
            } else if (m.group(2) != null) {
                attributes.put("id", m.group(2));
            } else {
                String name = m.group(3);
                String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
                if (!name.toLowerCase(Locale.ROOT).startsWith("on")) {
                    attributes.put(name, value);
                }
            }
            at = m.end();
        }
        return attributes.isEmpty() ? null : attributes;
    }

    /** Gives {@code target} the attributes, after those it has: classes joined, other values replaced. */
    static void attach(Node target, Map<String, String> attributes) {
        if (target.getFirstChild() instanceof Marker existing) {
            merge(existing.attributes, attributes);
        } else {
            target.prependChild(new Marker(new LinkedHashMap<>(attributes)));
        }
    }

    private static void merge(Map<String, String> into, Map<String, String> attributes) {
        attributes.forEach((name, value) -> {
            if (name.equals("class")) {
                into.merge(name, value, (a, b) -> a + " " + b);
            } else {
                into.put(name, value);
            }
        });
    }

    /** The attributes of a line that holds only {@code {...}}, or null. */
    private static Map<String, String> wholeLine(Node node) {
        if (!(node instanceof Text text) || text.getLiteral().isEmpty() || text.getLiteral().charAt(0) != '{') {
            return null;
        }
        Matcher m = LEADING.matcher(text.getLiteral());
        return m.find() && text.getLiteral().substring(m.end()).isBlank() ? parse(m.group(1)) : null;
    }

    /**
     * The attributes of a paragraph made only of {@code {...}} lines (with those an attribute-only
     * paragraph before it handed on), or null.
     */
    private static Map<String, String> attributesOnly(Paragraph paragraph) {
        Node node = paragraph.getFirstChild();
        Map<String, String> attributes = new LinkedHashMap<>();
        if (node instanceof Marker carried) {
            attributes.putAll(carried.attributes);
            node = node.getNext();
        }
        boolean any = false;
        while (node != null) {
            Map<String, String> line = wholeLine(node);
            if (line == null) {
                return null;
            }
            merge(attributes, line);
            any = true;
            node = node.getNext();
            if (node instanceof SoftLineBreak) {
                node = node.getNext();
            }
        }
        return any ? attributes : null;
    }

    /** markdown-it attrs' span: {@code [text]{.class}} as {@code <span class>text</span>}. */
    static final class Span extends CustomNode {
    }

    /**
     * Turns each {@code [...]{attributes}} ending in {@code text} into a {@link Span}: its
     * {@code [} may be in this text or in an earlier text of the same parent (the span then
     * holds the emphasis, code or links between).
     */
    private static void spans(Text text) {
        String literal = text.getLiteral();
        int close = literal.indexOf("]{");
        while (close >= 0) {
            int end = literal.indexOf('}', close + 2);
            Map<String, String> attributes = end < 0 ? null : parse(literal.substring(close + 2, end));
            if (attributes != null) {
                int open = literal.lastIndexOf('[', close);
                Span span = new Span();
                if (open >= 0) {
                    Text before = new Text(literal.substring(0, open));
                    text.insertBefore(before);
                    span.appendChild(new Text(literal.substring(open + 1, close)));
                    text.insertBefore(span);
                } else if (!spanFromEarlier(text, span, literal.substring(0, close))) {
                    close = literal.indexOf("]{", close + 2);
                    continue;
                }
                span.prependChild(new Marker(attributes));
                literal = literal.substring(end + 1);
                text.setLiteral(literal);
                if (span.getPrevious() instanceof Text before && before.getLiteral().isEmpty()) {
                    before.unlink();
                }
                close = literal.indexOf("]{");
            } else {
                close = literal.indexOf("]{", close + 2);
            }
        }
    }

    /** Fills {@code span} from the last {@code [} in an earlier text of the same parent; false if none. */
    private static boolean spanFromEarlier(Text text, Span span, String inside) {
        for (Node node = text.getPrevious(); node != null; node = node.getPrevious()) {
            if (node instanceof Text start && start.getLiteral().lastIndexOf('[') >= 0) {
                String literal = start.getLiteral();
                int open = literal.lastIndexOf('[');
                start.setLiteral(literal.substring(0, open));
                span.appendChild(new Text(literal.substring(open + 1)));
                for (Node moved = start.getNext(); moved != text; ) {
                    Node next = moved.getNext();
                    span.appendChild(moved);
                    moved = next;
                }
                span.appendChild(new Text(inside));
                text.insertBefore(span);
                return true;
            }
        }
        return false;
    }

    private static final class Finder extends AbstractVisitor {
        /**
         * markdown-it's attrs_block, as markata uses it: lines of only {@code {...}} give their
         * attributes to the block after them, also when they open a paragraph. With no block
         * after them (the end of the page, a quote or a list item) they go to the block before,
         * which markata drops; markdown-it-attrs reads them so.
         */
        @Override
        public void visit(Paragraph paragraph) {
            Node first = paragraph.getFirstChild() instanceof Marker marker ? marker.getNext() : paragraph.getFirstChild();
            if (first instanceof Text text && text.getLiteral().startsWith("{")) {
                Map<String, String> only = attributesOnly(paragraph);
                if (only != null) {
                    Node target = paragraph.getNext() != null ? paragraph.getNext() : paragraph.getPrevious();
                    if (target != null) {
                        attach(target, only);
                    }
                    paragraph.unlink();
                    return;
                }
                Node line = first;
                while (line instanceof Text && line.getNext() instanceof SoftLineBreak br) {
                    Map<String, String> attributes = wholeLine(line);
                    if (attributes == null) {
                        break;
                    }
                    Node next = br.getNext();
                    line.unlink();
                    br.unlink();
                    attach(paragraph, attributes);
                    line = next;
                }
            }
            visitChildren(paragraph);
        }

        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            if (literal.indexOf('{') < 0) {
                return;
            }
            if (literal.contains("]{")) {
                spans(text);
                literal = text.getLiteral();
            }
            Node previous = text.getPrevious();
            Matcher leading = LEADING.matcher(literal);
            if (previous != null && INLINE_TARGETS.contains(previous.getClass()) && leading.find()) {
                Map<String, String> attributes = parse(leading.group(1));
                if (attributes != null) {
                    attach(previous, attributes);
                    literal = literal.substring(leading.end());
                    text.setLiteral(literal);
                }
            }
            Node parent = text.getParent();
            if (text.getNext() == null && (parent instanceof Heading || parent instanceof Paragraph)) {
                Matcher trailing = TRAILING.matcher(literal);
                if (trailing.find()) {
                    Map<String, String> attributes = parse(trailing.group(1));
                    if (attributes != null) {
                        String rest = literal.substring(0, trailing.start());
                        attach(parent, attributes);
                        if (rest.isEmpty()) {
                            Node before = text.getPrevious();
                            text.unlink();
                            if (before instanceof SoftLineBreak) {
                                before.unlink();
                            }
                        } else {
                            text.setLiteral(rest);
                        }
                    }
                }
            }
        }
    }
}
