package dev.markata.plugins.auto_description;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.load.ContentDigests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.auto_description}: a post gets each description {@code [markata.auto_description]}
 * names ({@code description}, 160 characters, and {@code long_description}, 250, unless configured
 * otherwise; {@code super_description} and others the site adds), where its front matter has none:
 * the plain text of its paragraphs, one after the other, cut at a word with "…". As markata, whose
 * descriptions run on into the next paragraphs when the first is short (pype.dev's published
 * sources show them so). Read from the Markdown source line by line, without a full parse, and
 * only as far as the longest description needs: headings, code, HTML, admonitions, quotes, lists of
 * links and front-matter-like lines are skipped, inline markup is dropped.
 */
public final class AutoDescriptionPlugin implements Plugin {

    public static final String ID = "markata.plugins.auto_description";
    static final int SHORT = AutoDescriptionConfig.SHORT;
    static final int LONG = AutoDescriptionConfig.LONG;

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
    public void register(PluginSetup setup) throws ConfigException {
        AutoDescriptionConfig config = setup.config(AutoDescriptionConfig.SECTION);
        int limit = config.longest();
        FirstParagraphs known = setup.memory().get(KNOWN, FirstParagraphs::new);
        setup.hook(Stage.PRE_RENDER, context -> {
            Path file = context.cacheDir().resolve(FirstParagraphs.FILE);
            known.startBuild(file, context.reporter(), limit);
            ContentDigests digests = ContentDigests.of(context);
            context.updatePosts(post -> {
                String text = known.of(digests.of(post), post.content(), markdown -> text(markdown, limit));
                Post described = post;
                for (Map.Entry<String, Integer> length : config.lengths().entrySet()) {
                    String name = length.getKey();
                    if (name.equals("description")) {
                        if (post.description().isBlank()) {
                            described = described.withDescription(cut(text, length.getValue()));
                        }
                    } else if (isEmpty(post.extra().get(name))) { // markata keeps the front matter's, unless empty
                        described = described.withExtra(name, cut(text, length.getValue()));
                    }
                }
                return described;
            });
            context.writeCache(file, () -> known.finishBuild(file));
        });
    }

