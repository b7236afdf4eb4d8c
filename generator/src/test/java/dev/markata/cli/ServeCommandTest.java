package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.markata.content.CacheDir;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
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
}
