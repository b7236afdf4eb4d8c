package dev.markata.plugins.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.markata.config.Config;
import dev.markata.config.ConfigLoader;
import dev.markata.content.CacheDir;
import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The glob's walk of a site whose folders change under it. */
class DocumentRulesTest {

    @TempDir
    Path dir;

    /** Something that changes the site, once per call; failures are part of the churn. */
    @FunctionalInterface
    interface Change {
        void run() throws IOException;
    }

    /** Runs {@code check} while another thread makes {@code change} over and over; it must not throw. */
    private static void whileChanging(Change change, org.assertj.core.api.ThrowableAssert.ThrowingCallable check)
            throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!done.get()) {
                try {
                    change.run();
                } catch (IOException e) {
                    // a file of the churn deleted by the churn itself: go on
                }
            }
        });
        churn.start();
        try {
            assertThatCode(check).doesNotThrowAnyException();
        } finally {
            done.set(true);
            churn.join();
        }
    }

    @Test
    void aFileOrFolderDeletedWhileTheGlobWalksTheSiteIsLeftOut() throws Exception {
        // git checkout of another branch, or vim's test file (4913) made and deleted beside the
        // post it saves, while serve --watch builds: a file or folder the walk had listed went
        // before it was read, and the build failed with "NoSuchFileException: posts/churn/f14/a/p.md"
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "a");
        Config config = new ConfigLoader(Map.of()).load(dir);
        Path churned = dir.resolve("posts/churn");
        whileChanging(() -> {
            for (int i = 0; i < 20; i++) {
                Files.createDirectories(churned.resolve("f" + i + "/a/b"));
                Files.writeString(churned.resolve("f" + i + "/a/p.md"), "---\ntitle: P\n---\n");
            }
            CacheDir.deleteTree(churned);
        }, () -> {
            for (int i = 0; i < 500; i++) {
                assertThat(DocumentRules.of(config.site(), config.section(GlobConfig.SECTION)).under(dir))
                        .contains(Path.of("posts/a.md"));
            }
        });
    }

    @Test
    void anIgnoreFileDeletedWhileItIsReadIsNoFile() throws Exception {
        // git checkout of a branch without .gitignore while serve --watch builds: the glob found
        // the file, it went before it was read, and the build failed with NoSuchFileException
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "a");
        Config config = new ConfigLoader(Map.of()).load(dir);
        Path gitignore = dir.resolve(".gitignore");
        whileChanging(() -> {
            Files.writeString(gitignore, "drafts/\n");
            Files.deleteIfExists(gitignore);
        }, () -> {
            for (int i = 0; i < 50_000; i++) {
                DocumentRules.of(config.site(), config.section(GlobConfig.SECTION));
            }
        });
    }
}
