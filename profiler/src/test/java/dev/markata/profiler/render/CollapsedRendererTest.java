package dev.markata.profiler.render;

import dev.markata.profiler.TestSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CollapsedRendererTest {

    @Test
    void writesOneLinePerStackWithItsSampleCount() {
        var session = TestSessions.builder()
                .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 3)
                .sample(1, "app.Main.main;app.Site.render", 5)
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span;app.Site.render", 2)
                .sample(1, "app.Main.main", 1)
                .sample(2, "app.Worker.run", 4)
                .build();

        String collapsed = Reports.render(session, ReportFormat.COLLAPSED, ReportOptions.defaults());

        assertThat(collapsed).isEqualTo("""
                [thread main];app.Main.main 1
                [thread main];app.Main.main;app.Site.render 7
                [thread main];app.Main.main;app.Site.render;java.util.HashMap.get 3
                [thread worker-2];app.Worker.run 4
                """);
        assertThat(collapsed.lines()).allMatch(line -> line.matches("[^ ].*[^ ] [1-9][0-9]*"));
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

        String collapsed = Reports.render(session, ReportFormat.COLLAPSED, ReportOptions.defaults());
        String text = Reports.render(session, ReportFormat.TEXT, ReportOptions.defaults());

        assertThat(collapsed.lines()).containsExactlyInAnyOrder("[thread main];app.Main.main 1",
                "[thread worker (thread 7)];app.Worker.run 4", "[thread worker (thread 9)];app.Worker.run 2");
        assertThat(text).contains("[thread worker (thread 7)]", "[thread worker (thread 9)]", "[thread main]");
    }
}
