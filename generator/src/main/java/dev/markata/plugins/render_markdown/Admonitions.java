package dev.markata.plugins.render_markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Admonitions as markata's admon plugin (mdit-py-plugins) reads them, as blocks of the parser, so
 * they work inside lists and quotes and may interrupt a paragraph: {@code !!! note}, collapsible
 * {@code ??? note} and open {@code ???+ note}, then the title ({@code "A title"} with its quotes
 * dropped, or the words after the tag, or the tag capitalised; {@code ""} for none; Markdown in
 * it is rendered), more tags before a quoted title ({@code !!! note warning "Title"}). The content
 * is the lines indented past the marker (four columns with one space after it); two blank lines
 * in a row end it.
 *
 * <p>{@code !!!} is {@code <div class="admonition note"><p class="admonition-title">}, as in
 * markata. {@code ???} is markata's {@code is-collapsible collapsible-closed} (or
 * {@code collapsible-open}) div there, which needs a script to fold; here it is a
 * {@code <details>} with the same classes and the title as {@code <summary
 * class="admonition-title">}, which folds without one.
 *
 * <p>For a site whose {@code [markata.markdown_it_py]} plugins list markata's details plugin and
 * not the admon plugin ({@code markataDetails}), {@code ???} blocks are that plugin's: {@code
 * <details class="details TAG">} with the title in {@code <summary class="details-title">}, the tag
 * the first word, the title the words after it with quotes around them dropped, else the tag
 * capitalised. markata's plugin reads {@code ???+ note} as the tag {@code +} titled "note"; here it
 * is the tag {@code note}, open.
 */
