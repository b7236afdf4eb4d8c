package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How stacks cut at a virtual thread's return barrier are mended, on hand-made stacks (the
 * JVM's thawing is in {@code VirtualThreadTest}, on JDK 21+): stacks are written root first,
 * {@code Class.method} per frame, {@code [return barrier]} for the barrier.
 */
class ReturnBarrierStacksTest {

    private static final String CARRIER = "java.util.concurrent.ForkJoinWorkerThread.run;"
            + "java.lang.VirtualThread.runContinuation;jdk.internal.vm.Continuation.run;"
            + "jdk.internal.vm.Continuation.enter0;java.lang.VirtualThread.run";

    private final FrameTable frames = new FrameTable(new CodeClassifier(List.of()));

    private int stack(String rootFirst) {
        int stack = StackTable.EMPTY;
        for (String part : rootFirst.split(";")) {
            Frame frame = part.startsWith("[") ? new Frame(part, "", "", 0, FrameKind.SYNTHETIC)
                    : new Frame(part.substring(0, part.lastIndexOf('.')), part.substring(part.lastIndexOf('.') + 1),
                    "", 0, FrameKind.LIBRARY);
            stack = frames.push(stack, frames.frameId(frame));
        }
        return stack;
    }

    private String named(int stack) {
        List<String> names = new ArrayList<>();
        for (int s = stack; s != StackTable.EMPTY; s = frames.stacks().parentId(s)) {
            Frame frame = frames.frame(frames.stacks().frameId(s));
            names.add(0, frame.methodName().isEmpty() ? frame.className() : frame.className() + "." + frame.methodName());
        }
        return String.join(";", names);
    }

    private String mend(String cut, String... whole) {
        List<Integer> wholeIds = new ArrayList<>();
        for (String w : whole) {
            wholeIds.add(stack(w));
        }
        int cutId = stack(cut);
        Map<Integer, Integer> mended = new ReturnBarrierStacks(frames).mend(Set.of(cutId), wholeIds);
        return named(mended.get(cutId));
    }

    @Test
    void aMethodSeenUnderOneStackGetsThatStack() {
        assertThat(mend("[return barrier];app.Task.work;app.Task.spin",
                CARRIER + ";app.Task.lambda;app.Task.work;app.Task.spin",
                CARRIER + ";app.Task.lambda;app.Task.work;java.lang.Thread.sleep",
                "java.lang.Thread.run;app.Main.work")) // a platform thread's app.Main.work is no evidence
                .isEqualTo(CARRIER + ";app.Task.lambda;app.Task.work;app.Task.spin");
    }

    @Test
    void aMethodSeenUnderTwoCallersGetsWhatTheyShareAndTheUnknownFrame() {
        assertThat(mend("[return barrier];app.Shared.run;app.Shared.spin",
                CARRIER + ";app.A.call;app.Shared.run;app.Shared.spin",
                CARRIER + ";app.B.call;app.Shared.run;app.Shared.spin"))
                .isEqualTo(CARRIER + ";" + ReturnBarrierStacks.UNKNOWN + ";app.Shared.run;app.Shared.spin");
    }

    /** How many frames of a recursion are frozen is not known: the recursion's entry, then the unknown frame. */
    @Test
    void aRecursionKeepsItsEntryAndLeavesTheDepthUnknown() {
        assertThat(mend("[return barrier];app.R.deep;app.R.spin",
                CARRIER + ";app.R.task;app.R.deep;app.R.deep;app.R.deep;app.R.spin"))
                .isEqualTo(CARRIER + ";app.R.task;" + ReturnBarrierStacks.UNKNOWN + ";app.R.deep;app.R.spin");
    }

    /** Even what every virtual thread has above the continuation's entry is not claimed for it. */
    @Test
    void aMethodNeverSeenWithItsCallersGoesUnderTheContinuationsEntryAndTheUnknownFrame() {
        String entry = CARRIER.substring(0, CARRIER.lastIndexOf(';'));
        assertThat(mend("[return barrier];app.Other.run",
                CARRIER + ";app.Task.lambda;app.Task.work",
                CARRIER + ";app.Task2.lambda"))
                .isEqualTo(entry + ";" + ReturnBarrierStacks.UNKNOWN + ";app.Other.run");
    }
}
