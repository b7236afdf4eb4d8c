package dev.markata.plugins.profiler;

import dev.markata.profiler.render.ReportFormat;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The files the profiler can write, as {@code formats} names them. The HTML report is
 * {@code output_file} itself; every other format is written beside it, with the report's name
 * minus {@code .html} plus the format's extension ({@code _profile/index.json}).
 */
enum OutputFormat {
    HTML(".html", ReportFormat.HTML),
    /** pyinstrument's JSON schema (plus threads). */
    JSON(".json", ReportFormat.JSON),
    TEXT(".txt", ReportFormat.TEXT),
    SPEEDSCOPE(".speedscope.json", ReportFormat.SPEEDSCOPE),
    COLLAPSED(".collapsed", ReportFormat.COLLAPSED),
    /** async-profiler's own recording, for JDK Mission Control or IntelliJ; only with async-profiler. */
    JFR(".jfr", null),
    /** The lossless session (always written: the HTML report's compare view loads it). */
    SESSION(".session.json", ReportFormat.SESSION),
    /**
     * The build's clock figures in {@link StatsJson}'s schema (always written: the next profiled
     * build compares itself with them, {@link BuildComparison}).
     */
    STATS(".stats.json", null);

    private final String extension;
    private final ReportFormat reportFormat;

    OutputFormat(String extension, ReportFormat reportFormat) {
        this.extension = extension;
        this.reportFormat = reportFormat;
    }

    public String extension() {
        return extension;
    }

    /**
     * The profiler library's renderer for this format; null for {@link #JFR}, which the sampler
     * writes, and {@link #STATS}, which is the build's and not the profile's.
     */
    ReportFormat reportFormat() {
        return reportFormat;
    }

    /** The name {@code formats} uses: "speedscope". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where this format goes, for the HTML report at {@code report}. */
    Path fileFor(Path report) {
        if (this == HTML) {
            return report;
        }
        String name = report.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(".html") ? name.substring(0, name.length() - 5)
                : lower.endsWith(".htm") ? name.substring(0, name.length() - 4) : name;
        return report.resolveSibling(base + extension);
    }

    static OutputFormat byName(String name) {
        for (OutputFormat format : values()) {
            if (format.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        return null;
    }

    static String names() {
        return Arrays.stream(values()).map(f -> '"' + f.id() + '"').collect(Collectors.joining(", "));
    }
}
