package dev.markata.plugins.auto_description;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.auto_description.FirstParagraphs.Descriptions;
import dev.markata.plugins.load.ContentDigests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.auto_description}: a post without a {@code description} gets the plain
 * text of its first paragraph (at most 160 characters, cut at a word), and every post gets
 * {@code long_description} (at most 250). Read from the Markdown source line by line, without a
 * full parse: headings, code, HTML, admonitions, lists of links and front-matter-like lines are
 * skipped, inline markup is dropped.
 */
public final class AutoDescriptionPlugin implements Plugin {

    public static final String ID = "markata.plugins.auto_description";
    static final int SHORT = 160;
    static final int LONG = 250;

    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)\\]\\]");
    private static final Pattern FOOTNOTE_DEFINITION = Pattern.compile("\\[\\^[^\\]]+\\]:.*");
    private static final Pattern FOOTNOTE_REFERENCE = Pattern.compile("\\[\\^[^\\]]+\\]");
    private static final Pattern LIST_MARKER = Pattern.compile("^([-*+]|\\d+\\.)\\s+");

    @Override
    public String id() {
        return ID;
    }

    private static final StateKey<FirstParagraphs> KNOWN = new StateKey<>("first paragraphs", FirstParagraphs.class);

    @Override
    public void register(PluginSetup setup) {
        FirstParagraphs known = setup.memory().get(KNOWN, FirstParagraphs::new);
        setup.hook(Stage.PRE_RENDER, context -> {
            Path file = context.cacheDir().resolve(FirstParagraphs.FILE);
            known.startBuild(file, context.reporter());
            ContentDigests digests = ContentDigests.of(context);
            context.updatePosts(post -> {
                Descriptions made = known.of(digests.of(post), post.content(), AutoDescriptionPlugin::describe);
                var described = post.description().isBlank() ? post.withDescription(made.description()) : post;
                return described.withExtra("long_description", made.longDescription());
            });
            try {
                known.finishBuild(file);
            } catch (IOException e) {
                context.reporter().warn("could not write the cache file " + file + " (" + e.getMessage()
                        + "); the next build makes the posts' descriptions again");
            }
        });
    }

    private static Descriptions describe(String markdown) {
        String text = firstParagraph(markdown);
        return new Descriptions(cut(text, SHORT), cut(text, LONG));
    }

    static String firstParagraph(String markdown) {
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        // Line by line from the start, stopping at the paragraph's end: the rest of a long post
        // is never cut into lines.
        for (int start = 0; start <= markdown.length(); ) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String raw = markdown.substring(start, end);
            start = end + 1;
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            boolean skip = inFence || line.startsWith("#") || line.startsWith("<") || line.startsWith("!!!")
                    || line.startsWith("???") || line.startsWith(":::") || line.startsWith("|") || line.startsWith(">")
                    || line.startsWith("{%") || line.startsWith("---") || line.startsWith("![") || raw.startsWith("    ")
                    || line.startsWith("[^") && FOOTNOTE_DEFINITION.matcher(line).matches();
            if (line.isEmpty() || skip) {
                if (paragraph.length() > 0) {
                    break;
                }
                continue;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            char first = line.charAt(0);
            boolean mayBeListItem = first == '-' || first == '*' || first == '+' || first >= '0' && first <= '9';
            paragraph.append(mayBeListItem ? LIST_MARKER.matcher(line).replaceFirst("") : line);
        }
        // Each pattern only where its opening characters occur: most paragraphs have no image,
        // wikilink or footnote, and regular expressions dominate this plugin's time otherwise.
        String text = paragraph.toString();
        if (text.contains("![")) {
            text = withoutLinks(text, true);
        }
        if (text.contains("[[")) {
            text = WIKILINK.matcher(text).replaceAll("$1");
        }
        if (text.contains("](")) {
            text = withoutLinks(text, false);
        }
        text = withoutMarkup(text);
        if (text.contains("[^")) {
            text = FOOTNOTE_REFERENCE.matcher(text).replaceAll("");
        }
        return collapseWhitespace(text);
    }

    /**
     * Links {@code [text](url)} (or images {@code ![alt](url)}) replaced by their text, in one
     * pass: the same as replacing {@code \[([^\]]*)\]\([^)]*\)} (with a leading {@code !} for
     * images) by its group. Most first paragraphs of a blog post hold a link, and the regular
     * expression was most of this plugin's time.
     */
    static String withoutLinks(String text, boolean images) {
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            int open = images ? i + 1 : i;
            boolean starts = images ? text.charAt(i) == '!' && open < n && text.charAt(open) == '['
                    : text.charAt(i) == '[';
            if (!starts) {
                continue;
            }
            int close = text.indexOf(']', open + 1);
            if (close < 0 || close + 1 >= n || text.charAt(close + 1) != '(') {
                continue;
            }
            int end = text.indexOf(')', close + 2);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(text, copied, i).append(text, open + 1, close);
            copied = end + 1;
            i = end;
        }
        return out == null ? text : out.append(text, copied, n).toString();
    }

    /**
     * Drops emphasis and code marks ({@code * _ ` ~}), HTML tags ({@code <...>}), attribute
     * lists ({@code {.class}}, {@code {#id}}) and Jinja ({@code {{ ... }}}, {@code {% ... %}}),
     * in one pass: the same as the regular expression
     * {@code [*_`~]+|<[^>]+>|\{[.#][^}]*\}|\{\{.*?\}\}|\{%.*?%\}} replaced by nothing.
     */
    static String withoutMarkup(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int skipTo = -1;
            if (c == '*' || c == '_' || c == '`' || c == '~') {
                skipTo = i + 1;
            } else if (c == '<') {
                int close = text.indexOf('>', i + 1);
                skipTo = close > i + 1 ? close + 1 : -1;
            } else if (c == '{' && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == '.' || next == '#') {
                    int close = text.indexOf('}', i + 2);
                    skipTo = close < 0 ? -1 : close + 1;
                } else if (next == '{' || next == '%') {
                    int close = endOfLineBounded(text, i + 2, next == '{' ? "}}" : "%}");
                    skipTo = close < 0 ? -1 : close + 2;
                }
            }
            if (skipTo < 0) {
                out.append(c);
                i++;
            } else {
                i = skipTo;
            }
        }
        return out.toString();
    }

    /** Where {@code end} next occurs from {@code from} before a line break ('.' stops there), or -1. */
    private static int endOfLineBounded(String text, int from, String end) {
        int found = text.indexOf(end, from);
        if (found < 0) {
            return -1;
        }
        for (int i = from; i < found; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return -1;
            }
        }
        return found;
    }

    /** Runs of whitespace (regex {@code \s}: space, tab, line breaks, form feed) become one space; ends stripped. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString().strip();
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return (space > max / 2 ? text.substring(0, space) : text.substring(0, max - 1)) + "…";
    }
}
