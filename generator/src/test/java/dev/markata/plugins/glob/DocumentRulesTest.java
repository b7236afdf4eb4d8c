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

    @Test
    void aFileOrFolderDeletedWhileTheGlobWalksTheSiteIsLeftOut() throws Exception {
        // git checkout of another branch, or vim's test file (4913) made and deleted beside the
        // post it saves, while serve --watch builds: a file or folder the walk had listed went
        // before it was read, and the build failed with "NoSuchFileException: posts/churn/f14/a/p.md"
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "a");
        Config config = new ConfigLoader(Map.of()).load(dir);
        Path churned = dir.resolve("posts/churn");
        AtomicBoolean done = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!done.get()) {
                try {
                    for (int i = 0; i < 20; i++) {
                        Files.createDirectories(churned.resolve("f" + i + "/a/b"));
                        Files.writeString(churned.resolve("f" + i + "/a/p.md"), "---\ntitle: P\n---\n");
                    }
                    CacheDir.deleteTree(churned);
                } catch (IOException e) {
                    // a file of the churn deleted by the tree's delete: go on
                }
            }
        });
        churn.start();
        try {
            assertThatCode(() -> {
                for (int i = 0; i < 500; i++) {
                    assertThat(DocumentRules.of(config.site(), config.section(GlobConfig.SECTION)).under(dir))
                            .contains(Path.of("posts/a.md"));
                }
            }).doesNotThrowAnyException();
        } finally {
            done.set(true);
            churn.join();
        }
    }

    @Test
    void anIgnoreFileDeletedWhileItIsReadIsNoFile() throws Exception {
        // git checkout of a branch without .gitignore while serve --watch builds: the glob found
        // the file, it went before it was read, and the build failed with NoSuchFileException
        new Site(dir).write("markata.toml", "[markata]\n").post("posts/a.md", "title: A", "a");
        Config config = new ConfigLoader(Map.of()).load(dir);
        Path gitignore = dir.resolve(".gitignore");
        AtomicBoolean done = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            while (!done.get()) {
                try {
                    Files.writeString(gitignore, "drafts/\n");
                    Files.deleteIfExists(gitignore);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        churn.start();
        try {
            assertThatCode(() -> {
                for (int i = 0; i < 50_000; i++) {
                    DocumentRules.of(config.site(), config.section(GlobConfig.SECTION));
                }
            }).doesNotThrowAnyException();
        } finally {
            done.set(true);
            churn.join();
        }
    }
}
