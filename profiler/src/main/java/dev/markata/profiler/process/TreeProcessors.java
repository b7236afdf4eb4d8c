package dev.markata.profiler.process;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The tree processors: small pure functions from a call tree to a new one. {@link CallTrees#process}
 * runs them in the documented order; each can also be used on its own.
 *
 * <p>Processors that depend on a share of the total ({@link #removeIrrelevant},
 * {@link #groupLibraryFrames}) measure it per thread when given an all-threads root, so a quiet
 * thread still shows its own hot spots.
 */
public final class TreeProcessors {

    private static final Comparator<CallNode> BY_TIME = Comparator.comparingLong(CallNode::totalNanos).reversed();

    private TreeProcessors() {
    }

    /** Merges siblings that are the same call (same method, thread or synthetic kind), at every level. */
    public static CallNode aggregate(CallNode node) {
        List<CallNode> children = node.children();
        if (children.isEmpty()) {
            return node;
        }
        if (children.size() == 1) {
            CallNode child = aggregate(children.get(0));
            return child == children.get(0) ? node : node.withChildren(List.of(child));
        }
        Map<Object, List<CallNode>> groups = new LinkedHashMap<>();
        for (CallNode child : children) {
            groups.computeIfAbsent(child.mergeKey(), k -> new ArrayList<>(1)).add(child);
        }
        List<CallNode> merged = new ArrayList<>(groups.size());
        boolean changed = groups.size() != children.size();
        for (List<CallNode> group : groups.values()) {
            CallNode one = group.size() == 1 ? group.get(0) : merge(group);
            CallNode aggregated = aggregate(one);
            changed |= aggregated != group.get(0);
            merged.add(aggregated);
        }
        return changed ? node.withChildren(merged) : node;
    }

    /**
     * Merges consecutive siblings that are the same call: the timeline's aggregation, which keeps
     * a method called again later as a separate node.
     */
    public static CallNode mergeAdjacent(CallNode node) {
        return mergeAdjacentWhere(node, n -> true);
    }

    /** Merges consecutive {@code [self]} siblings into one (pyinstrument's merge_consecutive_self_time). */
    public static CallNode mergeConsecutiveSelfTime(CallNode node) {
        return mergeAdjacentWhere(node, n -> n.kind() == CallNode.Kind.SELF);
    }

    private static CallNode mergeAdjacentWhere(CallNode node, Predicate<CallNode> mergeable) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> out = new ArrayList<>(node.children().size());
        List<CallNode> run = new ArrayList<>();
        for (CallNode child : node.children()) {
            if (!run.isEmpty() && (!mergeable.test(child) || !run.get(0).mergeKey().equals(child.mergeKey()))) {
                out.add(run.size() == 1 ? run.get(0) : merge(run));
                run.clear();
            }
            run.add(child);
        }
        out.add(run.size() == 1 ? run.get(0) : merge(run));
        boolean changed = out.size() != node.children().size();
        List<CallNode> processed = new ArrayList<>(out.size());
        for (CallNode child : out) {
            CallNode merged = mergeAdjacentWhere(child, mergeable);
            changed |= merged != child;
            processed.add(merged);
        }
        return changed ? node.withChildren(processed) : node;
    }

    /**
     * One node standing for several calls of the same method: times added, children
     * concatenated (in order), the lowest known line shown (nearest the method's start).
     */
    static CallNode merge(List<CallNode> nodes) {
        CallNode first = nodes.get(0);
        long self = 0;
        long selfThread = 0;
        long selfSamples = 0;
        long absorbed = 0;
        long absorbedThread = 0;
        long absorbedSamples = 0;
        int absorbedNodes = 0;
        long start = Long.MAX_VALUE;
        int hidden = 0;
        int line = 0;
        Set<String> libraries = new LinkedHashSet<>();
        List<CallNode> children = new ArrayList<>();
        for (CallNode node : nodes) {
            self += node.selfNanos();
            selfThread += node.selfThreadNanos();
            selfSamples += node.selfSamples();
            absorbed += node.absorbedNanos();
            absorbedThread += node.absorbedThreadNanos();
            absorbedSamples += node.absorbedSamples();
            absorbedNodes += node.absorbedNodes();
            start = Math.min(start, node.startNanos());
            hidden = Math.max(hidden, node.hiddenFrameCount());
            libraries.addAll(node.libraries());
            children.addAll(node.children());
            int nodeLine = node.frame().lineNumber();
            if (nodeLine > 0 && (line == 0 || nodeLine < line)) {
                line = nodeLine;
            }
        }
        Frame frame = first.frame();
        if (frame.lineNumber() != line) {
            frame = new Frame(frame.className(), frame.methodName(), frame.fileName(), line, frame.kind());
        }
        return new CallNode(first.kind(), frame, first.threadId(), self, selfThread, selfSamples, absorbed,
                absorbedThread, absorbedSamples, absorbedNodes, start, children, hidden, new ArrayList<>(libraries));
    }

    /**
     * Removes frames matching {@code remove}, handing their children to their caller and their own
     * time to the caller's own time. Synthetic nodes are never removed.
     */
    public static CallNode removeFrames(CallNode node, Predicate<Frame> remove) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> out = new ArrayList<>(node.children().size());
        long self = node.selfNanos();
        long selfThread = node.selfThreadNanos();
        long selfSamples = node.selfSamples();
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode processed = removeFrames(child, remove);
            if (processed.kind() == CallNode.Kind.FRAME && remove.test(processed.frame())) {
                self += processed.selfNanos() + processed.absorbedNanos();
                selfThread += processed.selfThreadNanos() + processed.absorbedThreadNanos();
                selfSamples += processed.selfSamples() + processed.absorbedSamples();
                out.addAll(processed.children());
                changed = true;
            } else {
                out.add(processed);
                changed |= processed != child;
            }
        }
        return changed ? node.with(self, selfThread, selfSamples, out) : node;
    }

    /** Removes the profiler's own frames ({@link FrameFilters#isProfilerOwn}). */
    public static CallNode removeProfilerFrames(CallNode node) {
        return removeFrames(node, FrameFilters::isProfilerOwn);
    }

    /** Removes the JDK's reflection, method-handle and lambda plumbing ({@link FrameFilters#isJdkPlumbing}). */
    public static CallNode removeJdkPlumbing(CallNode node) {
        return removeFrames(node, FrameFilters::isJdkPlumbing);
    }

    /** Re-decides each frame's application/library kind, for example by {@link FramePatterns#kindOf}. */
    public static CallNode reclassify(CallNode node, Function<Frame, FrameKind> kindOf) {
        List<CallNode> children = new ArrayList<>(node.children().size());
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode processed = reclassify(child, kindOf);
            children.add(processed);
            changed |= processed != child;
        }
        CallNode result = changed ? node.withChildren(children) : node;
        Frame frame = node.frame();
        if (frame.kind() != FrameKind.SYNTHETIC) {
            FrameKind kind = kindOf.apply(frame);
            if (kind != frame.kind()) {
                result = result.withFrame(new Frame(frame.className(), frame.methodName(), frame.fileName(),
                        frame.lineNumber(), kind));
            }
        }
        return result;
    }

    /**
     * Removes nodes whose total is below {@code thresholdPercent} of the tree's total (of each
     * thread's, under an all-threads root). Their time stays in their parent's total as
     * {@link CallNode#absorbedNanos()}, not as its own time.
     */
    public static CallNode removeIrrelevant(CallNode node, double thresholdPercent) {
        if (thresholdPercent <= 0) {
            return node;
        }
        return perThread(node, thread -> {
            long limit = (long) Math.ceil(thread.totalNanos() * thresholdPercent / 100.0);
            return removeBelow(thread, limit);
        });
    }

    private static CallNode removeBelow(CallNode node, long limit) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> kept = new ArrayList<>(node.children().size());
        long absorbed = 0;
        long absorbedThread = 0;
        long absorbedSamples = 0;
        int absorbedNodes = 0;
        boolean changed = false;
        for (CallNode child : node.children()) {
            if (child.totalNanos() < limit) {
                absorbed += child.totalNanos();
                absorbedThread += child.threadNanos();
                absorbedSamples += child.sampleCount();
                absorbedNodes += child.nodeCount();
                changed = true;
            } else {
                CallNode pruned = removeBelow(child, limit);
                changed |= pruned != child;
                kept.add(pruned);
            }
        }
        return changed ? node.withAbsorbed(absorbed, absorbedThread, absorbedSamples, absorbedNodes, kept) : node;
    }

    /**
     * Replaces each run of library frames with one {@link CallNode.Kind#LIBRARY_GROUP} node: the
     * frame where the library was entered, the count and library names of the frames hidden below
     * it (libraries ordered by the hidden frames' own time, largest first), and as children what the run called back into (application code, synthetic nodes) plus
     * hidden frames whose own time is at least {@code keepLeafPercent} of the thread's total (so a
     * hot spot inside a library stays visible, as in pyinstrument). Time spent in the hidden frames
     * themselves becomes the group's own time.
     *
     * @param timeline whether the tree is a timeline (then what the run called is not merged)
     */
    public static CallNode groupLibraryFrames(CallNode node, double keepLeafPercent, boolean timeline) {
        return perThread(node, thread -> {
            long keepLimit = (long) Math.ceil(thread.totalNanos() * keepLeafPercent / 100.0);
            return group(thread, Math.max(1, keepLimit), timeline);
        });
    }

    private static CallNode group(CallNode node, long keepLimit, boolean timeline) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> children = new ArrayList<>(node.children().size());
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode grouped = isLibraryFrame(child) ? groupFrom(child, keepLimit, timeline)
                    : group(child, keepLimit, timeline);
            changed |= grouped != child;
            children.add(grouped);
        }
        return changed ? node.withChildren(children) : node;
    }

    private static boolean isLibraryFrame(CallNode node) {
        return node.kind() == CallNode.Kind.FRAME && node.frame().kind() == FrameKind.LIBRARY;
    }

    private static CallNode groupFrom(CallNode entry, long keepLimit, boolean timeline) {
        long self = entry.selfNanos();
        long selfThread = entry.selfThreadNanos();
        long selfSamples = entry.selfSamples();
        long absorbed = entry.absorbedNanos();
        long absorbedThread = entry.absorbedThreadNanos();
        long absorbedSamples = entry.absorbedSamples();
        int absorbedNodes = entry.absorbedNodes();
        // The methods hidden, each once however many paths it is on: the paths below are merged
        // into one row per method they lead to, and counting every path's frames said "151
        // frames hidden" for 50 paths of three frames each (a class loader's), as if one chain
        Set<Object> hidden = new HashSet<>();
        // Own time per library of the frames in the run, in the order first met (the entry's first).
        Map<String, long[]> libraryTime = new LinkedHashMap<>();
        libraryTime.computeIfAbsent(Libraries.nameOf(entry.frame().className()), k -> new long[1])[0] +=
                entry.selfNanos();
        List<CallNode> exits = new ArrayList<>();
        Deque<CallNode> pending = new ArrayDeque<>();
        // Depth-first, in child order, so exits keep their order (a timeline stays chronological).
        for (int i = entry.children().size() - 1; i >= 0; i--) {
            pending.push(entry.children().get(i));
        }
        while (!pending.isEmpty()) {
            CallNode node = pending.pop();
            if (isLibraryFrame(node)) {
                hidden.add(node.mergeKey());
                libraryTime.computeIfAbsent(Libraries.nameOf(node.frame().className()), k -> new long[1])[0] +=
                        node.selfNanos();
                absorbed += node.absorbedNanos();
                absorbedThread += node.absorbedThreadNanos();
                absorbedSamples += node.absorbedSamples();
                absorbedNodes += node.absorbedNodes();
                if (node.selfNanos() >= keepLimit) {
                    exits.add(node.with(node.selfNanos(), node.selfThreadNanos(), node.selfSamples(), List.of()));
                } else {
                    self += node.selfNanos();
                    selfThread += node.selfThreadNanos();
                    selfSamples += node.selfSamples();
                }
                for (int i = node.children().size() - 1; i >= 0; i--) {
                    pending.push(node.children().get(i));
                }
            } else if (node.kind() == CallNode.Kind.SELF) {
                self += node.totalNanos();
                selfThread += node.threadNanos();
                selfSamples += node.sampleCount();
            } else {
                exits.add(group(node, keepLimit, timeline));
            }
        }
        if (hidden.isEmpty()) {
            return entry.withChildren(exits);
        }
        List<String> libraries = new ArrayList<>(libraryTime.keySet());
        libraries.sort(Comparator.comparingLong((String name) -> libraryTime.get(name)[0]).reversed());
        CallNode groupNode = new CallNode(CallNode.Kind.LIBRARY_GROUP, entry.frame(), -1, self, selfThread, selfSamples,
                absorbed, absorbedThread, absorbedSamples, absorbedNodes, entry.startNanos(), exits, hidden.size(),
                libraries);
        // The same method reached through different hidden paths shows once.
        return timeline ? groupNode : aggregateOneLevel(groupNode);
    }

    private static CallNode aggregateOneLevel(CallNode node) {
        Map<Object, List<CallNode>> groups = new LinkedHashMap<>();
        for (CallNode child : node.children()) {
            groups.computeIfAbsent(child.mergeKey(), k -> new ArrayList<>(1)).add(child);
        }
        if (groups.size() == node.children().size()) {
            return node;
        }
        List<CallNode> merged = new ArrayList<>(groups.size());
        for (List<CallNode> group : groups.values()) {
            merged.add(group.size() == 1 ? group.get(0) : aggregate(merge(group)));
        }
        return node.withChildren(merged);
    }

    /**
     * Moves the own time of nodes that also have children into a {@code [self]} child, so a
     * tree's leaves account for all of its time.
     */
    public static CallNode addSelfNodes(CallNode node) {
        return addSelf(node, 1);
    }

    /**
     * As {@link #addSelfNodes(CallNode)}, but own time below {@code thresholdPercent} of the
     * thread's total stays the node's own time, with no {@code [self]} row: a row is held to
     * the threshold whether it is a call or own time (pyinstrument's rule, and the HTML report's).
     * Until session 13 a [self] row of 0.4 % showed under a 1 % threshold that hid calls four
     * times as long (this runs after {@link #removeIrrelevant}, which sees no [self] rows yet).
     */
    public static CallNode addSelfNodes(CallNode node, double thresholdPercent) {
        return perThread(node, thread -> addSelf(thread,
                Math.max(1, (long) Math.ceil(thread.totalNanos() * Math.max(0, thresholdPercent) / 100.0))));
    }

    private static CallNode addSelf(CallNode node, long limit) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> children = new ArrayList<>(node.children().size() + 1);
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode processed = addSelf(child, limit);
            changed |= processed != child;
            children.add(processed);
        }
        if (node.selfNanos() >= limit && node.kind() != CallNode.Kind.SELF) {
            children.add(CallNode.synthetic(CallNode.Kind.SELF, node.selfNanos(), node.selfThreadNanos(),
                    node.selfSamples(), node.startNanos()));
            return node.with(0, 0, 0, children);
        }
        return changed ? node.withChildren(children) : node;
    }

    /** Folds a {@code [self]} node that is its parent's only child back into the parent's own time. */
    public static CallNode removeUnnecessarySelfNodes(CallNode node) {
        if (node.children().isEmpty()) {
            return node;
        }
        if (node.children().size() == 1 && node.children().get(0).kind() == CallNode.Kind.SELF) {
            CallNode self = node.children().get(0);
            return node.with(node.selfNanos() + self.totalNanos(), node.selfThreadNanos() + self.threadNanos(),
                    node.selfSamples() + self.sampleCount(), List.of());
        }
        List<CallNode> children = new ArrayList<>(node.children().size());
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode processed = removeUnnecessarySelfNodes(child);
            changed |= processed != child;
            children.add(processed);
        }
        return changed ? node.withChildren(children) : node;
    }

    /** Orders every node's children by total time, largest first (ties keep their order). */
    public static CallNode sortByTime(CallNode node) {
        if (node.children().isEmpty()) {
            return node;
        }
        List<CallNode> children = new ArrayList<>(node.children().size());
        boolean changed = false;
        for (CallNode child : node.children()) {
            CallNode sorted = sortByTime(child);
            changed |= sorted != child;
            children.add(sorted);
        }
        children.sort(BY_TIME);
        for (int i = 0; i < children.size() && !changed; i++) {
            changed = children.get(i) != node.children().get(i);
        }
        return changed ? node.withChildren(children) : node;
    }

    /** Applies {@code fn} to each thread of an all-threads root, or to {@code node} itself otherwise. */
    static CallNode perThread(CallNode node, Function<CallNode, CallNode> fn) {
        if (node.kind() != CallNode.Kind.ROOT) {
            return fn.apply(node);
        }
        List<CallNode> threads = new ArrayList<>(node.children().size());
        for (CallNode thread : node.children()) {
            threads.add(fn.apply(thread));
        }
        return node.withChildren(threads);
    }
}
