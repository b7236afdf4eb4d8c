package dev.markata.config;

import java.util.List;

/**
 * The site's configuration is wrong: a file that does not parse, a value of the wrong type or
 * out of range, an unknown plugin name. Each problem is one complete, user-facing sentence that
 * names the file, the table and key, the bad value and what is allowed; the command line prints
 * them as they are and exits with code 2 before anything is written.
 */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found; usually one. */
    public List<String> problems() {
        return problems;
    }
}
