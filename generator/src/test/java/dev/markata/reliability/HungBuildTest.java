package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.cli.Main;
import dev.markata.content.BuildLock;
import dev.markata.testing.Plugins;
import dev.markata.testing.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another build of the site hangs (a child JVM holding its build lock): a build waiting for it
 * says so, and again every while, naming that build's pid, so a CI log shows why it is stuck;
 * with {@code MARKATA_LOCK_TIMEOUT} it gives up after that many seconds, a failed build (exit 1)
 * that wrote nothing.
 */
class HungBuildTest {

    @TempDir
    Path dir;

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\n")
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "a");
    }

    private Cli.Run run(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, false, Plugins.builtInPlus());
        return new Cli.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWaitSaysEveryIntervalThatItStillWaitsAndForWhichBuild() throws Exception {
        site();
        LockHolder holder = LockHolder.hold(dir);
        try {
            List<String> said = new CopyOnWriteArrayList<>();
            List<String> saidStill = new CopyOnWriteArrayList<>(); // a build's warnings, which --quiet shows
            BuildLock.Wait wait = new BuildLock.Wait(java.util.Optional.of(Duration.ofSeconds(2)), Duration.ofMillis(50));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> BuildLock.acquire(dir.resolve(".markata.cache"), dir, wait, said::add, saidStill::add))
                    .isInstanceOf(BuildLock.TimedOut.class)
                    .hasMessage("another build of " + dir + " (pid " + holder.pid() + ") still holds its lock after 2 s");
            assertThat(said).containsExactly("waiting for another build of " + dir + " (pid " + holder.pid()
                    + ") to finish");
            assertThat(saidStill).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .startsWith("still waiting for another build of " + dir + " (pid " + holder.pid() + ") to finish: ")
                    .endsWith(" s so far; giving up after 2 s"));
            // serve --watch looks, without waiting, for the end of the build it gave up on
            assertThat(BuildLock.held(dir.resolve(".markata.cache"))).isTrue();
        } finally {
            holder.release();
        }
        assertThat(BuildLock.held(dir.resolve(".markata.cache"))).isFalse();
        // the lock let go, the next build takes it at once
        try (BuildLock lock = BuildLock.acquire(dir.resolve(".markata.cache"), dir,
                new BuildLock.Wait(java.util.Optional.of(Duration.ofSeconds(30)), Duration.ofMillis(50)), said -> { },
                said -> { })) {
            assertThat(lock.unfinished()).isFalse();
        }
    }

    @Test
    void aBuildGivesUpAfterMarkataLockTimeoutWithAFailedBuildThatWroteNothing() throws Exception {
        site();
        LockHolder holder = LockHolder.hold(dir);
        try {
            Path stats = dir.resolve("stats.json");
            Cli.Run build = run(Map.of("MARKATA_LOCK_TIMEOUT", "1"), "build", "-d", dir.toString(), "--stats-json",
                    stats.toString());
            assertThat(build.code()).as(build.toString()).isEqualTo(1);
            assertThat(build.err()).as(build.toString())
                    .contains("waiting for another build of " + dir.toAbsolutePath() + " (pid " + holder.pid()
                            + ") to finish")
                    .contains("error: build failed: gave up waiting: another build of " + dir.toAbsolutePath() + " (pid "
                            + holder.pid() + ") still holds its lock after 1 s (MARKATA_LOCK_TIMEOUT=1); if it"
                            + " hangs, stop it (kill " + holder.pid() + "); nothing was built");
            assertThat(dir.resolve("markout")).doesNotExist();
            // a CI job's timings say the build failed (they said "ok" of a build that never ran)
            assertThat(java.nio.file.Files.readString(stats)).contains("\"outcome\":\"failed\"");

            Cli.Run clean = run(Map.of("MARKATA_LOCK_TIMEOUT", "0.5"), "clean", "-d", dir.toString());
            assertThat(clean.code()).as(clean.toString()).isEqualTo(1);
            assertThat(clean.err()).as(clean.toString()).contains("error: gave up waiting: another build of "
                    + dir.toAbsolutePath() + " (pid " + holder.pid() + ") still holds its lock after 0.5 s"
                    + " (MARKATA_LOCK_TIMEOUT=0.5); if it hangs, stop it (kill " + holder.pid() + "); nothing was"
                    + " removed");
            assertThat(dir.resolve(".markata.cache")).exists();
        } finally {
            holder.release();
        }
        Cli.Run build = run(Map.of("MARKATA_LOCK_TIMEOUT", "30"), "build", "-d", dir.toString());
        assertThat(build.code()).as(build.toString()).isZero();
        assertThat(build.err()).as(build.toString()).doesNotContain("warning");
        assertThat(dir.resolve("markout/a/index.html")).exists();
    }

    @Test
    void aLockTimeoutThatIsNoNumberOfSecondsIsAUsageError() {
        site();
        for (String value : List.of("soon", "0", "-5", "nan")) {
            Cli.Run build = run(Map.of("MARKATA_LOCK_TIMEOUT", value), "build", "-d", dir.toString());
            assertThat(build.code()).as(build.toString()).isEqualTo(2);
            assertThat(build.err()).as(build.toString()).contains("error: environment: MARKATA_LOCK_TIMEOUT=" + value
                    + ": must be a number of seconds > 0 (how long a build waits for another build of the site"
                    + " to finish before it gives up; unset: as long as that build runs)");
            assertThat(dir.resolve("markout")).doesNotExist();
        }
    }
}
