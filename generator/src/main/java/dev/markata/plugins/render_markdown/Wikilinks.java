package dev.markata.plugins.render_markdown;

import dev.markata.content.Post;
import dev.markata.plugins.load.Slugs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * markata's {@code md_it_wikilinks}: {@code [[target]]}, {@code [[target|text]]} and
 * {@code [[target#heading]]} (a heading's text or its id) become links to the post whose slug,
 * file name or title matches {@code target} (slugified). All posts go into one map once per build, so each link costs a
 * lookup. A target no post matches stays visible as {@code <span class="wikilink missing">}
 * rather than a dead link.
 */
final class Wikilinks implements Parser.ParserExtension {

    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\[\\]|]+?)(?:\\|([^\\[\\]]+?))?\\]\\]");

    private final Map<String, String> hrefs;

    private Wikilinks(Map<String, String> hrefs) {
        this.hrefs = hrefs;
    }

    /**
     * No link targets: every wikilink stays a missing one. For a build whose rendered posts have
     * no {@code [[}, and parsers that only look at blocks.
     */
    static Wikilinks none() {
        return new Wikilinks(Map.of());
    }

    /**
     * Links resolved among {@code posts}: by slug, then by the slug's last part, file stem and
     * title; then a name no post answers to that is a feed's slug links to the feed's page:
     * markata links every wikilink to /name, and real sites link their feeds so
     * (waylonwalker.com's colophon: "from the [[ meta ]] feed").
     *
     * @param pagePath a page's address by its slug ({@link dev.markata.config.SiteConfig#pagePath}):
     *                 under a {@code path_prefix}, where the site serves the page (markata's
     *                 wikilinks leave the prefix out, so under one they lead off the site)
     */
    static Wikilinks of(List<Post> posts, List<String> feedSlugs, UnaryOperator<String> pagePath) {
        Map<String, String> hrefs = new HashMap<>();
        for (Post post : posts) {
            hrefs.put(post.slug(), pagePath.apply(post.slug()));
        }
        for (Post post : posts) {
            String href = pagePath.apply(post.slug());
            String name = post.path().substring(post.path().lastIndexOf('/') + 1);
            String stem = name.lastIndexOf('.') < 0 ? name : name.substring(0, name.lastIndexOf('.'));
            hrefs.putIfAbsent(post.slug().substring(post.slug().lastIndexOf('/') + 1), href);
            hrefs.putIfAbsent(Slugs.slugify(stem), href);
            if (post.title() != null) {
                hrefs.putIfAbsent(Slugs.slugify(post.title()), href);
            }
        }
        for (String slug : feedSlugs) {
            hrefs.putIfAbsent(slug, pagePath.apply(slug));
        }
        return new Wikilinks(hrefs);
    }

    /** The href for {@code target}, or null. */
    String resolve(String target) {
        String page = target;
        String anchor = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            page = target.substring(0, hash);
            anchor = "#" + HeadingIds.slug(target.substring(hash + 1)); // the heading's id
        }
        if (page.isBlank()) {
            return anchor.isEmpty() ? null : anchor;
        }
        String href = hrefs.get(Slugs.slugify(page.strip().toLowerCase(Locale.ROOT)));
        return href == null ? null : href + anchor;
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(document -> {
            // lines are joined first, on their own: the visitor below must not lose its next node
            List<Text> opening = new ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    if (text.getLiteral().contains("[[")) {
                        opening.add(text);
                    }
                }
            });
            opening.forEach(Wikilinks::joinWrappedLink);
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    // no links inside links
                }

                @Override
                public void visit(Code code) {
                }

                @Override
                public void visit(Text text) {
                    if (text.getLiteral().contains("[[")) {
                        replace(text);
                    }
                }
            });
            return document;
        });
    }

    /**
     * A wikilink wrapped over two lines of a paragraph ({@code [[ markata} then {@code ]]}) is one
     * link, as markata's rule reads the paragraph's text, line break included: the text after an
     * unclosed {@code [[}, the line break and the next line's text become one text to match.
     */
    private static void joinWrappedLink(Text text) {
        String literal = text.getLiteral();
        while (literal.lastIndexOf("[[") > literal.lastIndexOf("]]")
                && text.getNext() instanceof SoftLineBreak lineBreak
                && lineBreak.getNext() instanceof Text next && next.getLiteral().contains("]]")) {
            literal = literal + "\n" + next.getLiteral();
            lineBreak.unlink();
            next.unlink();
            text.setLiteral(literal);
        }
    }

    private void replace(Text text) {
        String literal = text.getLiteral();
        Matcher m = LINK.matcher(literal);
        int at = 0;
        Node after = text;
        boolean any = false;
        while (m.find()) {
            any = true;
            if (m.start() > at) {
                after = insertAfter(after, new Text(literal.substring(at, m.start())));
            }
            String target = m.group(1).strip();
            String label = m.group(2) != null ? m.group(2).strip() : target;
            String href = resolve(target);
            Node node;
            if (href != null) {
                Link link = new Link(href, null);
                link.appendChild(new Text(label));
                link.prependChild(new Attributes.Marker(new LinkedHashMap<>(Map.of("class", "wikilink"))));
                node = link;
            } else {
                node = new MissingLink(label);
            }
            after = insertAfter(after, node);
            at = m.end();
        }
        if (!any) {
            return;
        }
        if (at < literal.length()) {
            insertAfter(after, new Text(literal.substring(at)));
        }
        text.unlink();
    }

    private static Node insertAfter(Node anchor, Node node) {
        anchor.insertAfter(node);
        return node;
    }

    /** A wikilink to nothing: rendered as a span, counted by the plugin. */
    static final class MissingLink extends CustomNode {
        final String label;

        MissingLink(String label) {
            this.label = label;
        }
    }
}
