package dev.markata.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * One table of the site's configuration ({@code [markata]}, {@code [markata.profiler]}, one
 * entry of {@code [[markata.feeds]]}) with typed getters that fail with a complete message:
 * {@code markata.toml: [markata.profiler] interval = -1: must be a number of seconds > 0}.
 *
 * <p>Values are plain immutable Java values as TOML gives them: String, Long, Double, Boolean,
 * java.time values, List and Map. The table remembers which keys its readers asked for, so that
 * after every plugin has read its section the core can warn about a likely typo
 * ({@link #typoWarnings()}); keys nobody asked for are kept and never an error.
 */
public final class ConfigTable {

    private final String source;
    private final String path;
    private final Map<String, Object> values;
    private final Map<String, String> environmentKeys;
    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    private final Map<String, ConfigTable> children = new ConcurrentHashMap<>();

    /**
     * @param source          the file name used in messages ("markata.toml", "pyproject.toml",
     *                        "defaults" when the site has no file)
     * @param path            the dotted table name used in messages ("markata.profiler")
     * @param values          the table's values
     * @param environmentKeys keys whose value came from an environment variable, to the
     *                        variable's name, so messages point at the variable
     */
    public ConfigTable(String source, String path, Map<String, ?> values, Map<String, String> environmentKeys) {
        this.source = source;
        this.path = path;
        this.values = freezeMap(values);
        this.environmentKeys = Map.copyOf(environmentKeys);
    }

    /** An empty table, for a section the site does not write. */
    public static ConfigTable empty(String source, String path) {
        return new ConfigTable(source, path, Map.of(), Map.of());
    }

    public String source() {
        return source;
    }

    /** The dotted name of this table, as messages show it. */
    public String path() {
        return path;
    }

    public boolean has(String key) {
        requested.add(key);
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    /** The raw value, if present; marks the key as known. */
    public Optional<Object> raw(String key) {
        requested.add(key);
        return Optional.ofNullable(values.get(key));
    }

    /** Whether {@code key}'s value came from an environment variable ({@code MARKATA_<KEY>}), not the file. */
    public boolean fromEnvironment(String key) {
        return environmentKeys.containsKey(key);
    }

    /** All values, unconverted (immutable). */
    public Map<String, Object> asMap() {
        return values;
    }

    public String string(String key, String fallback) throws ConfigException {
        return optionalString(key).orElse(fallback);
    }

    public Optional<String> optionalString(String key) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (environmentKeys.containsKey(key) && (value instanceof Number || value instanceof Boolean)) {
            return Optional.of(String.valueOf(value)); // MARKATA_TITLE=2024 means the text "2024"
        }
        throw error(key, "must be a string");
    }

    public boolean bool(String key, boolean fallback) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw error(key, "must be true or false");
    }

    /** A whole number accepted by {@code valid}; {@code allowed} says what is allowed. */
    public long integer(String key, long fallback, LongPredicate valid, String allowed) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Long l && valid.test(l)) {
            return l;
        }
        throw error(key, allowed);
    }

    /** A number (integer or decimal) accepted by {@code valid}. */
    public double number(String key, double fallback, DoublePredicate valid, String allowed) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && !Double.isNaN(n.doubleValue()) && valid.test(n.doubleValue())) {
            return n.doubleValue();
        }
        throw error(key, allowed);
    }

    /** One of the {@code allowed} strings. */
    public String choice(String key, String fallback, Collection<String> allowed) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s && allowed.contains(s)) {
            return s;
        }
        throw error(key, "must be one of " + allowed.stream().map(a -> '"' + a + '"')
                .collect(Collectors.joining(", ")));
    }

    /**
     * A list of strings; a single string is read as a comma-separated list, as markata reads
     * {@code hooks = "a,b"} and {@code glob_patterns = "pages/**&#47;*.md"}.
     */
    public List<String> stringList(String key, List<String> fallback) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return List.copyOf(fallback);
        }
        if (value instanceof String s) {
            List<String> parts = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
            return List.copyOf(parts);
        }
        if (value instanceof List<?> list) {
            List<String> strings = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw error(key, "must be a list of strings");
                }
                if (!s.isBlank()) {
                    strings.add(s.strip());
                }
            }
            return List.copyOf(strings);
        }
        throw error(key, "must be a list of strings");
    }

    /** The sub-table {@code key} (empty when absent); the same instance on every call. */
    public ConfigTable table(String key) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value != null && !(value instanceof Map)) {
            throw error(key, "must be a table ([" + path + "." + key + "])");
        }
        return children.computeIfAbsent(key, k -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = value == null ? Map.of() : (Map<String, Object>) value;
            return new ConfigTable(source, path + "." + k, map, Map.of());
        });
    }

    /** An array of tables ({@code [[markata.feeds]]}); a single table counts as one entry. */
    public List<ConfigTable> tables(String key) throws ConfigException {
        Object value = raw(key).orElse(null);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map) {
            return List.of(table(key));
        }
        if (!(value instanceof List<?> list)) {
            throw error(key, "must be an array of tables ([[" + path + "." + key + "]])");
        }
        List<ConfigTable> tables = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw error(key, "must be an array of tables ([[" + path + "." + key + "]])");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) map;
            String childPath = path + "." + key + "[" + i + "]";
            tables.add(children.computeIfAbsent(key + "[" + i + "]",
                    k -> new ConfigTable(source, childPath, entry, Map.of())));
        }
        return List.copyOf(tables);
    }

    /**
     * The error for a present value that is not allowed, in the project's format:
     * {@code markata.toml: [markata.profiler] interval = -1: must be a number of seconds > 0}.
     * Plugins use it for checks the typed getters do not cover.
     */
    public ConfigException error(String key, String allowed) {
        return new ConfigException(place(key) + " = " + TomlValues.show(values.get(key)) + ": " + allowed);
    }

    /**
     * Where {@code key}'s value comes from, as messages name it: {@code markata.toml: [markata] hooks},
     * or {@code environment: MARKATA_HOOKS ([markata] hooks)} for a value a variable set.
     */
    public String place(String key) {
        String variable = environmentKeys.get(key);
        return variable != null
                ? "environment: " + variable + " (" + "[" + path + "] " + key + ")"
                : source + ": [" + path + "] " + key;
    }

    /**
     * Warnings for keys of this table and its sub-tables that no reader asked for but that are
     * close to a key some reader did ask for: likely typos. Tables nobody read are not judged.
     */
    public List<String> typoWarnings() {
        List<String> warnings = new ArrayList<>();
        if (!requested.isEmpty()) {
            for (String key : values.keySet()) {
                if (requested.contains(key)) {
                    continue;
                }
                String variable = environmentKeys.get(key);
                // a variable is named as the user set it, and only when it is close to a key:
                // other MARKATA_* variables of the environment are not ours to judge
                DidYouMean.closest(key, requested).ifPresent(suggestion -> warnings.add(variable != null
                        ? "environment: " + variable + " is not a key markata knows here; did you mean "
                                + variable.substring(0, variable.length() - key.length())
                                + suggestion.toUpperCase(Locale.ROOT) + "?"
                        : source + ": [" + path + "] " + key + " is not a key markata knows here; did you mean "
                                + suggestion + "?"));
            }
        }
        for (ConfigTable child : children.values()) {
            warnings.addAll(child.typoWarnings());
        }
        return warnings;
    }

    private static Map<String, Object> freezeMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                copy.add(freeze(item));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @Override
    public String toString() {
        return "[" + path + "] " + values;
    }
}
