package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.markata.content.CacheDir;
import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --watch's watcher, with folders of the site that come and go while it registers them. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFolderDeletedWhileTheWatcherRegistersTheSiteIsLeftOut() throws Exception {
        // serve --watch registers the site's folders again after every build; one deleted during
        // that walk (a git checkout, a tool's temporary folder) stopped serve with
        // "error: unexpected java.nio.file.NoSuchFileException: .../posts/churn/a"
        Files.createDirectories(dir.resolve("posts"));
        Path churned = dir.resolve("posts/churn");
        AtomicBoolean done = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!done.get()) {
                try {
                    for (int i = 0; i < 20; i++) {
                        Files.createDirectories(churned.resolve("f" + i + "/a/b"));
                    }
                    CacheDir.deleteTree(churned);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        churn.start();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            assertThatCode(() -> {
                for (int i = 0; i < 500; i++) {
                    ServeCommand.register(watcher, dir, dir.resolve("markout"));
                }
            }).doesNotThrowAnyException();
        } finally {
            done.set(true);
            churn.join();
        }
    }

    @Test
    void serveWritingItsLogIntoTheSiteFolderDoesNotBuildAgainForIt() throws Exception {
        // `markata serve --watch > serve.log` (or nohup's nohup.out) in the site folder: each
        // build's "built ..." line changed serve.log, a file of the site, and started the next
        // build, for ever (94 builds in 25 s of the unchanged example blog)
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Log\"\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01", "a");
        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.markata.cli.Main", "serve", "--watch", "--no-profile",
                "--port", "0", "-d", dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            waitForLines(serve, log, "serving ", 1);
            Thread.sleep(3000);
            assertThat(lines(log, "built ")).as(Files.readString(log)).isEqualTo(1);
            // an edit still builds, once
            site.post("posts/a.md", "title: A, edited\ndate: 2024-01-01", "a");
            waitForLines(serve, log, "built ", 2);
            Thread.sleep(3000);
            assertThat(lines(log, "built ")).as(Files.readString(log)).isEqualTo(2);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long lines(Path log, String start) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith(start)).count();
    }

    private static void waitForLines(Process serve, Path log, String start, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(log, start) < count) {
            assertThat(serve.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("no %d lines \"%s\" in: %s", count, start, Files.readString(log))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
