package dev.markata.profiler.render;

import java.util.Locale;
import java.util.Objects;

/**
 * What the HTML report opens with. The page lets its reader change every one of these (and
 * remembers the choice in the browser), so they are only the starting point.
 *
 * @param initialView      the view shown first
 * @param thresholdPercent nodes under this share of the total are left out of trees (0.1 = 0.1%)
 * @param showAll          start with the threshold and library grouping switched off
 * @param title            the page title; empty to use the session's target description
 * @param maxSampleRows    past this many sample rows (over all threads) the page embeds a
 *                         resampled copy of the session, and says so; see {@link HtmlResampler}
 * @param percentUnits     show times as a share of the total rather than in seconds
 * @param threadId         the thread the page starts on ({@code null}: all threads; an id the
 *                         session does not have also starts on all threads)
 */
public record HtmlOptions(View initialView, double thresholdPercent, boolean showAll, String title,
                          int maxSampleRows, boolean percentUnits, Long threadId) {

    /** The default bound on embedded sample rows: about 6 MB of data, a first view well under 1 s. */
    public static final int DEFAULT_MAX_SAMPLE_ROWS = 250_000;

    /** The report's views. */
    public enum View {
        TREE, TIMELINE, FLAME, HOT, BUILD, COMPARE;

        /** The name the page uses for this view. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HtmlOptions {
        Objects.requireNonNull(initialView, "initialView");
        Objects.requireNonNull(title, "title");
        if (!(thresholdPercent >= 0 && thresholdPercent <= 100)) {
            throw new IllegalArgumentException("thresholdPercent must be between 0 and 100, was " + thresholdPercent);
        }
        if (maxSampleRows < 1_000) {
            throw new IllegalArgumentException("maxSampleRows must be at least 1000, was " + maxSampleRows);
        }
    }

    /** The options without a starting thread (all threads). */
    public HtmlOptions(View initialView, double thresholdPercent, boolean showAll, String title, int maxSampleRows,
                       boolean percentUnits) {
        this(initialView, thresholdPercent, showAll, title, maxSampleRows, percentUnits, null);
    }

    /** The call tree first, 0.1% threshold, library code collapsed, all threads. */
    public static HtmlOptions defaults() {
        return new HtmlOptions(View.TREE, 0.1, false, "", DEFAULT_MAX_SAMPLE_ROWS, false, null);
    }

    /**
     * The HTML form of the options every report format takes: show all, timeline first, the
     * threshold (the HTML format's default when unset), seconds or percent, the thread. The show and hide
     * patterns are applied by {@link HtmlRenderer#HtmlRenderer(ReportOptions)} to the frames.
     */
    public static HtmlOptions from(ReportOptions options) {
        Double threshold = options.thresholdPercent();
        return defaults()
                .withInitialView(options.timeline() ? View.TIMELINE : View.TREE)
                .withShowAll(options.showAll())
                .withThresholdPercent(threshold != null ? threshold : ReportFormat.HTML.defaultThresholdPercent())
                .withPercentUnits(options.unit() == ReportOptions.Unit.PERCENT)
                .withThreadId(options.threadId());
    }

    /** As {@link #defaults()}, but opening on the timeline (for profiles made with {@code timeline = true}). */
    public static HtmlOptions timelineFirst() {
        return defaults().withInitialView(View.TIMELINE);
    }

    public HtmlOptions withInitialView(View view) {
        return new HtmlOptions(view, thresholdPercent, showAll, title, maxSampleRows, percentUnits, threadId);
    }

    public HtmlOptions withThresholdPercent(double percent) {
        return new HtmlOptions(initialView, percent, showAll, title, maxSampleRows, percentUnits, threadId);
    }

    public HtmlOptions withShowAll(boolean all) {
        return new HtmlOptions(initialView, thresholdPercent, all, title, maxSampleRows, percentUnits, threadId);
    }

    public HtmlOptions withTitle(String newTitle) {
        return new HtmlOptions(initialView, thresholdPercent, showAll, newTitle, maxSampleRows, percentUnits, threadId);
    }

    public HtmlOptions withMaxSampleRows(int rows) {
        return new HtmlOptions(initialView, thresholdPercent, showAll, title, rows, percentUnits, threadId);
    }

    public HtmlOptions withPercentUnits(boolean percent) {
        return new HtmlOptions(initialView, thresholdPercent, showAll, title, maxSampleRows, percent, threadId);
    }

    /** Starts the page on thread {@code id} ({@code null}: all threads). */
    public HtmlOptions withThreadId(Long id) {
        return new HtmlOptions(initialView, thresholdPercent, showAll, title, maxSampleRows, percentUnits, id);
    }
}
