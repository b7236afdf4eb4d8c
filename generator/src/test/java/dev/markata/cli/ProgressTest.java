package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.plugins.profiler.ProfilerPlugin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void stageOfTwoDocuments(Stage stage, String... hooksThenNanos) {
        progress.stageStarted(stage);
        progress.tasksSubmitted(new TaskContext(stage, "markata.plugins.publish_html", "*"), 2);
        long total = 0;
        for (int i = 0; i < hooksThenNanos.length; i += 2) {
            long nanos = Long.parseLong(hooksThenNanos[i + 1]);
            progress.hookFinished(stage, hooksThenNanos[i], nanos, false);
            total += nanos;
        }
        progress.stageFinished(stage, total, false);
    }

    @Test
    void aStageLineIsTheStagesWallTime() {
        stageOfTwoDocuments(Stage.RENDER, "markata.plugins.render_markdown", "12500000");
        assertThat(printed()).isEqualTo(String.format("render            2 tasks      12.5 ms%n"));
    }

    @Test
    void theProfilersStopAtTheEndOfSaveIsNamedApartSoSaveDoesNotLookSlow() {
        stageOfTwoDocuments(Stage.SAVE, "markata.plugins.publish_html", "9100000", ProfilerPlugin.ID, "170200000");
        assertThat(printed()).isEqualTo(String.format(
                "save              2 tasks       9.1 ms  (and 170.2 ms stopping the profiler and writing its reports)%n"));
        bytes.reset();
        stageOfTwoDocuments(Stage.SAVE, "markata.plugins.publish_html", "3000000");
        assertThat(printed()).as("the next stage starts from nothing").isEqualTo(
                String.format("save              2 tasks       3.0 ms%n"));
    }

    /**
     * In a log (CI) a long stage showed nothing until it ended: 10,000 posts rendered for
     * seconds without a line. A line every 5 s while a batch runs, its done and total, none for a
     * stage that ends sooner, none for the last task (the stage's own line follows).
     */
    @Test
    void aLogGetsALineEveryFewSecondsWhileAStageRunsLong() {
        long[] now = {0};
        Progress logged = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 300_000_000L,
                () -> now[0]);
        TaskContext task = new TaskContext(Stage.RENDER, "markata.plugins.render_markdown", "posts/a.md");
        logged.stageStarted(Stage.RENDER);
        logged.tasksSubmitted(new TaskContext(Stage.RENDER, "markata.plugins.render_markdown", "*"), 12_000);
        for (int i = 1; i <= 12_000; i++) {
            now[0] = i * 1_000_000L; // a millisecond a post
            logged.taskFinished(task, 1_000_000L, false);
        }
        logged.stageFinished(Stage.RENDER, now[0], false);
        assertThat(printed()).isEqualTo(String.format("render         5000/12000 tasks  markata.plugins.render_markdown"
                + " (5.0 s so far)%n" + "render        10000/12000 tasks  markata.plugins.render_markdown (10.0 s so far)%n"
                + "render        12000 tasks   12000.0 ms%n"));

        bytes.reset();
        logged.stageStarted(Stage.LOAD);
        logged.tasksSubmitted(new TaskContext(Stage.LOAD, "markata.plugins.load", "*"), 4_000);
        for (int i = 1; i <= 4_000; i++) {
            now[0] += 1_000_000L;
            logged.taskFinished(new TaskContext(Stage.LOAD, "markata.plugins.load", "posts/a.md"), 1_000_000L, false);
        }
        logged.stageFinished(Stage.LOAD, 4_000_000_000L, false);
        assertThat(printed()).as("a stage of 4 s: its own line only").isEqualTo(
                String.format("load           4000 tasks    4000.0 ms%n"));
    }

    @Test
    void aTerminalGetsNoStageLines() {
        Progress onTerminal = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        onTerminal.stageStarted(Stage.LOAD);
        onTerminal.tasksSubmitted(new TaskContext(Stage.LOAD, "markata.plugins.load", "*"), 2);
        onTerminal.stageFinished(Stage.LOAD, 1_000_000, false);
        assertThat(printed()).isEmpty();
    }

    /**
     * Ctrl-C on a terminal: the bar is cleared and the build says it was stopped, instead of the
     * shell's prompt landing after a half-drawn bar; workers that finish a task while teardown
     * runs draw no bar again.
     */
    @Test
    void anInterruptionClearsTheBarAndSaysSo() {
        Progress onTerminal = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
        TaskContext batch = new TaskContext(Stage.RENDER, "markata.plugins.render_markdown", "*");
        onTerminal.stageStarted(Stage.RENDER);
        onTerminal.tasksSubmitted(batch, 4);
        onTerminal.taskFinished(new TaskContext(Stage.RENDER, "markata.plugins.render_markdown", "posts/a.md"), 1, false);
        assertThat(printed()).contains("1/4 render markata.plugins.render_markdown");
        bytes.reset();
        onTerminal.buildFailed(BuildFailure.interruption(Stage.RENDER));
        onTerminal.taskFinished(new TaskContext(Stage.RENDER, "markata.plugins.render_markdown", "posts/b.md"), 1, false);
        assertThat(printed()).isEqualTo("\r\u001b[K" + String.format("interrupted during stage render: the files"
                + " written so far stay in the output folder, and the next build writes the rest%n"));
    }

    @Test
    void aLogSaysTheBuildWasInterruptedAndAFailureIsLeftToTheError() {
        progress.buildFailed(BuildFailure.interruption(Stage.LOAD));
        assertThat(printed()).startsWith("interrupted during stage load: ");
        bytes.reset();
        progress.buildFailed(new BuildFailure(Stage.LOAD, "markata.plugins.load",
                java.util.List.of(new BuildFailure.Problem("posts/a.md", "posts/a.md:3: bad date", null))));
        assertThat(printed()).as("the command's error line says it").isEmpty();
    }

    /**
     * A warning printed while the bar is drawn (a huge post in load) went after the bar on its
     * line, and the next redraw wrote over its start: the bar is cleared first and drawn again
     * under the warning by the next task.
     */
    @Test
    void aLinePrintedWhileTheBarIsDrawnGoesOnALineOfItsOwn() {
        Progress onTerminal = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 0);
        onTerminal.stageStarted(Stage.LOAD);
        onTerminal.tasksSubmitted(new TaskContext(Stage.LOAD, "markata.plugins.load", "*"), 3);
        onTerminal.taskFinished(new TaskContext(Stage.LOAD, "markata.plugins.load", "posts/a.md"), 1, false);
        bytes.reset();
        CliReporter reporter = new CliReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, false,
                onTerminal);
        reporter.warn("posts/b.md is 31.5 MB");
        assertThat(printed()).isEqualTo("\r\u001b[K" + String.format("warning: posts/b.md is 31.5 MB%n"));
        bytes.reset();
        onTerminal.taskFinished(new TaskContext(Stage.LOAD, "markata.plugins.load", "posts/b.md"), 1, false);
        assertThat(printed()).as("drawn again below").startsWith("\r####").contains("2/3 load");
    }
}
