package dev.markata.plugins.render_markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Heading ids as markata's anchors plugin (mdit-py-plugins' anchors_plugin, its defaults) makes
 * them, so links into a page point where they did under markata: the heading's text and inline
 * code, stripped and lower-cased, spaces as {@code -}, then everything but word characters, CJK
 * ideographs, {@code -} and spaces dropped; a repeated id gets {@code -1}, {@code -2}... (the first
 * free one, so {@code x}, {@code x-1}, {@code x} are {@code x}, {@code x-1}, {@code x-2}).
 *
 * <p>With the plugin's {@code permalink} setting ({@link MarkdownItConfig.Anchors}), those headings
 * also get its link to themselves.
 *
 * <p>markata gives ids to h1 and h2 only (its levels); h3 to h6 get them here too (for links and wikilinks to
 * a section), made unique against every id of the page, so the h1 and h2 ids are markata's. An
 * id given with {@code {#id}} is kept. A walk over the document's blocks finds the headings; the
 * ids are made without regular expressions.
 */
final class HeadingIds implements Parser.ParserExtension {

    private final MarkdownItConfig.Anchors anchors;

    /** Ids (and permalinks) as markata's anchors plugin with these settings makes them. */
    HeadingIds(MarkdownItConfig.Anchors anchors) {
        this.anchors = anchors;
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(document -> {
            List<Heading> headings = new ArrayList<>();
            Blocks.forEach(document, block -> {
                if (block instanceof Heading heading) {
                    headings.add(heading);
                }
            });
            if (!headings.isEmpty()) {
                assign(headings, anchors);
            }
            return document;
        });
    }

    private static void assign(List<Heading> headings, MarkdownItConfig.Anchors anchors) {
        Map<Heading, String> given = new HashMap<>();
        for (Heading heading : headings) {
            String id = givenId(heading);
            if (id != null) {
                given.put(heading, id); // an author's {#id} is never given to another heading
            }
        }
        Set<String> markata = new HashSet<>(given.values());
        Set<String> all = new HashSet<>(markata);
        for (Heading heading : headings) {
            if (isAnchored(heading, anchors)) {
                String id = given.get(heading);
                if (id == null) {
                    id = unique(slug(heading), markata);
                    all.add(id);
                    Attributes.attach(heading, new LinkedHashMap<>(Map.of("id", id)));
                }
                permalink(heading, id, anchors);
            }
        }
        for (Heading heading : headings) {
            if (!isAnchored(heading, anchors) && !given.containsKey(heading)) {
                Attributes.attach(heading, new LinkedHashMap<>(Map.of("id", unique(slug(heading), all))));
            }
        }
    }

    private static boolean isAnchored(Heading heading, MarkdownItConfig.Anchors anchors) {
        return heading.getLevel() >= anchors.minLevel() && heading.getLevel() <= anchors.maxLevel();
    }

    /**
     * anchors_plugin's permalink: {@code <a class="header-anchor" href="#id">symbol</a>} (the
     * symbol as raw HTML) after the heading's text, or before it, with a space between.
     */
    private static void permalink(Heading heading, String id, MarkdownItConfig.Anchors anchors) {
        if (!anchors.permalink()) {
            return;
        }
        HtmlInline link = new HtmlInline();
        link.setLiteral("<a class=\"header-anchor\" href=\"#" + id.replace("&", "&amp;").replace("\"", "&quot;")
                + "\">" + anchors.symbol() + "</a>");
        Text space = anchors.space() ? new Text(" ") : null;
        if (!anchors.before()) {
            if (space != null) {
                heading.appendChild(space);
            }
            heading.appendChild(link);
            return;
        }
        // at the start, but after an {#id} marker, which must stay the heading's first child
        Node first = heading.getFirstChild() instanceof Attributes.Marker marker ? marker.getNext() : heading.getFirstChild();
        if (first == null) {
            heading.appendChild(link);
        } else {
            first.insertBefore(link);
        }
        if (space != null) {
            link.insertAfter(space);
        }
    }

    private static String givenId(Heading heading) {
        return heading.getFirstChild() instanceof Attributes.Marker marker ? marker.attributes.get("id") : null;
    }

    /** anchors_plugin's unique_slug: the slug, else the slug with the first free -N. */
    private static String unique(String slug, Set<String> used) {
        String id = slug;
        for (int i = 1; used.contains(id); i++) {
            id = slug + "-" + i;
        }
        used.add(id);
        return id;
    }

    /** anchors_plugin's slugify of the heading's text and code (not image alt text or HTML). */
    private static String slug(Heading heading) {
        StringBuilder text = new StringBuilder();
        appendText(heading, text);
        return slug(text.toString());
    }

    /** anchors_plugin's slugify: the id of a heading with this text (an id is its own slug). */
    static String slug(String text) {
        String title = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(title.length());
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            if (cp == ' ') {
                slug.append('-');
            } else if (isWord(cp) || cp == '-' || (cp >= 0x4e00 && cp <= 0x9fff)) {
                slug.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return slug.toString();
    }

    private static void appendText(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (!(node instanceof Image) && !(node instanceof HtmlInline)) {
                appendText(node, out);
            }
        }
    }

    /** Python's {@code \w}: letters, numbers of every kind and the underscore. */
    private static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }
}
