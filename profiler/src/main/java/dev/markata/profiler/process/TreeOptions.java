package dev.markata.profiler.process;

import java.util.List;
import java.util.Objects;

/**
 * How {@link CallTrees#process} shapes a tree.
 *
 * @param timeline         keep calls in time order instead of aggregating repeated calls
 * @param showAll          keep everything: no JDK-plumbing removal, no threshold, no library groups
 * @param thresholdPercent hide nodes below this share of their thread's time (0 = none)
 * @param groupLibraries   collapse runs of library frames into "[N frames hidden: ...]" groups
 * @param show             class-name patterns to treat as application code ({@link FramePatterns})
 * @param hide             class-name patterns to treat as library code; wins over {@code show}
 */
public record TreeOptions(boolean timeline, boolean showAll, double thresholdPercent, boolean groupLibraries,
                          List<String> show, List<String> hide) {

    /** Hidden library frames whose own time is at least this share of the thread stay visible. */
    public static final double KEEP_HIDDEN_LEAF_PERCENT = 20.0;

    public TreeOptions {
        show = List.copyOf(Objects.requireNonNull(show, "show"));
        hide = List.copyOf(Objects.requireNonNull(hide, "hide"));
        if (thresholdPercent < 0 || thresholdPercent > 100 || Double.isNaN(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a percentage from 0 to 100, got " + thresholdPercent);
        }
    }

    /** Aggregated, 1% threshold, library frames grouped: the console's view. */
    public static TreeOptions defaults() {
        return new TreeOptions(false, false, 1.0, true, List.of(), List.of());
    }

    public TreeOptions withTimeline(boolean value) {
        return new TreeOptions(value, showAll, thresholdPercent, groupLibraries, show, hide);
    }

    public TreeOptions withShowAll(boolean value) {
        return new TreeOptions(timeline, value, thresholdPercent, groupLibraries, show, hide);
    }

    public TreeOptions withThresholdPercent(double value) {
        return new TreeOptions(timeline, showAll, value, groupLibraries, show, hide);
    }

    public TreeOptions withGroupLibraries(boolean value) {
        return new TreeOptions(timeline, showAll, thresholdPercent, value, show, hide);
    }

    public TreeOptions withPatterns(List<String> showPatterns, List<String> hidePatterns) {
        return new TreeOptions(timeline, showAll, thresholdPercent, groupLibraries, showPatterns, hidePatterns);
    }
}
