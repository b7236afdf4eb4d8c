package dev.markata.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StageRunnerTest {

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    private ScheduledHook hook(Stage stage, String plugin, ScheduledHook.Call call) {
        return new ScheduledHook(stage, Priority.NORMAL, plugin, 0, () -> {
            journal.add(stage + ":" + plugin);
            call.run();
        });
    }

    @Test
    void anInterruptionRunsTeardownOnceAndFailsTheBuild() throws Exception {
        CountDownLatch inRender = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ScheduledHook> hooks = List.of(
                hook(Stage.RENDER, "slow", () -> {
                    inRender.countDown();
                    release.await(10, TimeUnit.SECONDS);
                }),
                hook(Stage.TEARDOWN, "cleanup", () -> { }));
        StageRunner runner = new StageRunner(hooks, new BuildObservers(List.of()), new TimingRecorder());
        Thread build = new Thread(() -> {
            try {
                runner.run(Stage.SAVE);
            } catch (BuildException expected) {
                journal.add("failed: " + expected.failure().problems().get(0).message());
            }
        });
        build.start();
        assertThat(inRender.await(10, TimeUnit.SECONDS)).isTrue();
        runner.interrupt(); // what the shutdown hook does on Ctrl-C
        assertThat(journal).containsExactly("render:slow", "teardown:cleanup");
        release.countDown();
        build.join(10_000);
        assertThat(journal).containsExactly("render:slow", "teardown:cleanup", "failed: interrupted during stage render");
    }

    @Test
    void everyTeardownHookRunsEvenIfOneFails() {
        List<ScheduledHook> hooks = List.of(
                hook(Stage.TEARDOWN, "a", () -> {
                    throw new IllegalStateException("a broke");
                }),
                hook(Stage.TEARDOWN, "b", () -> { }));
        StageRunner runner = new StageRunner(hooks, new BuildObservers(List.of()), new TimingRecorder());
        BuildException error = catchThrowableOfType(BuildException.class, () -> runner.run(Stage.SAVE));
        assertThat(journal).containsExactly("teardown:a", "teardown:b");
        assertThat(error.failure().stage()).isEqualTo(Stage.TEARDOWN);
        assertThat(error.failure().pluginId()).isEqualTo("a");
    }

    @Test
    void theFirstFailureIsKeptWhenTeardownAlsoFails() {
        List<ScheduledHook> hooks = List.of(
                hook(Stage.GLOB, "g", () -> {
                    throw new IllegalStateException("glob broke");
                }),
                hook(Stage.LOAD, "never", () -> { }),
                hook(Stage.TEARDOWN, "t", () -> {
                    throw new IllegalStateException("teardown broke");
                }));
        StageRunner runner = new StageRunner(hooks, new BuildObservers(List.of()), new TimingRecorder());
        BuildException error = catchThrowableOfType(BuildException.class, () -> runner.run(Stage.SAVE));
        assertThat(journal).containsExactly("glob:g", "teardown:t");
        assertThat(error.failure().pluginId()).isEqualTo("g");
        assertThat(error).hasMessage("build failed in stage glob, plugin g:\n  java.lang.IllegalStateException: glob broke");
    }

    /**
     * A post or folder the build may not read: the error showed the exception's class,
     * "java.nio.file.AccessDeniedException: /site/posts/one.md".
     */
    @Test
    void aFileTheBuildMayNotReadSaysPermissionDeniedWithoutTheExceptionsName() {
        List<ScheduledHook> hooks = List.of(hook(Stage.GLOB, "markata.plugins.glob", () -> {
            throw new java.nio.file.AccessDeniedException("/site/posts");
        }));
        StageRunner runner = new StageRunner(hooks, new BuildObservers(List.of()), new TimingRecorder());
        BuildException error = catchThrowableOfType(BuildException.class, () -> runner.run(Stage.SAVE));
        assertThat(error.failure().problems().get(0).message()).isEqualTo("/site/posts: permission denied");
        assertThat(BuildExecutor.describe("posts/one.md", new java.nio.file.AccessDeniedException("/site/posts/one.md")))
                .isEqualTo("posts/one.md: /site/posts/one.md: permission denied");
        assertThat(BuildExecutor.describe("posts/one.md", new java.io.UncheckedIOException(
                new java.nio.file.NoSuchFileException("/site/posts/one.md")))).as("gone since the glob")
                .isEqualTo("posts/one.md: /site/posts/one.md: no such file or folder");
        assertThat(BuildExecutor.describe("posts/one.md", new IllegalStateException("boom")))
                .as("a bug keeps its type").isEqualTo("posts/one.md: java.lang.IllegalStateException: boom");
    }
}
