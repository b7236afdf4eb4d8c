package dev.markata.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The form of a cache file that holds text: a header line {@code <kind> <length> <crc32c>},
 * then the text in UTF-8. A cache only saves work, so a file that was cut short, changed on disk
 * or is of another kind must be told apart from an intact one, and its work done again: the
 * header's length and checksum are what tell. Plugins write the bytes atomically
 * ({@code AtomicFiles}), so a file is either a whole old version or a whole new one.
 */
public final class CacheText {

    /** The header line is short; a file without a newline this early has no header. */
    private static final int MAX_HEADER = 128;

    private CacheText() {
    }

    /** The whole file: the header for {@code kind} (one word) and {@code text}. */
    public static byte[] encode(String kind, String text) {
        return encode(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The whole file: the header for {@code kind} (one word) and {@code body}, text already in UTF-8. */
    public static byte[] encode(String kind, byte[] body) {
        byte[] header = (kind + " " + body.length + " " + Long.toHexString(crc(body, 0)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] file = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, file, header.length, body.length);
        return file;
    }

    /**
     * The text of a file {@link #encode} wrote for {@code kind}.
     *
     * @throws Damaged when the bytes are not that: the message says what is wrong, for a warning
     */
    public static String decode(String kind, byte[] bytes) throws Damaged {
        int body = textStart(kind, bytes);
        return new String(bytes, body, bytes.length - body, StandardCharsets.UTF_8);
    }

    /** The lines of a versioned cache file after its version line: {@code bytes} from {@code start} on. */
    public record Lines(byte[] bytes, int start) {
    }

    /**
     * The lines after the first of a file {@link #encode} wrote for {@code kind}, when that first
     * line is {@code version}; null when there is nothing to read: the file is missing or of another
     * version (not damaged, just not this build's: nothing to say), or it cannot be read or is
     * damaged, which {@code damaged} is told (for its warning: the work is done again).
     */
    public static Lines readVersioned(Path file, String kind, String version, Consumer<String> damaged) {
        byte[] bytes;
        int start;
        try {
            bytes = Files.readAllBytes(file);
            start = textStart(kind, bytes);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            damaged.accept("it cannot be read (" + e.getMessage() + ")");
            return null;
        } catch (Damaged e) {
            damaged.accept(e.getMessage());
            return null;
        }
        int versionEnd = indexOf(bytes, (byte) '\n', start, bytes.length);
        if (versionEnd < 0 || !text(bytes, start, versionEnd).equals(version)) {
            return null;
        }
        return new Lines(bytes, versionEnd + 1);
    }

    /**
     * Where the text of a file {@link #encode} wrote for {@code kind} starts in its bytes (it
     * runs to their end), for a reader that parses the UTF-8 itself: decoding a large file into
     * one string and cutting that up copies every character twice, and all of them as two-byte
     * characters when one is outside Latin-1.
     *
     * @throws Damaged when the bytes are not that: the message says what is wrong, for a warning
     */
    public static int textStart(String kind, byte[] bytes) throws Damaged {
        int newline = headerEnd(bytes);
        String expected = "its header is not \"" + kind + " <length> <crc32c>\"";
        if (newline < 0) {
            throw new Damaged("it has no header line");
        }
        String[] header = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
        if (header.length != 3 || !header[0].equals(kind)) {
            throw new Damaged(expected);
        }
        int body = newline + 1;
        try {
            if (Long.parseLong(header[1]) != bytes.length - body) {
                throw new Damaged("it holds " + (bytes.length - body) + " bytes where its header says " + header[1]);
            }
            if (Long.parseLong(header[2], 16) != crc(bytes, body)) {
                throw new Damaged("its checksum does not match its content");
            }
        } catch (NumberFormatException e) {
            throw new Damaged(expected);
        }
        return body;
    }

    /**
     * Where {@code wanted} first is in {@code bytes} from {@code from} to {@code to}, or -1: for
     * readers that cut a file's text at tabs and line breaks, bytes that never occur inside
     * another character's UTF-8.
     */
    public static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The text of the UTF-8 bytes from {@code from} to {@code to}. */
    public static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    /** A cache file that is not what was written; the message says how. */
    public static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String why) {
            super(why, null, false, false);
        }
    }

    private static long crc(byte[] bytes, int from) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, bytes.length - from);
        return crc.getValue();
    }

    /** Where the header line ends (its newline), or -1 when there is none where one should be. */
    private static int headerEnd(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, MAX_HEADER); i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
