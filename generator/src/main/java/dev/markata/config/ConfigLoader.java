package dev.markata.config;

import dev.markata.content.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Finds and reads a site's configuration: {@code markata.toml} in the site folder, else
 * {@code [tool.markata]} in {@code pyproject.toml}, else defaults; then environment variables
 * {@code MARKATA_<KEY>} override top-level keys of {@code [markata]}.
 */
public final class ConfigLoader {

    public static final String MARKATA_TOML = "markata.toml";
    public static final String PYPROJECT_TOML = "pyproject.toml";
    /** The {@link Config#source} of a site whose files set nothing: markata's defaults. */
    public static final String DEFAULTS = "defaults";
    private static final String ENV_PREFIX = "MARKATA_";
    /**
     * Variables of the {@code ./markata} launcher (JVM options, class-data sharing), not
     * settings: read as config they became keys like {@code java_opts}, which templates and
     * cache keys see, so changing the JVM's heap made every page render again; and
     * {@link LockTimeout#VARIABLE}, read by the commands, for the same reason.
     */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("MARKATA_JAVA_OPTS", "MARKATA_CDS", LockTimeout.VARIABLE);

    private final Map<String, String> environment;

    /** @param environment the process environment (tests pass their own) */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Config load(Path directory) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        Config config = load(directory, problems);
        problems.throwIfAny();
        return config;
    }

    /**
     * Loads the configuration, noting wrong values of the core settings in {@code problems}
     * (their defaults are used) so the caller can report them together with the plugins' ones.
     *
     * @throws ConfigException when there is nothing to go on: no site folder, a file that is not TOML
     */
    public Config load(Path directory, ConfigProblems problems) throws ConfigException {
        if (directory.toString().isEmpty()) {
            // --directory "$SITE" with SITE unset: the current folder, every **/*.md under it, was built
            throw new ConfigException("the site folder is empty text (--directory \"\"): give the site's folder,"
                    + " . for the current one");
        }
        Path site = directory.toAbsolutePath().normalize();
        if (Files.isRegularFile(site)) {
            throw new ConfigException(directory + ": is a file; give the site's folder (the one with markata.toml)");
        }
        if (!Files.isDirectory(site)) {
            throw new ConfigException(directory + ": no such site folder");
        }
        String source;
        String tablePath;
        Map<String, Object> values;
        List<String> warnings = new ArrayList<>();
        Path markataToml = site.resolve(MARKATA_TOML);
        Path pyproject = site.resolve(PYPROJECT_TOML);
        if (Files.isRegularFile(markataToml)) {
            source = MARKATA_TOML;
            tablePath = "markata";
            TomlParseResult document = parse(markataToml, source);
            values = tableAt(document, List.of("markata"), source);
            outsideMarkata(document, hatchReadsVersionFrom(site, markataToml)).ifPresent(warnings::add);
        } else if (Files.isRegularFile(pyproject) && parse(pyproject, PYPROJECT_TOML).contains("tool.markata")) {
            source = PYPROJECT_TOML;
            tablePath = "tool.markata";
            values = tableAt(parse(pyproject, source), List.of("tool", "markata"), source);
        } else {
            source = DEFAULTS;
            tablePath = "markata";
            values = new LinkedHashMap<>();
            siteNearby(directory, site).ifPresent(warnings::add);
        }
        Map<String, String> fromEnvironment = new TreeMap<>();
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            String name = variable.getKey();
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()
                    && !LAUNCHER_VARIABLES.contains(name)) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
                values.put(key, environmentValue(variable.getValue()));
                fromEnvironment.put(key, name);
            }
        }
        ConfigTable markata = new ConfigTable(source, tablePath, values, fromEnvironment);
        SiteConfig config = SiteConfig.read(site, markata, problems);
        config.prefixInUrl(source).ifPresent(warnings::add);
        return new Config(source, markata, config, warnings);
    }

    /**
     * A warning for a folder without configuration beside a site: the folder above it (the
     * --directory forgotten) or one in it (run in posts/). The build reads every Markdown file
     * there with markata's defaults and writes a markout/ of its own, which is markata's way, and
     * a folder of notes with no site near it is built so without a word (markata's quickstart).
     */
    private static Optional<String> siteNearby(Path given, Path site) {
        Path found = null;
        for (Path up = site.getParent(); up != null && found == null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve(MARKATA_TOML))) {
                found = up;
            }
        }
        if (found == null) {
            try (Stream<Path> children = Files.list(site)) {
                List<Path> sites = children.filter(child -> !child.getFileName().toString().startsWith(".")
                        && Files.isRegularFile(child.resolve(MARKATA_TOML))).limit(2).toList();
                found = sites.size() == 1 ? sites.get(0) : null; // of several, which one is not ours to guess
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        String shown = shown(given, found);
        return Optional.of("no " + MARKATA_TOML + " in " + given + ", so markata's defaults apply"
                + " (every **/*.md under it); " + shown + " has one: to build that site, give --directory " + shown);
    }

    /** {@code folder} as the user would type it: absolute when the site folder was given so, else from here. */
    private static String shown(Path given, Path folder) {
        if (given.isAbsolute()) {
            return folder.toString();
        }
        String relative = Path.of("").toAbsolutePath().relativize(folder).toString();
        return relative.isEmpty() ? "." : relative;
    }

    /**
     * A warning naming what markata.toml holds outside its {@code [markata]} table (markata reads
     * only that table): {@code title = "x"} above the {@code [markata]} line, as Hugo's
     * config.toml has it, or a plugin's table without the {@code markata.} in its name. Not for
     * pyproject.toml, whose other tables are other tools'.
     */
    private static Optional<String> outsideMarkata(TomlParseResult document, boolean hatchReadsVersion) {
        List<String> names = new ArrayList<>();
        String table = null;
        for (String key : document.keySet()) {
            if (key.equals("markata") || hatchReadsVersion && HATCH_VERSION.matcher(key).matches()) {
                continue;
            }
            if (document.get(List.of(key)) instanceof TomlTable) {
                names.add("[" + TomlValues.key(key) + "]");
                table = table == null && !key.equals("tool") ? key : table;
            } else {
                names.add(TomlValues.key(key));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String listed = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        return Optional.of(MARKATA_TOML + ": " + listed + (names.size() == 1 ? " is" : " are")
                + " outside the [markata] table, so " + (names.size() == 1 ? "it is" : "they are") + " not read:"
                + " markata's settings go below a [markata] line, and a plugin's in its own table, like [markata."
                + TomlValues.key(table == null ? "glob" : table) + "]");
    }

    /** The names hatch's regex version source reads: {@code __version__ = "1.0"} or {@code version = "1.0"}. */
    private static final Pattern HATCH_VERSION = Pattern.compile("(?i)__version__|version");

    /**
     * Whether the site's pyproject.toml has hatch read the project's version from
     * {@code markataToml} ({@code [tool.hatch.version] path = "markata.toml"}, as gh-projects
     * does): then a version above the [markata] line is hatch's, and no setting left unread. A
     * pyproject.toml that does not parse says no (its own tools will say why).
     */
    private static boolean hatchReadsVersionFrom(Path site, Path markataToml) {
        Path pyproject = site.resolve(PYPROJECT_TOML);
        if (!Files.isRegularFile(pyproject)) {
            return false;
        }
        try {
            return parse(pyproject, PYPROJECT_TOML).get(List.of("tool", "hatch", "version", "path")) instanceof String path
                    && site.resolve(path).normalize().equals(markataToml);
        } catch (ConfigException | InvalidPathException unreadable) {
            return false;
        }
    }

    private static TomlParseResult parse(Path file, String source) throws ConfigException {
        TomlParseResult result;
        try {
            result = Toml.parse(Utf8.read(file, source, source + " is"));
        } catch (Utf8.Invalid e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e.getMessage());
        }
        if (result.hasErrors()) {
            List<String> problems = new ArrayList<>();
            for (TomlParseError error : result.errors()) {
                problems.add(source + ":" + error.position().line() + ":" + error.position().column()
                        + ": " + error.getMessage().replaceFirst(" \\(line \\d+, column \\d+\\)$", "")
                        + " (not valid TOML)");
            }
            throw new ConfigException(problems);
        }
        return result;
    }

    private static Map<String, Object> tableAt(TomlParseResult document, List<String> path, String source)
            throws ConfigException {
        Object value = document.get(path);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof TomlTable table)) {
            throw new ConfigException(source + ": " + String.join(".", path) + " must be a table ([" + String.join(".", path)
                    + "]), not " + TomlValues.show(value));
        }
        return new LinkedHashMap<>(TomlValues.toMap(table));
    }

    /** An environment value read as a TOML value when it is one (true, 3, ["a"]), else as text. */
    private static Object environmentValue(String text) {
        TomlParseResult parsed = Toml.parse("v = " + text);
        if (!parsed.hasErrors() && parsed.get("v") != null) {
            return TomlValues.toMap(parsed).get("v");
        }
        return text;
    }
}
