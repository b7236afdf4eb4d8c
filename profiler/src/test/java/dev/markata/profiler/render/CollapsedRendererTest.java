package dev.markata.profiler.render;

import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class CollapsedRendererTest {

    @Test
    void writesOneLinePerStackWithItsTimeInMicroseconds() {
        var session = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 3)
                .sample(1, "app.Main.main;app.Site.render", 5)
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span;app.Site.render", 2)
                .sample(1, "app.Main.main", 1)
                .sample(2, "app.Worker.run", 4)
                .build();

        String collapsed = Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults());

        assertThat(collapsed).isEqualTo("""
                [thread main];app.Main.main 1000
                [thread main];app.Main.main;app.Site.render 7000
                [thread main];app.Main.main;app.Site.render;java.util.HashMap.get 3000
                [thread worker-2];app.Worker.run 4000
                """);
        assertThat(collapsed.lines()).allMatch(line -> line.matches("[^ ].*[^ ] [1-9][0-9]*"));
    }

    /**
     * Samples stand for different stretches of time: a tick of the JDK sampler that came late
     * stands for the whole gap, a batch of async-profiler's idle samples for its stretch. A
     * flame graph of sample counts drew a 30 ms stretch seen once as thin as a 1 ms sample;
     * the lines carry the time, as every other report does.
     */
    @Test
    void aStackSeenOnceOverALongStretchWeighsThatStretch() {
        var session = TestSessions.builder()
                .sample(1, "app.Main.main", 10)
                .sample(1, "app.Main.main;app.Site.render", 1, 30, ThreadState.RUNNING, Span.NONE)
                .build();

        assertThat(Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults())).isEqualTo("""
                [thread main];app.Main.main 10000
                [thread main];app.Main.main;app.Site.render 30000
                """);
    }

    /**
     * Work handed to other threads is grafted under its submitter in the wait it filled, scaled
     * to that wait as in the tree: main ran 30 ms, 10 of them its own and 20 waiting for two
     * workers busy 20 and 10 ms. Counted in samples main's lines added up to 60 (its 30, the
     * workers' 30 again), twice the time it ran; in time they add up to its 30 ms, as the text
     * tree says.
     */
    @Test
    void aThreadsLinesAddUpToItsTimeInTheTree() {
        var builder = TestSessions.builder();
        int stage = builder.span(Span.NONE, "stage", "render", 1, 0, 30);
        String submit = "app.Main.main;app.Stage.run;app.Pool.submit";
        int a = builder.task(stage, "a.md", 2, 10, 30, submit);
        int b = builder.task(stage, "b.md", 3, 10, 20, submit);
        var session = builder
                .sample(1, "app.Main.main;app.Stage.run", 10, ThreadState.RUNNING, stage)
                .sample(1, "app.Main.main;app.Stage.run;java.util.concurrent.FutureTask.get;jdk.internal.misc.Unsafe.park",
                        20, ThreadState.WAITING, stage)
                .sample(2, "java.lang.Thread.run;app.Idle.poll", 10, ThreadState.WAITING, Span.NONE)
                .sample(2, "java.lang.Thread.run;app.Render.doc", 20, ThreadState.RUNNING, a)
                .sample(3, "java.lang.Thread.run;app.Idle.poll", 10, ThreadState.WAITING, Span.NONE)
                .sample(3, "java.lang.Thread.run;app.Render.doc", 10, ThreadState.RUNNING, b)
                .sample(3, "java.lang.Thread.run;app.Idle.poll", 10, ThreadState.WAITING, Span.NONE)
                .build();

        String collapsed = Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults());

        Map<String, Long> byThread = new TreeMap<>();
        for (String line : collapsed.lines().toList()) {
            byThread.merge(line.substring(0, line.indexOf(']') + 1), Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)),
                    Long::sum);
        }
        assertThat(byThread).containsEntry("[thread main]", 30_000L);
        assertThat(collapsed.lines()).contains("[thread main];app.Main.main;app.Stage.run 10000",
                "[thread main];app.Main.main;app.Stage.run;app.Pool.submit;java.lang.Thread.run;app.Render.doc 20000");
    }

    /**
     * Two threads with one name (two pools' "worker", a thread that replaced a dead one) were
     * one {@code [thread worker]} prefix, so flame-graph tools added the two threads' stacks
     * together as one thread's. A clashing name carries the thread id, as speedscope's profile
     * names do; a name used once stays as it was.
     */
    @Test
    void threadsThatShareANameStayApart() {
        var session = TestSessions.builder()
                .threadName(1, "main").threadName(7, "worker").threadName(9, "worker")
                .sample(1, "app.Main.main", 1)
                .sample(7, "app.Worker.run", 4)
                .sample(9, "app.Worker.run", 2)
                .build();

        String collapsed = Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults());
        String text = Reports.of(session).render(ReportFormat.TEXT, ReportOptions.defaults());

        assertThat(collapsed.lines()).containsExactlyInAnyOrder("[thread main];app.Main.main 1000",
                "[thread worker (thread 7)];app.Worker.run 4000", "[thread worker (thread 9)];app.Worker.run 2000");
        assertThat(text).contains("[thread worker (thread 7)]", "[thread worker (thread 9)]", "[thread main]");
    }

    /**
     * A line of collapsed stacks is a stack, a space and a number: a thread or method name with a
     * carriage return or another control character (the program's to choose) broke it, or reached
     * the terminal of whoever looked at the file. They are written escaped, as in the text tree.
     */
    @Test
    void controlCharactersInNamesStayInsideTheirLine() {
        var session = TestSessions.builder()
                .threadName(1, "a\rb\u001b[2J")
                .sample(1, "app.Main.main;app.Evil.run\rx\u2028y", 3)
                .build();

        assertThat(Reports.of(session).render(ReportFormat.COLLAPSED, ReportOptions.defaults())).isEqualTo("""
                [thread a\\rb\\u001b[2J];app.Main.main;app.Evil.run\\rx\\u2028y 3000
                """);
    }
}
