package dev.markata.profiler.render;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.DeepStacks;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Collapsed stacks for flame-graph tools (flamegraph.pl, inferno, speedscope's import): one line
 * per distinct stack, {@code [thread main];dev.markata.Main.main;dev.markata.Site.render 12000},
 * root first, weighted by the <em>time</em> the stack stands for, in microseconds (wall time in
 * wall mode, CPU time in CPU mode): {@code flamegraph.pl --countname=us} labels it so. Not by
 * sample count, which those tools call the number: a sample here stands for the time since the
 * thread's previous one, and that differs (a tick of the JDK sampler that came late under load
 * stands for its whole gap; a batch of idle samples for its stretch), so counts drew a stack
 * seen once over 30 ms as thin as a 1 ms one. The stacks are the aggregated call tree's, so work
 * handed to other threads appears under its submitter as in the other reports, in the wait it
 * filled (counted in samples, a thread that waited for two workers came out at three times the
 * time it ran); a thread's lines add up to its time in the text tree (to the microsecond: each
 * line is the rounded running sum less the one before). Nothing is hidden by a threshold or
 * grouped.
 */
public final class CollapsedRenderer extends TreeRenderer {

    private final ReportOptions options;

    public CollapsedRenderer(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    void render(ReportTrees trees, Writer out) throws IOException {
        DeepStacks.run(() -> write(trees, out)); // trees are walked recursively
    }

    private void write(ReportTrees trees, Writer out) throws IOException {
        var treeOptions = options.treeOptions(0).withTimeline(false).withThresholdPercent(0).withGroupLibraries(false);
        StringBuilder line = new StringBuilder();
        for (CallNode thread : trees.threads(options, treeOptions)) {
            new ThreadLines(out).write(thread, line);
        }
        out.flush();
    }

    /** One thread's lines, each the microseconds of its stack's own time. */
    private static final class ThreadLines {
        private final Writer out;
        /** The thread's own time in the lines so far, in nanoseconds, and what was written of it. */
        private long nanos;
        private long written;

        ThreadLines(Writer out) {
            this.out = out;
        }

        void write(CallNode node, StringBuilder path) throws IOException {
            int mark = path.length();
            if (mark > 0) {
                path.append(';');
            }
            path.append(name(node));
            long own = node.selfNanos();
            List<CallNode> children = node.children();
            for (CallNode child : children) {
                if (child.kind() == CallNode.Kind.SELF) {
                    own += child.totalNanos(); // a [self] node is its parent's own time
                }
            }
            if (own > 0) {
                // rounded as a running sum, so the lines add up to the thread's time
                nanos += own;
                long micros = Math.round(nanos / 1000.0) - written;
                if (micros > 0) {
                    out.append(path).append(' ').append(Long.toString(micros)).append('\n');
                    written += micros;
                }
            }
            for (CallNode child : children) {
                if (child.kind() != CallNode.Kind.SELF) {
                    write(child, path);
                }
            }
            path.setLength(mark);
        }
    }

    private static String name(CallNode node) {
        Frame frame = node.frame();
        String name = node.kind() != CallNode.Kind.FRAME ? node.label()
                : frame.methodName().isEmpty() ? frame.shownClassName() // [out-of-context]: a class alone
                : frame.shownClassName() + "." + frame.methodName();
        return PrintableText.of(name).replace(';', ':'); // one stack a line, whatever the names hold
    }
}
