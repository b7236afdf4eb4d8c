package dev.markata.profiler.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A small streaming JSON writer: values go straight to the {@link Writer}, so a report with a
 * million numbers is never built as one string.
 *
 * <p>It tracks only whether a comma is due; callers are trusted to nest correctly. Strings are
 * escaped so the output is also safe inside an HTML {@code <script>} element: {@code <}, {@code >}
 * and {@code &} are written as unicode escapes, as are U+2028 and U+2029.
 */
public final class JsonWriter {

    private final Writer out;
    private boolean commaDue;

    public JsonWriter(Writer out) {
        this.out = out;
    }

    public JsonWriter beginObject() {
        separate();
        raw("{");
        commaDue = false;
        return this;
    }

    public JsonWriter endObject() {
        raw("}");
        commaDue = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        raw("[");
        commaDue = false;
        return this;
    }

    public JsonWriter endArray() {
        raw("]");
        commaDue = true;
        return this;
    }

    /** Writes an object key; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        quoted(name);
        raw(":");
        commaDue = false;
        return this;
    }

    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            raw("null");
        } else {
            quoted(value);
        }
        commaDue = true;
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        raw(Long.toString(value));
        commaDue = true;
        return this;
    }

    /** Writes a finite double; NaN and infinities, which JSON cannot hold, become {@code null}. */
    public JsonWriter value(double value) {
        separate();
        raw(Double.isFinite(value) ? Double.toString(value) : "null");
        commaDue = true;
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        raw(value ? "true" : "false");
        commaDue = true;
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        raw("null");
        commaDue = true;
        return this;
    }

    public JsonWriter flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void separate() {
        if (commaDue) {
            raw(",");
        }
    }

    private void quoted(String s) {
        try {
            out.write('"');
            int runStart = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                String escape = escapeFor(c);
                if (escape != null) {
                    out.write(s, runStart, i - runStart);
                    out.write(escape);
                    runStart = i + 1;
                }
            }
            out.write(s, runStart, s.length() - runStart);
            out.write('"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeFor(char c) {
        switch (c) {
            case '"': return "\\\"";
            case '\\': return "\\\\";
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '<': return "\\u003c";
            case '>': return "\\u003e";
            case '&': return "\\u0026";
            case '\u2028': return "\\u2028";
            case '\u2029': return "\\u2029";
            default:
                return c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        }
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
