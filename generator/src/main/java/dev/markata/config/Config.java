package dev.markata.config;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded configuration of one build: the core settings, the raw {@code [markata]} table and
 * each plugin's typed section, read once and cached.
 */
public final class Config {

    private final String source;
    private final ConfigTable markata;
    private final SiteConfig site;
    private final List<String> warnings;
    private final Map<ConfigSection<?>, Object> sections = new ConcurrentHashMap<>();

    Config(String source, ConfigTable markata, SiteConfig site, List<String> warnings) {
        this.source = source;
        this.markata = markata;
        this.site = site;
        this.warnings = List.copyOf(warnings);
    }

    /** "markata.toml", "pyproject.toml" or "defaults". */
    public String source() {
        return source;
    }

    /**
     * What the files say that is read as nothing (settings above the {@code [markata]} line),
     * for the build to print as warnings; the plugins' likely typos are {@link ConfigTable#typoWarnings()}.
     */
    public List<String> warnings() {
        return warnings;
    }

    public SiteConfig site() {
        return site;
    }

    /** The whole {@code [markata]} table, unknown keys included. */
    public ConfigTable markata() {
        return markata;
    }

    /** A plugin's section, read and validated on first use, then shared. */
    @SuppressWarnings("unchecked")
    public <T> T section(ConfigSection<T> section) throws ConfigException {
        Object cached = sections.get(section);
        if (cached != null) {
            return (T) cached;
        }
        T value = section.reader().read(markata.table(section.name()), markata);
        if (value == null) {
            throw new IllegalStateException("config reader for [" + markata.path() + "." + section.name()
                    + "] returned null");
        }
        Object previous = sections.putIfAbsent(section, value);
        return previous == null ? value : (T) previous;
    }
}
