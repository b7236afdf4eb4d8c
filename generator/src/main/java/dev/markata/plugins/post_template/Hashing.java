package dev.markata.plugins.post_template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 over a sequence of parts (each length-prefixed, so "ab"+"c" differs from "a"+"bc"). */
public final class Hashing {

    private final MessageDigest digest;

    public Hashing() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
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
