package dev.markata.plugins.render_markdown;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.CacheText;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rendered HTML by content hash, one file per entry under
 * {@code .markata.cache/render_markdown/<2 hex>/<hash>.html}: checking it costs one file read,
 * and concurrent tasks never write the same file twice (same hash, same content).
 *
 * <p>An entry is the HTML in a {@link CacheText} of kind {@code markata-render-cache}, written
 * atomically. The cache only saves work: an entry that cannot be read or whose
 * length or checksum does not match (a disk fault, a hand edit) is ignored with one warning per
 * build and rendered again, never used and never a failed build.
 */
final class RenderCache {

    private static final String KIND = "markata-render-cache";

    private final Path folder;
    private final BuildContext context;
    private final Reporter reporter;
    private final AtomicInteger ignored = new AtomicInteger();
    /**
     * No cache folder when the build began (a first or clean build): every look-up misses, and
     * is answered without trying to open one file per post.
     */
    private final boolean empty;

    RenderCache(Path folder, BuildContext context) {
        this.folder = folder;
        this.context = context;
        this.reporter = context.reporter();
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
        try {
            return Optional.of(CacheText.decode(KIND, bytes));
        } catch (CacheText.Damaged e) {
            return ignore(file, e.getMessage());
        }
    }

    /** Stores the HTML for {@code key}; a write that fails is the build's one cache warning ({@link BuildContext#writeCache}). */
    void put(String key, String html) {
        byte[] entry = CacheText.encode(KIND, html);
        Path file = file(key);
        context.writeCache(file, () -> AtomicFiles.write(file, entry));
    }

    /** After the build's lookups: one line for the corrupt entries not named in the first warning. */
    void reportIgnored() {
        int more = ignored.get() - 1;
        if (more > 0) {
            reporter.warn(more + " more corrupt cache entr" + (more == 1 ? "y" : "ies") + " in " + folder
                    + " were ignored and rendered again");
        }
    }

    private Optional<String> ignore(Path file, String why) {
        if (ignored.getAndIncrement() == 0) {
            reporter.warn("ignoring the cache entry " + file + ": " + why + "; the post is rendered again"
                    + " and the entry rewritten");
        }
        return Optional.empty();
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".html");
    }
}
