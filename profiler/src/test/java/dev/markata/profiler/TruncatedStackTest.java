package dev.markata.profiler;

import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack deeper than async-profiler walks (8,192 frames) is recorded from its leaf end: it
 * began in the middle of the recursion, and under its thread it was a root row of its own, as
 * if the thread had started in {@code down}. It starts at {@code [truncated]} instead, in the
 * session, so every report shows one such row under the thread and the whole stacks keep their
 * root.
 */
class TruncatedStackTest {

    private static final int DEPTH = 9_000;

    @Test
    void aStackCutShortOfItsThreadsRootIsUnderTruncatedInEveryReport() {
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).build();
        profiler.start();
        down(DEPTH / 2); // whole stacks, 4,500 deep
        down(DEPTH);     // cut short
        Session session = profiler.stop();

        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        StackTraceElement[] here = Thread.currentThread().getStackTrace();
        String threadRoot = here[here.length - 1].getMethodName(); // the test runner's main, say
        Set<String> roots = new HashSet<>();
        for (Sample sample : main.samples()) {
            if (sample.stackId() != StackTable.EMPTY) {
                int[] rootFirst = session.stacks().framesRootFirst(sample.stackId());
                roots.add(session.frames().get(rootFirst[0]).displayName());
            }
        }
        assertThat(roots).as("the roots of the thread's stacks").contains("[truncated]")
                .allSatisfy(root -> assertThat(root).satisfiesAnyOf(
                        r -> assertThat(r).isEqualTo("[truncated]"), r -> assertThat(r).endsWith("." + threadRoot)));

        String text = Reports.of(session).render(ReportFormat.TEXT, ReportOptions.forConsole().withColor(false).withThresholdPercent(0.0));
        assertThat(text.lines().filter(line -> line.contains("[truncated]")))
                .singleElement().satisfies(line -> assertThat(line).matches("[├└]─ \\d+\\.\\d+( ms)? \\[truncated\\]"));
        String collapsed = Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults());
        assertThat(collapsed.lines()).anySatisfy(line -> assertThat(line).startsWith("[thread main];[truncated];"))
                .noneSatisfy(line -> assertThat(line).matches("\\[thread [^]]*\\];TruncatedStackTest\\.down.*"));
        assertThat(Reports.of(session).render(ReportFormat.SPEEDSCOPE, ReportOptions.defaults())).contains("\"[truncated]\"");
        assertThat(Reports.of(session).render(ReportFormat.JSON, ReportOptions.defaults())).contains("\"[truncated]\"");
    }

    private static long down(int depth) {
        if (depth == 0) {
            Workloads.spin(150);
            return 0;
        }
        return down(depth - 1) + 1;
    }
}
