package dev.markata.plugins.publish_source;

import dev.markata.content.Post;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A post written out as markata's {@code Post.dumps()} writes it: {@code ---}, the included
 * fields as PyYAML's {@code yaml.dump} (libyaml's emitter) prints them, a blank line and
 * {@code ---} after them, a blank line, then the body:
 *
 * <pre>
 * ---
 * date: 2024-05-01
 * published: true
 * slug: my-post
 * title: My post
 *
 *
 * ---
 *
 * The body...
 * </pre>
 *
 * <p>PyYAML's defaults are kept: keys sorted, block style, lines folded at 80 columns, text
 * outside ASCII written as {@code \\u} escapes in double quotes. SnakeYAML is a port of PyYAML,
 * so its emitter with those options chooses the same styles and folds plain and single-quoted
 * text the same; its double-quoted text is written again as libyaml writes it
 * ({@link #asLibyaml}). Checked against PyYAML with libyaml in {@code SourceTextTest}. A
 * front-matter date other than {@code date} is text here (the loader keeps dates as written), so
 * it is quoted where markata writes a date. Not thread-safe: one per thread.
 */
final class SourceText {

    /** PyYAML's (and libyaml's) best width. */
    private static final int WIDTH = 80;

    private final Yaml yaml;
    /** Whether text outside ASCII is written as it is (python-frontmatter's {@code allow_unicode=True}). */
    private final boolean unicode;

    SourceText() {
        this(false);
    }

    /** @param unicode whether text outside ASCII is written as it is, where libyaml can print it */
    SourceText(boolean unicode) {
        this.unicode = unicode;
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(unicode);
        options.setWidth(WIDTH);
        options.setIndent(2);
        options.setSplitLines(true);
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        yaml = new Yaml(new PyYamlRepresenter(options), options);
    }

    /**
     * What PyYAML's representer does where SnakeYAML's differs: markata's {@code post.date} is a
     * day, printed plain ({@code 2024-05-01}); text gets no style of its own (SnakeYAML makes
     * text with line breaks a literal block), so the emitter chooses plain, single quotes or
     * double quotes as PyYAML's does.
     */
    private static final class PyYamlRepresenter extends Representer {
        PyYamlRepresenter(DumperOptions options) {
            super(options);
            representers.put(LocalDate.class, data -> representScalar(Tag.TIMESTAMP, data.toString()));
            representers.put(String.class, data -> representScalar(Tag.STR, (String) data,
                    DumperOptions.ScalarStyle.PLAIN));
        }
    }

    /**
     * The file's text.
     *
     * @param html the post's pages by output name ({@code index} first), for the {@code html}
     *             field: one page is written as text, several as a table, as markata has them
     */
    String of(Post post, List<String> include, Map<String, String> html) {
        Map<String, Object> fields = new TreeMap<>();
        for (String name : include) {
            Object value = field(post, name, html);
            if (value != Missing.FIELD) {
                fields.put(name, value);
            }
        }
        String front = fields.isEmpty() ? "{}\n" : asLibyaml(yaml.dump(fields));
        return "---\n" + front + "\n\n---\n\n" + post.content();
    }

    /**
     * {@code text} with its double-quoted scalars written as libyaml writes them, where
     * SnakeYAML, a port of PyYAML's pure-Python emitter, writes them otherwise: libyaml folds a
     * long one at the first space past column 80 (PyYAML before a word that would pass it, with
     * a {@code \\} at the line's end) and writes escapes with capital hex digits
     * ({@code \xE9}). The scalars and their indentation are found by parsing the text again
     * (it is all ASCII, so a mark's index is a character's), not by a pattern, which would
     * also change a plain scalar's {@code \xab}.
     */
    private String asLibyaml(String text) {
        // what differs always has a backslash: an escape, or the one PyYAML ends a folded line with;
        // with unicode, also a character past U+FFFF, which SnakeYAML prints and libyaml escapes
        if (text.indexOf('\\') < 0 && !(unicode && text.codePoints().anyMatch(Character::isSupplementaryCodePoint))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        Deque<Collection> open = new ArrayDeque<>();
        int indent = -1;
        for (Event event : yaml.parse(new StringReader(text))) {
            Collection parent = open.peek();
            if (event instanceof CollectionStartEvent start) {
                boolean mapping = start instanceof MappingStartEvent;
                boolean indentless = !mapping && parent != null && parent.mapping;
                open.push(new Collection(mapping, indent));
                indent = indent < 0 ? 0 : indentless ? indent : indent + 2;
                if (parent != null) {
                    parent.nodes++;
                }
            } else if (event instanceof CollectionEndEvent) {
                indent = open.pop().outerIndent;
            } else if (event instanceof ScalarEvent scalar) {
                boolean key = parent != null && parent.mapping && parent.nodes % 2 == 0;
                if (parent != null) {
                    parent.nodes++;
                }
                if (scalar.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                        || unicode && scalar.getValue().codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
                    // marks count code points; the text's indexes are chars
                    int from = text.offsetByCodePoints(0, scalar.getStartMark().getIndex());
                    out.append(text, copied, from);
                    doubleQuoted(out, scalar.getValue(), scalar.getStartMark().getColumn(),
                            indent < 0 ? 2 : indent + 2, !key, unicode);
                    copied = text.offsetByCodePoints(0, scalar.getEndMark().getIndex());
                }
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** A block mapping or sequence being read, its indentation outside it, and how many nodes it has had. */
    private static final class Collection {
        final boolean mapping;
        final int outerIndent;
        int nodes;

        Collection(boolean mapping, int outerIndent) {
            this.mapping = mapping;
            this.outerIndent = outerIndent;
        }
    }

    /**
     * {@code value} in double quotes as libyaml writes it without unicode: everything outside
     * printable ASCII, {@code "} and {@code \\} escaped, and a value (not a key) folded at the
     * first space of a run once past column 80 (not at its first or last character), the next
     * line at {@code indent}, with a {@code \\} when another space follows. With {@code unicode},
     * what libyaml can print stays as it is ({@link #printable}).
     */
    static void doubleQuoted(StringBuilder out, String value, int column, int indent, boolean breaks,
                             boolean unicode) {
        int[] text = value.codePoints().toArray();
        out.append('"');
        column++;
        boolean spaces = false;
        for (int i = 0; i < text.length; i++) {
            int c = text[i];
            if (unicode ? !printable(c) : c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                String escape = escape(c);
                out.append(escape);
                column += escape.length();
                spaces = false;
            } else if (c == ' ') {
                if (breaks && !spaces && column > WIDTH && i != 0 && i != text.length - 1) {
                    out.append('\n').append(" ".repeat(indent));
                    column = indent;
                    if (text[i + 1] == ' ') {
                        out.append('\\');
                        column++;
                    }
                } else {
                    out.append(' ');
                    column++;
                }
                spaces = true;
            } else {
                out.append((char) c);
                column++;
                spaces = false;
            }
        }
        out.append('"');
    }

    /**
     * What libyaml writes as it is in double quotes with unicode on: its printable characters
     * (up to U+FFFD: it escapes every character past U+FFFF) but line breaks, the byte-order mark,
     * {@code "} and {@code \\}.
     */
    private static boolean printable(int c) {
        boolean lineBreak = c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
        return !lineBreak && c != '"' && c != '\\' && c != 0xFEFF
                && (c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD);
    }

    /**
     * The {@code dev.md} markata's publish_dev_to_source writes: {@code fields} as
     * python-frontmatter's {@code dumps} prints front matter (PyYAML's safe dumper, keys sorted,
     * block style, text outside ASCII as it is where libyaml can print it), between {@code ---}
     * lines, a blank line, then {@code content} with its lines joined ({@link #joinLines}, twice,
     * as markata does), the whole stripped of white space around it.
     */
    String devTo(Map<String, Object> fields, String content) {
        Map<String, Object> sorted = new TreeMap<>();
        fields.forEach((name, value) -> sorted.put(name, plain(value)));
        String front = asLibyaml(yaml.dump(sorted)).strip();
        return ("---\n" + front + "\n---\n\n" + joinLines(joinLines(content)) + "\n").strip();
    }

    /**
     * markata's lines joined for dev.to, where a line break inside a paragraph shows: a line that
     * starts with a letter, {@code [} or {@code !} is joined to the next such line with a space,
     * wherever it is (in a code block too, as markata does).
     */
    static String joinLines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int i = 0;
        while (i + 1 < lines.size()) {
            if (joins(lines.get(i)) && joins(lines.get(i + 1))) {
                lines.set(i, lines.get(i) + " " + lines.remove(i + 1));
            } else {
                i++;
            }
        }
        return String.join("\n", lines);
    }

    private static boolean joins(String line) {
        return !line.isEmpty() && (Character.isLetter(line.codePointAt(0)) || line.charAt(0) == '[' || line.charAt(0) == '!');
    }

    private static String escape(int c) {
        String named = switch (c) {
            case 0x00 -> "0";
            case 0x07 -> "a";
            case 0x08 -> "b";
            case 0x09 -> "t";
            case 0x0A -> "n";
            case 0x0B -> "v";
            case 0x0C -> "f";
            case 0x0D -> "r";
            case 0x1B -> "e";
            case 0x22 -> "\"";
            case 0x5C -> "\\";
            case 0x85 -> "N";
            case 0xA0 -> "_";
            case 0x2028 -> "L";
            case 0x2029 -> "P";
            default -> null;
        };
        if (named != null) {
            return "\\" + named;
        }
        String hex = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        int width = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
        return "\\" + (width == 2 ? 'x' : width == 4 ? 'u' : 'U') + "0".repeat(width - hex.length()) + hex;
    }

    private enum Missing { FIELD }

    private static Object field(Post post, String name, Map<String, String> html) {
        return switch (name) {
            case "path" -> post.path();
            case "slug" -> post.slug();
            case "title" -> post.title();
            case "date" -> post.date() == null ? null : post.date().date();
            case "tags" -> post.tags();
            case "published" -> post.published();
            case "description" -> post.description();
            case "template" -> post.template();
            case "content" -> post.content();
            case "html" -> html.isEmpty() ? null : html.size() == 1 ? html.values().iterator().next()
                    : new TreeMap<>(html);
            default -> post.extra().containsKey(name) ? plain(post.extra().get(name)) : Missing.FIELD;
        };
    }

    /** Front-matter values as plain maps and lists (the post keeps unmodifiable ones), tables sorted as PyYAML sorts them. */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SourceText::plain).toList();
        }
        return value;
    }
}
