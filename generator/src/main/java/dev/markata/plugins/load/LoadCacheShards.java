package dev.markata.plugins.load;

import dev.markata.content.Post;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The load cache in {@value #SHARDS} files ({@code .markata.cache/load/00.bin} ...), a post's
 * shard chosen by its document name: a build where one post changed rewrites one file of
 * about {@code 1/SHARDS} of the cache (10,000 posts: 1.4 MB instead of 90 MB). A damaged shard
 * costs only its own posts a new read.
 *
 * <p>A shard is read when a post first needs it, by the build thread loading that post: at
 * 10,000 posts the shards are 90 MB, and reading them all on the build's main thread before
 * the posts were handed out took a tenth of a second of a warm build's critical path; now
 * reading and decoding the shards are spread over the build threads.
 */
final class LoadCacheShards {

    static final int SHARDS = 64;

    private final Path folder;
    private final Consumer<String> damaged;
    private final AtomicReferenceArray<LoadCache> shards = new AtomicReferenceArray<>(SHARDS);
    private final Object[] reading = new Object[SHARDS];
    /** Documents of this build not loaded yet, per shard ({@link #expect}). */
    private final AtomicIntegerArray remaining = new AtomicIntegerArray(SHARDS);
    /** 1 for a shard a build thread wrote. */
    private final AtomicIntegerArray written = new AtomicIntegerArray(SHARDS);

    private LoadCacheShards(Path folder, Consumer<String> damaged) {
        this.folder = folder;
        this.damaged = damaged;
        Arrays.setAll(reading, i -> new Object());
    }

    /**
     * The shards in {@code folder}, each read on first use; a shard that cannot be read is
     * empty, and {@code damaged} (called on whichever thread needed the shard) hears why.
     */
    static LoadCacheShards open(Path folder, Consumer<String> damaged) {
        return new LoadCacheShards(folder, damaged);
    }

    /**
     * The documents this build loads, so that each shard is written by the build thread that
     * loads its last document, while the others still load theirs: written one after the other
     * on the main thread once all were loaded, the shards of a cold 10,000-post build (90 MB)
     * left the build threads idle for their time.
     */
    void expect(List<String> documents) {
        for (String document : documents) {
            remaining.incrementAndGet(index(document));
        }
    }

    /** The post loaded from {@code document} last time, if its file is unchanged (see {@link LoadCache#get}). */
    Optional<Post> get(String document, SourceStamp stamp) {
        int index = index(document);
        Optional<Post> post = shard(index).get(document, stamp);
        if (post.isPresent()) {
            loaded(index);
        }
        return post;
    }

    /** Remembers what {@code document} loaded as; called once for each document that was not in the cache. */
    void put(String document, SourceStamp stamp, Post post, String contentDigest) {
        int index = index(document);
        shard(index).put(document, stamp, post, contentDigest);
        loaded(index);
    }

    /** Notes that {@code document}, expected, is no longer there: its shard is written without it. */
    void gone(String document) {
        loaded(index(document));
    }

    /** One more of the shard's documents loaded: the last one writes the shard, when it changed. */
    private void loaded(int index) {
        if (remaining.decrementAndGet(index) != 0) {
            return;
        }
        LoadCache shard = shard(index);
        if (shard.changed()) {
            try {
                shard.write(file(index));
                written.set(index, 1);
            } catch (IOException e) {
                // left for write(), which tries it again on the hook's thread and reports why it fails
            }
        }
    }

    /** The digests of this build's posts' content, for {@link ContentDigests}. */
    Map<String, ContentDigests.Known> digests() {
        Map<String, ContentDigests.Known> digests = new HashMap<>();
        for (int i = 0; i < SHARDS; i++) {
            LoadCache shard = shards.get(i);
            if (shard != null) { // a shard no post of this build needed has none of its posts
                digests.putAll(shard.digests());
            }
        }
        return digests;
    }

    /**
     * Rewrites the shards whose posts changed, came or went (a shard no post of this build
     * needed is read here: its posts may have gone).
     */
    void write() throws IOException {
        for (int i = 0; i < SHARDS; i++) {
            if (written.get(i) == 1) {
                continue; // by the build thread that loaded its last document
            }
            LoadCache shard = shard(i);
            if (shard.changed()) {
                shard.write(file(i));
            }
        }
    }

    private static int index(String document) {
        return Math.floorMod(document.hashCode(), SHARDS);
    }

    private LoadCache shard(int index) {
        LoadCache shard = shards.get(index);
        if (shard == null) {
            synchronized (reading[index]) {
                shard = shards.get(index);
                if (shard == null) {
                    shard = read(index);
                    shards.set(index, shard);
                }
            }
        }
        return shard;
    }

    private LoadCache read(int index) {
        Path file = file(index);
        try {
            return LoadCache.read(file);
        } catch (IOException e) {
            damaged.accept(file + ": " + e.getMessage());
            return LoadCache.empty();
        }
    }

    private Path file(int shard) {
        // not String.format: its first call loads and initializes the formatter (~10 ms cold)
        return folder.resolve((shard < 10 ? "0" : "") + shard + ".bin");
    }
}
