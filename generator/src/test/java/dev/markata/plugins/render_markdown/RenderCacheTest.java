package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.Post;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCacheTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<Path> written = new CopyOnWriteArrayList<>();

    private Path folder() {
        return dir.resolve("render_markdown");
    }

    /** The cache of a build of a site with {@code documents}. */
    private RenderCache cache(List<String> documents) {
        List<Post> posts = documents.stream().map(RenderCacheTest::post).toList();
        return new RenderCache(folder(), (file, write) -> {
            try {
                write.write();
                written.add(file);
                return true;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, warnings::add, posts);
    }

    private static Post post(String path) {
        return new Post(path, path, "T", null, List.of(), true, "", null, "Body of " + path, Map.of(), null, null);
    }

    /** Document names that fall into one pack. */
    private static List<String> samePack(int count) {
        List<String> documents = new ArrayList<>();
        int pack = RenderCache.index("posts/0.md");
        for (int i = 0; documents.size() < count; i++) {
            String name = "posts/" + i + ".md";
            if (RenderCache.index(name) == pack) {
                documents.add(name);
            }
        }
        return documents;
    }

    private List<Path> packs() throws IOException {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).sorted().toList();
        }
    }

    /** A build that renders {@code documents}, storing "HTML of <document> <version>" under "<document> <version>". */
    private void render(List<String> site, List<String> documents, String version) {
        RenderCache cache = cache(site);
        cache.expect(documents);
        for (String document : documents) {
            assertThat(cache.get(document, document + " " + version)).isEmpty();
            cache.put(document, document + " " + version, "HTML of " + document + " " + version);
            cache.rendered(document);
        }
        cache.write();
    }

    @Test
    void aPackIsWrittenOnceWhenItsLastExpectedPostIsRenderedAndReadBackByTheNextBuild() throws Exception {
        List<String> documents = samePack(3);
        RenderCache cache = cache(documents);
        cache.expect(documents);
        cache.put(documents.get(0), "k0", "<p>zero</p>");
        cache.rendered(documents.get(0));
        cache.put(documents.get(1), "k1", "<p>one ü</p>");
        cache.rendered(documents.get(1));
        assertThat(packs()).isEmpty();
        assertThat(cache.get(documents.get(1), "k1")).as("stored, not written yet").contains("<p>one ü</p>");

        cache.put(documents.get(2), "k2", "<p>two</p>");
        cache.rendered(documents.get(2));
        assertThat(packs()).hasSize(1);
        assertThat(written).hasSize(1);
        cache.write();
        assertThat(written).as("nothing new to write").hasSize(1);

        RenderCache next = cache(documents);
        assertThat(next.get(documents.get(0), "k0")).contains("<p>zero</p>");
        assertThat(next.get(documents.get(1), "k1")).contains("<p>one ü</p>");
        assertThat(next.get(documents.get(2), "k2")).contains("<p>two</p>");
        assertThat(next.get(documents.get(2), "k3")).isEmpty();
        next.write();
        next.reportIgnored();
        assertThat(written).as("a build that only read writes nothing").hasSize(1);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPostNotRenderedLeavesItsPackForTheEndWithTheOthersEntries() throws Exception {
        List<String> documents = samePack(2);
        RenderCache cache = cache(documents);
        cache.expect(documents);
        cache.put(documents.get(0), "k0", "zero");
        cache.rendered(documents.get(0));
        // the second post's render failed before it was stored; rendered() still came, in a finally
        cache.rendered(documents.get(1));
        assertThat(packs()).hasSize(1);
        cache.put(documents.get(1), "late", "a listing's HTML, stored after the pack was written");
        cache.write();

        RenderCache next = cache(documents);
        assertThat(next.get(documents.get(0), "k0")).contains("zero");
        assertThat(next.get(documents.get(1), "late")).contains("a listing's HTML, stored after the pack was written");
    }

    @Test
    void anEditedPostsOldHtmlIsDroppedFromItsPackAndOtherPostsKeepTheirs() throws Exception {
        List<String> documents = samePack(3);
        render(documents, documents, "v1");
        long before = Files.size(packs().get(0));

        // the first post edited, ten times (serve --watch): its pack does not grow
        for (int edit = 2; edit <= 11; edit++) {
            render(documents, documents.subList(0, 1), "v" + edit);
        }
        assertThat(Files.size(packs().get(0))).isBetween(before, before + 8);

        RenderCache next = cache(documents);
        assertThat(next.get(documents.get(0), documents.get(0) + " v1")).isEmpty();
        assertThat(next.get(documents.get(0), documents.get(0) + " v10")).isEmpty();
        assertThat(next.get(documents.get(0), documents.get(0) + " v11")).contains("HTML of " + documents.get(0) + " v11");
        assertThat(next.get(documents.get(1), documents.get(1) + " v1")).contains("HTML of " + documents.get(1) + " v1");
        assertThat(next.get(documents.get(2), documents.get(2) + " v1")).contains("HTML of " + documents.get(2) + " v1");
    }

    @Test
    void entriesLookedUpByTheBuildAreKeptAndThoseOfDeletedPostsDropped() throws Exception {
        List<String> documents = samePack(3);
        render(documents, documents, "v1");

        // the third post deleted; the first one's HTML found in the cache, the second one edited
        List<String> site = documents.subList(0, 2);
        RenderCache cache = cache(site);
        cache.expect(site);
        assertThat(cache.get(site.get(0), site.get(0) + " v1")).isPresent();
        cache.rendered(site.get(0));
        cache.put(site.get(1), site.get(1) + " v2", "new");
        cache.rendered(site.get(1));

        RenderCache next = cache(documents);
        assertThat(next.get(site.get(0), site.get(0) + " v1")).isPresent();
        assertThat(next.get(site.get(1), site.get(1) + " v2")).contains("new");
        assertThat(next.get(documents.get(2), documents.get(2) + " v1")).isEmpty();
    }

    @Test
    void concurrentPutsAndLookUpsAreAllKept() throws Exception {
        List<String> documents = IntStream.range(0, 5_000).mapToObj(i -> "posts/" + i + ".md").toList();
        RenderCache cache = cache(documents);
        cache.expect(documents);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                done.add(threads.submit(() -> {
                    for (int i = first; i < documents.size(); i += 8) {
                        String document = documents.get(i);
                        cache.get(document, "key " + i);
                        cache.put(document, "key " + i, "<p>" + "x".repeat(i % 50) + i + "</p>");
                        assertThat(cache.get(documents.get(i / 2), "key " + i / 2)).isNotNull();
                        cache.rendered(document);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(packs()).hasSize(RenderCache.PACKS);
        assertThat(written).as("each pack written once").hasSize(RenderCache.PACKS);

        RenderCache next = cache(documents);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(next.get(documents.get(i), "key " + i)).contains("<p>" + "x".repeat(i % 50) + i + "</p>");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPackCutShortIsIgnoredWithOneWarningAndRewritten() throws Exception {
        List<String> documents = samePack(3);
        render(documents, documents, "v1");
        Path pack = packs().get(0);
        byte[] bytes = Files.readAllBytes(pack);
        Files.write(pack, Arrays.copyOf(bytes, bytes.length - 10));

        render(documents, documents, "v1"); // every look-up misses: the posts are rendered again
        assertThat(warnings).containsExactly("ignoring the cache pack " + pack + ": it is cut short, or an entry's"
                + " length is damaged; its posts are rendered again and the cache rewritten");

        warnings.clear();
        RenderCache next = cache(documents);
        for (String document : documents) {
            assertThat(next.get(document, document + " v1")).contains("HTML of " + document + " v1");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void anEntryWhoseLengthsAreDamagedMakesItsPackIgnoredNotTheBuildFail() throws Exception {
        List<String> documents = samePack(2);
        render(documents, documents, "v1");
        Path pack = packs().get(0);
        byte[] bytes = Files.readAllBytes(pack);
        int entry = RenderPack.VERSION.length() + 1 + 4;
        int keyLength = java.nio.ByteBuffer.wrap(bytes, entry + 8, 4).getInt();
        // the first entry's document as long as an int goes: offset plus length would overflow
        java.nio.ByteBuffer.wrap(bytes, entry + 12 + keyLength, 4).putInt(Integer.MAX_VALUE - 3);
        Files.write(pack, bytes);

        render(documents, documents, "v1"); // every look-up misses
        assertThat(warnings).containsExactly("ignoring the cache pack " + pack + ": an entry's document is damaged;"
                + " its posts are rendered again and the cache rewritten");
    }

    @Test
    void aPackOfGarbageIsIgnoredWithAWarningAndTheOthersCounted() throws Exception {
        List<String> documents = IntStream.range(0, 5_000).mapToObj(i -> "posts/" + i + ".md").toList();
        render(documents, documents, "v1");
        List<Path> packs = packs();
        assertThat(packs).hasSize(RenderCache.PACKS);
        for (Path pack : packs) {
            Files.write(pack, "\u00ff\u0001 not a pack at all".getBytes(StandardCharsets.ISO_8859_1));
        }
        RenderCache cache = cache(documents);
        for (String document : documents) {
            assertThat(cache.get(document, document + " v1")).isEmpty();
        }
        cache.reportIgnored();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("ignoring the cache pack " + folder().resolve("")).contains(
                ": it does not start with \"markata-render-cache <version>\"; its posts are rendered again");
        assertThat(warnings.get(1)).isEqualTo((RenderCache.PACKS - 1) + " more corrupt render cache entries or packs in "
                + folder() + " were ignored and rendered again");
    }

    @Test
    void anEntryWhoseBytesChangedIsAMissWithAWarningAndTheOtherEntriesOfItsPackAreRead() throws Exception {
        List<String> documents = samePack(3);
        render(documents, documents, "v1");
        Path pack = packs().get(0);
        byte[] bytes = Files.readAllBytes(pack);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("HTML of " + documents.get(1));
        bytes[at] = 'h';
        Files.write(pack, bytes);

        RenderCache cache = cache(documents);
        assertThat(cache.get(documents.get(0), documents.get(0) + " v1")).isPresent();
        assertThat(cache.get(documents.get(1), documents.get(1) + " v1")).isEmpty();
        assertThat(cache.get(documents.get(2), documents.get(2) + " v1")).isPresent();
        String warning = "ignoring the cache entry " + documents.get(1) + " v1 of " + documents.get(1) + " in " + pack
                + ": its checksum does not match its content; its posts are rendered again and the cache rewritten";
        assertThat(warnings).containsExactly(warning);

        // a build that renders the post (its entries decoded when the pack is read) misses too,
        // and rewrites the pack with the others' entries as they were
        warnings.clear();
        render(documents, documents.subList(1, 2), "v1");
        assertThat(warnings).containsExactly(warning);
        warnings.clear();
        RenderCache next = cache(documents);
        for (String document : documents) {
            assertThat(next.get(document, document + " v1")).contains("HTML of " + document + " v1");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPackOfAnotherVersionIsIgnoredWithoutAWarning() throws Exception {
        List<String> documents = samePack(2);
        render(documents, documents, "v1");
        Path pack = packs().get(0);
        String version = RenderPack.VERSION;
        byte[] bytes = Files.readAllBytes(pack);
        byte[] older = ("markata-render-cache 1" + new String(bytes, version.length(), bytes.length - version.length(),
                StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(pack, older);

        render(documents, documents, "v1"); // asserts every look-up misses
        assertThat(warnings).isEmpty();
        assertThat(cache(documents).get(documents.get(0), documents.get(0) + " v1")).isPresent();
    }

    @Test
    void filesOfTheEarlierOneFilePerEntryLayoutAreIgnored() throws Exception {
        List<String> documents = samePack(2);
        Path old = folder().resolve("ab").resolve("ab0123456789abcdef0123456789abcd.html");
        Files.createDirectories(old.getParent());
        Files.writeString(old, "markata-render-cache 9 4 0\n<p>");

        render(documents, documents, "v1");
        assertThat(cache(documents).get(documents.get(1), documents.get(1) + " v1")).isPresent();
        assertThat(warnings).isEmpty();
    }
}
