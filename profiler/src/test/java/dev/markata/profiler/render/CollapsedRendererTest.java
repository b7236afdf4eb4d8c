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
}
