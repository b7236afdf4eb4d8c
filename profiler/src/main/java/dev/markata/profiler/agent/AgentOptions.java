package dev.markata.profiler.agent;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.process.FramePatterns;
import dev.markata.profiler.render.ReportFormat;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's arguments: {@code -javaagent:markata-profiler.jar=interval=0.001,output=profile.html}.
 *
 * <pre>
 * interval=0.001 | 1ms | 500us   sampling interval (seconds, or with a unit s, ms, us; default 0.001;
 *                                more than 0, at most 10 s; below 1 ms it is raised to 1 ms)
 * output=FILE                    report file; the format comes from its name (default profile.html):
 *                                .html .txt .json .speedscope.json .collapsed .session.json;
 *                                %p in a file name is the process id, %t the start time
 * threads=all | main             every application thread (default) or only the main thread
 * async=enabled | disabled | strict
 * mode=wall | cpu                wall-clock (default) or CPU time
 * sampler=auto | async-profiler | jdk
 * jfr=FILE                       also keep async-profiler's JFR recording
 * show=PATTERN                   classes always opened as application code (a glob like
 *                                org.apache.maven.*, or re: and a regex); may be given again
 * hide=PATTERN                   classes always folded as library code; may be given again
 * print=line | tree | none       at exit, on standard error: the line naming the report (default),
 *                                the text call tree cut to a screen and then that line, or nothing
 * </pre>
 *
 * @param interval sampling interval
 * @param output   report file
 * @param format   the report format, from the output file's name
 * @param threads  all application threads, or only the main thread
 * @param asyncMode which handed-over work is followed
 * @param timeMode wall or CPU time
 * @param sampler  which sampler
 * @param jfr      where to keep a JFR file, or null
 * @param show     class name patterns the reports open as application code
 * @param hide     class name patterns the reports fold as library code (wins over show)
 * @param print    what the agent prints at exit when all went well
 */
