package dev.markata.profiler.agent;

import dev.markata.profiler.AsyncMode;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.render.ReportFormat;

import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's arguments: {@code -javaagent:markata-profiler.jar=interval=0.001,output=profile.html}.
 *
 * <pre>
 * interval=0.001 | 1ms | 500us   sampling interval (seconds, or with a unit; default 0.001)
 * output=FILE                    report file; the format comes from its name (default profile.html):
 *                                .html .txt .json .speedscope.json .collapsed .session.json
 * threads=all | main             every application thread (default) or only the main thread
 * async=enabled | disabled | strict
 * mode=wall | cpu                wall-clock (default) or CPU time
 * sampler=auto | async-profiler | jdk
 * jfr=FILE                       also keep async-profiler's JFR recording
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
 */
record AgentOptions(Duration interval, Path output, ReportFormat format, boolean allThreads, AsyncMode asyncMode, TimeMode timeMode,
                    SamplerChoice sampler, Path jfr) {

    static final List<String> KEYS = List.of("interval", "output", "threads", "async", "mode", "sampler", "jfr");

    AgentOptions {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
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
        Set<String> seen = new LinkedHashSet<>();
        if (arguments != null && !arguments.isBlank()) {
            for (String part : arguments.split(",")) {
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
                if (!seen.add(key)) {
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
                    default -> throw new IllegalStateException(key);
                }
            }
        }
        ReportFormat format = formatOf(output);
        return new AgentOptions(interval, output, format, allThreads, asyncMode, timeMode, sampler, jfr);
    }

    private static Duration parseInterval(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        BigDecimal nanosPerUnit;
        String number;
        if (v.endsWith("ms")) {
            nanosPerUnit = BigDecimal.valueOf(1_000_000);
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("us")) {
            nanosPerUnit = BigDecimal.valueOf(1_000);
            number = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            nanosPerUnit = BigDecimal.valueOf(1_000_000_000);
            number = v.substring(0, v.length() - 1);
        } else {
            nanosPerUnit = BigDecimal.valueOf(1_000_000_000);
            number = v;
        }
        try {
            long nanos = new BigDecimal(number.trim()).multiply(nanosPerUnit).longValueExact();
            if (nanos <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Duration.ofNanos(nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("interval=" + value + " is not a positive duration (use seconds like 0.001,"
                    + " or 1ms, 500us)");
        }
    }

    private static Path parseOutput(String value) {
        Path path = path("output", value);
        formatOf(path);
        return path;
    }

    private static ReportFormat formatOf(Path output) {
        return ReportFormat.fromFileName(output.getFileName().toString()).orElseThrow(() ->
                new IllegalArgumentException("output=" + output + " has no known report format (file name must end in "
                        + String.join(", ", java.util.Arrays.stream(ReportFormat.values())
                        .map(ReportFormat::extension).toList()) + ")"));
    }

    private static Path path(String key, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + "= needs a file name");
        }
        try {
            if (value.equals("~") || value.startsWith("~/")) {
                // inside -javaagent:...=output=~/p.html the shell leaves the tilde alone
                return Path.of(System.getProperty("user.home")).resolve(value.substring(1).replaceFirst("^/", ""));
            }
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a valid file name: " + e.getReason());
        }
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
        Profiler.Builder builder = Profiler.builder().interval(interval).asyncMode(asyncMode).timeMode(timeMode)
                .sampler(sampler).target(target).threads(threads);
        if (jfr != null) {
            builder.jfrOutput(jfr);
        }
        return builder;
    }
}
