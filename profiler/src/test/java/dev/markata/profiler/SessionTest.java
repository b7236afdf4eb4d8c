package dev.markata.profiler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTest {

    /**
     * A session printed (a log line, a debugger, {@code System.out.println(profiler.stop())}) was
     * the record's every frame, sample and span: 20 KB for a 50 ms run, megabytes for a build.
     */
    @Test
    void printsAsASummaryNotItsWholeRecording() {
        TestSessions builder = TestSessions.builder().target("demo.Main");
        for (int i = 0; i < 500; i++) {
            builder.sample(1 + i % 3, "app.Main.main;app.Work.step" + i, 2);
        }
        Session session = builder.build();

        String text = session.toString();

        assertThat(text).isEqualTo("Session[demo.Main, started 2026-11-25T12:00:00Z, 0.334 s, 1000 samples,"
                + " 3 threads, 0 spans, sampler test]");
    }
}
