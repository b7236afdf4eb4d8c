package dev.markata.plugins.load;

import dev.markata.plugin.PluginException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

/**
 * Splits a document into its YAML front matter and body. Front matter is optional; when the
 * first line that is not empty is {@code ---} it runs to the next {@code ---} (or {@code ...}) line.
 *
 * <p>Dates are left as text by the YAML reader (no implicit timestamps) so the loader parses
 * them itself, as dates without a time zone shift. A {@link Yaml} instance is not thread-safe:
 * make one {@code FrontMatter} per thread.
 */
final class FrontMatter {

    /**
     * The parts of one document.
     *
     * @param body      the text after the front matter without the white space around it, as
     *                  markata's post model strips {@code content} ({@code str_strip_whitespace}):
     *                  templates printing {@code post.content} and published sources show it so
     * @param bodyStart where the body starts in the document's UTF-8 bytes (after a byte order
     *                  mark, the front matter and white space), so its digest can be taken from them
     * @param bodyEnd   where it ends there (before the white space that ends the file)
     * @param firstLine the line of the file the front matter's opening {@code ---} is on (1
     *                  unless empty lines come first), for messages naming a line of it
     */
    record Parts(Map<String, Object> values, String body, List<String> frontMatterLines, int bodyStart, int bodyEnd,
                 int firstLine) {
    }

    /** A key at the top of the front matter, unquoted or quoted, before its colon. */
    private static final Pattern TOP_KEY =
            Pattern.compile("^(?:\"([^\"]+)\"|'([^']+)'|([^\\s#:'\"\\-\\[{!&*|>%@`][^:#]*?))\\s*:(?:\\s|$)");

