package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import dev.markata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build killed outright (SIGKILL: no teardown, no cleanup) and two builds of one site at
 * once. The pages are whole either way (atomic writes); what was left is the killed build's
 * temporary files, deployed with the site through every later build, and builds that wrote
 * the same cache and record files over each other.
 */
class KilledAndConcurrentBuildsTest {

    @TempDir
    Path dir;

    @Test
    void theBuildAfterOneThatWasKilledRemovesTheTemporaryFilesItLeft() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\nworkers = 2\n");
        // slow pages: about a million loop steps each
        site.write("templates/post.html", "<html><body>{% for i in range(1000) %}{% for j in range(1000) %}"
                + "{% endfor %}{% endfor %}{{ post.title }}</body></html>\n");
        for (int i = 0; i < 100; i++) {
            site.post("posts/p" + i + ".md", "title: P" + i, "text " + i);
        }
        ChildBuild build = ChildBuild.start(dir);
        build.awaitLineStarting("load ");
        assertThat(build.process.isAlive()).as("still rendering when killed: %s", build.output).isTrue();
        build.process.destroyForcibly(); // SIGKILL: nothing of the build runs after it
        assertThat(build.awaitEnd()).isTrue();
        // what a page written at that moment leaves (a kill in render leaves none: plant it)
        site.write("markout/p3/.index.html.5e1f0c2d9a7b3e44.tmp", "<html><body>{% for");
        site.write("markout/p3/index.html", "<html><body>P3 as the build before wrote it</body></html>");

        site.write("templates/post.html", "<html><body>{{ post.title }}</body></html>\n");
        Cli.Run next = Cli.builtIn().build(dir);
        assertThat(next.code()).as(next.toString()).isZero();
        // the planted file, and any the killed build was writing itself (its load cache, in CI once)
        assertThat(next.err()).contains("the last build of " + dir.toAbsolutePath() + " stopped before it ended"
                + " (killed, or the machine stopped): removed the ").containsPattern(
                "removed the (1 temporary file|[2-9][0-9]* temporary files) of what it was writing");
        assertThat(SiteFiles.temporaries(dir)).as("temporary files left").isEmpty();
        assertThat(site.read("markout/p3/index.html")).isEqualTo("<html><body>P3</body></html>\n");

        // a build that ended (failed or not) leaves nothing to look for
        Cli.Run after = Cli.builtIn().build(dir);
        assertThat(after.err()).doesNotContain("stopped before it ended");
    }

    /** Holds the first build in render until it is let go; notes when each build starts and ends. */
    static final class Gate implements Plugin {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> journal = Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String id() {
            return "test.gate";
        }

        @Override
        public void register(PluginSetup setup) {
            int build = builds.incrementAndGet();
            setup.hook(Stage.GLOB, context -> journal.add("build " + build + " starts"));
            setup.hook(Stage.RENDER, context -> {
                if (build == 1) {
                    held.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            setup.hook(Stage.SAVE, context -> journal.add("build " + build + " ends"));
        }
    }

    @Test
    void aSecondBuildOfTheSameSiteWaitsForTheFirstAndSaysSo() throws Exception {
        // a build in a terminal while serve --watch rebuilds: both wrote the same cache and the
        // same record of output files, each over the other's
        new Site(dir).write("markata.toml", "[markata]\nhooks = [\"default\", \"test.gate\"]\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "a");
        Gate gate = new Gate();
        Cli cli = new Cli(Plugins.builtInPlus(gate));
        CompletableFuture<Cli.Run> first = CompletableFuture.supplyAsync(() -> cli.build(dir, "-q"));
        assertThat(gate.held.await(60, TimeUnit.SECONDS)).isTrue();
        ByteArrayOutputStream err = new ByteArrayOutputStream(); // its methods are synchronized
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> Main.run(
                new String[] {"build", "-d", dir.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false,
                Plugins.builtInPlus(gate)));
        String waiting = "waiting for another build of " + dir.toAbsolutePath();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!err.toString(StandardCharsets.UTF_8).contains(waiting) && !second.isDone()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(waiting);
        assertThat(second).isNotDone();
        gate.release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS).code()).isZero();
        assertThat(second.get(60, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(gate.journal).containsExactly("build 1 starts", "build 1 ends", "build 2 starts", "build 2 ends");
    }
}
