package dev.markata.plugins.auto_description;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.content.Post;
import dev.markata.plugin.CacheText;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstParagraphsTest {

    @TempDir
    Path dir;

    /** The length of text the tests read: the longest description. */
    private static final int LIMIT = 250;

    /** Records the Markdown it was asked to describe. */
    private static final class Maker implements Function<String, String> {
        final List<String> asked = new ArrayList<>();

        @Override
        public synchronized String apply(String markdown) {
            asked.add(markdown);
            return "text of " + markdown;
        }
    }

    private Path file() {
        return dir.resolve(FirstParagraphs.FILE);
    }

    /** One build of a process: the descriptions of {@code markdown} keyed by "d-" + markdown. */
    private static List<String> build(FirstParagraphs known, Path file, Warnings warnings, Maker maker,
                                      String... markdown) throws Exception {
        known.startBuild(file, warnings, LIMIT);
        List<String> made = new ArrayList<>();
        for (String text : markdown) {
            made.add(known.of("d-" + text, text, maker));
        }
        known.finishBuild(file);
        return made;
    }

    @Test
    void aNewProcessFindsTheLastBuildsDescriptionsOnDiskAndMakesOnlyTheChangedOnes() throws Exception {
        Maker first = new Maker();
        List<String> cold = build(new FirstParagraphs(), file(), new Warnings(), first, "a", "b", "c");
        assertThat(first.asked).containsExactlyInAnyOrder("a", "b", "c");

        Maker second = new Maker();
        Warnings warnings = new Warnings();
        List<String> warm = build(new FirstParagraphs(), file(), warnings, second, "a", "b", "c");
        assertThat(second.asked).isEmpty();
        assertThat(warm).isEqualTo(cold);
        assertThat(warnings.messages).isEmpty();

        Maker third = new Maker();
        build(new FirstParagraphs(), file(), new Warnings(), third, "a", "c2");
        assertThat(third.asked).containsExactly("c2");
        assertThat(FirstParagraphs.read(file(), new Warnings(), LIMIT))
                .as("only what the last build used").containsOnlyKeys("d-a", "d-c2");
    }

    @Test
    void aBuildThatUsedWhatTheFileHoldsDoesNotRewriteIt() throws Exception {
        build(new FirstParagraphs(), file(), new Warnings(), new Maker(), "a", "b");
        FirstParagraphs known = new FirstParagraphs();
        known.startBuild(file(), new Warnings(), LIMIT);
        byte[] marker = "not rewritten".getBytes(StandardCharsets.UTF_8);
        Files.write(file(), marker);
        known.of("d-a", "a", new Maker());
        known.of("d-b", "b", new Maker());
        known.finishBuild(file());
        assertThat(Files.readAllBytes(file())).isEqualTo(marker);

        // in one process (serve --watch): the second build reuses the first's from memory
        Maker again = new Maker();
        build(known, file(), new Warnings(), again, "a");
        assertThat(again.asked).isEmpty();
        assertThat(FirstParagraphs.read(file(), new Warnings(), LIMIT)).containsOnlyKeys("d-a");
    }

    @Test
    void aDamagedFileIsIgnoredWithAWarningAndRewrittenWhole() throws Exception {
        build(new FirstParagraphs(), file(), new Warnings(), new Maker(), "a", "b");
        byte[] whole = Files.readAllBytes(file());
        List<byte[]> damaged = List.of(Arrays.copyOf(whole, whole.length - 2),
                CacheText.encode("markata-auto-description", FirstParagraphs.versionLine(LIMIT) + "\nd-a no tab\n"),
                CacheText.encode("markata-auto-description", FirstParagraphs.versionLine(LIMIT) + "\nd-a\tx\ty\n"),
                new byte[] {(byte) 0xff, 0, 1});
        for (byte[] bytes : damaged) {
            Files.write(file(), bytes);
            Warnings warnings = new Warnings();
            Maker maker = new Maker();
            build(new FirstParagraphs(), file(), warnings, maker, "a", "b");
            assertThat(warnings.messages).singleElement().asString()
                    .startsWith("ignoring the cache file " + file() + ": ");
            assertThat(maker.asked).containsExactlyInAnyOrder("a", "b");
            assertThat(Files.readAllBytes(file())).isEqualTo(whole);
        }
    }

    @Test
    void anotherVersionsFileIsNotOursAndNotAWarning() throws Exception {
        Files.write(file(), CacheText.encode("markata-auto-description", "0\nd-a\tx\ty\n"));
        Warnings warnings = new Warnings();
        Maker maker = new Maker();
        build(new FirstParagraphs(), file(), warnings, maker, "a");
        assertThat(warnings.messages).isEmpty();
        assertThat(maker.asked).containsExactly("a");
    }

    /** A site whose longest description changed reads its posts further: the texts read before are too short. */
    @Test
    void textsReadToAnotherLengthAreMadeAgain() throws Exception {
        FirstParagraphs known = new FirstParagraphs();
        build(known, file(), new Warnings(), new Maker(), "a", "b");

        for (FirstParagraphs process : List.of(known, new FirstParagraphs())) {
            Maker maker = new Maker();
            process.startBuild(file(), new Warnings(), LIMIT * 2);
            process.of("d-a", "a", maker);
            assertThat(maker.asked).containsExactly("a");
        }
    }

    @Test
    void descriptionsWithATabOrLineBreakAreNotWrittenAndAreMadeAgain() throws Exception {
        Function<String, String> tabs = markdown -> "a\tb";
        FirstParagraphs known = new FirstParagraphs();
        known.startBuild(file(), new Warnings(), LIMIT);
        known.of("d-x", "x", tabs);
        known.of("d-y", "y", new Maker());
        known.finishBuild(file());
        assertThat(FirstParagraphs.read(file(), new Warnings(), LIMIT)).containsOnlyKeys("d-y");
    }

    @Test
    void aSecondBuildOfASiteDescribesItsPostsAsTheFirstDid() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n")
                .post("posts/a.md", "title: A", "# Heading\n\nThe *first* paragraph, with a\ttab.\n\nThe second.")
                .post("posts/b.md", "title: B\ndescription: Given", "Long " + "words ".repeat(80))
                .post("posts/c.md", "title: C", "");
        Map<String, List<Object>> cold = descriptions(build());
        assertThat(cold.get("posts/a.md")).containsExactly("The first paragraph, with a tab. The second.",
                "The first paragraph, with a tab. The second.");
        assertThat(cold.get("posts/b.md").get(0)).isEqualTo("Given");
        assertThat((String) cold.get("posts/b.md").get(1)).hasSizeLessThanOrEqualTo(250).endsWith("words…");
        assertThat(site.exists(".markata.cache/" + FirstParagraphs.FILE)).isTrue();

        assertThat(descriptions(build())).isEqualTo(cold);
        site.post("posts/a.md", "title: A", "Changed first paragraph.");
        assertThat(descriptions(build()).get("posts/a.md"))
                .containsExactly("Changed first paragraph.", "Changed first paragraph.");
    }

    private BuildResult build() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    private static Map<String, List<Object>> descriptions(BuildResult result) {
        Map<String, List<Object>> byPath = new TreeMap<>();
        for (Post post : result.posts()) {
            byPath.put(post.path(), Arrays.asList(post.description(), post.extra().get("long_description")));
        }
        return byPath;
    }
}
