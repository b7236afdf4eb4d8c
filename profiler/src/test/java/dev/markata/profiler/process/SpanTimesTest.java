package dev.markata.profiler.process;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import static dev.markata.profiler.model.ThreadState.RUNNING;
import static dev.markata.profiler.model.ThreadState.UNKNOWN;
import static dev.markata.profiler.model.ThreadState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

class SpanTimesTest {

    private static final long MS = 1_000_000L;

    private final Session session = build();

    private static Session build() {
        TaskSessions b = new TaskSessions();
        int load = b.span(Span.NONE, "stage", "load", 1, 0, 10, null);
        int render = b.span(Span.NONE, "stage", "render", 1, 10, 40, null);
        int hook = b.span(render, "hook", "render_markdown", 1, 10, 40, null);
        int docA = b.span(hook, "document", "a.md", 2, 10, 30, "app.Main.main");
        int docB = b.span(hook, "document", "b.md", 3, 10, 25, "app.Main.main");
        int nested = b.span(docA, "document", "a.md", 2, 12, 20, null);
        b.sample(1, 0, 10, "app.Main.main;app.Load.run", RUNNING, load)
                .sample(1, 10, 30, "app.Main.main;app.Render.run", WAITING, hook)
                .sample(2, 10, 2, "app.Render.doc", RUNNING, docA)
                .sample(2, 12, 8, "app.Render.doc", RUNNING, nested)
                .sample(2, 20, 10, "app.Render.doc", UNKNOWN, docA)
                .sample(3, 10, 15, "app.Render.doc", RUNNING, docB)
                .sample(3, 25, 5, "app.Idle.poll", WAITING, Span.NONE);
        return b.build();
    }

    @Test
    void stagesAddUpTheirOwnAndNestedSpansSamples() {
        assertThat(SpanTimes.of(session, "stage")).containsExactly(
                new SpanTimes.SpanTime("stage", "render", 1, 30 * MS, 65 * MS, 0, 25 * MS, 30 * MS, 10 * MS, 65),
                new SpanTimes.SpanTime("stage", "load", 1, 10 * MS, 10 * MS, 10 * MS, 10 * MS, 0, 0, 10));
    }

    @Test
    void aNameNestedInItselfCountsOnce() {
        assertThat(SpanTimes.of(session, "document")).containsExactly(
                new SpanTimes.SpanTime("document", "a.md", 2, 20 * MS, 20 * MS, 20 * MS, 10 * MS, 0, 10 * MS, 20),
                new SpanTimes.SpanTime("document", "b.md", 1, 15 * MS, 15 * MS, 15 * MS, 15 * MS, 0, 0, 15));
    }

    @Test
    void allCategoriesAreListedByCategoryThenTime() {
        assertThat(SpanTimes.of(session)).extracting(t -> t.category() + "/" + t.name()).containsExactly(
                "document/a.md", "document/b.md", "hook/render_markdown", "stage/render", "stage/load");
        assertThat(SpanTimes.of(session, "hook").get(0).selfNanos()).isEqualTo(30 * MS);
    }
}
