package dev.markata.profiler.render;

import dev.markata.profiler.io.SessionJson;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report formats, each with its file extension and default threshold. */
public enum ReportFormat {
    /** The console tree ({@link TextRenderer}). */
    TEXT(".txt", TextRenderer.DEFAULT_THRESHOLD_PERCENT),
    /** pyinstrument's JSON schema plus threads ({@link JsonRenderer}). */
    JSON(".json", JsonRenderer.DEFAULT_THRESHOLD_PERCENT),
    /** speedscope's file format ({@link SpeedscopeRenderer}). */
    SPEEDSCOPE(".speedscope.json", 0),
    /** Collapsed stacks for flame-graph tools ({@link CollapsedRenderer}). */
    COLLAPSED(".collapsed", 0),
    /** The self-contained interactive page ({@link HtmlRenderer}). */
    HTML(".html", 0.1),
    /** The session itself, lossless, to render again later ({@link SessionJson}). */
    SESSION(".session.json", 0);

    private final String extension;
    private final double defaultThresholdPercent;

    ReportFormat(String extension, double defaultThresholdPercent) {
        this.extension = extension;
        this.defaultThresholdPercent = defaultThresholdPercent;
    }

    /** The file extension, with its dot: {@code ".speedscope.json"}. */
    public String extension() {
        return extension;
    }

    /** The share of a thread below which nodes are hidden when the options name no threshold. */
    public double defaultThresholdPercent() {
        return defaultThresholdPercent;
    }

    /** The renderer for this format with {@code options}. */
    public Renderer renderer(ReportOptions options) {
        switch (this) {
            case TEXT: return new TextRenderer(options);
            case JSON: return new JsonRenderer(options);
            case SPEEDSCOPE: return new SpeedscopeRenderer(options);
            case COLLAPSED: return new CollapsedRenderer(options);
            case SESSION: return (session, out) -> SessionJson.write(session, out);
            case HTML: return new HtmlRenderer(options);
            default: throw new AssertionError(this);
        }
    }

    /**
     * The format a file name asks for, by extension (case-insensitive, the longest matching
     * extension wins: {@code p.speedscope.json} is speedscope, {@code p.json} is JSON).
     */
    public static Optional<ReportFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> lower.endsWith(format.extension))
                .max(Comparator.comparingInt(format -> format.extension.length()));
    }

    /**
     * A format from its name ({@code text}, {@code speedscope}; any case) or extension
     * ({@code .txt}, {@code speedscope.json}).
     *
     * @throws IllegalArgumentException naming the value and the formats allowed
     */
    public static ReportFormat parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(wanted) || format.extension.equals(wanted)
                    || format.extension.substring(1).equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + value + "'; allowed: " + Arrays.stream(values())
                .map(f -> f.name().toLowerCase(Locale.ROOT) + " (" + f.extension + ")")
                .collect(Collectors.joining(", ")));
    }
}
