package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render cache's packs across whole builds. */
class RenderCacheBuildsTest {

    private static final int POSTS = 30;

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"packs\"\nworkers = 2\n");
        for (int i = 0; i < POSTS; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i + "\ndate: 2024-01-" + (10 + i % 20),
                    "Some *words* of post " + i + ", in ünïcode.\n\n- a list\n- of two\n\n```python\nprint(" + i
                            + ")\n```\n");
        }
        return site;
    }

    /** Each pack file and what tells one write of it from another (its inode, as a rename gives a new one). */
    private Map<String, Object> packs() throws Exception {
        Map<String, Object> packs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir.resolve(".markata.cache").resolve(RenderCache.FOLDER))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pack")).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                packs.put(file.getFileName().toString(), List.of(String.valueOf(attributes.fileKey()),
                        attributes.lastModifiedTime(), attributes.size()));
            }
        }
        return packs;
    }

    /** A build that renders every post again (no skip), which must say no warning. */
    private BuildResult renderingEveryPost() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of("MARKATA_SKIP", "false")).reporter(warnings)
                .open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    private static int tasks(BuildTimings timings) {
        return timings.hooks().stream().filter(h -> h.pluginId().equals(RenderMarkdownPlugin.ID))
                .mapToInt(BuildTimings.HookTiming::tasks).sum();
    }

    @Test
    void buildsAfterAColdOneTakeEveryPostsHtmlFromThePacksAndMakeTheSameSite() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        Map<String, String> cold = site.files("markout");
        Map<String, Object> packs = packs();
        assertThat(packs).hasSizeBetween(2, RenderCache.PACKS);

        Builds.withoutWarnings(dir);
        assertThat(site.files("markout")).isEqualTo(cold);
        assertThat(packs()).as("a warm build writes no pack").isEqualTo(packs);

        BuildResult again = renderingEveryPost();
        assertThat(tasks(again.timings())).isEqualTo(POSTS);
        assertThat(site.files("markout")).isEqualTo(cold);
        assertThat(packs()).as("every post's HTML was found: no pack written").isEqualTo(packs);
    }

    @Test
    void oneEditedPostRewritesOnlyItsOwnPack() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        Map<String, Object> before = packs();

        site.post("posts/p7.md", "title: P7\ndate: 2024-01-17", "Edited.");
        Builds.withoutWarnings(dir);
        Map<String, Object> after = packs();
        String own = String.format("%02x.pack", RenderCache.index("posts/p7.md"));
        for (String pack : before.keySet()) {
            if (pack.equals(own)) {
                assertThat(after.get(pack)).as(pack).isNotEqualTo(before.get(pack));
            } else {
                assertThat(after.get(pack)).as(pack).isEqualTo(before.get(pack));
            }
        }
        assertThat(site.read("markout/p7/index.html")).contains("Edited.");
    }

    @Test
    void aCacheFolderOfTheEarlierOneFilePerEntryLayoutBreaksNothing() throws Exception {
        Site site = site();
        Builds.withoutWarnings(dir);
        Map<String, String> cold = site.files("markout");
        // what builds before the packs left (CacheDir empties the folder for another version; a
        // folder left so anyway must not matter)
        Path folder = dir.resolve(".markata.cache").resolve(RenderCache.FOLDER);
        site.write(".markata.cache/render_markdown/ab/ab0123456789abcdef0123456789abcd.html",
                "markata-render-cache 11 0\n<p>stale</p>");
        site.write(".markata.cache/render_markdown/00/00aa.html", "not even a header");

        BuildResult again = renderingEveryPost();
        assertThat(tasks(again.timings())).isEqualTo(POSTS);
        assertThat(site.files("markout")).isEqualTo(cold);
        assertThat(Files.exists(folder.resolve("ab"))).isTrue();
    }
}
