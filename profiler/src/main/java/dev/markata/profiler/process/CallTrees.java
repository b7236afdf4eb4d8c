package dev.markata.profiler.process;

import dev.markata.profiler.Session;

import java.util.Optional;

/** Builds call trees from sessions and runs the processing pipeline (see the package documentation). */
public final class CallTrees {

    private CallTrees() {
    }

    /**
     * The raw tree of {@code session}: a {@link CallNode.Kind#ROOT} with one
     * {@link CallNode.Kind#THREAD} child per thread that has time left after grafting, in the
     * session's thread order. Handed-over tasks are grafted under their submitter, waiting for
     * them shows as {@code [await]}, and in {@link dev.markata.profiler.AsyncMode#STRICT} a
     * helper's other samples show as {@code [out-of-context]}.
     *
     * @param timeline whether to keep calls in time order (a method called again later is a new
     *                 node, own time is kept as {@code [self]} children in place) rather than
     *                 aggregated by stack
     * @return a new tree at each call (~50 ms of CPU at 10,000 posts): the reports of one
     *         session share theirs through {@link dev.markata.profiler.render.Reports#of}
     */
    public static CallNode build(Session session, boolean timeline) {
        return DeepStacks.compute(() -> new TreeBuilder(session, timeline).build());
    }

    /** Runs the pipeline on a tree from {@link #build}, in the order the package documentation gives. */
    public static CallNode process(CallNode raw, TreeOptions options) {
        return DeepStacks.compute(() -> runPipeline(raw, options));
    }

    private static CallNode runPipeline(CallNode raw, TreeOptions options) {
        CallNode tree = raw;
        FramePatterns patterns = new FramePatterns(options.show(), options.hide());
        if (!patterns.isEmpty()) {
            tree = TreeProcessors.reclassify(tree, patterns::kindOf);
        }
        tree = TreeProcessors.removeProfilerFrames(tree);
        if (!options.showAll()) {
            tree = TreeProcessors.removeJdkPlumbing(tree);
        }
        tree = options.timeline() ? TreeProcessors.mergeAdjacent(tree) : TreeProcessors.aggregate(tree);
        tree = TreeProcessors.mergeConsecutiveSelfTime(tree);
        tree = TreeProcessors.removeUnnecessarySelfNodes(tree);
        if (!options.showAll()) {
            // grouped before the threshold hides anything: a group's count and own time are those
            // of every library method folded into its row, as in the HTML report's tree (hidden
            // first, 60 small steps of a template engine left "[1 frame hidden]" where the page
            // said 61), and an application method reached through many small hidden paths is held
            // to the threshold once merged, not path by path
            if (options.groupLibraries()) {
                tree = TreeProcessors.groupLibraryFrames(tree, TreeOptions.KEEP_HIDDEN_LEAF_PERCENT,
                        options.timeline());
            }
            tree = TreeProcessors.removeIrrelevant(tree, options.thresholdPercent());
        }
        tree = TreeProcessors.addSelfNodes(tree, options.showAll() ? 0 : options.thresholdPercent());
        if (!options.timeline()) {
            tree = TreeProcessors.sortByTime(tree);
        }
        return tree;
    }

    /** {@link #build} then {@link #process}. */
    public static CallNode of(Session session, TreeOptions options) {
        return process(build(session, options.timeline()), options);
    }

    /** The {@link CallNode.Kind#THREAD} node of {@code threadId} in an all-threads tree. */
    public static Optional<CallNode> thread(CallNode root, long threadId) {
        for (CallNode child : root.children()) {
            if (child.kind() == CallNode.Kind.THREAD && child.threadId() == threadId) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }
}
