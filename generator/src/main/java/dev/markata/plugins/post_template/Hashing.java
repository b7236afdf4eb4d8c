package dev.markata.plugins.post_template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cache key: an MD5 over a sequence of parts (each length-prefixed, so "ab"+"c" differs from
 * "a"+"bc"). Keys only tell the site's own inputs apart, so collision resistance against an
 * attacker is not needed; MD5 is the fastest digest every JVM has when builds run with the C1
 * compiler alone (as {@code ./markata build} does: about 3x faster than SHA-256 there, which
 * the JDK only accelerates in C2).
 */
public final class Hashing {

    private final MessageDigest digest;

    public Hashing() {
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    public Hashing add(String part) {
        return add(part == null ? new byte[] {0} : part.getBytes(StandardCharsets.UTF_8));
    }

    public Hashing add(byte[] part) {
        digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(part);
        return this;
    }

    /** The hash in hex; the instance is spent afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(String... parts) {
        Hashing hashing = new Hashing();
        for (String part : parts) {
            hashing.add(part);
        }
        return hashing.hex();
    }
}
