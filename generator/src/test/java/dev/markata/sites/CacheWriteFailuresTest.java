package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.testing.Site;
import dev.markata.testing.Tmpfs;
import dev.markata.testing.WarmVsClean;
import dev.markata.testing.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .markata.cache} only saves work: when it cannot be written (a full disk, a read-only
 * folder, a file where the folder should be) the build says so once, naming the folder and the
 * reason, and goes on without its caches: it succeeds and writes the pages a build with a
 * working cache writes. Tests run as root here, which chmod does not stop: the folder is made
 * unwritable with a file in its place, directories in the place of its files, or a full tmpfs
 * mounted on it (only where this process may mount one).
 */
class CacheWriteFailuresTest {

    @TempDir
    Path dir;

    @TempDir
    Path clean;

    private Site site() {
        Site site = GeneratedSite.write(dir, 30);
        site.write("markata.toml", site.read("markata.toml").replace("hooks = [\"default\", \"markata.plugins.didyoumean\"]",
                "hooks = [\"default\", \"markata.plugins.didyoumean\", \"markata.plugins.service_worker\"]"));
        return site;
    }

    private static List<String> build(Path site) throws Exception {
        Warnings warnings = new Warnings();
        Markata.builder(site).environment(Map.of()).reporter(warnings).open().build();
        return warnings.messages;
    }

    /** The site's output is what a clean build of its sources, with a working cache, writes. */
    private void assertOutputIsAClean(String when) throws Exception {
        assertThat(WarmVsClean.differences(dir, clean, copy -> assertThat(build(copy)).isEmpty())).as(when).isEmpty();
    }

    @Test
    void aFileWhereTheCacheFolderShouldBeIsOneWarningAndTheBuildGoesOnWithoutCaches() throws Exception {
        site().write(".markata.cache", "not a folder\n");
        for (String build : List.of("first", "second")) {
            List<String> warnings = build(dir);
            assertThat(warnings).as(build).containsExactly("cannot write the cache folder " + dir.resolve(".markata.cache")
                    + " (" + dir.resolve(".markata.cache") + " is a file, where a folder is needed): this build goes on"
                    + " without its caches (every page is made again, and the files it writes to "
                    + dir.resolve("markout") + " are not recorded, so none that an earlier build made is removed)");
            assertOutputIsAClean(build);
        }
        assertThat(new Site(dir).read(".markata.cache")).isEqualTo("not a folder\n");
    }

    @Test
    void cacheFilesThatCannotBeReplacedAreOneWarningAndTheBuildGoesOn() throws Exception {
        site();
        assertThat(build(dir)).isEmpty();
        Path cache = dir.resolve(".markata.cache");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(cache)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("build.lock")
                    && !f.getFileName().toString().equals("markata-java.version")).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        // a folder, not empty, in the place of every cache file: no write can replace it
        for (Path file : files) {
            Files.delete(file);
            Files.createDirectories(file.resolve("in-the-way"));
        }
        // every post changed: each plugin has cache entries to write
        try (Stream<Path> walk = Files.walk(dir.resolve("posts"))) {
            for (Path post : walk.filter(Files::isRegularFile).toList()) {
                Files.writeString(post, Files.readString(post) + "\nOne more line.\n");
            }
        }
        List<String> warnings = build(dir);
        assertThat(warnings.stream().filter(w -> w.startsWith("cannot write the cache in "))).singleElement()
                .satisfies(w -> assertThat(w).startsWith("cannot write the cache in " + cache + " (")
                        .endsWith("): this build goes on without writing its caches; the next build does again the"
                                + " work they would have saved"));
        assertOutputIsAClean("cache files in the way");
    }

    @Test
    void aFullDiskUnderTheCacheIsOneWarningAndTheBuildGoesOn() throws Exception {
        site();
        Path cache = dir.resolve(".markata.cache");
        Files.createDirectories(cache);
        Tmpfs.mountOrSkip(cache, "size=32k");
        try {
            for (String build : List.of("cold", "warm")) {
                List<String> warnings = build(dir);
                assertThat(warnings).as(build).isNotEmpty().allSatisfy(w -> assertThat(w).contains(cache.toString())
                        .contains("No space left on device (the disk is full)"));
                assertThat(warnings.stream().filter(w -> w.startsWith("cannot write the cache in " + cache + " (")))
                        .as(build).hasSizeLessThanOrEqualTo(1);
                assertOutputIsAClean(build);
            }
        } finally {
            Tmpfs.unmount(cache);
        }
    }
}
