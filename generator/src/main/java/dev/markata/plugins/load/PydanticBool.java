package dev.markata.plugins.load;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A front matter value as pydantic's {@code bool} reads it, for the fields markata's post
 * models declare as bools ({@code published}, jinja_md's {@code jinja}): YAML's own booleans
 * ({@code yes} and {@code off} unquoted are already booleans in YAML 1.1, as PyYAML reads them),
 * the texts {@code true/false, t/f, yes/no, y/n, on/off, 1/0} in any case, and the numbers 1 and 0.
 */
public final class PydanticBool {

    private static final Set<String> TRUE_TEXT = Set.of("true", "t", "yes", "y", "on", "1");
    private static final Set<String> FALSE_TEXT = Set.of("false", "f", "no", "n", "off", "0");

    /** What markata's pydantic reads as a bool, for an error naming the field. */
    public static final String ALLOWED = "must be true or false (or as markata's pydantic also reads it: yes or no,"
            + " on or off, 1 or 0)";

    private PydanticBool() {
    }

    /** The value's truth, or empty when pydantic would refuse it. */
    public static Optional<Boolean> of(Object value) {
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s) {
            String text = s.strip().toLowerCase(Locale.ROOT);
            return TRUE_TEXT.contains(text) ? Optional.of(true) : FALSE_TEXT.contains(text) ? Optional.of(false)
                    : Optional.empty();
        }
        if (value instanceof Number n && (n.doubleValue() == 1 || n.doubleValue() == 0)) {
            return Optional.of(n.doubleValue() == 1);
        }
        return Optional.empty();
    }
}
