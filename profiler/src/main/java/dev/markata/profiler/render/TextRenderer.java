package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.DeepStacks;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The console report, in pyinstrument's shape: a header box (recorded at, duration, samples,
 * CPU time), then per thread a tree of {@code 1.234 Class.method  File.java:12} lines, and a
 * footer saying what was hidden and where the full report is. Options give ASCII or unicode
 * lines, ANSI colour by share of the total, seconds or percent, a flat list instead of a tree,
 * a timeline instead of aggregated calls, and a depth limit. Times are pyinstrument's bare
 * seconds when the busiest thread ran a second or more, else milliseconds, each with its unit
 * ({@link Scale}).
 */
public final class TextRenderer extends TreeRenderer {

    /** Nodes below this share of their thread are hidden unless the options say otherwise. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 1.0;
    /**
     * Levels drawn when no depth limit is set: each level indents by three characters, so a
     * runaway recursion thousands of frames deep would otherwise print megabytes.
     */
    static final int SAFETY_DEPTH = 200;

    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";

    /**
     * The fewest rows a folded chain hides ({@link #chainEnd}): hiding one saves no line over
     * drawing it, as the last row then says how many frames are between.
     */
    static final int FOLD_MIN_ROWS = 2;

    private final ReportOptions options;
    private final boolean foldChains;

    public TextRenderer(ReportOptions options) {
        this(options, false);
    }

    /**
     * @param foldChains draw each chain of single calls as its first and last rows, as the
     *                   screen-sized tree does ({@link Reports#textFitting}); a report draws every row
     */
    TextRenderer(ReportOptions options, boolean foldChains) {
        this.options = Objects.requireNonNull(options, "options");
        this.foldChains = foldChains;
    }

    @Override
    void render(ReportTrees trees, Writer out) throws IOException {
        DeepStacks.run(() -> write(trees, out)); // trees are walked recursively
    }

    private void write(ReportTrees trees, Writer out) throws IOException {
        StringBuilder text = new StringBuilder();
        header(trees.session(), text);
        double threshold = options.showAll() ? 0 : options.thresholdOr(DEFAULT_THRESHOLD_PERCENT);
        Footer footer = new Footer();
        if (options.flat() == ReportOptions.Flat.OFF) {
            tree(trees, text, footer);
        } else {
            flat(trees, threshold, text, footer);
        }
        footer(footer, threshold, text);
        out.write(text.toString());
    }

    private void header(Session session, StringBuilder text) {
        List<String> lines = new ArrayList<>();
        lines.add(columns("Recorded: " + RECORDED.format(session.startedAt()),
                "Samples:  " + session.sampleCount()));
        lines.add(columns("Duration: " + Scale.readable(session.duration().toNanos()),
                "CPU time: " + Scale.readable(session.cpuTime().toNanos())));
        lines.add(cut("Program:  " + session.targetDescription()));
        if (session.jvm().recorded()) { // time the JVM took for itself, which the samples charge to the program's methods
            lines.add(jvmLine(session.jvm(), options.unicode() ? " · " : "; "));
        }
        String outcome = session.metadata().get("outcome");
        if (outcome != null) {
            String stage = session.metadata().get("failed_stage");
            String uncaught = session.metadata().get("uncaught_exception"); // an agent run's
            lines.add("Outcome:  " + outcome + (stage != null ? " (stage " + stage + ")"
                    : uncaught != null ? " (" + uncaught + ")" : ""));
        }
        String stopped = session.metadata().get("sampling.stopped"); // the sampler failed: "at 1.2 s: ..."
        if (stopped != null) {
            lines.add("Warning:  sampling stopped " + stopped.replaceFirst(": ", " (") + "), the rest is not in"
                    + " the profile");
        }
        lines.replaceAll(PrintableText::of); // the command line and an exception's thread are the program's
        String title = " markata profile ";
        int width = title.length() + 2;
        for (String line : lines) {
            width = Math.max(width, line.length() + 2);
        }
        String h = options.unicode() ? "─" : "-";
        String v = options.unicode() ? "│" : "|";
        text.append(options.unicode() ? "╭─" : "+-").append(title).append(h.repeat(width - title.length() - 1))
                .append(options.unicode() ? "╮" : "+").append('\n');
        for (String line : lines) {
            text.append(v).append(' ').append(line).append(" ".repeat(width - line.length() - 1)).append(v)
                    .append('\n');
        }
        text.append(options.unicode() ? "╰" : "+").append(h.repeat(width)).append(options.unicode() ? "╯" : "+")
                .append("\n\n");
    }

