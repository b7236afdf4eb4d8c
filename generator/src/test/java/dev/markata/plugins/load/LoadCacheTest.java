package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadCacheTest {

    @TempDir
    Path dir;

    private static final SourceStamp STAMP = new SourceStamp(120, 1_700_000_000_123_456_789L, 1_700_000_000_223_456_789L, 42);

    @Test
    void aPostComesBackEqualWithEveryKindOfFrontMatterValue() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("int", 7);
        nested.put("long", 8_000_000_000L);
        nested.put("double", 2.5);
        nested.put("big", new BigInteger("123456789012345678901234567890"));
        nested.put("null", null);
        nested.put("flag", false);
        nested.put("set", new LinkedHashSet<>(List.of("b", "a")));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("series", "intro");
        extra.put("nested", nested);
        extra.put("list", List.of(1, "two", List.of(3.0), Map.of("k", true)));
        extra.put("unicode", "naïve ☕ \uD83D\uDE00");
        PostDate zoned = new PostDate(LocalDateTime.of(2024, 2, 29, 18, 30, 15, 500_000_000),
                ZoneOffset.ofHoursMinutes(5, 30), true);
        Post post = new Post("posts/a.md", "a", "Ä title", zoned, List.of("java", "web"), true,
                "desc", "custom.html", "body ".repeat(20_000), extra, null, null);
        Post naive = new Post("posts/c.md", "c", "C", new PostDate(LocalDateTime.of(2024, 5, 1, 9, 0), null, true),
                List.of(), false, "", null, "", Map.of(), null, null);
        Post day = new Post("posts/d.md", "d", "D", PostDate.of(LocalDate.of(1969, 12, 31)), List.of(), false, "", null,
                "", Map.of(), null, null);
        Post untitled = new Post("posts/b.md", "b", null, null, List.of(), false, "", null, "", Map.of(), null, null);

        LoadCache cache = LoadCache.empty();
        cache.put(post.path(), STAMP, post, ContentDigests.digest(post.content()));
        cache.put(untitled.path(), STAMP, untitled, ContentDigests.digest(untitled.content()));
        cache.put(naive.path(), STAMP, naive, ContentDigests.digest(naive.content()));
        cache.put(day.path(), STAMP, day, ContentDigests.digest(day.content()));
        Path file = dir.resolve("load.bin");
        cache.write(file);
        LoadCache read = LoadCache.read(file);

        assertThat(read.get("posts/a.md", STAMP)).contains(post);
        assertThat(read.get("posts/c.md", STAMP)).contains(naive);
        assertThat(read.get("posts/d.md", STAMP)).contains(day);
        assertThat(read.get("posts/b.md", STAMP)).contains(untitled);
        Object set = ((Map<?, ?>) read.get("posts/a.md", STAMP).orElseThrow().extra().get("nested")).get("set");
        assertThat(set).isInstanceOf(java.util.Set.class);
    }

    @Test
    void aDigestIsReusedOnlyForTheContentTheLoaderProduced() throws IOException {
        Post post = new Post("posts/a.md", "a", "A", null, List.of(), true, "", null, "text", Map.of(), null, null);
        LoadCache cache = LoadCache.empty();
        cache.put(post.path(), STAMP, post, "recorded-digest");
        Path file = dir.resolve("load.bin");
        cache.write(file);
        LoadCache read = LoadCache.read(file);
        Post loaded = read.get(post.path(), STAMP).orElseThrow();
        ContentDigests digests = new ContentDigests(read.digests());

        assertThat(digests.of(loaded.withTitle("Retitled"))).isEqualTo("recorded-digest");
        // equal text, but not the loader's string: hashed afresh, so a plugin's change is always seen
        assertThat(digests.of(loaded.withContent(new String("text")))).isEqualTo(ContentDigests.digest("text"));
        assertThat(digests.of(loaded.withContent("changed"))).isEqualTo(ContentDigests.digest("changed"))
                .isNotEqualTo(ContentDigests.digest("text"));
    }

    @Test
    void anyDifferenceInTheStampIsAMiss() throws IOException {
        Post post = new Post("posts/a.md", "a", "A", null, List.of(), true, "", null, "text", Map.of(), null, null);
        LoadCache cache = LoadCache.empty();
        cache.put(post.path(), STAMP, post, ContentDigests.digest(post.content()));
        Path file = dir.resolve("load.bin");
        cache.write(file);
        LoadCache read = LoadCache.read(file);

        assertThat(read.get("posts/a.md", new SourceStamp(121, STAMP.modifiedNanos(), STAMP.changedNanos(), 42))).isEmpty();
        assertThat(read.get("posts/a.md", new SourceStamp(120, STAMP.modifiedNanos() + 1, STAMP.changedNanos(), 42))).isEmpty();
        assertThat(read.get("posts/a.md", new SourceStamp(120, STAMP.modifiedNanos(), STAMP.changedNanos() + 1, 42))).isEmpty();
        assertThat(read.get("posts/a.md", new SourceStamp(120, STAMP.modifiedNanos(), STAMP.changedNanos(), 43))).isEmpty();
        assertThat(read.get("posts/other.md", STAMP)).isEmpty();
    }

    @Test
    void aDamagedFileIsRefusedWithTheReasonAndAMissingOneIsEmpty() throws IOException {
        Post post = new Post("posts/a.md", "a", "A", null, List.of(), true, "", null, "text", Map.of("k", 1), null, null);
        LoadCache cache = LoadCache.empty();
        cache.put(post.path(), STAMP, post, ContentDigests.digest(post.content()));
        Path file = dir.resolve("load.bin");
        cache.write(file);
        byte[] whole = Files.readAllBytes(file);

        for (int length : new int[] {whole.length - 1, whole.length / 2, 30}) {
            Files.write(file, Arrays.copyOf(whole, length));
            assertThatThrownBy(() -> LoadCache.read(file)).isInstanceOf(IOException.class).hasMessageContaining("cut short");
        }
        byte[] garbage = whole.clone();
        Arrays.fill(garbage, 28, garbage.length, (byte) 0xFF); // past the version and the count: lengths read as -1
        Files.write(file, garbage);
        assertThatThrownBy(() -> LoadCache.read(file)).isInstanceOf(IOException.class).hasMessageContaining("negative");

        assertThat(LoadCache.read(dir.resolve("missing.bin")).get("posts/a.md", STAMP)).isEmpty();

        // The index is intact but a post's bytes are not: that post is a miss (read again), even
        // where the changed bytes would still decode (a letter of its text).
        byte[] badValue = whole.clone();
        int digestBytes = 4 + ContentDigests.digest("text").length();
        badValue[badValue.length - digestBytes - 5] = 99; // the tag of extra's value 1 (tag, then 4 bytes)
        Files.write(file, badValue);
        assertThat(LoadCache.read(file).get("posts/a.md", STAMP)).isEmpty();
        byte[] otherLetter = whole.clone();
        int text = indexOf(otherLetter, "text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        otherLetter[text] = 'n';
        Files.write(file, otherLetter);
        assertThat(LoadCache.read(file).get("posts/a.md", STAMP)).isEmpty();
        Files.write(file, whole);
        assertThat(LoadCache.read(file).get("posts/a.md", STAMP)).contains(post);
    }

    @Test
    void anEditedPostIsReadAgainEvenWithItsOldSizeAndModificationTime() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n")
                .post("posts/a.md", "title: Before\npublished: true", "Alpha text.")
                .post("posts/b.md", "title: Other\npublished: true", "Beta text.");
        assertThat(titles(build(new Warnings()))).containsEntry("posts/a.md", "Before");
        Path a = dir.resolve("posts/a.md");
        FileTime modified = Files.getLastModifiedTime(a);

        Files.writeString(a, Files.readString(a).replace("Before", "Behind")); // same size
        Files.setLastModifiedTime(a, modified); // and the old time, as rsync -t or touch -d would leave it

        Warnings warnings = new Warnings();
        assertThat(titles(build(warnings))).containsEntry("posts/a.md", "Behind").containsEntry("posts/b.md", "Other");
        assertThat(warnings.messages).isEmpty();
        assertThat(site.read("markout/a/index.html")).contains("Behind").doesNotContain("Before");
    }

    @Test
    void aDamagedCacheIsIgnoredWithAWarningAndTheSiteIsTheSame() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n")
                .post("posts/a.md", "title: A\npublished: true\ntags: [x]", "Alpha *text*.")
                .post("posts/b.md", "title: B\ndate: 2024-01-02\npublished: true", "Beta text.");
        build(new Warnings());
        Map<String, String> first = tree(dir.resolve("markout"));
        Path cacheFolder = dir.resolve(".markata.cache").resolve(LoadPlugin.CACHE_FOLDER);
        List<Path> shards;
        try (Stream<Path> files = Files.list(cacheFolder)) {
            shards = files.sorted().toList();
        }
        assertThat(shards).isNotEmpty().allSatisfy(f -> assertThat(f.getFileName().toString()).matches("\\d\\d\\.bin"));

        for (Path shard : shards) {
            Files.write(shard, Arrays.copyOf(Files.readAllBytes(shard), 40));
        }
        deleteTree(dir.resolve("markout"));
        Warnings warnings = new Warnings();
        BuildResult again = build(warnings);

        assertThat(warnings.messages).anySatisfy(m -> assertThat(m).contains("ignoring the load cache")
                .contains(shards.get(0).toString()).contains("cut short"));
        assertThat(tree(dir.resolve("markout"))).isEqualTo(first);
        assertThat(titles(again)).containsEntry("posts/a.md", "A");
        // rewritten whole: the next build reads it without a warning and loads nothing again
        Warnings third = new Warnings();
        build(third);
        assertThat(third.messages).isEmpty();
        LoadCacheShards reread = LoadCacheShards.open(cacheFolder, problem -> { throw new AssertionError(problem); });
        assertThat(reread.get("posts/a.md", SourceStamp.of(dir.resolve("posts/a.md")))).isPresent();
        assertThat(reread.get("posts/b.md", SourceStamp.of(dir.resolve("posts/b.md")))).isPresent();
    }

    @Test
    void aBuildWithOneChangedPostRewritesOnlyThatPostsShard() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n");
        for (int i = 0; i < 40; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i + "\npublished: true", "Text " + i + ".");
        }
        build(new Warnings());
        Path cacheFolder = dir.resolve(".markata.cache").resolve(LoadPlugin.CACHE_FOLDER);
        Map<String, FileTime> before = modified(cacheFolder);
        assertThat(before.size()).isGreaterThan(10);

        Files.writeString(dir.resolve("posts/p7.md"), "\nOne more line.\n", java.nio.file.StandardOpenOption.APPEND);
        Thread.sleep(20); // a rewritten shard then has a later modification time than the first build gave it
        build(new Warnings());

        Map<String, FileTime> after = modified(cacheFolder);
        String shardOfP7 = String.format("%02d.bin", Math.floorMod("posts/p7.md".hashCode(), LoadCacheShards.SHARDS));
        List<String> rewritten = after.keySet().stream().filter(f -> !after.get(f).equals(before.get(f))).toList();
        assertThat(rewritten).containsExactly(shardOfP7);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static Map<String, FileTime> modified(Path folder) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void aWarmBuildGivesThePostsACleanBuildGives() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n")
                .post("posts/a.md", "title: A\ndate: 2024-05-01\npublished: true\ntags: [x, y]\nseries: {name: s, part: 2}",
                        "Alpha text.")
                .write("posts/plain.md", "No front matter at all.\n");
        List<Post> cold = loaded(build(new Warnings()));
        List<Post> warm = loaded(build(new Warnings()));
        assertThat(warm).isEqualTo(cold).hasSize(2);
    }

    /** Posts of many sizes spread over most shards, each shard read on the build thread that first needs it. */
    @Test
    void aWarmBuildOfPostsInManyShardsGivesThePostsAColdBuildGives() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n");
        for (int i = 0; i < 4 * LoadCacheShards.SHARDS; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i + "\ntags: [t" + i % 7 + "]",
                    ("Text of post " + i + ". ").repeat(1 + i % 40));
        }
        Warnings warnings = new Warnings();
        List<Post> cold = loaded(build(warnings));
        List<Post> warm = loaded(build(warnings));

        assertThat(warnings.messages).isEmpty();
        assertThat(warm).isEqualTo(cold).hasSize(4 * LoadCacheShards.SHARDS);
        try (Stream<Path> shards = Files.list(dir.resolve(".markata.cache").resolve(LoadPlugin.CACHE_FOLDER))) {
            assertThat(shards.count()).isGreaterThan(LoadCacheShards.SHARDS / 2);
        }
    }

    private BuildResult build(Warnings warnings) throws Exception {
        return Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
    }

    /** The posts without what render adds (the warm build renders nothing: its pages are there). */
    private static List<Post> loaded(BuildResult result) {
        return result.posts().stream().map(p -> p.withHtml(null).withPage(null)).toList();
    }

    private static Map<String, String> titles(BuildResult result) {
        Map<String, String> titles = new TreeMap<>();
        result.posts().forEach(p -> titles.put(p.path(), p.title()));
        return titles;
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                if (!file.toString().contains("_profile")) {
                    files.put(root.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
