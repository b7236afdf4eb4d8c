package dev.markata.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
     * cache keys see, so changing the JVM's heap made every page render again.
     */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("MARKATA_JAVA_OPTS", "MARKATA_CDS");

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
        Path markataToml = site.resolve(MARKATA_TOML);
        Path pyproject = site.resolve(PYPROJECT_TOML);
        if (Files.isRegularFile(markataToml)) {
            source = MARKATA_TOML;
            tablePath = "markata";
            values = tableAt(parse(markataToml, source), List.of("markata"), source);
        } else if (Files.isRegularFile(pyproject) && parse(pyproject, PYPROJECT_TOML).contains("tool.markata")) {
            source = PYPROJECT_TOML;
            tablePath = "tool.markata";
            values = tableAt(parse(pyproject, source), List.of("tool", "markata"), source);
        } else {
            source = DEFAULTS;
            tablePath = "markata";
            values = new LinkedHashMap<>();
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
        return new Config(source, markata, SiteConfig.read(site, markata, problems));
    }

    private static TomlParseResult parse(Path file, String source) throws ConfigException {
        TomlParseResult result;
        try {
            result = Toml.parse(file);
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
