package dev.markata.plugins.profiler;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.TimeMode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code [markata.profiler]}: the build profiler's settings, every one validated with a message
 * naming the key. markata's own keys ({@code should_profile}, {@code output_file},
 * {@code interval}, {@code async_mode}, {@code show_all}, {@code timeline}) mean what markata's
 * documentation says; the others are markata-java's additions.
 *
 * @param shouldProfile    false: the plugin is listed but does nothing
 * @param outputFile       the HTML report, relative to {@code output_dir} (normalized, never
 *                         escaping it); the other formats go beside it
 * @param interval         time between samples
 * @param asyncMode        whether work on the build's worker threads is followed
 * @param showAll          reports start with nothing hidden (no threshold, no library groups)
 * @param timeline         reports show calls in time order instead of aggregated
 * @param formats          which files to write
 * @param mode             wall-clock or CPU time
 * @param hide             class-name patterns always counted as library code
 * @param show             class-name patterns always counted as the site's own code
 * @param print            whether the summary is printed after the build
 * @param thresholdPercent hide call-tree nodes below this share of the total; null = each
 *                         format's default
 * @param sampler          which sampler records
 */
record ProfilerConfig(boolean shouldProfile, Path outputFile, Duration interval, AsyncMode asyncMode,
                             boolean showAll, boolean timeline, Set<OutputFormat> formats, TimeMode mode,
                             List<String> hide, List<String> show, boolean print, Double thresholdPercent,
                             SamplerChoice sampler) {

    /** The default report, relative to {@code output_dir}. */
    public static final String DEFAULT_OUTPUT_FILE = "_profile/index.html";

    public static final ConfigSection<ProfilerConfig> SECTION = new ConfigSection<>("profiler", ProfilerConfig::read);

    private static final Map<String, AsyncMode> ASYNC_MODES = Map.of("enabled", AsyncMode.ENABLED,
            "disabled", AsyncMode.DISABLED, "strict", AsyncMode.STRICT);
    private static final Map<String, TimeMode> MODES = Map.of("wall", TimeMode.WALL, "cpu", TimeMode.CPU);
    private static final Map<String, SamplerChoice> SAMPLERS = Map.of("auto", SamplerChoice.AUTO,
            "async-profiler", SamplerChoice.ASYNC_PROFILER, "jdk", SamplerChoice.JDK);

    public ProfilerConfig {
        formats = Set.copyOf(formats);
        hide = List.copyOf(hide);
        show = List.copyOf(show);
    }

    /** Every setting at its default. */
    public static ProfilerConfig defaults() {
        return new ProfilerConfig(true, Path.of(DEFAULT_OUTPUT_FILE), Duration.ofMillis(1), AsyncMode.ENABLED, false,
                false, EnumSet.of(OutputFormat.HTML, OutputFormat.JSON), TimeMode.WALL, List.of(), List.of(), true,
                null, SamplerChoice.AUTO);
    }

    private static ProfilerConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        // every wrong key is reported in one run: each is read with its default as fallback
        ConfigProblems problems = new ConfigProblems();
        ProfilerConfig d = defaults();
        boolean shouldProfile = problems.read(() -> table.bool("should_profile", true), d.shouldProfile());
        Path outputFile = problems.read(() -> outputFile(table), d.outputFile());
        double seconds = problems.read(() -> table.number("interval", 0.001, v -> v > 0 && v <= 10,
                "must be a number of seconds between samples, > 0 and at most 10 (default 0.001)"), 0.001);
        Duration interval = Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9)));
        AsyncMode asyncMode = ASYNC_MODES.get(problems.read(() -> table.choice("async_mode", "enabled",
                List.of("enabled", "disabled", "strict")), "enabled"));
        boolean showAll = problems.read(() -> table.bool("show_all", false), false);
        boolean timeline = problems.read(() -> table.bool("timeline", false), false);
        Set<OutputFormat> formats = problems.read(() -> formats(table), d.formats());
        TimeMode mode = MODES.get(problems.read(() -> table.choice("mode", "wall", List.of("wall", "cpu")), "wall"));
        List<String> hide = problems.read(() -> patterns(table, "hide"), List.of());
        List<String> show = problems.read(() -> patterns(table, "show"), List.of());
        boolean print = problems.read(() -> table.bool("print", true), true);
        Double threshold = table.has("threshold")
                ? problems.read(() -> table.number("threshold", 0, v -> v >= 0 && v <= 100,
                "must be a percentage of the total time from 0 to 100 (nodes below it are hidden)"), null)
                : null;
        SamplerChoice sampler = SAMPLERS.get(problems.read(() -> table.choice("sampler", "auto",
                List.of("auto", "async-profiler", "jdk")), "auto"));
        problems.throwIfAny();
        return new ProfilerConfig(shouldProfile, outputFile, interval, asyncMode, showAll, timeline, formats, mode,
                hide, show, print, threshold, sampler);
    }

    private static Path outputFile(ConfigTable table) throws ConfigException {
        String value = table.string("output_file", DEFAULT_OUTPUT_FILE);
        String allowed = "must be a file path relative to output_dir, inside it (like \"" + DEFAULT_OUTPUT_FILE + "\")";
        if (value.isBlank() || value.endsWith("/") || value.endsWith("\\")) {
            throw table.error("output_file", allowed);
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw table.error("output_file", allowed);
        }
        if (path.isAbsolute() || value.startsWith("/") || value.startsWith("\\")) {
            throw table.error("output_file", "must be relative to output_dir, not an absolute path (like \""
                    + DEFAULT_OUTPUT_FILE + "\")");
        }
        Path normalized = path.normalize();
        if (normalized.toString().isEmpty() || normalized.startsWith("..")) {
            throw table.error("output_file", "must stay inside output_dir; \"..\" may not climb out of it");
        }
        for (OutputFormat format : OutputFormat.values()) {
            // the other formats go beside the report with their own extension; a report named
            // like one of them would be overwritten by it
            if (format != OutputFormat.HTML && normalized.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(format.extension())) {
                throw table.error("output_file", "must name the HTML report (like \"" + DEFAULT_OUTPUT_FILE
                        + "\"); the other formats are written beside it with their own extensions");
            }
        }
        return normalized;
    }

    private static Set<OutputFormat> formats(ConfigTable table) throws ConfigException {
        List<String> names = table.stringList("formats", List.of("html", "json"));
        Set<OutputFormat> formats = new LinkedHashSet<>();
        for (String name : names) {
            OutputFormat format = OutputFormat.byName(name);
            if (format == null) {
                throw table.error("formats", "each entry must be one of " + OutputFormat.names()
                        + " (\"" + name + "\" is not)");
            }
            formats.add(format);
        }
        if (formats.isEmpty()) {
            throw table.error("formats", "must list at least one of " + OutputFormat.names()
                    + "; to switch profiling off set should_profile = false");
        }
        return formats;
    }

    private static List<String> patterns(ConfigTable table, String key) throws ConfigException {
        List<String> patterns = table.stringList(key, List.of());
        List<String> valid = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.startsWith("re:")) {
                try {
                    Pattern.compile(pattern.substring(3));
                } catch (PatternSyntaxException e) {
                    throw table.error(key, "\"" + pattern + "\" is not a valid regular expression ("
                            + e.getDescription() + "); write a class-name glob like \"org.commonmark.*\" or \"re:\""
                            + " and a Java regex");
                }
            }
            valid.add(pattern);
        }
        return valid;
    }
}
