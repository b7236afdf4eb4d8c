package dev.markata.profiler.process;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallTreesTest {

    private static final TreeOptions RAW = TreeOptions.defaults().withThresholdPercent(0).withGroupLibraries(false);

    private final Session session = TestSessions.builder()
            .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 30)
            .sample(1, "app.Main.main;app.Site.load", 10)
            .sample(1, "app.Main.main;app.Site.render", 50)
            .sample(1, "app.Main.main;app.Site.render;java.util.HashMap.get", 5)
            .sample(1, "app.Main.main", 5)
            .build();

    @Test
    void aggregatedTreeAddsUpRepeatedCallsAndSeparatesOwnTime() {
        CallNode root = CallTrees.build(session, false);

        assertThat(TreeText.of(root)).isEqualTo("""
                [all threads] 100/0
                  [thread main] 100/0
                    Main.main 100/5
                      Site.render 85/50
                        HashMap.get 35/35
                      Site.load 10/10
                """);
        assertThat(root.sampleCount()).isEqualTo(100);
    }

    @Test
    void processedTreeIsSortedAndShowsOwnTimeAsSelfNodes() {
        CallNode thread = CallTrees.of(session, RAW).children().get(0);

        assertThat(TreeText.of(thread)).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    Site.render 85/0
                      [self] 50/50
                      HashMap.get 35/35
                    Site.load 10/10
                    [self] 5/5
                """);
    }

    @Test
    void timelineKeepsCallsInTimeOrderWithoutMergingLaterCalls() {
        CallNode thread = CallTrees.of(session, RAW.withTimeline(true)).children().get(0);

        assertThat(TreeText.of(thread)).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    Site.render 30/0
                      HashMap.get 30/30
                    Site.load 10/10
                    Site.render 55/0
                      [self] 50/50
                      HashMap.get 5/5
                    [self] 5/5
                """);
        assertThat(thread.children().get(0).children()).extracting(CallNode::startNanos)
                .containsExactly(0L, 30_000_000L, 40_000_000L, 95_000_000L);
    }

    @Test
    void rootHasOneChildPerThreadInSessionOrder() {
        Session twoThreads = TestSessions.builder()
                .sample(1, "app.Main.main", 10)
                .sample(7, "app.Worker.run", 4)
                .build();

        CallNode root = CallTrees.of(twoThreads, RAW);

        assertThat(root.children()).extracting(CallNode::label).containsExactly("[thread main]", "[thread worker-7]");
        assertThat(root.children()).extracting(CallNode::threadId).containsExactly(1L, 7L);
        assertThat(CallTrees.thread(root, 7)).get().extracting(CallNode::totalNanos).isEqualTo(4_000_000L);
        assertThat(CallTrees.thread(root, 9)).isEmpty();
        assertThat(root.totalNanos()).isEqualTo(14_000_000L);
    }
}
