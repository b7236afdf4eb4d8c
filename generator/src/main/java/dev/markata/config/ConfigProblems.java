package dev.markata.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Collects configuration problems so that one run reports every wrong key, not just the first:
 * each key is read through {@link #read}, which keeps a fallback when the value is wrong, and
 * {@link #throwIfAny()} ends the reading with all of them. A problem already noted is not noted
 * again: two plugins may read one section (seo reads {@code [[markata.covers]]} to know whether
 * an {@code -og} cover is drawn), and its wrong value is one problem to fix, not two.
 */
public final class ConfigProblems {

    /** Reads one value; may throw the key's problem. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws ConfigException;
    }

    private final Set<String> problems = new LinkedHashSet<>();

    /** The value read, or {@code fallback} (the problem noted) when it is not allowed. */
    public <T> T read(Reading<T> reading, T fallback) {
        try {
            return reading.read();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }

    /** Notes a problem found by a check the typed getters do not cover. */
    public void add(ConfigException problem) {
        problems.addAll(problem.problems());
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** @throws ConfigException with every problem noted, in order, if any */
    public void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            throw new ConfigException(new ArrayList<>(problems));
        }
    }
}
