package dev.markata.profiler.sampling;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.StackTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the stacks async-profiler cut at a virtual thread's return barrier back under their
 * callers.
 *
 * <p>When a virtual thread that parked runs again, the JVM copies only its top frames back onto
 * the carrier's stack and leaves the rest frozen in the heap behind a return barrier
 * ({@code cont_returnBarrier}), thawing them one by one as the thread returns into them.
 * async-profiler's walk stops at the barrier, so such a sample holds only the thawed frames: it
 * starts at the innermost frozen frame's callee (the task's method, say) instead of at the
 * carrier's root, and a carrier's tree had the same code under two roots.
 *
 * <p>The frozen frames did not run since the thread parked: they are the frames the thread had
 * below that method then, exactly as it was sampled with whole stacks before. So the callers of
 * a cut stack's outermost method are looked up among the whole virtual-thread stacks of the
 * recording (those with the continuation's entry, {@code Continuation.enter}): where that
 * method was always called under one stack, the cut stack goes under it. Where it was seen
 * under several (two callers of one method, or a recursion, where the number of frozen frames
 * is not known), only what those stacks share is kept, and {@value #UNKNOWN} stands for the
 * frames that cannot be known; where it was never seen with its callers, the stack goes under
 * the part all virtual-thread stacks share (the carrier's frames down to the continuation), and
 * the same frame. No caller is made up: every frame above the marker was in some whole sample.
 */
final class ReturnBarrierStacks {

    /** The synthetic frame for a cut stack's callers that the recording cannot tell. */
    static final String UNKNOWN = "[callers frozen at a virtual thread's park]";

    private final FrameTable frames;
    private final StackTable.Builder stacks;

    ReturnBarrierStacks(FrameTable frames) {
        this.frames = frames;
        this.stacks = frames.stacks();
    }

    /**
     * The frame a cut stack is read with at its root until it is mended: a cut stack cannot be
     * taken for a whole one that happens to hold the same frames.
     */
    static final String BARRIER = "[return barrier]";

    /** Whether a JFR frame's method (class and name) is the JVM's return barrier stub. */
    static boolean isReturnBarrier(String className, String methodName) {
        return (className == null || className.isEmpty()) && "cont_returnBarrier".equals(methodName);
    }

    /** The one-frame stack every cut stack is read onto ({@link #BARRIER}). */
    static int barrierStack(FrameTable frames) {
        return frames.syntheticStack(BARRIER);
    }

    /**
     * For each cut stack, the stack it becomes.
     *
     * @param cut   stacks that ended at a return barrier: {@link #barrierStack} and the thawed frames on it
     * @param whole every other stack the recording holds
     */
    Map<Integer, Integer> mend(Set<Integer> cut, Iterable<Integer> whole) {
        Map<Integer, Integer> mended = new HashMap<>();
        if (cut.isEmpty()) {
            return mended;
        }
        // method -> every stack it was called under, in the stacks of virtual threads
        Map<String, Set<Integer>> callers = new HashMap<>();
        Set<Integer> entries = new LinkedHashSet<>(); // each stack's part down to the continuation's entry
        for (int stack : whole) {
            int[] rootFirst = rootFirst(stack);
            int entry = -1;
            for (int i = 0; i < rootFirst.length; i++) {
                if (isContinuationEntry(frame(rootFirst[i]))) {
                    entry = i;
                }
            }
            if (entry < 0) {
                continue; // not a virtual thread's stack
            }
            entries.add(rootFirst[entry]);
            for (int i = entry + 1; i < rootFirst.length; i++) {
                callers.computeIfAbsent(methodKey(frame(rootFirst[i])), k -> new HashSet<>()).add(rootFirst[i - 1]);
            }
        }
        int unknown = frames.frameId(new Frame(UNKNOWN, "", "", 0, FrameKind.SYNTHETIC));
        for (int stack : cut) {
            int[] rootFirst = rootFirst(stack); // [0] is the barrier, [1] the outermost thawed frame
            Set<Integer> under = rootFirst.length < 2 ? Set.of()
                    : callers.getOrDefault(methodKey(frame(rootFirst[1])), Set.of());
            int base;
            if (under.size() == 1) {
                base = under.iterator().next();
            } else {
                base = frames.push(commonPart(under.isEmpty() ? entries : under), unknown);
            }
            for (int i = 1; i < rootFirst.length; i++) {
                base = frames.push(base, stacks.frameId(rootFirst[i]));
            }
            mended.put(stack, base);
        }
        return mended;
    }

    /** The continuation's entry on a carrier: below it the carrier's frames, above it the virtual thread's. */
    private static boolean isContinuationEntry(Frame frame) {
        return frame.className().equals("jdk.internal.vm.Continuation") && frame.methodName().startsWith("enter");
    }

    /** A method as the frozen frame is known by: its class and name (its line may have moved on). */
    private static String methodKey(Frame frame) {
        return frame.className() + '#' + frame.methodName();
    }

    private Frame frame(int stack) {
        return frames.frame(stacks.frameId(stack));
    }

    /** The stack ids of {@code stack} and its callers, outermost first (index i: the stack of depth i + 1). */
    private int[] rootFirst(int stack) {
        List<Integer> leafFirst = new ArrayList<>();
        for (int s = stack; s != StackTable.EMPTY; s = stacks.parentId(s)) {
            leafFirst.add(s);
        }
        int[] out = new int[leafFirst.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = leafFirst.get(out.length - 1 - i);
        }
        return out;
    }

    /** The longest stack that every one of {@code stacks} starts with ({@link StackTable#EMPTY} for none). */
    private int commonPart(Set<Integer> all) {
        int[] common = null;
        int length = 0;
        for (int stack : all) {
            int[] rootFirst = rootFirst(stack);
            if (common == null) {
                common = rootFirst;
                length = rootFirst.length;
            } else {
                int i = 0;
                while (i < length && i < rootFirst.length && common[i] == rootFirst[i]) {
                    i++;
                }
                length = i;
            }
        }
        return common == null || length == 0 ? StackTable.EMPTY : common[length - 1];
    }
}
