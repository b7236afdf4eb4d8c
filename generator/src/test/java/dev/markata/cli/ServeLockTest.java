package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.BuildLock;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code serve --watch} rebuild that gave up waiting for another build of the site
 * ({@code MARKATA_LOCK_TIMEOUT}) is built again once that build ends, without another edit.
 */
class ServeLockTest {

    @TempDir
    Path dir;

    @Test
    void aRebuildThatGaveUpWaitingForAnotherBuildRunsOnceThatBuildEnds() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\n")
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a.");
        try (WatchedServe serve = WatchedServe.start(dir, Map.of("MARKATA_LOCK_TIMEOUT", "0.2"))) {
            serve.getOnce("/a/", "The body of a.");
            // another build of the site (here one of this process: a file lock is the process's)
            BuildLock other = BuildLock.acquire(dir.resolve(".markata.cache"), dir, said -> { });
            try {
                site.post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a, edited.");
                serve.waitFor("gave up waiting: another build of .* still holds its lock after 0\\.2 s");
                assertThat(serve.printed()).contains("serve builds again once that build ends or a file changes");
                assertThat(serve.get("/a/")).doesNotContain("edited");
            } finally {
                other.close();
            }
            // the edit was lost until the next change: serve tried the build only then
            // (the pages are written while the build runs, its error taken away once it ended)
            serve.getOnce("/a/", "The body of a, edited.");
            assertThat(serve.getOnceWithout("/a/", "gave up waiting")).contains("The body of a, edited.");
            assertThat(serve.printed()).contains("the other build of " + dir.toAbsolutePath().normalize() + " ended:"
                    + " building");
        }
    }

    @Test
    void aFirstBuildThatGaveUpWaitingRunsOnceTheOtherBuildEnds() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: Ay\ndate: 2024-01-01", "The body of a.");
        BuildLock other = BuildLock.acquire(dir.resolve(".markata.cache"), dir, said -> { });
        WatchedServe serve;
        try {
            serve = WatchedServe.start(dir, Map.of("MARKATA_LOCK_TIMEOUT", "0.2"));
            assertThat(serve.printed()).contains("; serve builds again once that build ends or a file changes)");
        } finally {
            other.close();
        }
        try (serve) {
            serve.getOnce("/a/", "The body of a.");
            assertThat(serve.getOnceWithout("/a/", "gave up waiting")).contains("The body of a.");
        }
    }
}
