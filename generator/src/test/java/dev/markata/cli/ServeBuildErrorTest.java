package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that fails under {@code serve --watch} shows in the browser, as Hugo and Vite show it:
 * every page served carries the error as the terminal prints it (escaped), open pages reload to
 * show it, and the next good build takes it away. The pages under it are the last good build's.
 */
class ServeBuildErrorTest {

    /** The overlay's element, as StaticServer writes it into a page. */
    static final String OVERLAY = "id=\"markata-build-error\"";

    @TempDir
    Path dir;

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Errors\"\n")
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a.")
                .post("posts/<b>.md", "title: Bee\ndate: 2024-01-02", "The body of b.");
    }

    @Test
    void aBrokenPostShowsItsErrorOnEveryPageUntilItIsFixed() throws Exception {
        // the error went to the terminal only: the browser kept the old page, and the author saved
        // again and again wondering why nothing changed
        Site site = site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            assertThat(serve.getOnce("/a/", "The body of a.")).doesNotContain(OVERLAY);
            String before = serve.version();

            site.post("posts/<b>.md", "date: 2024-01-02\ntitle: [unclosed", "The body of b.");
            serve.waitFor("error: build failed");
            String page = serve.getOnce("/a/", OVERLAY);
            // the last good page under the error, the error as the terminal says it: the file,
            // the line, what was wrong; markup of a file name or a message escaped
            assertThat(page).contains("The body of a.")
                    .contains("posts/&lt;b&gt;.md:3: front matter is not valid YAML")
                    .contains("&lt;stream end&gt;")
                    .doesNotContain("posts/<b>.md").doesNotContain("<stream end>");
            assertThat(serve.getOnce("/", OVERLAY)).contains("front matter is not valid YAML");
            assertThat(serve.get("/no-such-page/")).contains(OVERLAY).contains("front matter is not valid YAML");
            String failed = serve.versionAfter(before); // open pages reload to show it

            site.post("posts/<b>.md", "title: Bee, fixed\ndate: 2024-01-02", "The body of b.");
            assertThat(serve.getOnceWithout("/b/", OVERLAY)).contains("Bee, fixed");
            assertThat(serve.get("/a/")).contains("The body of a.").doesNotContain(OVERLAY);
            serve.versionAfter(failed); // open pages reload to take it away
        }
    }

    @Test
    void aRebuildThatFailsInRenderSaysThatTheSiteServedHoldsThePagesItWrote() throws Exception {
        // pages are written as they are rendered: "still serving the last good build" was not so
        Site site = site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "The body of a.");
            site.post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a, edited.")
                    .post("posts/<b>.md", "title: Bee\ndate: 2024-01-02\ntemplate: missing.html", "The body of b.");
            serve.waitFor("error: build failed");
            assertThat(serve.getOnce("/a/", OVERLAY)).contains("The body of a, edited.");
            assertThat(serve.printed()).contains("(serving the last good build with the 1 file this one wrote"
                    + " before it failed)").doesNotContain("still serving the last good build");
        }
    }

    @Test
    void aBrokenTemplateShowsItsErrorAndAFixTakesItAway() throws Exception {
        Site site = site().write("templates/post.html", "<article>{{ post.title }}</article>");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "<article>Ay</article>");
            site.write("templates/post.html", "<article>{% if post.title %}{{ post.title }}</article>");
            String page = serve.getOnce("/a/", OVERLAY);
            assertThat(page).contains("<article>Ay</article>").contains("template post.html:1: Syntax error")
                    .contains("Missing end tag: endif");
            site.write("templates/post.html", "<article>{% if post.title %}{{ post.title }}{% endif %}!</article>");
            assertThat(serve.getOnceWithout("/a/", OVERLAY)).contains("<article>Ay!</article>");
        }
    }

    @Test
    void aFirstBuildThatFailsShowsItsErrorOnThePagesNotThereYetAndTheFixReloadsThem() throws Exception {
        // nothing built yet: every address was a plain "not found" without the reload script, so
        // the page stayed "not found" after the fix too
        site().post("posts/a.md", "title: [unclosed", "a");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            String page = serve.get("/a/");
            assertThat(page).contains(OVERLAY).contains("posts/a.md:2: front matter is not valid YAML")
                    .contains(StaticServer.VERSION_PATH);
            String failed = serve.version();
            new Site(dir).post("posts/a.md", "title: Fixed", "a");
            assertThat(serve.getOnceWithout("/a/", OVERLAY)).contains("Fixed");
            assertThat(serve.version()).isNotEqualTo(failed);
        }
    }

    @Test
    void aSiteFolderMovedAwayShowsOnThePagesUntilItIsBack() throws Exception {
        // pages went on showing the last build as if all were well while serve waited for the folder
        Path site = Files.createDirectories(dir.resolve("site"));
        new Site(site).write("markata.toml", "[markata]\ntitle = \"Moved\"\n").post("posts/a.md", "title: Ay", "a");
        try (WatchedServe serve = WatchedServe.start(site)) {
            serve.getOnce("/a/", "Ay");
            // a folder's own move is no event of the watcher's: serve heard of it only through the
            // next change in it
            Files.move(site, dir.resolve("moved"));
            assertThat(serve.getOnce("/a/", OVERLAY)).contains("the site folder " + site + " is gone");
            new Site(dir.resolve("moved")).post("posts/a.md", "title: Ay, edited while moved", "a");
            Files.move(dir.resolve("moved"), site);
            assertThat(serve.getOnceWithout("/a/", OVERLAY)).contains("Ay, edited while moved");
        }
    }

    @Test
    void aBrokenConfigurationShowsEachProblem() throws Exception {
        Site site = site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "The body of a.");
            site.write("markata.toml", "[markata]\ntitle = \"Errors\n");
            assertThat(serve.getOnce("/a/", OVERLAY)).contains("markata.toml:2").contains("not valid TOML");
            site.write("markata.toml", "[markata]\ntitle = \"Errors, again\"\n");
            assertThat(serve.getOnceWithout("/", OVERLAY)).contains("Errors, again");
            assertThat(Files.exists(dir.resolve("markout/a/index.html"))).isTrue();
        }
    }
}
