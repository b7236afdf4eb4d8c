package dev.markata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.cli.Main;
import dev.markata.content.CacheDir;
import dev.markata.testing.Plugins;
import dev.markata.testing.Printed;
import dev.markata.testing.Site;
import dev.markata.testing.WarmVsClean;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm build removes from the output folder the files an earlier build of markata-java wrote
 * there that it no longer makes (the pages of a deleted post, a renamed slug's old folder, its
 * covers and source copy), so that deploying the output folder does not publish what the author
 * withdrew; and only those: a file it did not write, or one an unchanged post did not need
 * written again, stays. Each step is checked against a clean build of the same sources.
 */
class StaleFilesTest {

    @TempDir
    Path dir;

    private Path site() {
        return dir.resolve("site");
    }

    private Path out(String relative) {
        return site().resolve("markout").resolve(relative);
    }

    /** What {@code markata} printed and returned. */
    record Run(int code, String err) {
    }

    private Run markata(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Plugins.builtInPlus());
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    /** {@code markata build -d <site> --no-profile <extra>}, which must succeed; what it printed. */
    private String build(String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--no-profile", "-d", site().toString()));
        args.addAll(Arrays.asList(extra));
        if (Arrays.asList(extra).contains("--profile")) {
            args.remove("--no-profile");
        }
        Run run = markata(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run.err();
    }

    /** The files a warm build left that a clean build of the same sources does not make, or makes otherwise. */
    private List<String> warmVsClean() throws Exception {
        return WarmVsClean.differences(site(), dir.resolve("clean"), copy -> {
            Run run = markata("build", "--no-profile", "-q", "-d", copy.toString());
            assertThat(run.code()).as(run.err()).isZero();
        });
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * A site with every built-in plugin that writes files of its own beside the posts' pages:
     * extra pages per post, a feed with a partial page, covers, the source copies, icons, the
     * manifest and service worker, a redirect, assets, the 404 page and markata.json. A plugin
     * that writes files and leaves unchanged ones alone belongs here: the warm-build test below
     * is what catches one that forgets {@code OutputDir.keep} (redirects' did, once merged).
     */
    private Site fullSite() throws IOException {
        Site site = new Site(site()).write("markata.toml", """
                [markata]
                title = "Stale"
                url = "https://example.com"
                hooks = ["default", "markata.plugins.publish_source", "markata.plugins.manifest",
                         "markata.plugins.service_worker"]
                icon = "icon.png"
                post_template = { index = "post.html", partial = "partial.html" }

                [markata.glob]
                glob_patterns = ["posts/*.md"]

                [[markata.feeds]]
                slug = "all"
                filter = "published"
                partial_template = "partial.html"

                [[markata.covers]]
                name = "-og"
                """)
                .write("templates/partial.html", "<p>{{ title }}</p>\n")
                .write("static/style.css", "body { margin: 0; }\n")
                .write("static/_redirects", "/old /a/\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "Post a.")
                .post("posts/b.md", "title: B\ndate: 2024-01-02\npublished: true", "Post b.")
                .post("posts/c.md", "title: C\ndate: 2024-01-03\npublished: true", "Post c.");
        Files.write(site().resolve("static/icon.png"), png(64, 64));
        return site;
    }

    /** The files of post b in the full site: pages, source copy and cover. */
    private static final List<String> B_FILES = List.of("b/index.html", "b/partial/index.html", "b.md", "b-og.png");

    @Test
    void aDeletedPostLeavesNothingBehind() throws Exception {
        Site site = fullSite();
        build();
        for (String file : B_FILES) {
            assertThat(out(file)).as(file).isRegularFile();
        }
        Files.delete(site().resolve("posts/b.md"));
        String printed = build();
        for (String file : B_FILES) {
            assertThat(out(file)).as(file).doesNotExist();
        }
        assertThat(out("b")).as("the folder the post's pages left empty").doesNotExist();
        assertThat(out("a/index.html")).isRegularFile();
        assertThat(printed).contains("removed 4 files");
        assertThat(warmVsClean()).isEmpty();
        assertThat(site.read("markout/all/index.html")).doesNotContain("/b/");
    }

    @Test
    void aRenamedSlugMovesItsFilesAndLeavesNoOldCopy() throws Exception {
        Site site = fullSite();
        build();
        site.post("posts/b.md", "title: B\ndate: 2024-01-02\npublished: true\nslug: bee", "Post b.");
        build();
        assertThat(out("b")).doesNotExist();
        assertThat(out("b-og.png")).doesNotExist();
        assertThat(out("bee/index.html")).isRegularFile();
        assertThat(out("bee/partial/index.html")).isRegularFile();
        assertThat(warmVsClean()).isEmpty();
    }

    @Test
    void aPostMovedOutOfTheGlobGoesAndAnUnpublishedOneKeepsItsPageAsInACleanBuild() throws Exception {
        Site site = fullSite();
        build();
        // a draft the build no longer reads
        Files.createDirectories(site().resolve("drafts"));
        Files.move(site().resolve("posts/b.md"), site().resolve("drafts/b.md"));
        // published: false takes the post out of the feed; markata still writes its page
        site.post("posts/c.md", "title: C\ndate: 2024-01-03\npublished: false", "Post c.");
        build();
        assertThat(out("b")).doesNotExist();
        assertThat(out("c/index.html")).isRegularFile();
        assertThat(site.read("markout/all/index.html")).doesNotContain("/c/");
        assertThat(warmVsClean()).isEmpty();
    }

    @Test
    void postsAndFilesAWarmBuildFoundUnchangedAndDidNotWriteAgainStay() throws Exception {
        Site site = fullSite();
        build();
        Map<String, byte[]> first = WarmVsClean.files(site().resolve("markout"));
        // nothing changed: every page, feed, cover, icon and worker is skipped
        String printed = build();
        assertThat(printed).contains("(0 files written").doesNotContain("removed");
        assertThat(WarmVsClean.files(site().resolve("markout")).keySet()).isEqualTo(first.keySet());
        // one post's body changed: the others are skipped, and every file of theirs stays
        site.post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "Post a, edited.");
        printed = build();
        assertThat(printed).doesNotContain("removed");
        assertThat(WarmVsClean.files(site().resolve("markout")).keySet()).isEqualTo(first.keySet());
        assertThat(warmVsClean()).isEmpty();
        // and once more, with the record this warm build made of what it skipped
        site.post("posts/c.md", "title: C\ndate: 2024-01-03\npublished: true", "Post c, edited.");
        assertThat(build()).doesNotContain("removed");
        assertThat(WarmVsClean.files(site().resolve("markout")).keySet()).isEqualTo(first.keySet());
    }

    @Test
    void filesTheBuildDidNotWriteSurvive() throws Exception {
        Site site = fullSite();
        build();
        site.write("markout/robots.txt", "User-agent: *\n")
                .write("markout/downloads/report.pdf", "%PDF")
                .write("markout/b/notes.txt", "mine");
        Files.delete(site().resolve("posts/b.md"));
        build();
        assertThat(out("b/index.html")).doesNotExist();
        assertThat(out("b/partial")).doesNotExist();
        assertThat(site.read("markout/b/notes.txt")).isEqualTo("mine");
        assertThat(site.read("markout/robots.txt")).isEqualTo("User-agent: *\n");
        assertThat(site.read("markout/downloads/report.pdf")).isEqualTo("%PDF");
    }

    @Test
    void aFailedBuildRemovesNothingAndTheNextGoodOneRemovesWhatItWrote() throws Exception {
        Site site = fullSite();
        build();
        Files.delete(site().resolve("posts/b.md"));
        site.post("posts/d.md", "title: D\ndate: 2024-01-04\npublished: true", "Post d.");
        // a redirect page including a partial that is nowhere: redirects fails in save, after d's page was written
        site.write("templates/redirect.html", "{% include 'nowhere.html' %}");
        Run failed = markata("build", "--no-profile", "-d", site().toString());
        assertThat(failed.code()).as(failed.err()).isEqualTo(1);
        assertThat(out("b/index.html")).isRegularFile();
        assertThat(out("d/index.html")).isRegularFile();
        assertThat(failed.err()).doesNotContain("removed");
        // d is withdrawn before the next build succeeds: its page, written by the failed build, goes too
        Files.delete(site().resolve("posts/d.md"));
        Files.delete(site().resolve("templates/redirect.html"));
        build();
        assertThat(out("b")).doesNotExist();
        assertThat(out("d")).doesNotExist();
        assertThat(warmVsClean()).isEmpty();
    }

    @Test
    void withoutTheRecordOfTheLastBuildNothingIsRemoved() throws Exception {
        Site site = fullSite();
        build();
        // the cache deleted by hand: nothing is known to be the build's
        site.delete(".markata.cache");
        Files.delete(site().resolve("posts/b.md"));
        assertThat(build()).doesNotContain("removed");
        assertThat(out("b/index.html")).isRegularFile();
        // from then on the build knows its files again
        Files.delete(site().resolve("posts/a.md"));
        build();
        assertThat(out("a")).doesNotExist();
        assertThat(out("b/index.html")).isRegularFile();
    }

    /**
     * The first build after an upgrade (or any new jar) empties a cache written by other code,
     * but the record of the output folder outlives it: it says what is in output_dir, not what
     * code made of the posts, and a post withdrawn just before the upgrade must still go.
     */
    @Test
    void theRecordOfTheOutputOutlivesACacheEmptiedForOtherCode() throws Exception {
        fullSite();
        build();
        new Site(site()).write(".markata.cache/" + CacheDir.STAMP, "markata-java 0.0.1 built long ago\n");
        Files.delete(site().resolve("posts/c.md"));

        String printed = build();

        assertThat(printed).contains("removed");
        assertThat(out("c")).doesNotExist();
        assertThat(out("a/index.html")).isRegularFile();
    }

    @Test
    void removeStaleFilesFalseKeepsThemAsMarkataDoesUntilItIsOnAgain() throws Exception {
        Site site = fullSite();
        String config = site.read("markata.toml");
        site.write("markata.toml", config.replace("icon = ", "remove_stale_files = false\nicon = "));
        build();
        Files.delete(site().resolve("posts/b.md"));
        assertThat(build()).doesNotContain("removed");
        assertThat(out("b/index.html")).isRegularFile();
        site.write("markata.toml", config);
        assertThat(build()).contains("removed 4 files");
        assertThat(out("b")).doesNotExist();
    }

    @Test
    void theLastProfileStaysUntilAProfiledBuildReplacesIt() throws Exception {
        Site site = fullSite();
        build("--profile");
        assertThat(out("_profile/index.html")).isRegularFile();
        assertThat(out("_profile/index.session.json")).isRegularFile();
        // builds that are not profiled leave the report to read and compare with
        assertThat(build()).doesNotContain("removed");
        assertThat(out("_profile/index.html")).isRegularFile();
        assertThat(out("_profile/index.stats.json")).as("the next profiled build compares itself with it").isRegularFile();
        // a profiled build writing its report elsewhere removes the earlier one
        site.write("markata.toml", site.read("markata.toml") + "\n[markata.profiler]\noutput_file = \"_perf/index.html\"\n");
        build("--profile");
        assertThat(out("_perf/index.html")).isRegularFile();
        assertThat(out("_profile")).doesNotExist();
    }

    @Test
    void theCommandLineSaysHowManyFilesWentAndVerboseNamesThem() throws Exception {
        fullSite();
        build();
        Files.delete(site().resolve("posts/b.md"));
        Files.delete(site().resolve("posts/c.md"));
        String printed = build("-v");
        Matcher line = Pattern.compile("(?m)^removed 8 files .*$").matcher(printed);
        assertThat(line.find()).as(printed).isTrue();
        for (String slug : List.of("b", "c")) {
            for (String file : List.of(slug + "/index.html", slug + "/partial/index.html", slug + ".md", slug + "-og.png")) {
                assertThat(printed).contains("  " + file + "\n");
            }
        }
        new Site(site()).post("posts/e.md", "title: E\ndate: 2024-01-05\npublished: true", "Post e.");
        Files.delete(site().resolve("posts/a.md"));
        assertThat(build("-q")).isEmpty();
        assertThat(out("a")).doesNotExist();
    }

    @Test
    void listingThePostsRemovesNothing() throws Exception {
        fullSite();
        build();
        Files.delete(site().resolve("posts/b.md"));
        Run list = markata("list", "-d", site().toString());
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(out("b/index.html")).isRegularFile();
    }

    @Test
    void anotherOutputFolderIsNotTouchedByTheRecordOfTheFirst() throws Exception {
        Site site = fullSite();
        build();
        // the site now builds into a folder another tool filled
        site.write("markata.toml", site.read("markata.toml").replace("title = \"Stale\"",
                "title = \"Stale\"\noutput_dir = \"public\""));
        site.write("public/b/index.html", "another tool's page");
        Files.delete(site().resolve("posts/b.md"));
        assertThat(build()).doesNotContain("removed");
        assertThat(site.read("public/b/index.html")).isEqualTo("another tool's page");
        assertThat(out("b/index.html")).as("the old output folder is left as it is").isRegularFile();
    }

    @Test
    void serveWatchRemovesTheCopyOfADeletedAssetAndReloadsThePages() throws Exception {
        new Site(site()).post("posts/a.md", "title: A", "Post a.").write("static/notes.txt", "notes");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = new Thread(() -> Main.run(new String[] {"serve", "--watch", "--no-profile", "--port", "0", "-d",
                site().toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Plugins.builtInPlus()));
        serving.start();
        try {
            Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(out("notes.txt")).isRegularFile();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest version = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port.group(1) + "/__markata/version")).build();
            String before = http.send(version, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            // no other file changes: only the removal tells open pages to reload
            Files.delete(site().resolve("static/notes.txt"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            String after = before;
            while ((Files.exists(out("notes.txt")) || after.equals(before)) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                after = http.send(version, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(out("notes.txt")).doesNotExist();
            assertThat(after).as(err.toString(StandardCharsets.UTF_8)).isNotEqualTo(before);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("removed 1 file ");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }
}
