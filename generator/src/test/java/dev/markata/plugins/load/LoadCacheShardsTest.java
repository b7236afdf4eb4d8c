package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.Post;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCacheShardsTest {

    @TempDir
    Path dir;

    private static final SourceStamp STAMP = new SourceStamp(10, 1_700_000_000_000_000_000L, 1_700_000_000_000_000_001L, 7);

    private static Post post(String path) {
        return new Post(path, path, "T", null, List.of(), true, "", null, "Body of " + path, Map.of(), null, null);
    }

    /** Three document names that fall into one shard. */
    private static List<String> sameShard() {
        List<String> documents = new ArrayList<>();
        int shard = Math.floorMod("posts/0.md".hashCode(), LoadCacheShards.SHARDS);
        for (int i = 0; documents.size() < 3; i++) {
            String name = "posts/" + i + ".md";
            if (Math.floorMod(name.hashCode(), LoadCacheShards.SHARDS) == shard) {
                documents.add(name);
            }
        }
        return documents;
    }

    private List<Path> shardFiles() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).toList();
        }
    }

    @Test
    void aShardIsWrittenOnceItsLastDocumentIsLoadedWithEveryDocumentInIt() throws Exception {
        List<String> documents = sameShard();
        LoadCacheShards shards = LoadCacheShards.open(dir, problem -> {
            throw new AssertionError(problem);
        });
        shards.expect(documents);
        shards.put(documents.get(0), STAMP, post(documents.get(0)), "d0");
        shards.put(documents.get(1), STAMP, post(documents.get(1)), "d1");
        assertThat(shardFiles()).isEmpty();

        shards.put(documents.get(2), STAMP, post(documents.get(2)), "d2");
        assertThat(shardFiles()).hasSize(1);

        LoadCacheShards next = LoadCacheShards.open(dir, problem -> {
            throw new AssertionError(problem);
        });
        for (String document : documents) {
            assertThat(next.get(document, STAMP)).map(Post::content).contains("Body of " + document);
        }
    }

    @Test
    void aShardWithADocumentThatWasNotLoadedIsLeftForTheEnd() throws Exception {
        List<String> documents = sameShard();
        LoadCacheShards shards = LoadCacheShards.open(dir, problem -> {
        });
        shards.expect(documents);
        shards.put(documents.get(0), STAMP, post(documents.get(0)), "d0");
        shards.put(documents.get(1), STAMP, post(documents.get(1)), "d1");
        // the third document failed to load: write() at the end still saves the other two
        assertThat(shardFiles()).isEmpty();
        shards.write();
        LoadCacheShards next = LoadCacheShards.open(dir, problem -> {
        });
        assertThat(next.get(documents.get(1), STAMP)).isPresent();
        assertThat(next.get(documents.get(2), STAMP)).isEmpty();
    }
}
