package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} and saves made in several steps, as editors and tools make them: each is
 * built once, whole ({@link Burst}). The pauses inside a save here (400 ms) are longer than the
 * 200 ms serve waited for the rest of a save, and shorter than the second it now waits for one
 * that leaves the site in a state a save passes through.
 */
class ServeSavesTest {

    /** An editor's pause between two steps of one save. */
    static final int PAUSE_MS = 400;
    /** What serve prints once it built twice, the start's build and the save's. */
    static final String TWO_BUILDS = "(?s)built .*built ";

    @TempDir
    Path dir;

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Saves\"\noutput_dir = \"public\"\n")
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "a")
                .post("posts/b.md", "title: Bee\ndate: 2024-01-02", "b");
    }

    @Test
    void aRenameSaveSlowerThanAMomentBuildsOnceWithThePost() throws Exception {
        // an editor that moves the old file aside, then renames its new one into place: the post
        // was missing for a moment, serve built the site without it (its page removed, the home
        // page without it) and then with it again
        Site site = site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "Ay");
            site.post("posts/.a.md.tmp", "title: Ay, saved\ndate: 2024-01-01", "a");
            Files.move(dir.resolve("posts/a.md"), dir.resolve("posts/a.md~"));
            Thread.sleep(PAUSE_MS);
            Files.move(dir.resolve("posts/.a.md.tmp"), dir.resolve("posts/a.md"));
            Files.delete(dir.resolve("posts/a.md~"));
            serve.getOnce("/a/", "Ay, saved");
            serve.waitFor(TWO_BUILDS); // the page is written before the build ends and says so
            Thread.sleep(1500);
            assertThat(serve.lines("built ")).as(serve.printed()).isEqualTo(2);
            assertThat(serve.lines("built 1 post ")).as(serve.printed()).isZero();
        }
    }

    @Test
    void aGitignoreTruncatedMidSaveBuildsOnceWithItsRules() throws Exception {
        // the editor truncates .gitignore, then writes it: the build in between had no rules, and
        // published the drafts it hides (then removed them again)
        Site site = site().write(".gitignore", "posts/drafts/\n").post("posts/drafts/secret.md", "title: Secret", "s");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "Ay");
            Files.writeString(dir.resolve(".gitignore"), "");
            Thread.sleep(PAUSE_MS);
            site.write(".gitignore", "posts/drafts/\n# and the editor's own\n*.swp\n");
            serve.waitFor(TWO_BUILDS);
            Thread.sleep(1500);
            assertThat(serve.lines("built ")).as(serve.printed()).isEqualTo(2);
            assertThat(serve.lines("built 2 posts ")).as(serve.printed()).isEqualTo(2);
        }
    }

    @Test
    void aMarkataTomlWrittenInTwoChunksBuildsOnceWithTheWhole() throws Exception {
        // the first chunk set a title but not output_dir yet: serve built that half, into
        // markata's default folder markout/, and served it until the rest came
        site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "Ay");
            Files.writeString(dir.resolve("markata.toml"), "[markata]\ntitle = \"Saves, again\"\n");
            Thread.sleep(PAUSE_MS);
            Files.writeString(dir.resolve("markata.toml"), "output_dir = \"public\"\n", StandardOpenOption.APPEND);
            serve.getOnce("/", "Saves, again");
            serve.waitFor(TWO_BUILDS);
            Thread.sleep(1500);
            assertThat(serve.lines("built ")).as(serve.printed()).isEqualTo(2);
            assertThat(dir.resolve("markout")).as(serve.printed()).doesNotExist();
        }
    }

    @Test
    void savesCloserThanAMomentApartStillBuildWhileTheyGoOn() throws Exception {
        // a tool that saves a post every few milliseconds: serve waited for a pause, and built
        // nothing for as long as it ran
        Site site = site();
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "Ay");
            long deadline = System.nanoTime() + 15_000_000_000L;
            int saves = 0;
            while (serve.lines("built ") < 2 && System.nanoTime() < deadline) {
                site.post("posts/a.md", "title: Ay, save " + ++saves + "\ndate: 2024-01-01", "a");
                Thread.sleep(5);
            }
            assertThat(serve.lines("built ")).as("a build while saves went on (%d saves): %s", saves, serve.printed())
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aFileNoBuildReadsWrittenAllTheTimeDoesNotHoldBackAnEdit() throws Exception {
        // another tool's log beside the posts, written every few milliseconds: each of its changes started
        // serve's wait for the rest of a save again, and no edit was built while it ran
        Site site = site();
        AtomicBoolean done = new AtomicBoolean();
        Thread logging = new Thread(() -> {
            for (int line = 0; !done.get(); line++) {
                try {
                    Files.writeString(dir.resolve("tool.log"), "line " + line + "\n", StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        try (WatchedServe serve = WatchedServe.start(dir)) {
            serve.getOnce("/a/", "Ay");
            logging.start();
            Thread.sleep(300);
            site.post("posts/a.md", "title: Ay, edited\ndate: 2024-01-01", "a");
            assertThat(serve.getOnce("/a/", "Ay, edited")).contains("Ay, edited");
            assertThat(logging.isAlive()).as("the log was written all along").isTrue();
        } finally {
            done.set(true);
            logging.join(10_000);
        }
    }
}
