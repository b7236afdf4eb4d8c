package dev.markata.profiler.process;

import dev.markata.profiler.Session;
import dev.markata.profiler.TestSessions;
import dev.markata.profiler.model.FrameKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TreeProcessorsTest {

    private static CallNode thread(TestSessions builder) {
        return TreeProcessors.aggregate(CallTrees.build(builder.build(), false)).children().get(0);
    }

    @Test
    void removingProfilerFramesHandsTheirChildrenAndTimeToTheCaller() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span;app.Work.a", 6)
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span", 1)
                .sample(1, "app.Main.main;one.profiler.AsyncProfiler.execute;app.Work.a", 3)
                .sample(1, "app.Main.main;app.Work.b", 2));

        CallNode cleaned = TreeProcessors.aggregate(TreeProcessors.removeProfilerFrames(tree));

        assertThat(TreeText.of(cleaned)).isEqualTo("""
                [thread main] 12/0
                  Main.main 12/1
                    Work.a 9/9
                    Work.b 2/2
                """);
    }

    /**
     * Only what is on a stack because the program is profiled goes: spans, the task and executor
     * wrappers, the agent, async-profiler's API. A program that writes a report while it runs
     * (or profiles the profiler's own tests, in its packages) has that work shown; removed, its
     * time became its caller's own time with nothing to say where it went.
     */
    @Test
    void removingProfilerFramesKeepsTheLibrarysRealWork() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler$$Lambda/0x01.run;app.Work.a", 2)
                .sample(1, "app.Main.main;dev.markata.profiler.sampling.ContextTasks$ContextRunnable.run;app.Work.a", 1)
                .sample(1, "app.Main.main;dev.markata.profiler.SpanScope.close", 1)
                .sample(1, "app.Main.main;dev.markata.profiler.render.Reports.write;dev.markata.profiler.io.SessionJson.toBytes", 4)
                .sample(1, "app.Main.main;dev.markata.profiler.AccuracyTest.spin", 3)
                .sample(1, "java.lang.Thread.dispatchUncaughtException;dev.markata.profiler.agent.UncaughtHook.note", 1));

        CallNode cleaned = TreeProcessors.aggregate(TreeProcessors.removeProfilerFrames(tree));

        assertThat(TreeText.of(cleaned)).isEqualTo("""
                [thread main] 12/0
                  Main.main 11/1
                    Work.a 3/3
                    Reports.write 4/0
                      SessionJson.toBytes 4/4
                    AccuracyTest.spin 3/3
                  Thread.dispatchUncaughtException 1/1
                """);
    }

    @Test
    void removingJdkPlumbingSplicesReflectionMethodHandlesAndLambdas() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;jdk.internal.reflect.DirectMethodHandleAccessor.invoke;"
                        + "java.lang.invoke.LambdaForm$MH/0x01.invoke;app.Plugin.hook", 4)
                .sample(1, "app.Main.main;app.Site$$Lambda/0x0123.accept;app.Site.lambda$run$0", 2)
                .sample(1, "app.Main.main;java.lang.reflect.Method.invoke;app.Plugin.hook", 1));

        CallNode cleaned = TreeProcessors.aggregate(TreeProcessors.removeJdkPlumbing(tree));

        assertThat(TreeText.of(cleaned)).isEqualTo("""
                [thread main] 7/0
                  Main.main 7/0
                    Plugin.hook 4/4
                    Site.lambda$run$0 2/2
                    Method.invoke 1/0
                      Plugin.hook 1/1
                """);
    }

    @Test
    void aggregationMergesTheSameMethodAtDifferentLinesAndKeepsTheLowestLine() {
        var frames = List.of(
                new dev.markata.profiler.model.Frame("app.A", "run", "A.java", 30, FrameKind.APPLICATION),
                new dev.markata.profiler.model.Frame("app.A", "run", "A.java", 12, FrameKind.APPLICATION));
        CallNode a = new CallNode(CallNode.Kind.FRAME, frames.get(0), -1, 5, 5, 0, List.of(), 0, List.of());
        CallNode b = new CallNode(CallNode.Kind.FRAME, frames.get(1), -1, 7, 7, 3, List.of(), 0, List.of());
        CallNode parent = new CallNode(CallNode.Kind.THREAD, CallNode.syntheticFrame("[thread t]"), 1, 0, 0, 0,
                List.of(a, b), 0, List.of());

        CallNode merged = TreeProcessors.aggregate(parent).children().get(0);

        assertThat(merged.totalNanos()).isEqualTo(12);
        assertThat(merged.frame().lineNumber()).isEqualTo(12);
        assertThat(merged.startNanos()).isEqualTo(0);
        assertThat(TreeProcessors.aggregate(parent).children()).hasSize(1);
    }

    @Test
    void twoHiddenLambdaClassesOfOneCallSiteAreOneRow() {
        // the JVM names each lambda class anew ("Site$$Lambda$12/0x..." on JDK 17, "Site$$Lambda.0x..."
        // later, and async-profiler's file name may be the address): one call site is one row
        var frames = List.of(
                new dev.markata.profiler.model.Frame("app.Site$$Lambda$12/0x0000000800c01234", "accept", "Site.java", 0,
                        FrameKind.APPLICATION),
                new dev.markata.profiler.model.Frame("app.Site$$Lambda.0x0000000800c05678", "accept",
                        "0x0000000800c05678.java", 0, FrameKind.APPLICATION),
                new dev.markata.profiler.model.Frame("app.Site$$Lambda$40/0x0000000800c09abc", "accept", "Site.java", 0,
                        FrameKind.APPLICATION));
        List<CallNode> lambdas = frames.stream()
                .map(f -> new CallNode(CallNode.Kind.FRAME, f, -1, 4, 4, 0, List.of(), 0, List.of())).toList();
        CallNode other = new CallNode(CallNode.Kind.FRAME, new dev.markata.profiler.model.Frame("app.Other$$Lambda$13/0x01",
                "accept", "Other.java", 0, FrameKind.APPLICATION), -1, 1, 1, 0, List.of(), 0, List.of());
        List<CallNode> children = new java.util.ArrayList<>(lambdas);
        children.add(other);
        CallNode parent = new CallNode(CallNode.Kind.THREAD, CallNode.syntheticFrame("[thread t]"), 1, 0, 0, 0,
                children, 0, List.of());

        CallNode merged = TreeProcessors.aggregate(parent);

        assertThat(merged.children()).extracting(c -> c.frame().displayName(), CallNode::totalNanos)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Site$$Lambda.accept", 12L),
                        org.assertj.core.groups.Tuple.tuple("Other$$Lambda.accept", 1L));
    }

    @Test
    void irrelevantNodesAreRemovedPerThreadAndTheirTimeStaysInTheTotal() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;app.Big.run", 95)
                .sample(1, "app.Main.main;app.Small.run;app.Smaller.run", 4)
                .sample(1, "app.Main.main;app.Tiny.run", 1));

        CallNode pruned = TreeProcessors.removeIrrelevant(tree, 5);

        assertThat(TreeText.of(pruned)).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    Big.run 95/95
                """);
        CallNode main = pruned.children().get(0);
        assertThat(main.absorbedNanos()).isEqualTo(5_000_000L);
        assertThat(main.absorbedNodes()).isEqualTo(3);
        assertThat(pruned.absorbedNodesInTree()).isEqualTo(3);
        assertThat(TreeProcessors.removeIrrelevant(tree, 0)).isSameAs(tree);
    }

    @Test
    void thresholdIsMeasuredPerThreadUnderAnAllThreadsRoot() {
        CallNode root = TreeProcessors.aggregate(CallTrees.build(TestSessions.builder()
                .sample(1, "app.Main.main", 1000)
                .sample(2, "app.Worker.run;app.Worker.step", 8)
                .sample(2, "app.Worker.run;app.Worker.rare", 2)
                .build(), false));

        CallNode pruned = TreeProcessors.removeIrrelevant(root, 25);

        assertThat(TreeText.of(pruned.children().get(1))).isEqualTo("""
                [thread worker-2] 10/0
                  Worker.run 10/0
                    Worker.step 8/8
                """);
    }

    @Test
    void libraryRunsBecomeOneGroupNamingTheirLibrariesByOwnTime() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse;"
                        + "org.commonmark.internal.DocumentParser.parse;java.util.ArrayList.add", 10)
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse;"
                        + "org.commonmark.internal.InlineParserImpl.parse;app.MyExtension.visit", 60)
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse;"
                        + "org.commonmark.internal.DocumentParser.parse;app.MyExtension.visit", 20)
                .sample(1, "app.Main.main;com.hubspot.jinjava.Jinjava.render;java.util.HashMap.get", 10));

        CallNode grouped = TreeProcessors.sortByTime(TreeProcessors.groupLibraryFrames(tree, 20, false));

        assertThat(TreeText.of(grouped)).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    Parser.parse [3 hidden: jdk, commonmark] 90/10
                      MyExtension.visit 80/80
                    Jinjava.render [1 hidden: jdk, jinjava] 10/10
                """);
    }

    @Test
    void aHotLibraryLeafStaysVisibleInsideItsGroup() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse;"
                        + "org.commonmark.internal.DocumentParser.parse;java.util.regex.Matcher.find", 70)
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse", 30));

        CallNode grouped = TreeProcessors.groupLibraryFrames(tree, 20, false);

        assertThat(TreeText.of(grouped)).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    Parser.parse [2 hidden: jdk, commonmark] 100/30
                      Matcher.find 70/70
                """);
    }

    @Test
    void showAndHidePatternsOverrideTheFrameKind() {
        CallNode tree = thread(TestSessions.builder()
                .sample(1, "app.Main.main;org.commonmark.parser.Parser.parse;app.generated.Parser.x", 5));
        FramePatterns patterns = new FramePatterns(List.of("org.commonmark.*"), List.of("app.generated.*"));

        CallNode reclassified = TreeProcessors.reclassify(tree, patterns::kindOf);

        CallNode main = reclassified.children().get(0);
        CallNode parse = main.children().get(0);
        assertThat(main.frame().kind()).isEqualTo(FrameKind.APPLICATION);
        assertThat(parse.frame().kind()).isEqualTo(FrameKind.APPLICATION);
        assertThat(parse.children().get(0).frame().kind()).isEqualTo(FrameKind.LIBRARY);
        assertThat(reclassified.frame().kind()).isEqualTo(FrameKind.SYNTHETIC);
    }

    @Test
    void consecutiveSelfNodesMergeAndALoneSelfNodeFoldsIntoItsParent() {
        CallNode self1 = CallNode.synthetic(CallNode.Kind.SELF, 3, 3, 0);
        CallNode self2 = CallNode.synthetic(CallNode.Kind.SELF, 4, 4, 3);
        CallNode other = CallNode.synthetic(CallNode.Kind.AWAIT, 5, 5, 7);
        CallNode self3 = CallNode.synthetic(CallNode.Kind.SELF, 1, 1, 12);
        CallNode parent = new CallNode(CallNode.Kind.THREAD, CallNode.syntheticFrame("[thread t]"), 1, 0, 0, 0,
                List.of(self1, self2, other, self3), 0, List.of());

        CallNode merged = TreeProcessors.mergeConsecutiveSelfTime(parent);

        assertThat(merged.children()).extracting(CallNode::label).containsExactly("[self]", "[await]", "[self]");
        assertThat(merged.children()).extracting(CallNode::totalNanos).containsExactly(7L, 5L, 1L);
        CallNode lone = parent.withChildren(List.of(self1));
        CallNode folded = TreeProcessors.removeUnnecessarySelfNodes(lone);
        assertThat(folded.children()).isEmpty();
        assertThat(folded.selfNanos()).isEqualTo(3);
    }

    @Test
    void pipelineOnARealisticTreeKeepsTheTotal() {
        Session session = TestSessions.builder()
                .sample(1, "app.Main.main;dev.markata.profiler.Profiler.span;jdk.internal.reflect.X.invoke;"
                        + "org.lib.Thing.go;org.lib.Thing.more;app.Cb.call", 40)
                .sample(1, "app.Main.main;app.Small.x", 1)
                .sample(1, "app.Main.main", 59)
                .build();

        CallNode processed = CallTrees.of(session, TreeOptions.defaults().withThresholdPercent(2));

        assertThat(processed.totalNanos()).isEqualTo(100_000_000L);
        assertThat(TreeText.of(processed.children().get(0))).isEqualTo("""
                [thread main] 100/0
                  Main.main 100/0
                    [self] 59/59
                    Thing.go [1 hidden: lib] 40/0
                      Cb.call 40/40
                """);
    }
}
