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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

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

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{32,128}");

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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return ignored(file, reporter, "it is not UTF-8 text");
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            return ignored(file, reporter, "its last line is cut off");
        }
        Map<String, String> keys = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            int tab = line.lastIndexOf('\t');
            if (tab <= 0 || !KEY.matcher(line).region(tab + 1, line.length()).matches()) {
                return ignored(file, reporter, "line " + (i + 1) + " is not \"<name><tab><hex digest>\"");
            }
            keys.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return keys;
    }

    /** Writes {@code keys}, sorted by name, atomically; leaves the file alone when it already holds them. */
    public static void write(Path file, Map<String, String> keys) throws IOException {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(keys).forEach((name, key) -> text.append(name).append('\t').append(key).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return;
        }
        try {
            AtomicFiles.write(file, bytes);
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
