package dev.markata.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects configuration problems so that one run reports every wrong key, not just the first:
 * each key is read through {@link #read}, which keeps a fallback when the value is wrong, and
 * {@link #throwIfAny()} ends the reading with all of them.
 */
public final class ConfigProblems {

    /** Reads one value; may throw the key's problem. */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws ConfigException;
    }

    private final List<String> problems = new ArrayList<>();

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
            throw new ConfigException(problems);
        }
    }
}
