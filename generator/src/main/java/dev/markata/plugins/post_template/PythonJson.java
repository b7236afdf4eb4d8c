package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.date.PyishDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Python's {@code json.dumps(value, indent=..., sort_keys=..., ensure_ascii=True)} writes
 * it: {@code ", "} between items on one line, {@code ","} at line ends, {@code ": "} after names,
 * empty lists and dicts as {@code []} and {@code {}}, every character outside printable ASCII as
 * a Unicode escape (lower-case hex, UTF-16 pairs beyond the BMP), floats as Python prints them.
 * For Jinja's {@code tojson} (sorted keys, and {@code <}, {@code >}, {@code &}, {@code '}
 * escaped for HTML) and for files markata writes with {@code json.dump}
 * ({@code manifest.json}).
 */
public final class PythonJson {

    private PythonJson() {
    }

    /**
     * @param indent   spaces a level, or -1 for all on one line (Python's {@code indent=None})
     * @param sortKeys dict keys in order ({@code sort_keys=True}), else in the map's order
     * @param htmlSafe also {@code <}, {@code >}, {@code &} and {@code '} as escapes, as Jinja's tojson
     * @throws IllegalArgumentException for a value JSON has no form for (a date)
     */
    public static String dumps(Object value, int indent, boolean sortKeys, boolean htmlSafe) {
        StringBuilder out = new StringBuilder();
        json(value, indent, 0, sortKeys, htmlSafe, out);
        return out.toString();
    }

    private static void json(Object value, int indent, int depth, boolean sortKeys, boolean htmlSafe,
                             StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(PythonText.floatText(((Number) value).doubleValue()));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof CharSequence || value instanceof Character) {
            text(value.toString(), htmlSafe, out);
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            out.append('{');
            String comma = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(comma);
                newline(indent, depth + 1, out);
                text(entry.getKey(), htmlSafe, out);
                out.append(": ");
                json(entry.getValue(), indent, depth + 1, sortKeys, htmlSafe, out);
                comma = indent >= 0 ? "," : ", ";
            }
            if (!sorted.isEmpty()) {
                newline(indent, depth, out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            Collection<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Collection<?>) value;
            out.append('[');
            String comma = "";
            for (Object item : items) {
                out.append(comma);
                newline(indent, depth + 1, out);
                json(item, indent, depth + 1, sortKeys, htmlSafe, out);
                comma = indent >= 0 ? "," : ", ";
            }
            if (!items.isEmpty()) {
                newline(indent, depth, out);
            }
            out.append(']');
        } else {
            String type = value instanceof PyishDate ? "date" : value.getClass().getSimpleName();
            throw new IllegalArgumentException("tojson: a " + type + " (" + value + ") is not JSON;"
                    + " JSON holds text, numbers, true/false, none, lists and dicts (a date as text: ~ '' or |string)");
        }
    }

    private static void newline(int indent, int depth, StringBuilder out) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void text(String text, boolean htmlSafe, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e || htmlSafe && (c == '<' || c == '>' || c == '&' || c == '\'')) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
