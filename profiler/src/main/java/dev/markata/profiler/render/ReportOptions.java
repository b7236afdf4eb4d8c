package dev.markata.profiler.render;

import dev.markata.profiler.process.TreeOptions;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a report shows and how. Immutable; start from {@link #defaults()} or {@link #forConsole()}
 * and change with the {@code with...} methods.
 *
 * @param showAll          show everything: no threshold, no library groups, no JDK plumbing removal
 * @param timeline         calls in time order instead of aggregated
 * @param thresholdPercent hide nodes below this share of their thread; {@code null} = the
 *                         format's default ({@link ReportFormat#defaultThresholdPercent()})
 * @param show             class-name patterns always treated as application code (globs, or
 *                         {@code re:} + regex)
 * @param hide             class-name patterns always treated as library code; wins over show
 * @param unicode          tree lines and box in unicode ({@code ├─ └─ │}) rather than ASCII
 * @param color            ANSI colours in text output (for a terminal)
 * @param unit             times in seconds or as a share of the thread's total
 * @param flat             text: a flat list of methods by self or total time instead of a tree
 * @param maxDepth         text: levels shown below each thread (0 = all)
 * @param fullReportHint   text: where the full report is, named in the footer ({@code null} = none)
 * @param threadId         only this thread ({@code null} = all threads)
 */
public record ReportOptions(boolean showAll, boolean timeline, Double thresholdPercent, List<String> show,
                            List<String> hide, boolean unicode, boolean color, Unit unit, Flat flat, int maxDepth,
                            String fullReportHint, Long threadId) {

    /** How times are printed. */
    public enum Unit {
        /** {@code 1.234} seconds. */
        SECONDS,
        /** {@code 45.2%} of the thread's total. */
        PERCENT
    }

    /** Text's flat mode. */
    public enum Flat {
        /** A call tree. */
        OFF,
        /** Methods by their own time. */
        SELF,
        /** Methods by their total time (recursive calls counted once). */
        TOTAL
    }

    public ReportOptions {
        show = List.copyOf(Objects.requireNonNull(show, "show"));
        hide = List.copyOf(Objects.requireNonNull(hide, "hide"));
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(flat, "flat");
        if (thresholdPercent != null && (thresholdPercent.isNaN() || thresholdPercent < 0 || thresholdPercent > 100)) {
            throw new IllegalArgumentException("threshold must be a percentage from 0 to 100, got " + thresholdPercent);
        }
        if (maxDepth < 0) {
            throw new IllegalArgumentException("max depth must be 0 (no limit) or more, got " + maxDepth);
        }
    }

    /** Aggregated tree, the format's threshold, unicode, no colour, seconds. */
    public static ReportOptions defaults() {
        return new ReportOptions(false, false, null, List.of(), List.of(), true, false, Unit.SECONDS, Flat.OFF, 0,
                null, null);
    }

    /**
     * {@link #defaults()} suited to this process's standard output: colour only when it is a
     * terminal and {@code NO_COLOR} is not set, unicode only when the output encoding is UTF-8.
     */
    public static ReportOptions forConsole() {
        String term = System.getenv("TERM");
        boolean color = System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
        return defaults().withColor(color).withUnicode(writesUtf8("stdout"));
    }

    /**
     * {@link #defaults()} suited to this process's standard error (the Java agent prints there,
     * leaving the program's standard output its own): unicode only when its encoding is UTF-8,
     * and no colour, since Java cannot tell whether standard error is a terminal, and it is often
     * a log file.
     */
    public static ReportOptions forStandardError() {
        return defaults().withUnicode(writesUtf8("stderr"));
    }

    /**
     * Whether the JVM encodes standard output or error ({@code stream}: {@code stdout},
     * {@code stderr}) in UTF-8: {@code stdout.encoding} (JDK 19 and later), else
     * {@code sun.stdout.encoding} (set for a terminal), else the default charset.
     */
    private static boolean writesUtf8(String stream) {
        String encoding = System.getProperty(stream + ".encoding", System.getProperty("sun." + stream + ".encoding"));
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** The threshold to use: the one given, or {@code formatDefault}. */
    public double thresholdOr(double formatDefault) {
        return thresholdPercent != null ? thresholdPercent : formatDefault;
    }

    /** The processing these options ask for, with {@code formatDefault} as the threshold if none is set. */
    public TreeOptions treeOptions(double formatDefault) {
        return new TreeOptions(timeline, showAll, showAll ? 0 : thresholdOr(formatDefault), true, show, hide);
    }

    public ReportOptions withShowAll(boolean value) {
        return new ReportOptions(value, timeline, thresholdPercent, show, hide, unicode, color, unit, flat, maxDepth,
                fullReportHint, threadId);
    }

    public ReportOptions withTimeline(boolean value) {
        return new ReportOptions(showAll, value, thresholdPercent, show, hide, unicode, color, unit, flat, maxDepth,
                fullReportHint, threadId);
    }

    public ReportOptions withThresholdPercent(Double value) {
        return new ReportOptions(showAll, timeline, value, show, hide, unicode, color, unit, flat, maxDepth,
                fullReportHint, threadId);
    }

    public ReportOptions withShow(List<String> value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, value, hide, unicode, color, unit, flat,
                maxDepth, fullReportHint, threadId);
    }

    public ReportOptions withHide(List<String> value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, value, unicode, color, unit, flat,
                maxDepth, fullReportHint, threadId);
    }

    public ReportOptions withUnicode(boolean value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, value, color, unit, flat, maxDepth,
                fullReportHint, threadId);
    }

    public ReportOptions withColor(boolean value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, value, unit, flat, maxDepth,
                fullReportHint, threadId);
    }

    public ReportOptions withUnit(Unit value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, color, value, flat,
                maxDepth, fullReportHint, threadId);
    }

    public ReportOptions withFlat(Flat value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, color, unit, value,
                maxDepth, fullReportHint, threadId);
    }

    public ReportOptions withMaxDepth(int value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, color, unit, flat, value,
                fullReportHint, threadId);
    }

    public ReportOptions withFullReportHint(String value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, color, unit, flat,
                maxDepth, value, threadId);
    }

    public ReportOptions withThreadId(Long value) {
        return new ReportOptions(showAll, timeline, thresholdPercent, show, hide, unicode, color, unit, flat,
                maxDepth, fullReportHint, value);
    }
}
