package dev.markata.plugins.post_template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A cache key: an MD5 over a sequence of parts (each length-prefixed, so "ab"+"c" differs from
 * "a"+"bc"). Keys only tell the site's own inputs apart, so collision resistance against an
 * attacker is not needed; MD5 is the fastest digest every JVM has when builds run with the C1
 * compiler alone (as {@code ./markata build} does: about 3x faster than SHA-256 there, which
 * the JDK only accelerates in C2).
 */
public final class Hashing {

    private final MessageDigest digest;
    /**
     * Parts are gathered here and handed to the digest in large blocks: a key over every post's
     * title, date, tags... is tens of thousands of small parts, and each call into
     * {@link MessageDigest} costs more than hashing a part that small. It starts small (most keys
     * are a few short parts, made once per post) and grows to {@link #MAX_BUFFER}.
     */
    private byte[] buffer = new byte[256];
    private int used;
    private static final int MAX_BUFFER = 16 * 1024;
    /** A part at least this long that the buffer cannot take as it is goes to the digest directly. */
    private static final int DIRECT = 1024;

    public Hashing() {
        digest = freshDigest();
    }

    /**
     * A fresh MD5 digest, cloned from one that was never used: a build makes tens of thousands of
     * keys, and {@code getInstance} looks the algorithm up in the providers every time (in a cold
     * JVM about 2 us a call, against 0.4 for a clone).
     */
    private static MessageDigest freshDigest() {
        try {
            return (MessageDigest) UNUSED.clone();
        } catch (CloneNotSupportedException e) {
            return md5(); // a provider whose digests cannot be cloned: look it up each time
        }
    }

    private static final MessageDigest UNUSED = md5();

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    public Hashing add(String part) {
        return add(part == null ? new byte[] {0} : part.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds a value of front matter or configuration part by part, each after its kind: a map or
     * list by its size and items (a map's in its own order), text as it is, {@code null} as
     * such, anything else by its class and text. So keys tell {@code 1} from {@code "1"}, one
     * tag {@code "a, b"} from two, and a nested map from text that reads like one, which a
     * value's {@code toString} does not.
     */
    public Hashing addValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            add("map").add(Integer.toString(map.size()));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                add(String.valueOf(entry.getKey())).addValue(entry.getValue());
            }
        } else if (value instanceof Collection<?> items) {
            add(value instanceof Set ? "set" : "list").add(Integer.toString(items.size()));
            for (Object item : items) {
                addValue(item);
            }
        } else if (value instanceof String text) {
            add("text").add(text);
        } else if (value == null) {
            add("null");
        } else {
            add(value.getClass().getName()).add(value.toString());
        }
        return this;
    }

    /** Adds the part's length in decimal, a colon, then the part. */
    public Hashing add(byte[] part) {
        return add(part, 0, part.length);
    }

    /** Adds {@code length} bytes of {@code bytes} from {@code offset} as one part, as {@link #add(byte[])} would. */
    public Hashing add(byte[] bytes, int offset, int length) {
        if (buffer.length - used < 12) {
            makeRoom(12);
        }
        used = writeDecimal(length, buffer, used);
        buffer[used++] = ':';
        if (length > buffer.length - used) {
            if (length >= DIRECT) {
                // A post's text, say: straight to the digest. Grown into the buffer it cost a
                // doubling copy after copy (256 bytes to 8 KB for a 6 KB post) and a copy of the
                // part, for every post's content digest.
                flush();
                digest.update(bytes, offset, length);
                return this;
            }
            makeRoom(length);
            if (length > buffer.length - used) {
                digest.update(bytes, offset, length);
                return this;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
        return this;
    }

    /** The hash in hex; the instance is spent afterwards. */
    public String hex() {
        flush();
        // A table lookup per digit: HexFormat goes through a StringBuilder and a call per digit,
        // which C1 (what builds run with) does not inline.
        byte[] hash = digest.digest();
        byte[] text = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            text[2 * i] = HEX_DIGITS[(hash[i] >> 4) & 0xf];
            text[2 * i + 1] = HEX_DIGITS[hash[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    public static String of(String... parts) {
        Hashing hashing = new Hashing();
        for (String part : parts) {
            hashing.add(part);
        }
        return hashing.hex();
    }

    /** Grows the buffer towards {@link #MAX_BUFFER} for {@code bytes} more, or empties it into the digest. */
    private void makeRoom(int bytes) {
        if (buffer.length < MAX_BUFFER) {
            int size = buffer.length;
            while (size < MAX_BUFFER && size - used < bytes) {
                size *= 2;
            }
            buffer = Arrays.copyOf(buffer, size);
        }
        if (buffer.length - used < bytes) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer, 0, used);
        used = 0;
    }

    /** Writes {@code value} (not negative) in decimal at {@code at}; returns the index after it. */
    private static int writeDecimal(int value, byte[] to, int at) {
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            to[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }
}
