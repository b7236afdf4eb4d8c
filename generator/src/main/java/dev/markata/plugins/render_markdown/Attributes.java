package dev.markata.plugins.render_markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
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
 * markdown-it-attrs' syntax: {@code {.class #id key=value key="a b"}} at the end of a heading or
 * paragraph (also on the paragraph's last line), on its own paragraph (applies to the block
 * before it), or right after a link, image, emphasis or inline code. Anything in braces that is
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
                return Set.of(Marker.class);
            }

            @Override
            public void render(Node node) {
                // attributes are applied to the parent by the attribute provider
            }
        });
        builder.attributeProviderFactory(context -> (node, tagName, attributes) -> {
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
                if (!name.toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
                    attributes.put(name, value);
                }
            }
            at = m.end();
        }
        return attributes.isEmpty() ? null : attributes;
    }

    static void attach(Node target, Map<String, String> attributes) {
        if (target.getFirstChild() instanceof Marker existing) {
            existing.attributes.putAll(attributes);
        } else {
            target.prependChild(new Marker(attributes));
        }
    }

    private static final class Finder extends AbstractVisitor {
        @Override
        public void visit(Text text) {
            String literal = text.getLiteral();
            if (literal.indexOf('{') < 0) {
                return;
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
                        boolean alone = rest.isEmpty() && text.getPrevious() == null;
                        if (alone && parent instanceof Paragraph && parent.getPrevious() != null) {
                            attach(parent.getPrevious(), attributes); // {.x} on its own after a block
                            parent.unlink();
                            return;
                        }
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