record AgentOptions(Duration interval, Path output, ReportFormat format, boolean allThreads, AsyncMode asyncMode, TimeMode timeMode,
                    SamplerChoice sampler, Path jfr, List<String> show, List<String> hide, Print print) {

    static final List<String> KEYS = List.of("interval", "output", "threads", "async", "mode", "sampler", "jfr",
            "show", "hide", "print");

    /** Keys that may be given more than once, each time adding to a list (a comma separates options). */
    private static final Set<String> REPEATABLE = Set.of("show", "hide");

    /**
     * What the agent prints at exit, on standard error (the program's standard output stays its
     * own); a report that could not be written, or a sampler that stopped early, is said whatever
     * this is. The one line is the default: the agent often runs in every JVM of a script or a
     * build ({@code JAVA_TOOL_OPTIONS}), where a tree per JVM would bury the build's own output.
     */
    enum Print {
        /** {@code markata-profiler: wrote profile.html (312 samples, 312.4 ms, sampler async-profiler)}. */
        LINE,
        /** The text call tree, cut to fit a screen, then the line. */
        TREE,
        /** Nothing. */
        NONE
    }

    AgentOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(print, "print");
        show = List.copyOf(show);
        hide = List.copyOf(hide);
    }

    /**
     * Parses {@code key=value,key=value}.
     *
     * @throws IllegalArgumentException with a one-line message naming the argument, what was
     *                                  wrong and what is allowed
     */
    static AgentOptions parse(String arguments) {
        Duration interval = Duration.ofMillis(1);
        Path output = Path.of("profile.html");
        boolean allThreads = true;
        AsyncMode asyncMode = AsyncMode.ENABLED;
        TimeMode timeMode = TimeMode.WALL;
        SamplerChoice sampler = SamplerChoice.AUTO;
        Path jfr = null;
        List<String> show = new ArrayList<>();
        List<String> hide = new ArrayList<>();
        Print print = Print.LINE;
        Set<String> seen = new LinkedHashSet<>();
        if (arguments != null && !arguments.isBlank()) {
            String[] parts = arguments.split(",", -1);
            // a trailing comma is allowed; an empty option anywhere else is a typo worth a word
            int count = parts.length > 1 && parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
            for (int i = 0; i < count; i++) {
                String part = parts[i];
                if (part.isBlank()) {
                    throw new IllegalArgumentException("agent arguments '" + arguments + "': an empty option "
                            + (i > 0 ? "after '" + parts[i - 1].strip() + "' (two commas in a row)"
                            : i + 1 < count && !parts[i + 1].isBlank() ? "before '" + parts[i + 1].strip()
                            + "' (a leading comma)" : "(a leading comma)")
                            + "; give options as key=value separated by single commas (keys: "
                            + String.join(", ", KEYS) + ")");
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("agent argument '" + part + "' is not key=value (keys: "
                            + String.join(", ", KEYS) + ")");
                }
                String key = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("unknown agent argument '" + key + "' (allowed: "
                            + String.join(", ", KEYS) + ")");
                }
                if (!seen.add(key) && !REPEATABLE.contains(key)) {
                    throw new IllegalArgumentException("agent argument '" + key + "' is given twice");
                }
                switch (key) {
                    case "interval" -> interval = parseInterval(value);
                    case "output" -> output = parseOutput(value);
                    case "threads" -> allThreads = choice(key, value, List.of("all", "main")).equals("all");
                    case "async" -> asyncMode = AsyncMode.valueOf(
                            choice(key, value, List.of("enabled", "disabled", "strict")).toUpperCase(Locale.ROOT));
                    case "mode" -> timeMode = TimeMode.valueOf(
                            choice(key, value, List.of("wall", "cpu")).toUpperCase(Locale.ROOT));
                    case "sampler" -> sampler = switch (choice(key, value, List.of("auto", "async-profiler", "jdk"))) {
                        case "async-profiler" -> SamplerChoice.ASYNC_PROFILER;
                        case "jdk" -> SamplerChoice.JDK;
                        default -> SamplerChoice.AUTO;
                    };
                    case "jfr" -> jfr = path(key, value);
                    case "show" -> show.add(pattern(key, value));
                    case "hide" -> hide.add(pattern(key, value));
                    case "print" -> print = Print.valueOf(
                            choice(key, value, List.of("line", "tree", "none")).toUpperCase(Locale.ROOT));
                    default -> throw new IllegalStateException(key);
                }
            }
        }
        ReportFormat format = formatOf(output);
        return new AgentOptions(interval, output, format, allThreads, asyncMode, timeMode, sampler, jfr, show, hide, print);
    }

    /**
     * The longest interval the agent takes, as markata.toml's {@code [markata.profiler] interval}:
     * samples further apart say next to nothing of a run (a typo such as {@code 1h} for
     * {@code 1ms} was read as "not a positive duration").
     */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(10);

    private static final Pattern INTERVAL = Pattern.compile("([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?)\\s*(\\p{L}*)");
    private static final Map<String, BigDecimal> NANOS_PER_UNIT = Map.of("", BigDecimal.valueOf(1_000_000_000),
            "s", BigDecimal.valueOf(1_000_000_000), "ms", BigDecimal.valueOf(1_000_000), "us", BigDecimal.valueOf(1_000));

    private static Duration parseInterval(String value) {
        Matcher parts = INTERVAL.matcher(value.toLowerCase(Locale.ROOT));
        String wrong;
        if (value.isEmpty()) {
            wrong = "no number";
        } else if (!parts.matches() || parts.group(1).matches(".*e[-+]?\\d{10,}")) { // BigDecimal's exponent is an int
            wrong = "'" + value + "' is not a number";
        } else if (!NANOS_PER_UNIT.containsKey(parts.group(2))) {
            wrong = "'" + value.substring(value.length() - parts.group(2).length()) + "' is not a unit the agent reads";
        } else {
            BigDecimal nanos = new BigDecimal(parts.group(1)).multiply(NANOS_PER_UNIT.get(parts.group(2)));
            if (nanos.signum() <= 0) {
                wrong = "not more than 0";
            } else if (nanos.compareTo(BigDecimal.valueOf(MAX_INTERVAL.toNanos())) > 0) {
                wrong = "longer than " + MAX_INTERVAL.toSeconds() + " s, the longest interval the agent takes";
            } else if (nanos.stripTrailingZeros().scale() > 0) {
                wrong = "finer than a nanosecond";
            } else {
                return Duration.ofNanos(nanos.longValueExact());
            }
        }
        throw new IllegalArgumentException("interval=" + value + ": " + wrong + " (give seconds like 0.001, or a number"
                + " with s, ms or us like 1ms or 500us; more than 0 and at most " + MAX_INTERVAL.toSeconds() + " s)");
    }

    private static Path parseOutput(String value) {
        Path path = path("output", value);
        formatOf(path);
        return path;
    }

    /** Report file endings, for messages: {@code .txt, .json, ...}. */
    private static String reportEndings() {
        return String.join(", ", Arrays.stream(ReportFormat.values()).map(ReportFormat::extension).toList());
    }

    /**
     * A file argument naming a folder ({@code output=reports/}, or a folder that exists): said
     * as such, with a file in it to give instead. The path alone lost the slash, so the message
     * was about {@code reports} having no report format, and {@code jfr=recordings/} wrote a
     * file named {@code recordings}.
     */
    private static void notAFolder(String key, String value, Path path) {
        boolean slash = value.endsWith("/") || value.endsWith(File.separator);
        if (!slash && !Files.isDirectory(path)) {
            return;
        }
        boolean report = key.equals("output");
        String example = (slash ? value : value + File.separator) + (report ? "profile.html" : "recording.jfr");
        throw new IllegalArgumentException(key + "=" + value + " is a folder: give a " + (report ? "report " : "")
                + "file's name, like " + key + "=" + example
                + (report ? " (its ending picks the format: " + reportEndings() + ")" : ""));
    }

    private static ReportFormat formatOf(Path output) {
        String name = output.getFileName().toString();
        // a JFR file is not a report: the user wants jfr=, which keeps async-profiler's own recording
        String jfrHint = name.toLowerCase(Locale.ROOT).endsWith(".jfr")
                ? "; async-profiler's JFR recording is kept with jfr=" + output + ", beside a report" : "";
        return ReportFormat.fromFileName(name).orElseThrow(() ->
                new IllegalArgumentException("output=" + output + " has no known report format (file name must end in "
                        + reportEndings() + ")" + jfrHint));
    }

    /**
     * A file argument as a path: a leading {@code ~/} is the home folder, {@code %p} the process
     * id and {@code %t} the time the agent started ({@code 20261206-173804}), as in
     * async-profiler's file names, so that every JVM the agent starts in (JAVA_TOOL_OPTIONS, a
     * JMH benchmark's forks, a build tool's test forks) writes a file of its own: they all wrote
     * one file, and only the last JVM's profile was left.
     */
    private static Path path(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + "= needs a file name");
        }
        value = value.replace("%p", Long.toString(ProcessHandle.current().pid()))
                .replace("%t", value.contains("%t") ? Started.TEXT : "%t");
        try {
            // inside -javaagent:...=output=~/p.html the shell leaves the tilde alone
            Path path = value.equals("~") || value.startsWith("~/")
                    ? Path.of(System.getProperty("user.home")).resolve(value.substring(1).replaceFirst("^/", ""))
                    : Path.of(value);
            notAFolder(key, value, path);
            return path;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a valid file name: " + e.getReason());
        }
    }

    /**
     * When the agent started, once: the report and the JFR file of one run say the same time.
     * Made the first time a name asks for it: the local time reads the time-zone rules, whose
     * first use looks for providers in every jar of the class path, and with 50 jars a program
     * under {@code -Xmx6m} ran out of memory in premain (the JVM then aborts, exit 134, before
     * the program runs), though {@code %t} was never asked for.
     */
    private static final class Started {
        static final String TEXT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
                .format(LocalDateTime.now());
    }

    /** A class name pattern, checked now: a bad one found at exit would cost the report. */
    private static String pattern(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + "= needs a class name pattern (a glob like org.apache.maven.*, or"
                    + " re: and a Java regex)");
        }
        try {
            new FramePatterns(List.of(value), List.of());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a pattern: " + e.getMessage());
        }
        return value;
    }

    private static String choice(String key, String value, List<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(key + "=" + value + " is not allowed (use one of: "
                    + String.join(", ", allowed) + ")");
        }
        return v;
    }

    /**
     * A profiler builder with these options, for the program described by {@code target}.
     *
     * @param attached true when the agent was attached to a running JVM: the profiler is then
     *                 started on the "Attach Listener", so "main" is the thread of that name
     */
    Profiler.Builder toBuilder(String target, boolean attached) {
        ThreadSelection threads = allThreads ? ThreadSelection.allThreads()
                : attached ? ThreadSelection.matching("the main thread", thread -> thread.getName().equals("main"))
                : ThreadSelection.startingThread();
        // below the floor: the agent has said so in its own line (the library's warning is two of the JDK's logging)
        Duration sampled = interval.compareTo(Profiler.MIN_INTERVAL) < 0 ? Profiler.MIN_INTERVAL : interval;
        Profiler.Builder builder = Profiler.builder().interval(sampled).asyncMode(asyncMode).timeMode(timeMode)
                .sampler(sampler).target(target).threads(threads);
        if (jfr != null) {
            builder.jfrOutput(jfr);
        }
        return builder;
    }
}