final class Admonitions implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /**
     * Python's {@code text.strip('"').strip("'")}, as markata's plugins take the quotes off a title
     * (an admonition's, a code fence's {@code title=}).
     */
    static String withoutQuotes(String text) {
        return stripEnds(stripEnds(text, '"'), '\'');
    }

    /** Python's {@code text.strip(c)}: every {@code c} at either end removed. */
    private static String stripEnds(String text, char c) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) == c) {
            from++;
        }
        while (to > from && text.charAt(to - 1) == c) {
            to--;
        }
        return text.substring(from, to);
    }

    private static final Pattern QUOTED_TITLE = Pattern.compile("^\\s*([^\"]+)\\s+\"(.*)\"\\S*$");

    /** One admonition: its classes, whether it folds (and starts open), its title's text and class. */
    static final class Admonition extends CustomBlock {
        final String cssClass;
        final boolean collapsible;
        final boolean open;
        final String title;
        final String titleClass;

        Admonition(String cssClass, boolean collapsible, boolean open, String title, String titleClass) {
            this.cssClass = cssClass;
            this.collapsible = collapsible;
            this.open = open;
            this.title = title;
            this.titleClass = titleClass;
        }
    }

    /** The title, holding its parsed inlines; the first child of its admonition. */
    static final class Title extends CustomBlock {
    }

    private final boolean markataDetails;

    /** @param markataDetails whether {@code ???} blocks are markata's details plugin's (see above) */
    Admonitions(boolean markataDetails) {
        this.markataDetails = markataDetails;
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory(markataDetails));
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Renderer::new);
    }

    private static final class Factory extends AbstractBlockParserFactory {
        private final boolean markataDetails;

        Factory(boolean markataDetails) {
            this.markataDetails = markataDetails;
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            if (state.getIndent() >= 4) {
                return BlockStart.none(); // indented code
            }
            CharSequence line = state.getLine().getContent();
            int start = state.getNextNonSpaceIndex();
            int marker = markerLength(line, start);
            if (marker == 0) {
                return BlockStart.none();
            }
            String params = line.subSequence(start + marker, line.length()).toString();
            if (params.isBlank()) {
                return BlockStart.none();
            }
            int spaces = 0;
            while (spaces < params.length() && params.charAt(spaces) == ' ') {
                spaces++;
            }
            boolean collapsible = line.charAt(start) == '?';
            return BlockStart.of(new AdmonitionParser(params, collapsible, marker == 4, 3 + spaces,
                            collapsible && markataDetails))
                    .atIndex(line.length());
        }

        /** 4 for {@code ???+}, 3 for {@code ???} and {@code !!!}, else 0. */
        private static int markerLength(CharSequence line, int at) {
            if (at + 3 > line.length()) {
                return 0;
            }
            char c = line.charAt(at);
            if ((c != '!' && c != '?') || line.charAt(at + 1) != c || line.charAt(at + 2) != c) {
                return 0;
            }
            return c == '?' && at + 3 < line.length() && line.charAt(at + 3) == '+' ? 4 : 3;
        }
    }

    private static final class AdmonitionParser extends AbstractBlockParser {
        private final Admonition block;
        private final int contentIndent;
        private boolean blankBefore;

        AdmonitionParser(String params, boolean collapsible, boolean open, int contentIndent, boolean details) {
            this.contentIndent = contentIndent;
            if (details) {
                String[] words = params.strip().split(" ", -1);
                String joined = String.join(" ", List.of(words).subList(1, words.length));
                joined = withoutQuotes(joined);
                this.block = new Admonition("details " + words[0].toLowerCase(Locale.ROOT), true, open,
                        joined.isEmpty() ? titleCase(words[0]) : joined, "details-title");
                return;
            }
            List<String> tags = new ArrayList<>();
            String title = titleAndTags(params.strip(), tags);
            StringBuilder css = new StringBuilder("admonition");
            for (String tag : tags) {
                css.append(' ').append(tag);
            }
            if (collapsible) {
                css.append(open ? " is-collapsible collapsible-open" : " is-collapsible collapsible-closed");
            }
            this.block = new Admonition(css.toString(), collapsible, open, title, "admonition-title");
        }

        @Override
        public Block getBlock() {
            return block;
        }

        @Override
        public boolean isContainer() {
            return true;
        }

        @Override
        public boolean canContain(Block childBlock) {
            return true;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            if (state.isBlank()) {
                if (blankBefore) {
                    return BlockContinue.none();
                }
                blankBefore = true;
                return BlockContinue.atIndex(state.getNextNonSpaceIndex());
            }
            blankBefore = false;
            return state.getIndent() >= contentIndent ? BlockContinue.atColumn(state.getColumn() + contentIndent)
                    : BlockContinue.none();
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            if (!block.title.isEmpty()) {
                Title title = new Title();
                inlineParser.parse(SourceLines.of(SourceLine.of(block.title, null)), title);
                block.prependChild(title);
            }
        }
    }

    /** The admon plugin's tags and title: {@code tags "title"}, else {@code tag words}, else {@code tag}. */
    static String titleAndTags(String params, List<String> tags) {
        Matcher quoted = QUOTED_TITLE.matcher(params);
        if (quoted.matches()) {
            for (String tag : quoted.group(1).strip().split(" ", -1)) {
                tags.add(tag.toLowerCase(Locale.ROOT));
            }
            return quoted.group(2);
        }
        int space = params.indexOf(' ');
        String tag = space < 0 ? params : params.substring(0, space);
        tags.add(tag.toLowerCase(Locale.ROOT));
        String rest = space < 0 ? "" : params.substring(space + 1);
        if (rest.isEmpty()) {
            return titleCase(tag);
        }
        return rest.equals("\"\"") ? "" : rest;
    }

    /** Python's {@code str.title()}: a letter after a letter in lower case, others in upper case. */
    private static String titleCase(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean afterLetter = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            out.appendCodePoint(afterLetter ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
            afterLetter = Character.isLetter(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static final class Renderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Renderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Admonition.class, Title.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Title title) {
                Admonition admonition = (Admonition) title.getParent();
                String tag = admonition.collapsible ? "summary" : "p";
                html.tag(tag, context.extendAttributes(title, tag, Map.of("class", admonition.titleClass)));
                Children.render(context, title);
                html.tag("/" + tag);
                html.line();
                return;
            }
            Admonition admonition = (Admonition) node;
            String tag = admonition.collapsible ? "details" : "div";
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("class", admonition.cssClass);
            if (admonition.open) {
                attributes.put("open", "");
            }
            html.line();
            html.tag(tag, context.extendAttributes(admonition, tag, attributes));
            html.line();
            Children.render(context, admonition);
            html.line();
            html.tag("/" + tag);
            html.line();
        }
    }
}
