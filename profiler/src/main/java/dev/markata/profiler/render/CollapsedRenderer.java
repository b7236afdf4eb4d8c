package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Frame;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.DeepStacks;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Collapsed stacks for flame-graph tools (flamegraph.pl, inferno, speedscope's import): one line
 * per distinct stack, {@code [thread main];dev.markata.Main.main;dev.markata.Site.render 12},
 * root first, weighted by raw sample count. The stacks are the aggregated call tree's, so work
 * handed to other threads appears under its submitter as in the other reports; nothing is
 * hidden by a threshold or grouped.
 */
public final class CollapsedRenderer implements Renderer {

    private final ReportOptions options;

    public CollapsedRenderer(ReportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void render(Session session, Writer out) throws IOException {
        DeepStacks.run(() -> write(session, out)); // trees are walked recursively
    }

    private void write(Session session, Writer out) throws IOException {
        var treeOptions = options.treeOptions(0).withTimeline(false).withThresholdPercent(0).withGroupLibraries(false);
        StringBuilder line = new StringBuilder();
        for (CallNode thread : ReportTrees.threads(session, options, treeOptions)) {
            write(thread, line, out);
        }
        out.flush();
    }

    private static void write(CallNode node, StringBuilder path, Writer out) throws IOException {
        int mark = path.length();
        if (mark > 0) {
            path.append(';');
        }
        path.append(name(node));
        long samples = node.selfSamples();
        List<CallNode> children = node.children();
        for (CallNode child : children) {
            if (child.kind() == CallNode.Kind.SELF) {
                samples += child.sampleCount(); // a [self] node is its parent's own time
            }
        }
        if (samples > 0) {
            out.append(path).append(' ').append(Long.toString(samples)).append('\n');
        }
        for (CallNode child : children) {
            if (child.kind() != CallNode.Kind.SELF) {
                write(child, path, out);
            }
        }
        path.setLength(mark);
    }

    private static String name(CallNode node) {
        Frame frame = node.frame();
        String name = node.kind() != CallNode.Kind.FRAME ? node.label()
                : frame.methodName().isEmpty() ? frame.shownClassName() // [out-of-context]: a class alone
                : frame.shownClassName() + "." + frame.methodName();
        return name.replace(';', ':').replace('\n', ' ');
    }
}
