package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aTerminalGetsNoStageLines() {
        Progress onTerminal = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        onTerminal.stageStarted(Stage.LOAD);
        onTerminal.tasksSubmitted(new TaskContext(Stage.LOAD, "markata.plugins.load", "*"), 2);
        onTerminal.stageFinished(Stage.LOAD, 1_000_000, false);
        assertThat(printed()).isEmpty();
    }
}
