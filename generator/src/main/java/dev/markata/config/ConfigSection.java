package dev.markata.config;

import java.util.Objects;

/**
 * A plugin's typed configuration: the sub-table it lives in ({@code name} "profiler" is
 * {@code [markata.profiler]}) and how to read and validate it into an immutable record.
 *
 * <pre>{@code
 * record ProfilerConfig(double interval) {
 *     static final ConfigSection<ProfilerConfig> SECTION = new ConfigSection<>("profiler",
 *             (table, markata) -> new ProfilerConfig(table.number("interval", 0.001, v -> v > 0,
 *                     "must be a number of seconds > 0")));
 * }
 * }</pre>
 *
 * @param name   the sub-table under {@code [markata]}
 * @param reader reads the sub-table (empty when the site does not write it); {@code markata}
 *               is the whole {@code [markata]} table for keys older sites write at top level
 * @param <T>    the record type
 */
public record ConfigSection<T>(String name, Reader<T> reader) {

    public ConfigSection {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
    }

    // equals and hashCode by hand, as the record's would be: a record's own are linked on first
    // use (java.lang.runtime.ObjectMethods spins method handles), and a section is the first key
    // a build looks up, on the main thread before the first stage (4-5 ms of every run).

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigSection<?> section && name.equals(section.name) && reader.equals(section.reader);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + reader.hashCode();
    }

    /** Reads one section; throws {@link ConfigException} built with {@link ConfigTable#error}. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ConfigTable section, ConfigTable markata) throws ConfigException;
    }
}
