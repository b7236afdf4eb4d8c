package dev.markata.profiler.process;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;

import java.util.List;
import java.util.Objects;

/**
 * One node of a call tree: a frame (or a synthetic entry) with the time spent in it and below it.
 * Immutable; processors return new trees.
 *
 * <p>Totals are derived from the node's own ({@code self}) time and its children, so they always
 * add up: {@code totalNanos == selfNanos + sum(children.totalNanos)}, and likewise for sample
 * counts and await time.
 */
public final class CallNode {

    /** What a node stands for. */
    public enum Kind {
        /** The top of an all-threads tree; its children are {@link #THREAD} nodes. */
        ROOT,
        /** One thread's tree. */
        THREAD,
        /** A Java method. */
        FRAME,
        /** A node's own time, shown apart where the node also has children ({@code [self]}). */
        SELF,
        /** Time a thread spent waiting for work it handed to other threads ({@code [await]}). */
        AWAIT,
        /** Samples of a helper thread taken outside any handed-over task ({@code [out-of-context]}). */
        OUT_OF_CONTEXT,
        /**
         * A run of library frames shown as one: {@link #frame()} is the frame where the library
         * was entered, and {@link #hiddenFrameCount()} frames below it are hidden.
         */
        LIBRARY_GROUP
    }

    private final Kind kind;
    private final Frame frame;
    private final long threadId;
    private final long selfNanos;
    private final long selfThreadNanos;
    private final long selfSamples;
    private final long startNanos;
    private final long absorbedNanos;
    private final long absorbedThreadNanos;
    private final int absorbedNodes;
    private final long absorbedSamples;
    private final List<CallNode> children;
    private final int hiddenFrameCount;
    private final List<String> libraries;
    private final long totalNanos;
    private final long threadNanos;
    private final long awaitNanos;
    private final long sampleCount;
    private final int nodeCount;
    private Object mergeKey; // computed on first use; a benign race, as for String.hashCode

    /** A node whose thread time is its wall time (nothing handed over below it). */
    CallNode(Kind kind, Frame frame, long threadId, long selfNanos, long selfSamples, long startNanos,
             List<CallNode> children, int hiddenFrameCount, List<String> libraries) {
        this(kind, frame, threadId, selfNanos, selfNanos, selfSamples, startNanos, children, hiddenFrameCount,
                libraries);
    }

    CallNode(Kind kind, Frame frame, long threadId, long selfNanos, long selfThreadNanos, long selfSamples,
             long startNanos, List<CallNode> children, int hiddenFrameCount, List<String> libraries) {
        this(kind, frame, threadId, selfNanos, selfThreadNanos, selfSamples, 0, 0, 0, 0, startNanos, children,
                hiddenFrameCount, libraries);
    }

