package dev.markata.plugins.manifest;

import java.util.List;
import java.util.Map;

/**
 * JSON as Python's {@code json.dump(value, indent=4, ensure_ascii=True)} writes it, for files
 * markata writes that way: four spaces a level, {@code ", "} never at line ends, {@code ": "}
 * after names, empty lists and dicts as {@code []} and {@code {}}, every character outside
 * printable ASCII as {@code \\uXXXX} (lower-case hex, UTF-16 pairs beyond the BMP), no newline at
 * the end. Strings, null, lists and maps (in their order) only.
 */
final class PythonJson {

    private PythonJson() {
    }

    static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1);
                write(out, list.get(i), depth + 1);
            }
            newline(out, depth);
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(out, depth + 1);
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), depth + 1);
            }
            newline(out, depth);
            out.append('}');
        } else {
            throw new IllegalArgumentException("not written as JSON here: " + value.getClass().getName());
        }
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n').append("    ".repeat(depth));
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || c > '~') {
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
