package dev.markata.plugins.skip;

import dev.markata.content.OutputDir;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cache file of what the last successful build saw: one {@code name<TAB>key} line per name,
 * the key a digest in hex ({@code .markata.cache/skip.tsv}, {@code feeds.tsv}). Any length of
 * digest parses (32 to 128 digits), so keys of an older version's digest are just keys that no
 * longer match, not a damaged file.
 *
 * <p>A cache only saves work, so a file that cannot be read or does not parse (a disk fault,
 * an edit by hand) is ignored with a warning and everything it would have saved is done again;
 * it never fails the build. It is written atomically, so a build that fails or a full disk
 * leaves the previous complete file.
 */
public final class KeyFile {

    private KeyFile() {
    }

    /** The keys by name; none when the file is missing, unreadable or corrupt (then with a warning). */
    public static Map<String, String> read(Path file, Reporter reporter) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException e) {
            return ignored(file, reporter, "it cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            return ignored(file, reporter, "its last line is cut off");
        }
        // Parsed from the bytes (tabs and line breaks never occur inside another character's
        // UTF-8): a skip.tsv of 10,000 lines decoded whole, split and matched with a regular
        // expression line by line took a tenth of the skip plugin's serial time.
        Map<String, String> keys = new HashMap<>();
        int line = 1;
        for (int start = 0; start < bytes.length; line++) {
            int end = start;
            while (bytes[end] != '\n') {
                end++;
            }
            int tab = end - 1;
            while (tab > start && bytes[tab] != '\t') {
                tab--;
            }
            if (tab <= start || !isKey(bytes, tab + 1, end)) {
                return ignored(file, reporter, "line " + line + " is not \"<name><tab><hex digest>\"");
            }
            String name;
            try {
                name = utf8(bytes, start, tab);
            } catch (CharacterCodingException e) {
                return ignored(file, reporter, "it is not UTF-8 text");
            }
            keys.put(name, new String(bytes, tab + 1, end - tab - 1, StandardCharsets.ISO_8859_1));
            start = end + 1;
        }
        return keys;
    }

    /** Whether the bytes are 32 to 128 lower-case hex digits. */
    private static boolean isKey(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 32 || length > 128) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The text of UTF-8 bytes, refusing malformed ones (a name is a path; it is ASCII nearly always). */
    private static String utf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code keys}, sorted by name, atomically; leaves the file alone when they are the
     * keys {@link #read} gave for it this build ({@code read}): a warm build's skip keys are
     * 10,000 lines that were sorted, encoded and compared with the file's bytes only to find
     * them equal.
     */
    public static void write(Path file, Map<String, String> keys, Map<String, String> read) throws IOException {
        if (keys.equals(read)) {
            return;
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(keys).forEach((name, key) -> text.append(name).append('\t').append(key).append('\n'));
        try {
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OutputDir.WriteFailed(file, e);
        }
    }

    private static Map<String, String> ignored(Path file, Reporter reporter, String why) {
        reporter.warn("ignoring the cache file " + file + ": " + why
                + "; what it would have saved is done again, and it is rewritten after a successful build");
        return new HashMap<>();
    }
}