    CallNode(Kind kind, Frame frame, long threadId, long selfNanos, long selfThreadNanos, long selfSamples,
             long absorbedNanos, long absorbedThreadNanos, long absorbedSamples, int absorbedNodes, long startNanos,
             List<CallNode> children, int hiddenFrameCount, List<String> libraries) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.frame = Objects.requireNonNull(frame, "frame");
        this.threadId = threadId;
        this.selfNanos = selfNanos;
        this.selfThreadNanos = selfThreadNanos;
        this.selfSamples = selfSamples;
        this.absorbedNanos = absorbedNanos;
        this.absorbedThreadNanos = absorbedThreadNanos;
        this.absorbedNodes = absorbedNodes;
        this.absorbedSamples = absorbedSamples;
        this.children = List.copyOf(children);
        this.hiddenFrameCount = hiddenFrameCount;
        this.libraries = List.copyOf(libraries);
        long total = selfNanos + absorbedNanos;
        long thread = selfThreadNanos + absorbedThreadNanos;
        long samples = selfSamples + absorbedSamples;
        long await = kind == Kind.AWAIT ? selfNanos : 0;
        long start = startNanos;
        int nodes = 1;
        for (CallNode child : this.children) {
            nodes += child.nodeCount;
            total += child.totalNanos;
            thread += child.threadNanos;
            samples += child.sampleCount;
            await += child.awaitNanos;
            start = Math.min(start, child.startNanos);
        }
        this.totalNanos = total;
        this.threadNanos = thread;
        this.sampleCount = samples;
        this.awaitNanos = await;
        this.nodeCount = nodes;
        // A node starts when it or any child was first seen; Long.MAX_VALUE means "not known".
        this.startNanos = start == Long.MAX_VALUE ? 0 : start;
    }

    /** A synthetic node ({@code [self]}, {@code [await]}, {@code [out-of-context]}) with only own time. */
    static CallNode synthetic(Kind kind, long nanos, long samples, long startNanos) {
        return synthetic(kind, nanos, nanos, samples, startNanos);
    }

    /** A synthetic node whose thread time differs from its wall time (a [self] inside grafted work). */
    static CallNode synthetic(Kind kind, long nanos, long threadNanos, long samples, long startNanos) {
        return new CallNode(kind, syntheticFrame(labelOf(kind)), -1, nanos, threadNanos, samples, startNanos,
                List.of(), 0, List.of());
    }

    static Frame syntheticFrame(String label) {
        return new Frame("", label, "", 0, FrameKind.SYNTHETIC);
    }

    static String labelOf(Kind kind) {
        switch (kind) {
            case SELF: return "[self]";
            case AWAIT: return "[await]";
            case OUT_OF_CONTEXT: return "[out-of-context]";
            case ROOT: return "[all threads]";
            default: throw new IllegalArgumentException("no fixed label for " + kind);
        }
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The method for {@link Kind#FRAME} and {@link Kind#LIBRARY_GROUP} nodes; for the others a
     * {@link FrameKind#SYNTHETIC} frame whose method name is the label ({@code [self]},
     * {@code [thread main]}).
     */
    public Frame frame() {
        return frame;
    }

    /** The thread of a {@link Kind#THREAD} node; -1 for other nodes. */
    public long threadId() {
        return threadId;
    }

    /** What a report prints for this node: {@code Class.method}, {@code [self]}, {@code [thread main]}. */
    public String label() {
        return frame.displayName();
    }

    /** Time spent in this node and everything below it. */
    public long totalNanos() {
        return totalNanos;
    }

    /** Time spent in this node itself, not in a child. */
    public long selfNanos() {
        return selfNanos;
    }

    /**
     * The threads' own time behind {@link #totalNanos()}: the same, except where work handed to
     * other threads is grafted below. There {@code totalNanos} is the submitter's wall time (the
     * wait the work filled, {@link WallShares}) and this the time the workers spent on it, so two
     * workers busy for the second their submitter waited are 1 s of total and 2 s of thread time.
     */
    public long threadNanos() {
        return threadNanos;
    }

    long selfThreadNanos() {
        return selfThreadNanos;
    }

    long absorbedThreadNanos() {
        return absorbedThreadNanos;
    }

    /** The part of {@link #totalNanos()} spent waiting for handed-over work ({@code [await]} below). */
    public long awaitNanos() {
        return awaitNanos;
    }

    /** Raw samples in this node and below. */
    public long sampleCount() {
        return sampleCount;
    }

    /** Raw samples whose stack ended in this node itself. */
    public long selfSamples() {
        return selfSamples;
    }

    /** When this node was first seen, in nanoseconds since the session started. */
    public long startNanos() {
        return startNanos;
    }

    /**
     * Time of children removed as too small to show ({@link TreeProcessors#removeIrrelevant}):
     * part of {@link #totalNanos()}, but not this node's own time.
     */
    public long absorbedNanos() {
        return absorbedNanos;
    }

    /** How many nodes (with their descendants) were removed below this one as too small to show. */
    public int absorbedNodes() {
        return absorbedNodes;
    }

    /** Absorbed nodes in this whole tree: what a report's "N nodes hidden" footer counts. */
    public int absorbedNodesInTree() {
        int count = absorbedNodes;
        for (CallNode child : children) {
            count += child.absorbedNodesInTree();
        }
        return count;
    }

    long absorbedSamples() {
        return absorbedSamples;
    }

    public List<CallNode> children() {
        return children;
    }

    /**
     * For a {@link Kind#LIBRARY_GROUP}: how many library methods below {@link #frame()} are
     * hidden, each counted once however many of the paths below it is on (two groups merged
     * into one row keep the larger count).
     */
    public int hiddenFrameCount() {
        return hiddenFrameCount;
    }

    /**
     * For a {@link Kind#LIBRARY_GROUP}: the libraries of the frames in the group ("jdk",
     * "commonmark"), the one whose frames spent most time themselves first.
     */
    public List<String> libraries() {
        return libraries;
    }

    /** Whether this is the profiled program's own code (not library, not synthetic). */
    public boolean isApplicationCode() {
        return frame.kind() == FrameKind.APPLICATION;
    }

    /** This node and all below it. */
    public int nodeCount() {
        return nodeCount;
    }

    /** A copy with other children; totals are recomputed from them. */
    CallNode withChildren(List<CallNode> newChildren) {
        return new CallNode(kind, frame, threadId, selfNanos, selfThreadNanos, selfSamples, absorbedNanos,
                absorbedThreadNanos, absorbedSamples, absorbedNodes, startNanos, newChildren, hiddenFrameCount,
                libraries);
    }

    /** A copy with other own time and children. */
    CallNode with(long newSelfNanos, long newSelfThreadNanos, long newSelfSamples, List<CallNode> newChildren) {
        return new CallNode(kind, frame, threadId, newSelfNanos, newSelfThreadNanos, newSelfSamples, absorbedNanos,
                absorbedThreadNanos, absorbedSamples, absorbedNodes, startNanos, newChildren, hiddenFrameCount,
                libraries);
    }

    /** A copy that absorbed more removed nodes, with the children that remain. */
    CallNode withAbsorbed(long moreNanos, long moreThreadNanos, long moreSamples, int moreNodes,
                          List<CallNode> newChildren) {
        return new CallNode(kind, frame, threadId, selfNanos, selfThreadNanos, selfSamples, absorbedNanos + moreNanos,
                absorbedThreadNanos + moreThreadNanos, absorbedSamples + moreSamples, absorbedNodes + moreNodes,
                startNanos, newChildren, hiddenFrameCount, libraries);
    }

    CallNode withFrame(Frame newFrame) {
        return new CallNode(kind, newFrame, threadId, selfNanos, selfThreadNanos, selfSamples, absorbedNanos,
                absorbedThreadNanos, absorbedSamples, absorbedNodes, startNanos, children, hiddenFrameCount,
                libraries);
    }

    /**
     * What makes two sibling nodes "the same call" for aggregation: the method (class, name and
     * file, not the line being executed; hidden lambda classes by their shown name, so two lambda
     * classes of one call site are one call), the thread, or the synthetic kind.
     */
    Object mergeKey() {
        Object key = mergeKey;
        if (key == null) {
            switch (kind) {
                case FRAME:
                case LIBRARY_GROUP:
                    key = new MethodKey(kind, frame.shownClassName(), frame.methodName(), frame.shownFileName());
                    break;
                case THREAD:
                    key = new MethodKey(kind, "", Long.toString(threadId), "");
                    break;
                default:
                    key = kind;
            }
            mergeKey = key;
        }
        return key;
    }

    private record MethodKey(Kind kind, String className, String methodName, String fileName) {
    }

    @Override
    public String toString() {
        return label() + " " + totalNanos + "ns (" + children.size() + " children)";
    }
}
