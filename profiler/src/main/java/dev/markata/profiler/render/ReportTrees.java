package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import dev.markata.profiler.process.TreeOptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The call trees the tree-shaped renderers of one session draw, per thread, each raw tree (per
 * layout: aggregated, timeline) built once for all of them. A profiled build writes the
 * pyinstrument JSON on a writer thread while its console summary renders the text tree (again
 * at higher thresholds until it fits the screen), and each report built the whole raw tree of
 * the session (~50 ms of CPU at 10,000 posts); made once by {@link Reports#of} and handed to each
 * renderer, it is built once. The trees are kept as long as this is, by whoever renders the
 * session's reports, not by a static cache.
 *
 * <p>Thread-safe: a report that asks for a raw tree another thread is building waits for that
 * one; a build that fails leaves nothing behind, and the next report tries again. Trees are
 * immutable, so sharing one changes no output.
 */
final class ReportTrees {

    /** Builds a session's raw tree: {@link CallTrees#build}, or a test's counting one. */
    interface Builder {
        CallNode build(Session session, boolean timeline);
    }

    private final Session session;
    private final Builder builder;
    private final Raw aggregated = new Raw(false);
    private final Raw timeline = new Raw(true);

    ReportTrees(Session session) {
        this(session, CallTrees::build);
    }

    ReportTrees(Session session, Builder builder) {
        this.session = Objects.requireNonNull(session, "session");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    Session session() {
        return session;
    }

    /** The processed thread trees that {@code options} selects. */
    List<CallNode> threads(ReportOptions options, double defaultThreshold) {
        return threads(options, options.treeOptions(defaultThreshold));
    }

    List<CallNode> threads(ReportOptions options, TreeOptions treeOptions) {
        CallNode root = CallTrees.process((treeOptions.timeline() ? timeline : aggregated).tree(), treeOptions);
        List<CallNode> threads = new ArrayList<>();
        for (CallNode thread : root.children()) {
            if (options.threadId() == null || options.threadId() == thread.threadId()) {
                threads.add(thread);
            }
        }
        return threads;
    }

    /** One layout's raw tree, built by the first report that asks for it. */
    private final class Raw {
        private final boolean timeline;
        private CallNode tree; // guarded by this

        Raw(boolean timeline) {
            this.timeline = timeline;
        }

        synchronized CallNode tree() {
            if (tree == null) {
                tree = builder.build(session, timeline);
            }
            return tree;
        }
    }

    /** One method's time in a flat profile. */
    record MethodTime(Frame frame, boolean synthetic, long nanos) {
    }

    /**
     * Time per method over a tree: own time, or total time counting a method once per path (so
     * recursion is not counted twice). Largest first.
     */
    static List<MethodTime> flat(CallNode tree, boolean selfTime) {
        Map<Object, long[]> times = new HashMap<>();
        Map<Object, CallNode> examples = new HashMap<>();
        Map<Object, Integer> onPath = new HashMap<>();
        collect(tree, selfTime, times, examples, onPath);
        List<MethodTime> result = new ArrayList<>(times.size());
        times.forEach((key, nanos) -> {
            CallNode example = examples.get(key);
            result.add(new MethodTime(example.frame(), example.kind() != CallNode.Kind.FRAME
                    && example.kind() != CallNode.Kind.LIBRARY_GROUP, nanos[0]));
        });
        result.sort(Comparator.comparingLong(MethodTime::nanos).reversed()
                .thenComparing(m -> m.frame().displayName()));
        return result;
    }

    private static void collect(CallNode node, boolean selfTime, Map<Object, long[]> times,
                                Map<Object, CallNode> examples, Map<Object, Integer> onPath) {
        // [self] children are their parent's own time, counted with the parent.
        boolean counts = node.kind() != CallNode.Kind.ROOT && node.kind() != CallNode.Kind.THREAD
                && node.kind() != CallNode.Kind.SELF;
        Object key = new FlatKey(node.kind(), node.frame().shownClassName(), node.frame().methodName(),
                node.frame().shownFileName());
        if (counts) {
            long nanos = selfTime ? ownTime(node) : node.totalNanos();
            int depth = onPath.getOrDefault(key, 0);
            if ((selfTime || depth == 0) && nanos > 0) {
                times.computeIfAbsent(key, k -> new long[1])[0] += nanos;
                examples.putIfAbsent(key, node);
            }
            onPath.put(key, depth + 1);
        }
        for (CallNode child : node.children()) {
            collect(child, selfTime, times, examples, onPath);
        }
        if (counts) {
            onPath.merge(key, -1, Integer::sum);
        }
    }

    private static long ownTime(CallNode node) {
        long nanos = node.selfNanos();
        for (CallNode child : node.children()) {
            if (child.kind() == CallNode.Kind.SELF) {
                nanos += child.totalNanos();
            }
        }
        return nanos;
    }

    private record FlatKey(CallNode.Kind kind, String className, String methodName, String fileName) {
    }
}
