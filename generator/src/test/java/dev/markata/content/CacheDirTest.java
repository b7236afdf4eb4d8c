package dev.markata.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirTest {

    @TempDir
    Path dir;

    private Path cache() {
        return dir.resolve(".markata.cache");
    }

    private String stamp() throws Exception {
        return Files.readString(cache().resolve(CacheDir.STAMP), StandardCharsets.UTF_8).strip();
    }

    @Test
    void aMissingFolderIsCreatedAndStamped() throws Exception {
        assertThat(CacheDir.claim(cache(), "code 1")).isEmpty();
        assertThat(stamp()).isEqualTo("code 1");
    }

    @Test
    void theCodeThatWroteTheCacheKeepsIt() throws Exception {
        CacheDir.claim(cache(), "code 1");
        Files.createDirectories(cache().resolve("render_markdown/ab"));
        Files.writeString(cache().resolve("render_markdown/ab/entry.html"), "<p>kept</p>");

        assertThat(CacheDir.claim(cache(), "code 1")).isEmpty();
        assertThat(cache().resolve("render_markdown/ab/entry.html")).hasContent("<p>kept</p>");
    }

    @Test
    void otherCodeStartsFromAnEmptyCacheWithoutFollowingLinksOut() throws Exception {
        CacheDir.claim(cache(), "code 1");
        Files.createDirectories(cache().resolve("render_markdown/ab"));
        Files.writeString(cache().resolve("render_markdown/ab/entry.html"), "<p>old</p>");
        Files.writeString(cache().resolve("skip.tsv"), "posts/a.md\tkey\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("precious.txt"), "mine");
        Files.createSymbolicLink(cache().resolve("link"), outside);

        assertThat(CacheDir.claim(cache(), "code 2")).contains("code 1");

        try (var left = Files.list(cache())) {
            assertThat(left).containsExactly(cache().resolve(CacheDir.STAMP));
        }
        assertThat(stamp()).isEqualTo("code 2");
        assertThat(outside.resolve("precious.txt")).hasContent("mine");
    }

    @Test
    void aCacheWithoutAStampWasWrittenByOlderCode() throws Exception {
        Files.createDirectories(cache().resolve("load"));
        Files.writeString(cache().resolve("load/shard-00.bin"), "old");

        assertThat(CacheDir.claim(cache(), "code 2")).contains("none");
        assertThat(cache().resolve("load")).doesNotExist();
        assertThat(stamp()).isEqualTo("code 2");
    }

    @Test
    void aDamagedStampIsOtherCode() throws Exception {
        CacheDir.claim(cache(), "code 1");
        Files.writeString(cache().resolve("skip.tsv"), "posts/a.md\tkey\n");
        Files.write(cache().resolve(CacheDir.STAMP), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});

        assertThat(CacheDir.claim(cache(), "code 1")).isPresent();
        assertThat(cache().resolve("skip.tsv")).doesNotExist();
        assertThat(stamp()).isEqualTo("code 1");
    }
}