    /** {@code JVM:      3 GC pauses 24.0 ms (longest 12.0 ms) · JIT 610.0 ms CPU · 6,120 classes loaded}. */
    private static String jvmLine(JvmActivity jvm, String separator) {
        List<String> parts = new ArrayList<>();
        int pauses = jvm.gcPauses().size();
        parts.add(pauses == 0 ? "no GC pauses" : String.format(Locale.ROOT, "%,d GC pause%s %s (longest %s)", pauses,
                pauses == 1 ? "" : "s", Scale.readable(jvm.pauseNanos()), Scale.readable(jvm.longestPause().durationNanos())));
        if (jvm.compilerCpuNanos() != JvmActivity.UNKNOWN) {
            parts.add("JIT " + Scale.readable(jvm.compilerCpuNanos()) + " CPU");
        } else if (jvm.jitNanos() != JvmActivity.UNKNOWN) {
            parts.add("JIT " + Scale.readable(jvm.jitNanos()));
        }
        if (jvm.classesLoaded() != JvmActivity.UNKNOWN) {
            parts.add(String.format(Locale.ROOT, "%,d classes loaded", jvm.classesLoaded()));
        }
        return "JVM:      " + String.join(separator, parts);
    }

    /**
     * {@code line} cut to {@link #HEADER_WIDTH} with an ellipsis: an agent run's program is its
     * whole command line, and javac's class path made an 8,000-character header box.
     */
    private String cut(String text) {
        String line = PrintableText.of(text); // escaped first: an escape is longer than what it stands for
        String more = options.unicode() ? "…" : "...";
        return line.length() <= HEADER_WIDTH ? line : line.substring(0, HEADER_WIDTH - more.length()) + more;
    }

    /** The longest header line kept whole (the box is 4 wider). */
    private static final int HEADER_WIDTH = 96;

    private static String columns(String left, String right) {
        return left + " ".repeat(Math.max(2, 36 - left.length())) + right;
    }

    /** What the footer reports: nodes the threshold hid, and whether a row was cut at the safety depth. */
    private static final class Footer {
        int hidden;
        boolean cut;
    }

    /** Draws each thread's tree. */
    private void tree(ReportTrees trees, StringBuilder text, Footer footer) {
        boolean first = true;
        int maxDepth = options.maxDepth() > 0 ? options.maxDepth() : SAFETY_DEPTH;
        List<CallNode> threads = trees.threads(options, TextRenderer.DEFAULT_THRESHOLD_PERCENT);
        // A thread is hidden when it is negligible next to the busiest one (an idle pool
        // thread), not next to all threads together: 200 threads of equal work are each 0.5 %
        // of their sum, and that rule hid every one of them.
        long busiest = busiest(threads);
        double threshold = options.showAll() ? 0 : options.thresholdOr(DEFAULT_THRESHOLD_PERCENT);
        Scale scale = Scale.of(busiest);
        long threadLimit = (long) Math.ceil(busiest * threshold / 100.0);
        for (CallNode thread : threads) {
            if (thread.totalNanos() < threadLimit) {
                footer.hidden += thread.nodeCount() + thread.absorbedNodesInTree(); // an idle pool thread, say
                continue;
            }
            footer.hidden += thread.absorbedNodesInTree();
            if (!first) {
                text.append('\n');
            }
            first = false;
            line(thread, null, thread.totalNanos(), scale, text);
            threadTime(thread, scale, text);
            text.append('\n');
            children(thread, thread.totalNanos(), scale, "", maxDepth, options.maxDepth() == 0 ? footer : null, text);
        }
        if (first) {
            text.append("No samples were recorded.\n");
        }
    }

