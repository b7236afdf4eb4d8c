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

/** The processed trees the tree-shaped renderers draw, per thread; shared so they agree. */
final class ReportTrees {

    private ReportTrees() {
    }

    /** The processed thread trees of {@code session} that {@code options} selects. */
    static List<CallNode> threads(Session session, ReportOptions options, double defaultThreshold) {
        return threads(session, options, options.treeOptions(defaultThreshold));
    }

    static List<CallNode> threads(Session session, ReportOptions options, TreeOptions treeOptions) {
        CallNode root = CallTrees.of(session, treeOptions);
        List<CallNode> threads = new ArrayList<>();
        for (CallNode thread : root.children()) {
            if (options.threadId() == null || options.threadId() == thread.threadId()) {
                threads.add(thread);
            }
        }
        return threads;
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
