package dev.markata.plugins.render_markdown;

import dev.markata.plugin.Hook;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Finds the links of a post's Markdown that are a paragraph of their own (a line holding only an
 * address, or an {@code <address>} autolink) and puts HTML in their place: the embeds of the
 * youtube and tweets plugins, which markata-go makes after render from every {@code <p>} that
 * holds only the address, wherever it is. So also in a quote, in an admonition, and in a list
 * item when the list is loose (a tight list's items are no paragraphs: {@code <li>address</li>}
 * stays a link there), and not in code, raw HTML, a footnote (its last paragraph ends with the
 * back link) or a paragraph given attributes ({@code {.wide}}: its {@code <p>} has them). Working
 * on the Markdown before render, for every post, means the render cache's key covers the embed,
 * and a listing that renders a post the skip plugin left unrendered shows it too.
 *
 * <p>The paragraphs are those of markata-java's own parser (which makes markata's HTML, checked
 * against markdown-it-py with markata's plugins), found with where each was in the source: the
 * paragraph's line is replaced from its column on, and each further line of the HTML gets what
 * stood before that column, with list markers as spaces ({@code > } stays), so the HTML block is
 * inside the same quote, admonition or item. An address followed by a full stop or another mark
 * linkify leaves out of the link is a sentence, not a paragraph of one link.
 */
public final class StandaloneLinks {

    /** Made on first use: most builds embed nothing. */
    private static final class Holder {
        static final Parser PARSER = Markdown.withSourceSpans();
    }

    private static final Pattern LINE_END = Pattern.compile("\r\n|\r|\n");

    private StandaloneLinks() {
    }

    /**
     * The pre_render hook of a plugin that embeds standalone links: every post whose Markdown
     * holds {@code marker} (a cheap look first: most posts embed nothing) gets {@code embed}'s
     * Markdown, a post it leaves as it is stays the same post.
     */
    public static Hook embedding(String marker, UnaryOperator<String> embed) {
        return context -> context.updatePosts(post -> post.content().contains(marker), post -> {
            String content = embed.apply(post.content());
            return content == post.content() ? post : post.withContent(content);
        });
    }

    /**
     * {@code markdown} with each standalone link that {@code link} matches (the whole address)
     * replaced by {@code html} of the match, or the very same string when none is. The HTML must
     * hold no blank line (it is one HTML block) and start with a tag that opens one
     * ({@code <div>}, {@code <blockquote>}...).
     */
    public static String replace(String markdown, Pattern link, Function<Matcher, String> html) {
        Map<Integer, Found> found = new TreeMap<>();
        Holder.PARSER.parse(MarkdownBlocks.markersBlanked(markdown)).accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Found alone = alone(paragraph, link);
                if (alone != null) {
                    found.put(alone.line(), alone);
                }
            }
        });
        if (found.isEmpty()) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 1024 * found.size());
        Matcher lineEnd = LINE_END.matcher(markdown);
        int start = 0;
        for (int line = 0; start <= markdown.length(); line++) {
            boolean more = lineEnd.find();
            int end = more ? lineEnd.start() : markdown.length();
            Found here = found.get(line);
            if (here == null) {
                out.append(markdown, start, end);
            } else {
                String text = markdown.substring(start, end);
                String before = text.substring(0, here.column());
                out.append(before).append(html.apply(here.address()).replace("\n", "\n" + continuation(before)))
                        .append(text.substring(Math.min(text.length(), here.column() + here.length())));
            }
            if (!more) {
                break;
            }
            out.append(lineEnd.group());
            start = lineEnd.end();
        }
        return out.toString();
    }

    /** A paragraph of one link: its line and columns in the source, and the address matched. */
    private record Found(int line, int column, int length, Matcher address) {
    }

    /**
     * The paragraph when it is {@code <p>} and one link to the address it shows, which
     * {@code link} matches, on one line; else null.
     */
    private static Found alone(Paragraph paragraph, Pattern link) {
        Node parent = paragraph.getParent();
        if (parent instanceof ListItem && parent.getParent() instanceof ListBlock list && list.isTight()) {
            return null; // no <p> in a tight list's items
        }
        if (parent instanceof FootnoteDefinition && paragraph.getNext() == null) {
            return null; // markdown-it puts the back link into the footnote's last paragraph
        }
        if (!(paragraph.getFirstChild() instanceof Link anchor) || anchor.getNext() != null
                || !(anchor.getFirstChild() instanceof Text text) || text.getNext() != null
                || !text.getLiteral().equals(anchor.getDestination())) {
            return null;
        }
        List<SourceSpan> spans = paragraph.getSourceSpans();
        Matcher matcher = link.matcher(text.getLiteral());
        if (spans.size() != 1 || !matcher.matches()) {
            return null;
        }
        SourceSpan span = spans.get(0);
        return new Found(span.getLineIndex(), span.getColumnIndex(), span.getLength(), matcher);
    }

    /**
     * What further lines of HTML replacing a paragraph start with: what stood before the paragraph
     * on its line, quote marks kept and the rest (list markers, indentation) as spaces.
     */
    private static String continuation(String before) {
        StringBuilder out = new StringBuilder(before.length());
        for (char c : before.toCharArray()) {
            out.append(c == '>' || c == '\t' ? c : ' ');
        }
        return out.toString();
    }
}