    /**
     * A warning for each top-level key the front matter {@code parts} gives again: PyYAML, as
     * markata reads it, keeps the last value without a word (real posts give tags twice, so it
     * is not an error), and an author who edits the first one sees nothing change.
     */
    static List<String> keysGivenTwice(String document, Parts parts) {
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> firstLines = new HashMap<>();
        List<String> lines = parts.frontMatterLines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = TOP_KEY.matcher(lines.get(i));
            if (!key.find()) {
                continue;
            }
            String name = key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2) : key.group(3);
            int line = parts.firstLine() + 1 + i;
            Integer first = firstLines.putIfAbsent(name, line);
            if (first != null) {
                warnings.add(document + ":" + line + ": front matter gives " + name + " again (first on line " + first
                        + "): the last one is used, as markata's YAML reader does");
            }
        }
        return warnings;
    }

    /**
     * SnakeYAML's own logger, kept (java.util.logging holds loggers weakly) and quietened: with
     * duplicate keys allowed it prints "WARNING: duplicate keys found" with a timestamp, outside
     * the build's report, where markata (PyYAML) says nothing.
     */
    private static final Logger SNAKEYAML_LOG = quiet(Logger.getLogger("org.yaml.snakeyaml"));

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private final Yaml yaml;

    FrontMatter() {
        LoaderOptions options = new LoaderOptions();
        // PyYAML, which markata reads front matter with, keeps a key's last value: real posts
        // give tags twice (waylonwalker.com's about page), and markata builds them
        options.setAllowDuplicateKeys(true);
        DumperOptions dumper = new DumperOptions();
        yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new TextDates());
    }

    /**
     * Whether a line fences the front matter: three dashes or more, then only white space, as
     * python-frontmatter (markata's) finds its fences ({@code ^-{3,}\s*$}).
     */
    private static boolean isFence(String line) {
        String text = line.stripTrailing();
        return text.length() >= 3 && text.chars().allMatch(c -> c == '-');
    }

    /**
     * @param document the document's name for messages ("posts/a.md")
     * @param text     the whole file
     */
    Parts split(String document, String text) throws PluginException {
        int markBytes = 0;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
            markBytes = 3;
        }
        // Empty lines before the front matter are skipped, as python-frontmatter (markata's) strips
        // the text first: pype.dev's pages/bema/ notes start with one. Without front matter the
        // body keeps them.
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        int firstLine = 1 + (int) text.substring(0, first).chars().filter(c -> c == '\n').count();
        // Only the front matter is cut into lines: a post may be megabytes long.
        int lineEnd = endOfLine(text, first);
        if (first == text.length() || !isFence(text.substring(first, lineEnd))) {
            return body(Map.of(), text, 0, List.of(), markBytes, 1);
        }
        List<String> yamlLines = new ArrayList<>();
        int bodyStart = -1;
        int start = nextLine(text, lineEnd);
        while (start < text.length()) {
            int end = endOfLine(text, start);
            String line = text.substring(start, end);
            String trimmed = line.stripTrailing();
            if (isFence(trimmed) || trimmed.equals("...")) {
                bodyStart = nextLine(text, end);
                break;
            }
            yamlLines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = nextLine(text, end);
        }
        if (bodyStart < 0) {
            throw new PluginException(document + ":" + firstLine + ": front matter starts with --- but no line closes it"
                    + " with ---");
        }
        Object parsed;
        try {
            parsed = yaml.load(String.join("\n", yamlLines));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext().strip() + ")" : "";
            if (e.getContextMark() != null && problem.contains("end of stream")
                    && String.valueOf(e.getContext()).contains("quoted scalar")) {
                // YAML notices an open quote only at the end of the front matter: name where it opens
                mark = e.getContextMark();
                problem = "a quoted value opens on this line and is not closed before the front matter ends";
                context = "";
            }
            if (mark != null && problem.contains("mapping values are not allowed") && mark.getLine() < yamlLines.size()) {
                context += quoted(yamlLines.get(mark.getLine()));
            }
            int line = firstLine + (mark == null ? 1 : mark.getLine() + 1);
            throw new PluginException(document + ":" + line + ": front matter is not valid YAML: "
                    + problem.strip() + context, e);
        } catch (YAMLException e) {
            throw new PluginException(document + ":" + (firstLine + 1) + ": front matter is not valid YAML: "
                    + e.getMessage(), e);
        }
        if (parsed == null) {
            return body(Map.of(), text, bodyStart, yamlLines, markBytes, firstLine);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new PluginException(document + ":" + (firstLine + 1) + ": front matter must be \"key: value\" lines, not "
                    + (parsed instanceof List ? "a list" : "a single value"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return body(values, text, bodyStart, yamlLines, markBytes, firstLine);
    }

    /**
     * The parts, the body being {@code text} from {@code from} on stripped as markata's post model
     * strips it (Python's {@code str.strip()}), the indentation of its first line too: djankata's
     * posts, written by a Django form, start with an indented heading, which markata shows as a
     * heading.
     */
    private static Parts body(Map<String, Object> values, String text, int from, List<String> yamlLines, int markBytes,
                              int firstLine) {
        int start = from;
        while (start < text.length() && isPythonSpace(text.charAt(start))) {
            start++;
        }
        int end = text.length();
        while (end > start && isPythonSpace(text.charAt(end - 1))) { // an empty body ends where it starts
            end--;
        }
        int startByte = markBytes + utf8Length(text, 0, start);
        return new Parts(values, text.substring(start, end), yamlLines, startByte,
                startByte + utf8Length(text, start, end), firstLine);
    }

    /** Python's {@code str.isspace()}: Java's white space and the no-break spaces and NEL it leaves out. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }

    /** The length in UTF-8 of the characters {@code from} to {@code to} of {@code text} (no lone surrogates: it was decoded). */
    private static int utf8Length(String text, int from, int to) {
        int bytes = to - from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2; // a pair is 4 bytes, 2 chars
            }
        }
        return bytes;
    }

    /** Where the line starting at {@code start} ends (its '\\n', or the end of the text). */
    private static int endOfLine(String text, int start) {
        int newline = text.indexOf('\n', start);
        return newline < 0 ? text.length() : newline;
    }

    /** The start of the line after the one ending at {@code end}. */
    private static int nextLine(String text, int end) {
        return Math.min(end + 1, text.length());
    }

    /** YAML's implicit types without timestamps: dates stay text. */
    private static final class TextDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /**
     * For YAML's "mapping values are not allowed here" on {@code key: value: more} (a title such
     * as {@code Git: a primer}): the value's own ": " is the trouble, and the line with the value
     * quoted is the fix; empty for a line of another shape.
     */
    private static String quoted(String line) {
        int colon = line.indexOf(": ");
        String value = colon < 0 ? "" : line.substring(colon + 2).strip();
        if (colon <= 0 || !value.contains(": ") || value.startsWith("\"") || value.startsWith("'")) {
            return "";
        }
        return "; a value with \": \" in it needs quotes: " + line.substring(0, colon).strip() + ": \""
                + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
