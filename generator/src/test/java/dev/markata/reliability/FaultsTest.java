package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.content.CacheDir;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.testing.Plugins;
import dev.markata.testing.RecordingPlugin;
import dev.markata.testing.Site;
import dev.markata.testing.Tmpfs;
import dev.markata.testing.WarmVsClean;
import dev.markata.testing.Warnings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults during a build: a plugin that throws, a read-only or full output folder. The build
 * names what failed, teardown runs, no page is left half-written, and the next build on a good
 * disk works.
 */
class FaultsTest {

    @TempDir
    Path dir;

    /** For a clean build of the same site, to compare with. */
    @TempDir
    Path clean;

    /** Throws from one stage; notes teardown. */
    record Thrower(Stage failing, List<String> journal) implements Plugin {
        @Override
        public String id() {
            return "test.thrower";
        }

        @Override
        public void register(PluginSetup setup) {
            setup.hook(failing, context -> {
                throw new IllegalStateException("boom in " + failing.id());
            });
            setup.hook(Stage.TEARDOWN, context -> journal.add("teardown after " + failing.id()));
        }
    }

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"test.thrower\"]\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "a");
    }

    @Test
    void aPluginThatThrowsInAnyStageIsNamedWithTheStageAndTeardownStillRuns() {
        site();
        for (Stage stage : Stage.inOrder()) {
            if (stage == Stage.TEARDOWN) {
                continue;
            }
            List<String> journal = Collections.synchronizedList(new ArrayList<>());
            Cli.Run run = new Cli(Plugins.builtInPlus(new Thrower(stage, journal))).build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString())
                    .contains("error: build failed in stage " + stage.id() + ", plugin test.thrower")
                    .contains("boom in " + stage.id());
            assertThat(journal).as(stage.id()).containsExactly("teardown after " + stage.id());
        }
    }

    @Test
    void aPostDeletedBetweenGlobAndLoadIsLeftOutWithAWarningAndTheNextBuildMatchesACleanOne() throws Exception {
        // an editor saving by rename, or git checkout, while serve --watch builds: the glob found
        // posts/b.md, and the load failed the build with a bare NoSuchFileException for it
        site().write("markata.toml", "[markata]\nhooks = [\"default\", \"test.deleter\"]\n")
                .post("posts/b.md", "title: B\ndate: 2024-01-02\npublished: true", "b");
        java.util.concurrent.atomic.AtomicBoolean delete = new java.util.concurrent.atomic.AtomicBoolean();
        RecordingPlugin deleter = new RecordingPlugin("test.deleter", Collections.synchronizedList(new ArrayList<>()),
                Map.of(Stage.GLOB, Priority.LAST)).onStage((stage, context) -> {
                    if (delete.getAndSet(false)) {
                        Files.delete(dir.resolve("posts/b.md"));
                    }
                });
        WarmVsClean.Build build = site -> {
            Warnings warnings = new Warnings();
            Markata.builder(site).environment(Map.of()).plugins(Plugins.builtInPlus(deleter)).reporter(warnings).open()
                    .build();
            assertThat(warnings.messages).as(site.toString()).isEmpty();
        };
        build.run(dir); // warm: b's page and cache entries are there
        assertThat(dir.resolve("markout/b/index.html")).exists();

        delete.set(true);
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of()).plugins(Plugins.builtInPlus(deleter))
                .reporter(warnings).open().build();
        assertThat(warnings.messages).containsExactly("posts/b.md: was deleted after the glob found it (saved by"
                + " rename, or a checkout, while the build ran): left out of this build; the next build sees the"
                + " folder as it is then");
        assertThat(result.posts()).extracting(dev.markata.content.Post::path).containsExactly("posts/a.md");
        assertThat(dir.resolve("markout/b/index.html")).doesNotExist();
        assertThat(dir.resolve("markout/a/index.html")).exists();

        // the next build, warm, makes what a clean build of the same files makes
        build.run(dir);
        assertThat(WarmVsClean.differences(dir, clean, build)).isEmpty();
        // and b saved again comes back
        new Site(dir).post("posts/b.md", "title: B again\ndate: 2024-01-02\npublished: true", "b");
        build.run(dir);
        assertThat(Files.readString(dir.resolve("markout/b/index.html"))).contains("B again");
        assertThat(WarmVsClean.differences(dir, clean, build)).isEmpty();
    }

    @Test
    void aJinjaPostDeletedAfterItWasLoadedIsBuiltAsLoaded() throws Exception {
        // render reads a jinja post's file again for the line its body starts on: deleted after
        // load, it failed the build with a bare NoSuchFileException
        site().write("markata.toml", "[markata]\nhooks = [\"default\", \"test.deleter\"]\n")
                .post("posts/j.md", "title: J\njinja: true", "{{ 1 + 1 }} posts");
        RecordingPlugin deleter = new RecordingPlugin("test.deleter", Collections.synchronizedList(new ArrayList<>()),
                Map.of(Stage.PRE_RENDER, Priority.FIRST)).onStage((stage, context) -> Files.delete(dir.resolve("posts/j.md")));
        Warnings warnings = new Warnings();
        Markata.builder(dir).environment(Map.of()).plugins(Plugins.builtInPlus(deleter)).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        assertThat(Files.readString(dir.resolve("markout/j/index.html"))).contains("2 posts");
    }

    @Test
    void aFileWhereTheCacheFolderGoesIsOneWarningTheBuildGoesOnAndWorksWithItsCacheOnceItIsGone() throws Exception {
        // the cache only saves work: this failed the build, which could write every page
        site().write("markata.toml", "[markata]\ntitle = \"cache\"\n");
        Path cache = dir.resolve(".markata.cache");
        Files.writeString(cache, "not a folder");

        Cli.Run run = Cli.builtIn().build(dir, "-q");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEqualTo("warning: cannot write the cache folder " + cache + " ("
                + cache + " is a file, where a folder is needed): this build goes on without its caches (every page"
                + " is made again, and the files it writes to " + dir.resolve("markout") + " are not recorded, so none"
                + " that an earlier build made is removed)\n");
        assertThat(dir.resolve("markout/a/index.html")).isNotEmptyFile();
        assertThat(Files.readString(cache)).isEqualTo("not a folder");
        Files.delete(cache);
        Cli.Run again = Cli.builtIn().build(dir, "-q");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.err()).as(again.toString()).isEmpty();
        assertThat(cache.resolve("output-files.txt")).isNotEmptyFile();
    }

    @Test
    void aReadOnlyOutputFolderIsAnErrorNamingThePathAndTheNextBuildWorks() throws Exception {
        site().write("markata.toml", "[markata]\ntitle = \"ro\"\n");
        Path output = dir.resolve("markout");
        Files.createDirectories(output);
        Tmpfs.mountOrSkip(output, "ro,size=1m");
        try {
            Cli.Run run = Cli.builtIn().build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            // a page is written by the render task that made it (no plugin of the default set reads it later)
            assertThat(run.err()).as(run.toString()).contains("cannot write " + output + "/a/index.html")
                    .contains("stage render").doesNotContain("\tat ");
        } finally {
            Tmpfs.unmount(output);
        }
        Cli.Run again = Cli.builtIn().build(dir, "-q");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(output.resolve("a/index.html")).isNotEmptyFile();
    }

    @Test
    void aFullDiskIsAnErrorNamingThePathLeavesNoPartialFileAndTheNextBuildWorks() throws Exception {
        Site site = site().write("markata.toml", "[markata]\ntitle = \"full\"\nworkers = 2\n");
        String body = "Words of a post that fills the disk. ".repeat(2000);
        for (int i = 0; i < 40; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i, body);
        }
        Path output = dir.resolve("markout");
        Files.createDirectories(output);
        Tmpfs.mountOrSkip(output, "size=256k");
        try {
            Cli.Run run = Cli.builtIn().build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).as(run.toString()).contains("cannot write " + output).contains("No space left on device (the disk is full)")
                    .doesNotContain("\tat ");
            assertThat(SiteFiles.temporaries(output)).as("temporary files left in the output folder").isEmpty();
            try (Stream<Path> files = Files.walk(output)) {
                for (Path page : files.filter(p -> p.toString().endsWith("index.html")).toList()) {
                    // a feed's partial is the list alone, without the page around it
                    String end = page.getParent().getFileName().toString().equals("partial") ? "</article>" : "</html>";
                    assertThat(Files.readString(page)).as(page + " is whole").contains(end);
                }
            }
        } finally {
            Tmpfs.unmount(output);
        }
        Cli.Run again = Cli.builtIn().build(dir, "-q");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(output.resolve("p39/index.html")).isNotEmptyFile();
    }

    /** What changes between the build that fills the cache and the build that finds the disk full. */
    enum Change {
        /** New Markdown: render_markdown writes new cache entries. */
        BODIES,
        /** New titles only: every render is a cache hit, and feeds.tsv / skip.tsv are rewritten in save. */
        TITLES
    }

    @ParameterizedTest
    @EnumSource(Change.class)
    void aFullDiskUnderTheCacheIsAWarningTheBuildGoesOnAndEveryCacheFileIsWholeOrAbsent(Change change) throws Exception {
        // the cache only saves work: a full disk under it failed the build, which could write every page
        Path cache = dir.resolve(".markata.cache");
        Files.createDirectories(cache);
        Tmpfs.mountOrSkip(cache, "size=512k");
        Map<String, byte[]> before;
        try {
            Site site = cacheSite(dir, "first");
            Cli.Run first = Cli.builtIn().build(dir, "-q");
            assertThat(first.code()).as(first.toString()).isZero();
            before = SiteFiles.of(cache);
            assertThat(before.keySet()).as("what the first build cached")
                    .contains("skip.tsv", "feeds.tsv").anyMatch(f -> f.startsWith("render_markdown/"));

            fill(cache.resolve("filler"));
            changeCacheSite(site, change);
            Cli.Run full = Cli.builtIn().build(dir, "-q");
            assertThat(full.code()).as(full.toString()).isZero();
            assertThat(full.err()).as(full.toString()).contains("warning: cannot write the cache in " + cache + " (")
                    .contains("No space left on device (the disk is full)): this build goes on without writing its"
                            + " caches").doesNotContain("\tat ");
            assertThat(SiteFiles.temporaries(cache)).as("temporary files left in the cache").isEmpty();

            changeCacheSite(cacheSite(clean, "first"), change);
            Cli.Run cleanBuild = Cli.builtIn().build(clean, "-q");
            assertThat(cleanBuild.code()).as(cleanBuild.toString()).isZero();
            SiteFiles.assertSame(SiteFiles.of(dir.resolve("markout")), SiteFiles.of(clean.resolve("markout")));
            Map<String, byte[]> afterClean = SiteFiles.of(clean.resolve(".markata.cache"));
            SiteFiles.of(cache).forEach((file, bytes) -> {
                if (!file.equals("filler")) {
                    assertThat(Arrays.equals(bytes, before.get(file)) || Arrays.equals(bytes, afterClean.get(file)))
                            .as(file + " is the previous complete version or a complete new one").isTrue();
                }
            });

            Files.delete(cache.resolve("filler"));
            Cli.Run again = Cli.builtIn().build(dir, "-q");
            assertThat(again.code()).as(again.toString()).isZero();
            assertThat(again.err()).as(again.toString()).doesNotContain("warning");
            SiteFiles.assertSame(SiteFiles.of(dir.resolve("markout")), SiteFiles.of(clean.resolve("markout")));
        } finally {
            Tmpfs.unmount(cache);
        }
    }

    /** Posts with long bodies, so their cached HTML takes room, and a feed. */
    private static Site cacheSite(Path root, String words) {
        Site site = new Site(root).write("markata.toml", "[markata]\ntitle = \"cache\"\nworkers = 2\n\n"
                + "[[markata.feeds]]\nslug = \"all\"\nfilter = \"True\"\n");
        for (int i = 0; i < 12; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i + "\ndate: 2024-01-" + (10 + i),
                    ("Some " + words + " words of post " + i + ". ").repeat(300));
        }
        return site;
    }

    private static void changeCacheSite(Site site, Change change) {
        for (int i = 0; i < 12; i++) {
            if (change == Change.BODIES) {
                site.post("posts/p" + i + ".md", "title: P" + i + "\ndate: 2024-01-" + (10 + i),
                        ("Other second words of post " + i + ". ").repeat(300));
            } else {
                site.post("posts/p" + i + ".md", "title: Renamed " + i + "\ndate: 2024-01-" + (10 + i),
                        ("Some first words of post " + i + ". ").repeat(300));
            }
        }
    }

    /** Writes {@code file} until the disk it is on has no room left. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left");
        }
    }

    /** How a cache file is damaged between two builds. */
    enum Damage {
        /** Cut in the middle of a line or an entry. */
        TRUNCATED,
        /** Bytes that are not a cache file, nor UTF-8. */
        GARBAGE
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aCorruptCacheIsIgnoredWithAWarningAndTheSiteComesOutTheSame(Damage damage) throws Exception {
        cacheSite(dir, "first");
        Cli.Run first = Cli.builtIn().build(dir, "-q");
        assertThat(first.code()).as(first.toString()).isZero();
        Map<String, byte[]> site = SiteFiles.of(dir.resolve("markout"));
        Path cache = dir.resolve(".markata.cache");
        List<String> entries = new ArrayList<>();
        for (String file : SiteFiles.of(cache).keySet()) {
            if (file.equals(CacheDir.STAMP)) {
                continue; // not a cache but whose the caches are: damaged, the cache is emptied (CacheDirTest)
            }
            damage(cache.resolve(file), damage);
            if (file.startsWith("render_markdown/")) {
                entries.add(file);
            }
        }
        assertThat(entries).as("the 12 posts' HTML, in packs").hasSizeBetween(2, 12);

        Cli.Run second = Cli.builtIn().build(dir, "-q");
        assertThat(second.code()).as(second.toString()).isZero();
        assertThat(second.err()).as(second.toString())
                .contains("warning: ignoring the cache file " + cache.resolve("skip.tsv") + ": ")
                .contains("warning: ignoring the cache file " + cache.resolve("feeds.tsv") + ": ")
                .contains("warning: ignoring the cache pack " + cache.resolve("render_markdown") + "/")
                .contains("warning: " + (entries.size() - 1) + " more corrupt render cache entries or packs in "
                        + cache.resolve("render_markdown"))
                .doesNotContain("\tat ");
        SiteFiles.assertSame(SiteFiles.of(dir.resolve("markout")), site);

        Cli.Run third = Cli.builtIn().build(dir, "-q");
        assertThat(third.err()).as("the cache was rewritten: " + third).doesNotContain("warning");
        SiteFiles.assertSame(SiteFiles.of(dir.resolve("markout")), site);
    }

    private static void damage(Path file, Damage damage) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (damage == Damage.TRUNCATED) {
            int cut = bytes.length / 2;
            while (cut > 1 && bytes[cut - 1] == '\n') {
                cut--;
            }
            Files.write(file, Arrays.copyOf(bytes, cut));
        } else {
            byte[] garbage = new byte[200];
            new Random(file.getFileName().toString().hashCode()).nextBytes(garbage);
            garbage[0] = (byte) 0xff;
            Files.write(file, garbage);
        }
    }
}
