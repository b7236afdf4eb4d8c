package dev.markata.plugins.post_template;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Values as Python writes them, {@code str()} for what a template prints and {@code repr()}
 * inside lists and dicts: markata templates are written against Jinja2, which prints
 * {@code True}, {@code ['a', 'b']}, {@code {'k': 1}} and {@code 1e+20}, where jinjava printed
 * {@code true}, {@code [a, b]}, {@code {k=1}} and {@code 1.0E20}.
 */
final class PythonText {

    private PythonText() {
    }

    /**
     * What {@code {{ value }}} prints. Text, the common case, is returned as it is. None prints
     * as nothing: jinjava has one null for an undefined name and for None, and markata's silent
     * undefined prints nothing.
     */
    static String str(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean || value instanceof Double || value instanceof Float
                || value instanceof Collection<?> || value instanceof Map<?, ?> || value instanceof Map.Entry<?, ?>) {
            StringBuilder out = new StringBuilder();
            repr(value, out);
            return out.toString();
        }
        return value.toString();
    }

    /** Python's repr: text quoted, as inside a printed list. */
    static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        repr(value, out);
        return out.toString();
    }

    private static void repr(Object value, StringBuilder out) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof String || value instanceof Character) {
            quoted(value.toString(), out);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String comma = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(comma);
                repr(entry.getKey(), out);
                out.append(": ");
                repr(entry.getValue(), out);
                comma = ", ";
            }
            out.append('}');
        } else if (value instanceof Map.Entry<?, ?> entry) { // items() as tuples
            out.append('(');
            repr(entry.getKey(), out);
            out.append(", ");
            repr(entry.getValue(), out);
            out.append(')');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
                repr(it.next(), out);
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** Python's repr of text: single quotes unless the text holds one and no double quote. */
    private static void quoted(String text, StringBuilder out) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(quote);
    }

    /**
     * Python's float repr: the shortest digits that read back (Java's), written plainly
     * ({@code 12345678.9}, {@code 1.0}) for exponents from -4 to 15 and as {@code 1e+20} or
     * {@code 1.5e-07} outside them.
     */
    static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = exact.unscaledValue().abs().toString();
            StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            out.append(magnitude < 10 ? "0" : "").append(magnitude);
            return out.toString();
        }
        String plain = exact.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }
}
