package dev.markata.plugins.load;

import dev.markata.content.Post;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

    Optional<Post> get(String document, SourceStamp stamp) {
        return shard(document).get(document, stamp);
    }

    void put(String document, SourceStamp stamp, Post post, String contentDigest) {
        shard(document).put(document, stamp, post, contentDigest);
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
            LoadCache shard = shard(i);
            if (shard.changed()) {
                shard.write(file(i));
            }
        }
    }

    private LoadCache shard(String document) {
        return shard(Math.floorMod(document.hashCode(), SHARDS));
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
