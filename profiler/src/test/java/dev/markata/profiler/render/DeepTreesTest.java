package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A runaway recursion 5,000 frames deep, rendered from a thread with a small (256 KB) stack. */
class DeepTreesTest {

    private static final int DEPTH = 5_000;

    private static Session deep() {
        StringBuilder stack = new StringBuilder("app.Main.main");
        for (int i = 0; i < DEPTH; i++) {
            stack.append(";app.Node").append(i % 3).append(".visit");
        }
        return TestSessions.builder().sample(1, stack.toString(), 3).sample(1, "app.Main.main", 1).build();
    }

    @Test
    void everyFormatRendersWithoutOverflowingTheCallersStack() throws InterruptedException {
        Session session = deep();
        List<String> outputs = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON, ReportFormat.SPEEDSCOPE,
                        ReportFormat.COLLAPSED)) {
                    outputs.add(Reports.of(session).render(format, ReportOptions.defaults()));
                }
                outputs.add(Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults().withTimeline(true)));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();

        assertThat(failure.get()).isNull();
        assertThat(outputs).hasSize(5);
        assertThat(outputs.get(0)).contains("tree cut at " + TextRenderer.SAFETY_DEPTH + " levels")
                .hasLineCount(6 + 1 + TextRenderer.SAFETY_DEPTH + 1 + 2);
        assertThat(outputs.get(3).lines().filter(line -> line.endsWith(" 3000")).findFirst().orElseThrow()
                .split(";")).hasSize(DEPTH + 2);
    }
}
