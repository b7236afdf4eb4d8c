package dev.markata.plugins.load;

import dev.markata.content.Post;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The load cache in {@value #SHARDS} files ({@code .markata.cache/load/00.bin} ...), a post's
 * shard chosen by its document name: a build where one post changed rewrites one file of
 * about {@code 1/SHARDS} of the cache (10,000 posts: 1.4 MB instead of 90 MB). A damaged shard
 * costs only its own posts a new read.
 */
final class LoadCacheShards {

    static final int SHARDS = 64;

    private final LoadCache[] shards;

    private LoadCacheShards(LoadCache[] shards) {
        this.shards = shards;
    }

    /** The shards in {@code folder}; a shard that cannot be read is empty, and {@code damaged} hears why. */
    static LoadCacheShards read(Path folder, Consumer<String> damaged) {
        LoadCache[] shards = new LoadCache[SHARDS];
        for (int i = 0; i < SHARDS; i++) {
            Path file = file(folder, i);
            try {
                shards[i] = LoadCache.read(file);
            } catch (IOException e) {
                damaged.accept(file + ": " + e.getMessage());
                shards[i] = LoadCache.empty();
            }
        }
        return new LoadCacheShards(shards);
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
        for (LoadCache shard : shards) {
            digests.putAll(shard.digests());
        }
        return digests;
    }

    /** Rewrites the shards whose posts changed, came or went. */
    void write(Path folder) throws IOException {
        for (int i = 0; i < SHARDS; i++) {
            if (shards[i].changed()) {
                shards[i].write(file(folder, i));
            }
        }
    }

    private LoadCache shard(String document) {
        return shards[Math.floorMod(document.hashCode(), SHARDS)];
    }

    private static Path file(Path folder, int shard) {
        return folder.resolve(String.format("%02d.bin", shard));
    }
}
