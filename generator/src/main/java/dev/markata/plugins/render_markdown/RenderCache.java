package dev.markata.plugins.render_markdown;

import dev.markata.content.Post;
import dev.markata.plugin.BuildContext;
import dev.markata.profiler.io.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Rendered HTML by a hash of what it was rendered from, in {@value #PACKS} pack files
 * ({@code .markata.cache/render_markdown/00.pack} to {@code ff.pack}, {@link RenderPack}): a
 * post's entries go in the pack its document name falls in ({@link #index}). One file per
 * entry, each written atomically (a temporary file made, written and renamed), took ~0.45-0.55 s
 * of a cold 10,000-post build's ~9 s of CPU; a pack is written once per build that changed it,
 * atomically, by the build thread that renders its last post ({@link #expect},
 * {@link #rendered}), while the other thread still renders. A pack is read whole when one of
 * its posts is first looked up (the entries of the posts this build renders decoded at once,
 * {@link RenderPack#decodedFor}), and dropped once its posts are rendered: a build with one post
 * changed reads and rewrites one pack (1/256 of the cache, ~0.35 MB at 10,000 posts: ~0.6 ms
 * of CPU, against ~0.05 ms for a file per entry).
 *
 * <p>A pack rewritten keeps the entries of this build's look-ups and renders, and those of
 * posts this build left alone; it drops the other entries of the posts it rendered (an edited
 * post's old HTML) and those of documents the site no longer has, so that an edited post does
 * not make its pack grow with every save in {@code serve --watch}.
 *
 * <p>The cache only saves work: a pack that cannot be read or is damaged (cut short, not a pack)
 * and an entry whose checksum does not match (a disk fault, a hand edit) are ignored, with one
 * warning per build for the first and one line counting the others ({@link #reportIgnored}); their posts are
 * rendered again and the pack rewritten, never a failed build. A pack of another version is
 * ignored without a word, and so are files of other layouts in the folder (earlier versions
 * wrote one file per entry in {@code <2 hex>/<key>.html}; {@link dev.markata.content.CacheDir}
 * empties the folder for a new version anyway). A write that fails is the build's one cache
 * warning ({@link BuildContext#writeCache}). Look-ups and puts from concurrent tasks are safe:
 * each pack is guarded by its own lock.
 */
final class RenderCache {

    static final int PACKS = 256;
    static final String FOLDER = "render_markdown";

    /** Writes a cache file ({@link BuildContext#writeCache}): returns whether it was written. */
    @FunctionalInterface
    interface Store {
        boolean write(Path file, BuildContext.CacheWrite write);
    }

    private final Path folder;
    private final Store store;
    private final Consumer<String> warn;
    private final List<Post> posts;
    private Set<String> documents;
    /**
     * No cache folder when the build began (a first or clean build): every look-up misses, and
     * is answered without trying to open a pack, until this build wrote it.
     */
    private final boolean empty;
    private final Pack[] packs = new Pack[PACKS];
    private final AtomicInteger ignored = new AtomicInteger();
    private int summarised;

    /**
     * The cache in {@code folder}; {@code posts} are the site's, whose documents' entries are
     * kept in packs this build rewrites.
     */
    RenderCache(Path folder, Store store, Consumer<String> warn, List<Post> posts) {
        this.folder = folder;
        this.store = store;
        this.warn = warn;
        this.posts = posts;
        this.empty = !Files.isDirectory(folder);
        for (int i = 0; i < PACKS; i++) {
            packs[i] = new Pack(folder.resolve(Character.forDigit(i >> 4, 16) + "" + Character.forDigit(i & 15, 16) + ".pack"));
        }
    }

    static RenderCache of(BuildContext context) {
        return new RenderCache(context.cacheDir().resolve(FOLDER), context::writeCache, context.reporter()::warn,
                context.posts());
    }

    /** The HTML cached for {@code key} (rendered for {@code document}), if an intact entry exists. */
    Optional<String> get(String document, String key) {
        return pack(document).get(document, key);
    }

    /** Stores the HTML rendered for {@code document} under {@code key}, written with its pack. */
    void put(String document, String key, String html) {
        pack(document).put(document, key, html);
    }

    /**
     * The documents this build renders, so that each pack is written by the build thread that
     * renders its last post ({@link #rendered}), while the other renders on.
     */
    void expect(Collection<String> documents) {
        for (String document : documents) {
            pack(document).expect(document);
        }
    }

    /** An expected document is rendered (or failed): the last of its pack writes the pack. */
    void rendered(String document) {
        pack(document).rendered();
    }

    /** Writes every pack with entries not written yet (a failed render's, a listing's late ones). */
    void write() {
        for (Pack pack : packs) {
            pack.write();
        }
    }

    /** After look-ups: one line for the damaged entries and packs not named in the first warning. */
    void reportIgnored() {
        int more;
        synchronized (this) {
            more = ignored.get() - 1 - summarised;
            if (more <= 0) {
                return;
            }
            summarised += more;
        }
        warn.accept(more + " more corrupt render cache entr" + (more == 1 ? "y" : "ies") + " or packs in " + folder
                + " were ignored and rendered again");
    }

    private void ignore(String what, String why) {
        if (ignored.getAndIncrement() == 0) {
            warn.accept("ignoring the cache " + what + ": " + why + "; its posts are rendered again and the cache"
                    + " rewritten");
        }
    }

    private Pack pack(String document) {
        return packs[index(document)];
    }

    /**
     * The pack of {@code document}: the top 8 bits of its hash times a large odd constant, as
     * names that differ only in a number ({@code posts/post-0042.md}) have hashes whose low bits
     * cluster.
     */
    static int index(String document) {
        return (document.hashCode() * 0x9E3779B9) >>> 24;
    }

    private synchronized Set<String> documents() {
        if (documents == null) {
            documents = new HashSet<>();
            for (Post post : posts) {
                documents.add(post.path());
            }
        }
        return documents;
    }

    /** One pack file and what this build did with it. */
    private final class Pack {
        private final Path file;
        /** The file as read, or null when not read yet or dropped since. */
        private RenderPack read;
        /** Its file was damaged: no cache for the rest of the build, but for what it puts. */
        private boolean damaged;
        /** This build wrote the file: it is read even when the folder was missing at the start. */
        private boolean written;
        private int expected;
        /** The documents this build renders: their entries are decoded when the file is read. */
        private final Set<String> expectedDocuments = new HashSet<>();
        /** Keys this build looked up and found, or stored: kept when the file is rewritten. */
        private final Set<String> used = new HashSet<>();
        /** Documents this build looked up or rendered: their other entries are dropped. */
        private final Set<String> touched = new HashSet<>();
        private final Map<String, RenderPack.Fresh> fresh = new LinkedHashMap<>();

        Pack(Path file) {
            this.file = file;
        }

        synchronized Optional<String> get(String document, String key) {
            RenderPack.Fresh stored = fresh.get(key);
            if (stored != null) {
                return Optional.of(stored.html());
            }
            String html;
            try {
                html = read().html(key);
            } catch (RenderPack.Damaged e) {
                ignore("entry " + key + " of " + document + " in " + file, e.getMessage());
                return Optional.empty();
            }
            if (html == null) {
                return Optional.empty();
            }
            used.add(key);
            touched.add(document);
            return Optional.of(html);
        }

        synchronized void put(String document, String key, String html) {
            fresh.put(key, new RenderPack.Fresh(document, html));
            used.add(key);
            touched.add(document);
        }

        synchronized void expect(String document) {
            expected++;
            expectedDocuments.add(document);
        }

        synchronized void rendered() {
            if (expected > 0 && --expected == 0) {
                write();
            }
        }

        /** Writes the file when this build stored entries in it since; drops the file's bytes either way. */
        synchronized void write() {
            if (fresh.isEmpty()) {
                read = null; // read again if a listing looks up one of its posts later
                return;
            }
            RenderPack previous = read();
            Set<String> live = documents();
            boolean done = store.write(file, () -> AtomicFiles.write(file, (OutputStream stream) -> {
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
                previous.write(out, (key, document) -> used.contains(key)
                        || !touched.contains(document) && live.contains(document), fresh);
                out.flush();
            }));
            fresh.clear();
            read = null;
            if (done) {
                written = true;
                damaged = false;
            }
        }

        private RenderPack read() {
            if (read == null) {
                if (damaged || empty && !written) {
                    read = RenderPack.NONE;
                } else {
                    try {
                        read = RenderPack.read(file);
                        if (!expectedDocuments.isEmpty()) {
                            read = read.decodedFor(expectedDocuments::contains);
                        }
                    } catch (RenderPack.Damaged e) {
                        damaged(e.getMessage());
                    } catch (IOException e) {
                        damaged("it cannot be read (" + e.getMessage() + ")");
                    }
                }
            }
            return read;
        }

        private void damaged(String why) {
            ignore("pack " + file, why);
            damaged = true;
            read = RenderPack.NONE;
        }
    }
}
