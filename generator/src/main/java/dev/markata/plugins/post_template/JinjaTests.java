package dev.markata.plugins.post_template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jinja's tests where jinjava's answer differs: {@code True is number} (a bool is a number in
 * Python), text {@code is sequence}, a dict {@code is iterable}, {@code 'a' is in 'abc'}.
 */
final class JinjaTests {

    private JinjaTests() {
    }

    static List<ExpTest> all() {
        return List.of(
                test("number", (value, args) -> value instanceof Number || value instanceof Boolean),
                test("sequence", (value, args) -> value instanceof CharSequence || value instanceof Collection<?>
                        || value instanceof Map<?, ?> || value != null && value.getClass().isArray()),
                test("iterable", (value, args) -> value instanceof CharSequence || value instanceof Iterable<?>
                        || value instanceof Map<?, ?> || value != null && value.getClass().isArray()),
                test("in", (value, args) -> {
                    Object container = args.length > 0 ? args[0] : null;
                    if (container instanceof CharSequence text) {
                        return value != null && text.toString().contains(PythonText.str(value));
                    }
                    if (container instanceof Map<?, ?> map) {
                        return map.containsKey(value);
                    }
                    if (container instanceof Collection<?> items) {
                        return items.stream().anyMatch(item -> PythonOperators.equal(item, value));
                    }
                    throw new IllegalArgumentException("in: needs text, a list or a dict to look in, not "
                            + PythonText.repr(container));
                }));
    }

    private interface Check {
        boolean test(Object value, Object[] args);
    }

    private static ExpTest test(String name, Check check) {
        return new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
                return check.test(value, args == null ? new Object[0] : args);
            }
        };
    }
}
