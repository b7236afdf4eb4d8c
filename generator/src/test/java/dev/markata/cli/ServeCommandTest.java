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
                    ServeCommand.register(watcher, dir, SiteInputs.of(dir, java.util.Map.of(), null, dir.resolve("markout")),
                            new java.util.HashSet<>());
                }
            }).doesNotThrowAnyException();
        } finally {
            done.set(true);
            churn.join();
        }
    }

    @Test
    void onlyFoldersABuildMayReadAreWatched() throws Exception {
        // a site with a node_modules folder .gitignore leaves out (a search index's or a CSS
        // tool's): serve --watch put a watch on each of its thousands of folders, and walked them
        // all after every build; past the system's limit of watches serve stopped at its start
        new Site(dir).write("markata.toml", "[markata]\n[markata.glob]\nglob_patterns = [\"posts/**/*.md\"]\n")
                .write(".gitignore", "node_modules/\n").post("posts/2024/a.md", "title: A", "a")
                .write("node_modules/pkg/lib/index.js", "x").write("notes/todo.txt", "x")
                .write("templates/partials/nav.html", "x").write("static/.well-known/security.txt", "x");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            java.util.Set<Path> folders = new java.util.HashSet<>();
            ServeCommand.register(watcher, dir, SiteInputs.of(dir, java.util.Map.of(), null, dir.resolve("markout")), folders);
            assertThat(folders).containsExactlyInAnyOrder(dir, dir.resolve("posts"), dir.resolve("posts/2024"),
                    dir.resolve("templates"), dir.resolve("templates/partials"), dir.resolve("static"),
                    dir.resolve("static/.well-known"));
        }
    }

    @Test
    void aRenamedFolderIsWatchedUnderItsNewName() throws Exception {
        // `mv static assets` then assets_dir = "assets": Linux watches a folder, not its name, and
        // the watcher went on naming assets/site.css static/site.css, no file a build reads, so
        // no edit of the assets was built any more
        Files.createDirectories(dir.resolve("static"));
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            java.util.Set<Path> folders = new java.util.HashSet<>();
            ServeCommand.register(watcher, dir, SiteInputs.of(dir, java.util.Map.of(), null, dir.resolve("markout")), folders);
            Files.move(dir.resolve("static"), dir.resolve("assets"));
            ServeCommand.register(watcher, dir, SiteInputs.of(dir, java.util.Map.of(), null, dir.resolve("markout")), folders);
            Files.writeString(dir.resolve("assets/site.css"), "body {}");
            java.util.List<Path> changed = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!changed.stream().anyMatch(p -> p.endsWith("site.css")) && System.nanoTime() < deadline) {
                java.nio.file.WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents().forEach(e -> changed.add(((Path) key.watchable()).resolve((Path) e.context())));
                    key.reset();
                }
            }
            assertThat(changed).contains(dir.resolve("assets/site.css"));
        }
    }

    @Test
    void aTemplatesFolderThatIsASymbolicLinkIsWatched() throws Exception {
        // templates -> ../theme/templates, a theme shared by several sites: the walk that
        // registers the site's folders saw the link as a file, and no template edit was built
        Path theme = Files.createDirectories(dir.resolve("theme/templates"));
        Files.createDirectories(theme.resolve("partials"));
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.createSymbolicLink(site.resolve("templates"), theme);
        // a link that loops back is left alone (the walk stopped serve with FileSystemLoopException)
        Files.createSymbolicLink(theme.resolve("loop"), theme);
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            java.util.Set<Path> folders = new java.util.HashSet<>();
            SiteInputs inputs = SiteInputs.of(site, java.util.Map.of(), null, site.resolve("markout"));
            ServeCommand.register(watcher, site, inputs, folders);
            assertThat(folders).contains(site.resolve("templates"), site.resolve("templates/partials"));
            Files.writeString(theme.resolve("partials/nav.html"), "<nav></nav>");
            java.util.List<Path> changed = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!changed.stream().anyMatch(p -> p.endsWith("nav.html")) && System.nanoTime() < deadline) {
                java.nio.file.WatchKey key = watcher.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents().forEach(e -> changed.add(((Path) key.watchable()).resolve((Path) e.context())));
                    key.reset();
                }
            }
            Path nav = site.resolve("templates/partials/nav.html");
            assertThat(changed).contains(nav);
            assertThat(inputs.reads(nav, false)).isTrue();
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

    @Test
    void filesNoBuildReadsChangingWhileWatchingBuildNothingAndAPostEditStillBuilds() throws Exception {
        // `markata serve --watch | tee site/serve.log`: through a pipe serve cannot tell the log is
        // its own, and each build's lines changed a file of the site, which started the next
        // build, for ever; so did an editor's swap file or any log written beside the posts
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Tee\"\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01", "a");
        Path log = Files.writeString(dir.resolve("serve.log"), "");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.markata.cli.Main", "serve", "--watch", "--no-profile",
                "--port", "0", "-d", dir.toString()).redirectErrorStream(true).start();
        Thread tee = new Thread(() -> {
            try (var in = serve.getInputStream(); var out = Files.newOutputStream(log)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // serve ended
            }
        });
        tee.start();
        try {
            waitForLines(serve, log, "serving ", 1);
            site.write("posts/.a.md.swp", "vim's swap").write("posts/a.md~", "a backup").write("notes.txt", "todo")
                    .write("posts/drafts.log", "x");
            // a folder made before its first file is saved there: nothing in it to build yet
            Files.createDirectories(dir.resolve("templates/partials"));
            Files.createDirectories(dir.resolve("posts/2025"));
            Thread.sleep(3000);
            assertThat(lines(log, "built ")).as(Files.readString(log)).isEqualTo(1);
            // an edit still builds, once
            site.post("posts/a.md", "title: A, edited\ndate: 2024-01-01", "a");
            waitForLines(serve, log, "built ", 2);
            Thread.sleep(3000);
            assertThat(lines(log, "built ")).as(Files.readString(log)).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("markout/a/index.html"))).contains("A, edited");
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            tee.join(10_000);
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
