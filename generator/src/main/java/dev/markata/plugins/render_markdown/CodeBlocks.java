package dev.markata.plugins.render_markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Fenced code blocks with a language class and server-side highlighting
 * ({@code <pre class="highlight"><code class="language-python">} with token spans, see
 * {@link Highlighter}), under the file name the fence gives ({@code ``` python title=settings.py},
 * see {@link #title}); wikilinks to no post as {@code <span class="wikilink missing">}.
 */
final class CodeBlocks implements HtmlRenderer.HtmlRendererExtension {

    /** What ends the language in a fence's info string ({@code python {hl_lines="2"}}). */
    private static final Pattern LANGUAGE_END = Pattern.compile("[\\s{]+");
    /** What separates a fence's language from what follows it, as Python's {@code str.split(maxsplit=1)}. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /**
     * The {@code key=value} pairs markata's highlighter (markata.plugins.md_it_highlight_code)
     * reads in what follows a fence's language: a value is a double-quoted run or a run without spaces.
     */
    private static final Pattern FENCE_ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*(\".*?\"|\\S+)");
    /** markata renders a title with a plain CommonMark markdown-it (raw HTML on), not the site's setup. */
    private static final Parser TITLE_PARSER = Parser.builder().build();
    private static final HtmlRenderer TITLE_RENDERER = HtmlRenderer.builder().percentEncodeUrls(true).build();

    /**
     * The HTML of the title a fence's info string gives after its language ({@code title=settings.py},
     * {@code title="kedro clean-branch --dryrun"}), or null: as markata's highlighter shows it above
     * the code, the value without the quotes around it (Python's {@code strip('"').strip("'")}, the
     * last {@code title} winning) rendered as Markdown, {@code <p>settings.py</p>}.
     */
    static String title(String info) {
        String[] parts = WHITESPACE.split(info.strip(), 2);
        if (parts.length < 2) {
            return null;
        }
        String title = null;
        Matcher attribute = FENCE_ATTRIBUTE.matcher(parts[1]);
        while (attribute.find()) {
            if (attribute.group(1).equals("title")) {
                title = attribute.group(2);
            }
        }
        title = title == null ? "" : Admonitions.withoutQuotes(title);
        return title.isEmpty() ? null : TITLE_RENDERER.render(TITLE_PARSER.parse(title)).strip();
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Renderer::new);
    }

    /**
     * The code without blank lines before and after it, ending in one newline, as markata's
     * highlighter (Pygments, stripnl) shows it: a fence that starts with empty lines showed them.
     */
    static String trimBlankLines(String code) {
        int start = 0;
        int end = code.length();
        while (start < end && code.charAt(start) == '\n') {
            start++;
        }
        while (end > start && code.charAt(end - 1) == '\n') {
            end--;
        }
        return start == end ? "" : start == 0 && end == code.length() - 1 ? code : code.substring(start, end) + "\n";
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
            return Set.of(FencedCodeBlock.class, Wikilinks.MissingLink.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Wikilinks.MissingLink missing) {
                // in one order (Map.of's order changes from one run to the next)
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("class", "wikilink missing");
                attributes.put("title", "no page is called this");
                html.tag("span", attributes);
                html.text(missing.label);
                html.tag("/span");
                return;
            }
            FencedCodeBlock block = (FencedCodeBlock) node;
            String info = block.getInfo() == null ? "" : block.getInfo().strip();
            String language = info.isEmpty() ? "" : LANGUAGE_END.split(info, 2)[0];
            html.line();
            String title = title(info);
            if (title != null) {
                // markata's <div class='filepath'> (its copy button and help link are not made here)
                html.tag("div", Map.of("class", "filepath"));
                html.raw(title);
                html.tag("/div");
                html.line();
            }
            html.tag("pre", context.extendAttributes(block, "pre", Map.of("class", "highlight")));
            Map<String, String> codeAttributes = language.isEmpty() ? Map.of()
                    : Map.of("class", "language-" + language);
            html.tag("code", context.extendAttributes(block, "code", codeAttributes));
            html.raw(Highlighter.highlight(language, trimBlankLines(block.getLiteral())));
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
    }
}