    /** Python's {@code not value} for what front matter holds: missing, null, "", an empty list. */
    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> items && items.isEmpty() || Boolean.FALSE.equals(value);
    }

    /**
     * The plain text of the post's paragraphs, joined with a space, read until it is longer than
     * {@code limit} and kept to {@code limit + 1} characters (enough for {@link #cut} to see that
     * a description of at most {@code limit} is cut).
     */
    static String text(String markdown, int limit) {
        StringBuilder text = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        String fenceOpened = null; // the open fence's marks (```, ````, ~~~), which only as many or more of close
        // Line by line from the start, stopping once the text is long enough: the rest of a long
        // post is never cut into lines.
        for (int start = 0; start <= markdown.length() && text.length() <= limit; ) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline;
            String raw = markdown.substring(start, end);
            start = end + 1;
            String line = raw.strip();
            String marks = fenceMarks(line);
            boolean fence = marks != null && (fenceOpened == null
                    || marks.charAt(0) == fenceOpened.charAt(0) && marks.length() >= fenceOpened.length()
                    && line.length() == marks.length());
            boolean inFence = fenceOpened != null;
            if (fence) {
                fenceOpened = inFence ? null : marks;
            }
            boolean skip = fence || inFence || line.startsWith("#") || line.startsWith("<") || line.startsWith("!!!")
                    || line.startsWith("???") || line.startsWith(":::") || line.startsWith("|") || line.startsWith(">")
                    || line.startsWith("{%") || line.startsWith("---") || line.startsWith("![") || raw.startsWith("    ")
                    || line.startsWith("[^") && FOOTNOTE_DEFINITION.matcher(line).matches();
            if (line.isEmpty() || skip) {
                append(text, paragraph);
                continue;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            char first = line.charAt(0);
            boolean mayBeListItem = first == '-' || first == '*' || first == '+' || first >= '0' && first <= '9';
            paragraph.append(mayBeListItem ? LIST_MARKER.matcher(line).replaceFirst("") : line);
        }
        append(text, paragraph);
        return text.length() > limit + 1 ? text.substring(0, limit + 1) : text.toString();
    }

    /** The run of backticks or tildes (three or more) a fence line starts with, or null. */
    private static String fenceMarks(String line) {
        if (!line.startsWith("```") && !line.startsWith("~~~")) {
            return null;
        }
        int end = 3;
        while (end < line.length() && line.charAt(end) == line.charAt(0)) {
            end++;
        }
        return line.substring(0, end);
    }

    /** Adds a paragraph's plain text to the text (a space between), and empties the paragraph. */
    private static void append(StringBuilder text, StringBuilder paragraph) {
        if (paragraph.length() == 0) {
            return;
        }
        String plain = plain(paragraph.toString());
        paragraph.setLength(0);
        if (!plain.isEmpty()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(plain);
        }
    }

    /** A paragraph's Markdown as plain text: links, images and wikilinks as their text, markup dropped. */
    private static String plain(String paragraph) {
        // Each pattern only where its opening characters occur: most paragraphs have no image,
        // wikilink or footnote, and regular expressions dominate this plugin's time otherwise.
        String text = paragraph;
        List<String> code = null;
        if (text.indexOf('`') >= 0) {
            code = new ArrayList<>();
            text = codeMarked(text, code);
        }
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
        if (code != null && !code.isEmpty()) {
            StringBuilder out = new StringBuilder(text.length());
            int next = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c == CODE_MARK && next < code.size() ? code.get(next++) : String.valueOf(c));
            }
            text = out.toString();
        }
        return collapseWhitespace(text);
    }

    /** Stands for a code span's text while the rest of a paragraph loses its markup. */
    private static final char CODE_MARK = '\uE000';

    /**
     * The paragraph with each code span ({@code `text`}, {@code ``text``}: a run of backticks up to
     * the next run of as many) replaced by {@link #CODE_MARK}, its text added to {@code code}, as
     * CommonMark reads it (line breaks as spaces, one space each side taken off when both are
     * there): a code span's text is text, {@code render_markdown} keeps its underscore. A run of
     * backticks that nothing closes stays for the markup rule to drop.
     */
    static String codeMarked(String text, List<String> code) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (text.charAt(i) != '`') {
                out.append(text.charAt(i++));
                continue;
            }
            int runEnd = i;
            while (runEnd < n && text.charAt(runEnd) == '`') {
                runEnd++;
            }
            int length = runEnd - i;
            int close = runEnd;
            int closeEnd = -1;
            while (close < n) {
                if (text.charAt(close) != '`') {
                    close++;
                    continue;
                }
                int end = close;
                while (end < n && text.charAt(end) == '`') {
                    end++;
                }
                if (end - close == length) {
                    closeEnd = end;
                    break;
                }
                close = end;
            }
            if (closeEnd < 0) {
                out.append(text, i, runEnd);
                i = runEnd;
                continue;
            }
            String inside = text.substring(runEnd, close).replace('\n', ' ');
            if (inside.length() > 1 && inside.startsWith(" ") && inside.endsWith(" ") && !inside.isBlank()) {
                inside = inside.substring(1, inside.length() - 1);
            }
            code.add(inside);
            out.append(CODE_MARK);
            i = closeEnd;
        }
        return out.toString();
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
     * Drops emphasis, strikethrough and code marks ({@code *}, {@code `}, runs of two {@code ~} or
     * more, runs of {@code _} but those inside a word, as markdown-it leaves {@code snake_case}
     * and {@code ~/.bashrc} text), HTML tags ({@code <...>}), attribute lists ({@code {.class}},
     * {@code {#id}}) and Jinja ({@code {{ ... }}}, {@code {% ... %}}), in one pass: the same as the
     * regular expression {@code [*`]+|~~+|(?<![\p{L}\p{N}_])_+|(?<=[\p{L}\p{N}])_+(?![\p{L}\p{N}_])|<[^>]+>|\{[.#][^}]*\}|\{\{.*?\}\}|\{%.*?%\}}
     * replaced by nothing.
     */
    static String withoutMarkup(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int skipTo = -1;
            if (c == '*' || c == '`') {
                skipTo = i + 1;
            } else if (c == '_' || c == '~') {
                int end = i + 1;
                while (end < n && text.charAt(end) == c) {
                    end++;
                }
                // markdown-it's text: a lone ~ (strikethrough takes two), _ inside a word (no emphasis there)
                boolean text_ = c == '~' ? end - i == 1 : i > 0 && end < n
                        && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(end));
                if (text_) {
                    out.append(text, i, end);
                    i = end;
                    continue;
                }
                skipTo = end;
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