    /**
     * After a thread's line, when work other threads did for it is shown in its waits (scaled to
     * the wall time waited, {@code WallShares}): how much time the threads spent on it all, so the
     * workers' own figure is not lost. The thread's total itself stays its wall time.
     */
    private void threadTime(CallNode thread, Scale scale, StringBuilder text) {
        if (Math.abs(thread.threadNanos() - thread.totalNanos()) * 200 > thread.totalNanos()) { // over 0.5 %
            text.append("  ");
            colored("[" + scale.withUnit(thread.threadNanos()) + " of thread time: work handed to other threads"
                    + " is shown in the time waited for it]", DIM, text);
        }
    }

    /** At most four library names, as pyinstrument shows them. */
    private static String libraries(List<String> names) {
        return names.size() <= 4 ? String.join(", ", names) : String.join(", ", names.subList(0, 4)) + ", …";
    }

    private static int depth(CallNode node) {
        int deepest = 0;
        for (CallNode child : node.children()) {
            deepest = Math.max(deepest, depth(child));
        }
        return deepest + 1;
    }

    /**
     * Draws {@code node}'s children down to {@code levels} rows below it. Where the
     * {@link #SAFETY_DEPTH} cuts a row (no depth was asked for: {@code safetyCut} is the footer
     * that says so), the row says how many levels are not drawn and where the heaviest path
     * under it ends: a deep recursion's tree ended at one of its rows, and the method the time
     * went to was nowhere in the text.
     */
    private void children(CallNode node, long threadTotal, Scale scale, String indent, int levels, Footer safetyCut,
                          StringBuilder text) {
        List<CallNode> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            CallNode child = children.get(i);
            row(child, node, "", threadTotal, scale, indent + branch(last), levels, safetyCut, text);
            String below = indent + continuation(last);
            CallNode end = foldChains && levels > 1 ? chainEnd(child) : child;
            if (end != child) { // the chain's last row, under its first
                row(end, null, "[" + framesBetween(child, end) + " frames between]", threadTotal, scale,
                        below + branch(true), levels - 1, safetyCut, text);
                if (levels > 2) {
                    children(end, threadTotal, scale, below + continuation(true), levels - 2, safetyCut, text);
                }
            } else if (levels > 1) {
                children(child, threadTotal, scale, below, levels - 1, safetyCut, text);
            }
        }
    }

    /** One row: {@code prefix}, the node's line, {@code note} (or none), and the safety depth's cut. */
    private void row(CallNode node, CallNode parent, String note, long threadTotal, Scale scale, String prefix,
                     int levels, Footer safetyCut, StringBuilder text) {
        text.append(prefix);
        line(node, parent, threadTotal, scale, text);
        if (!note.isEmpty()) {
            text.append("  ");
            colored(note, DIM, text);
        }
        if (levels == 1 && safetyCut != null && !node.children().isEmpty()) {
            safetyCut.cut = true;
            text.append("  ");
            colored("[" + (depth(node) - 1) + " levels more, down to " + heaviestEnd(node).label() + "]", DIM, text);
        }
        text.append('\n');
    }

    /**
     * The last row of the chain of single calls that starts at {@code first}, or {@code first}
     * when folding it would hide fewer than {@link #FOLD_MIN_ROWS} rows: following each row's
     * only child while it is a method (or a library group). A row with two children or none, or
     * with its own time drawn as a {@code [self]} row, ends the chain. The times along a chain
     * fall only by what its rows' hidden children took, which the footer counts.
     */
    private static CallNode chainEnd(CallNode first) {
        CallNode end = first;
        int rows = -1; // those between first and end
        while (isCall(end) && end.children().size() == 1 && isCall(end.children().get(0))) {
            end = end.children().get(0);
            rows++;
        }
        return rows >= FOLD_MIN_ROWS ? end : first;
    }

    /**
     * The frames between the first and last rows of a chain: the rows between, and the frames
     * library groups hide below themselves (the first row's among them).
     */
    private static int framesBetween(CallNode first, CallNode end) {
        int frames = first.hiddenFrameCount();
        for (CallNode row = first.children().get(0); row != end; row = row.children().get(0)) {
            frames += 1 + row.hiddenFrameCount();
        }
        return frames;
    }

    private static boolean isCall(CallNode node) {
        return node.kind() == CallNode.Kind.FRAME || node.kind() == CallNode.Kind.LIBRARY_GROUP;
    }

    /** The largest thread total: what hides negligible threads and picks the report's {@link Scale}. */
    private static long busiest(List<CallNode> threads) {
        long busiest = 0;
        for (CallNode thread : threads) {
            busiest = Math.max(busiest, thread.totalNanos());
        }
        return busiest;
    }

    /** Where the heaviest path under {@code node} ends: its heaviest child's, down to a leaf or its own time. */
    private static CallNode heaviestEnd(CallNode node) {
        CallNode end = node;
        while (!end.children().isEmpty()) {
            CallNode heaviest = end.children().get(0);
            for (CallNode child : end.children()) {
                if (child.totalNanos() > heaviest.totalNanos()) {
                    heaviest = child;
                }
            }
            if (heaviest.kind() == CallNode.Kind.SELF) {
                break; // its own time is the heaviest part
            }
            end = heaviest;
        }
        return end;
    }

    private String branch(boolean last) {
        if (options.unicode()) {
            return last ? "└─ " : "├─ ";
        }
        return last ? "`- " : "|- ";
    }

    private String continuation(boolean last) {
        if (last) {
            return "   ";
        }
        return options.unicode() ? "│  " : "|  ";
    }

    /** {@code 1.234 Class.method  File.java:12}, coloured when asked; {@code parent} is null for a thread's row. */
    private void line(CallNode node, CallNode parent, long threadTotal, Scale scale, StringBuilder text) {
        colored(time(node.totalNanos(), threadTotal, scale), timeColor(node.totalNanos(), threadTotal), text);
        text.append(' ');
        boolean synthetic = node.kind() != CallNode.Kind.FRAME && node.kind() != CallNode.Kind.LIBRARY_GROUP;
        colored(label(node, parent), synthetic ? CYAN : node.isApplicationCode() ? BOLD : null, text);
        String location = synthetic ? "" : node.frame().location();
        if (!location.isEmpty()) {
            text.append("  ");
            colored(location, DIM, text);
        }
        if (node.kind() == CallNode.Kind.LIBRARY_GROUP) {
            text.append("  ");
            colored("[" + node.hiddenFrameCount() + " frame" + (node.hiddenFrameCount() == 1 ? "" : "s")
                    + " hidden: " + libraries(node.libraries()) + "]", DIM, text);
        }
    }

    /**
     * What a row is called: the node's label, but {@value #NO_JAVA_FRAMES} for a thread's own
     * time. A {@code [self]} right under a thread is its samples in which no Java frame was seen
     * (native code, the VM, a stack that could not be walked), which {@code [self]} does not say:
     * it read as time the thread spent in itself. The JSON keeps pyinstrument's {@code [self]}.
     */
    static String label(CallNode node, CallNode parent) {
        return node.kind() == CallNode.Kind.SELF && parent != null && parent.kind() == CallNode.Kind.THREAD
                ? NO_JAVA_FRAMES : node.label();
    }

    /** The label of a thread's own time: its samples without a Java frame. */
    static final String NO_JAVA_FRAMES = "[no Java frames]";

    private void flat(ReportTrees trees, double threshold, StringBuilder text, Footer footer) {
        boolean self = options.flat() == ReportOptions.Flat.SELF;
        // Complete numbers: no threshold or groups before summing; the threshold applies to the list.
        var treeOptions = options.treeOptions(0).withThresholdPercent(0).withGroupLibraries(false);
        List<CallNode> threads = trees.threads(options, treeOptions);
        Scale scale = Scale.of(busiest(threads));
        boolean first = true;
        for (CallNode thread : threads) {
            if (!first) {
                text.append('\n');
            }
            first = false;
            long total = thread.totalNanos();
            line(thread, null, total, scale, text);
            text.append("  ").append(self ? "by own time" : "by total time").append('\n');
            long limit = (long) Math.ceil(total * threshold / 100.0);
            for (ReportTrees.MethodTime method : ReportTrees.flat(thread, self)) {
                if (method.nanos() < limit || method.nanos() == 0) {
                    footer.hidden++;
                    continue;
                }
                text.append("  ");
                colored(time(method.nanos(), total, scale), timeColor(method.nanos(), total), text);
                text.append(' ');
                colored(method.frame().displayName(), method.synthetic() ? CYAN
                        : method.frame().kind() == FrameKind.APPLICATION ? BOLD : null, text);
                String location = method.synthetic() ? "" : method.frame().location();
                if (!location.isEmpty()) {
                    text.append("  ");
                    colored(location, DIM, text);
                }
                text.append('\n');
            }
        }
        if (first) {
            text.append("No samples were recorded.\n");
        }
    }

    private void footer(Footer footer, double threshold, StringBuilder text) {
        List<String> parts = new ArrayList<>();
        int hidden = footer.hidden;
        if (hidden > 0) {
            parts.add(hidden + (options.flat() == ReportOptions.Flat.OFF ? " node" : " method")
                    + (hidden == 1 ? "" : "s") + " hidden below " + percent(threshold) + "%");
        }
        if (footer.cut) {
            parts.add("tree cut at " + SAFETY_DEPTH + " levels");
        }
        if (options.fullReportHint() != null) {
            parts.add("full report: " + options.fullReportHint());
        }
        if (!parts.isEmpty()) {
            text.append('\n');
            colored(String.join("; ", parts), DIM, text);
            text.append('\n');
        }
    }

    private String time(long nanos, long total, Scale scale) {
        if (options.unit() == ReportOptions.Unit.PERCENT) {
            return String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0.0 : nanos * 100.0 / total);
        }
        return scale.row(nanos);
    }

    /**
     * How a report prints times, chosen once from its largest (the busiest thread's total) so
     * that its rows compare at a glance. From a second up, pyinstrument's bare seconds with three
     * decimals. Below, milliseconds with one decimal and the unit on every row: an agent run of a
     * 5 ms program printed a tree of 0.000 and 0.001, and a bare number in this shape reads as
     * seconds, so a row copied on its own must still say what it is.
     */
    enum Scale {
        SECONDS, MILLISECONDS;

        static Scale of(long largestNanos) {
            return largestNanos >= 1_000_000_000L ? SECONDS : MILLISECONDS;
        }

        /** {@code nanos} in the unit its own size calls for, with the unit (the header's figures). */
        static String readable(long nanos) {
            return of(nanos).withUnit(nanos);
        }

        /** A tree or list row's time: {@code 1.234} or {@code 5.2 ms}. */
        String row(long nanos) {
            return this == SECONDS ? String.format(Locale.ROOT, "%.3f", nanos / 1e9) : withUnit(nanos);
        }

        /** A time with its unit, for the header and notes: {@code 1.234 s} or {@code 5.2 ms}. */
        String withUnit(long nanos) {
            return this == SECONDS ? row(nanos) + " s" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
    }

    /**
     * A time as the text report's header says one: {@code 1.234 s} from a second up, else
     * {@code 312.4 ms}. For lines about a report (the agent's at exit) that should say its
     * figures as the report does.
     */
    public static String readableDuration(long nanos) {
        return Scale.readable(nanos);
    }

    private static String percent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }

    /** pyinstrument's colours: red from 60% of the total, yellow from 30%, green from 20%, then dim. */
    private static String timeColor(long nanos, long total) {
        double share = total == 0 ? 0 : (double) nanos / total;
        if (share >= 0.6) {
            return RED;
        }
        if (share >= 0.3) {
            return YELLOW;
        }
        if (share >= 0.2) {
            return GREEN;
        }
        return DIM;
    }

    /** Everything from the program passes here (names, locations, library names): printed escaped. */
    private void colored(String s, String color, StringBuilder text) {
        String shown = PrintableText.of(s);
        if (options.color() && color != null) {
            text.append(color).append(shown).append(RESET);
        } else {
            text.append(shown);
        }
    }
}
