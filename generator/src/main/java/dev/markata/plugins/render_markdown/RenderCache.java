package dev.markata.plugins.render_markdown;

import dev.markata.content.OutputDir;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Rendered HTML by content hash, one file per entry under
 * {@code .markata.cache/render_markdown/<2 hex>/<hash>.html}: checking it costs one file read,
 * and concurrent tasks never write the same file twice (same hash, same content).
 *
 * <p>An entry is a header line {@code markata-render-cache <length> <crc32c>} and the HTML in
 * UTF-8, written atomically. The cache only saves work: an entry that cannot be read or whose
 * length or checksum does not match (a disk fault, a hand edit) is ignored with one warning per
 * build and rendered again, never used and never a failed build.
 */
final class RenderCache {

    private static final String MAGIC = "markata-render-cache ";
    /** Room for the header: magic, a length and a checksum. */
    private static final int MAX_HEADER = 64;

    private final Path folder;
    private final Reporter reporter;
    private final AtomicInteger ignored = new AtomicInteger();
    /**
     * No cache folder when the build began (a first or clean build): every look-up misses, and
     * is answered without trying to open one file per post.
     */
    private final boolean empty;

    RenderCache(Path folder, Reporter reporter) {
        this.folder = folder;
        this.reporter = reporter;
        this.empty = !Files.isDirectory(folder);
    }


    /** The HTML cached for {@code key}, if an intact entry exists. */
    Optional<String> get(String key) {
        if (empty) {
            return Optional.empty();
        }
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return ignore(file, "it cannot be read (" + e.getMessage() + ")");
        }
        String why = damage(bytes);
        if (why != null) {
            return ignore(file, why);
        }
        int body = headerEnd(bytes) + 1;
        return Optional.of(new String(bytes, body, bytes.length - body, StandardCharsets.UTF_8));
    }

    void put(String key, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        byte[] header = (MAGIC + body.length + " " + Long.toHexString(crc(body, 0)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] entry = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, entry, header.length, body.length);
        Path file = file(key);
        try {
            AtomicFiles.write(file, entry);
        } catch (IOException e) {
            throw new OutputDir.WriteFailed(file, e);
        }
    }

    /** After the build's lookups: one line for the corrupt entries not named in the first warning. */
    void reportIgnored() {
        int more = ignored.get() - 1;
        if (more > 0) {
            reporter.warn(more + " more corrupt cache entr" + (more == 1 ? "y" : "ies") + " in " + folder
                    + " were ignored and rendered again");
        }
    }

    /** What is wrong with an entry, or null when it is intact. */
    private static String damage(byte[] bytes) {
        int newline = headerEnd(bytes);
        if (newline < 0) {
            return "it has no header line";
        }
        String[] header = new String(bytes, 0, newline, StandardCharsets.US_ASCII).split(" ");
        if (header.length != 3 || !(header[0] + " ").equals(MAGIC)) {
            return "its header is not \"" + MAGIC + "<length> <crc32c>\"";
        }
        int body = newline + 1;
        try {
            if (Long.parseLong(header[1]) != bytes.length - body) {
                return "it holds " + (bytes.length - body) + " bytes of HTML where its header says " + header[1];
            }
            if (Long.parseLong(header[2], 16) != crc(bytes, body)) {
                return "its checksum does not match its content";
            }
        } catch (NumberFormatException e) {
            return "its header is not \"" + MAGIC + "<length> <crc32c>\"";
        }
        return null;
    }

    private Optional<String> ignore(Path file, String why) {
        if (ignored.getAndIncrement() == 0) {
            reporter.warn("ignoring the cache entry " + file + ": " + why + "; the post is rendered again"
                    + " and the entry rewritten");
        }
        return Optional.empty();
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

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".html");
    }
}
