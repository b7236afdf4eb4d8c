package dev.markata.profiler.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JSON of {@link JsonWriter} (same separators, same escapes: the output is also safe inside
 * an HTML {@code <script>} element), written straight into a growing UTF-8 byte array.
 *
 * <p>Why a second writer: a 10,000-post build's session is a few million numbers. Through
 * {@link JsonWriter} each number is a {@code Long.toString} string, a {@code Writer.write} and,
 * behind the buffered writer, a pass of the charset encoder; under the C1-only JIT a build runs
 * with, that made serializing the session a good part of a second. Here a number is its digits
 * put into the array, and the bytes, encoded once, can be written to several files. The same
 * holds for any JSON file written whole (markata's {@code markata.json}): no text is built and
 * encoded afterwards, and one non-Latin-1 character does not make all of it two bytes a char.
 */
public final class JsonBytes {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The ASCII characters a JSON string holds as they are: printable, not a quote, backslash, {@code < > &}. */
    private static final boolean[] PLAIN = new boolean[0x7f];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PLAIN[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
        }
    }

    /** The tens and ones digit of 0..99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final byte[] scratch = new byte[20];

    private byte[] buf;
    private int size;
    private boolean commaDue;

    /** @param initialCapacity bytes to start with (the array grows as needed) */
    public JsonBytes(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public JsonBytes beginObject() {
        separate();
        put((byte) '{');
        commaDue = false;
        return this;
    }

    public JsonBytes endObject() {
        put((byte) '}');
        commaDue = true;
        return this;
    }

    public JsonBytes beginArray() {
        separate();
        put((byte) '[');
        commaDue = false;
        return this;
    }

    public JsonBytes endArray() {
        put((byte) ']');
        commaDue = true;
        return this;
    }

    /** Writes an object key; the next call writes its value. */
    public JsonBytes name(String name) {
        separate();
        quoted(name);
        put((byte) ':');
        commaDue = false;
        return this;
    }

    public JsonBytes value(String value) {
        separate();
        if (value == null) {
            ascii("null");
        } else {
            quoted(value);
        }
        commaDue = true;
        return this;
    }

    public JsonBytes value(long value) {
        if (commaDue) {
            put((byte) ',');
        }
        number(value);
        commaDue = true;
        return this;
    }

    /** Writes a finite double as {@link JsonWriter} does; NaN and infinities become {@code null}. */
    public JsonBytes value(double value) {
        separate();
        ascii(Double.isFinite(value) ? Double.toString(value) : "null");
        commaDue = true;
        return this;
    }

    public JsonBytes value(boolean value) {
        separate();
        ascii(value ? "true" : "false");
        commaDue = true;
        return this;
    }

    public JsonBytes nullValue() {
        separate();
        ascii("null");
        commaDue = true;
        return this;
    }

    /** Ends a line (between values or after the last: whitespace, which JSON allows anywhere there). */
    public JsonBytes newline() {
        put((byte) '\n');
        return this;
    }

    private void separate() {
        if (commaDue) {
            put((byte) ',');
        }
    }

    private void number(long value) {
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            buf[size++] = '-';
            value = -value;
        }
        // Two digits per division, ints where the value fits (nearly always): a session is
        // millions of numbers, and under C1 a long division per digit showed in profiles.
        int pos = scratch.length;
        while (value > Integer.MAX_VALUE) {
            long q = value / 100;
            int r = (int) (value - q * 100);
            scratch[--pos] = ONES[r];
            scratch[--pos] = TENS[r];
            value = q;
        }
        int v = (int) value;
        while (v >= 100) {
            int q = v / 100;
            int r = v - q * 100;
            scratch[--pos] = ONES[r];
            scratch[--pos] = TENS[r];
            v = q;
        }
        if (v >= 10) {
            scratch[--pos] = ONES[v];
            scratch[--pos] = TENS[v];
        } else {
            scratch[--pos] = (byte) ('0' + v);
        }
        int n = scratch.length - pos;
        System.arraycopy(scratch, pos, buf, size, n);
        size += n;
    }

    private void quoted(String s) {
        int n = s.length();
        ensure(n + 2);
        // The run of characters written as they are (most text, often all of it) goes straight
        // into the array through locals, without a room check per byte: under C1, which builds
        // run with, the loop otherwise read the string's length and this object's fields for
        // every character (a third of writing a 10,000-post markata.json).
        byte[] out = buf;
        int at = size;
        out[at++] = '"';
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                break;
            }
            out[at++] = (byte) c;
        }
        size = at;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < PLAIN.length && PLAIN[c]) {
                put((byte) c);
            } else if (c < 0x80) {
                escapeAscii(c);
            } else if (c == '\u2028' || c == '\u2029') {
                unicodeEscape(c);
            } else if (c < 0x800) {
                put((byte) (0xc0 | c >> 6));
                put((byte) (0x80 | c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xf0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3f));
                put((byte) (0x80 | cp >> 6 & 0x3f));
                put((byte) (0x80 | cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                put((byte) '?'); // a lone surrogate, as the UTF-8 encoder of a Writer replaces it
            } else {
                put((byte) (0xe0 | c >> 12));
                put((byte) (0x80 | c >> 6 & 0x3f));
                put((byte) (0x80 | c & 0x3f));
            }
        }
        put((byte) '"');
    }

    private void escapeAscii(char c) {
        switch (c) {
            case '"' -> ascii("\\\"");
            case '\\' -> ascii("\\\\");
            case '\n' -> ascii("\\n");
            case '\r' -> ascii("\\r");
            case '\t' -> ascii("\\t");
            case 0x7f -> put((byte) c);
            default -> unicodeEscape(c); // other control characters, < > &
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        buf[size++] = '\\';
        buf[size++] = 'u';
        buf[size++] = HEX[c >> 12 & 0xf];
        buf[size++] = HEX[c >> 8 & 0xf];
        buf[size++] = HEX[c >> 4 & 0xf];
        buf[size++] = HEX[c & 0xf];
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        if (size == buf.length) {
            ensure(1);
        }
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
