package dev.markata.profiler.process;

/**
 * Prints a tree compactly for assertions: one node per line, indented, {@code label total/self ms},
 * then {@code await} ms and {@code thread} ms (thread time, where it differs from the total).
 */
final class TreeText {

    private TreeText() {
    }

    static String of(CallNode node) {
        StringBuilder out = new StringBuilder();
        append(node, 0, out);
        return out.toString();
    }

    private static void append(CallNode node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.label());
        if (node.kind() == CallNode.Kind.LIBRARY_GROUP) {
            out.append(" [").append(node.hiddenFrameCount()).append(" hidden: ")
                    .append(String.join(", ", node.libraries())).append(']');
        }
        out.append(' ').append(node.totalNanos() / 1_000_000).append('/').append(node.selfNanos() / 1_000_000);
        if (node.awaitNanos() > 0) {
            out.append(" await ").append(node.awaitNanos() / 1_000_000);
        }
        if (node.threadNanos() != node.totalNanos()) {
            out.append(" thread ").append(node.threadNanos() / 1_000_000);
        }
        out.append('\n');
        for (CallNode child : node.children()) {
            append(child, depth + 1, out);
        }
    }
}
