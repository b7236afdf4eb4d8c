package dev.markata.plugins.feeds;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Python expressions markata sites write as feed filters, parsed once and evaluated per
 * post over its fields only: {@code published == True and 'python' in tags},
 * {@code date <= today and date > today - timedelta(days=30)}, {@code "draft" not in slug.lower()},
 * {@code len(tags) > 0}, {@code str(date).startswith("2024")}, {@code post.title}.
 *
 * <p>Safe by construction: the grammar has literals, post fields, {@code today}, {@code now},
 * {@code and}/{@code or}/{@code not}, comparisons (chained, {@code in}, {@code not in},
 * {@code is}, {@code is not}), {@code + - * /}, indexing, and a fixed list of functions
 * ({@code str len int float bool lower upper timedelta date}), string/date methods and a
 * mapping's {@code get} ({@code post.get('published', False)}); there is
 * no way to reach anything else. A field the post does not have is {@code None}.
 */
public final class FilterExpression {

    /** A syntax or evaluation error; the message says where and what is allowed. */
    public static final class FilterException extends Exception {
        FilterException(String message) {
            super(message);
        }
    }

    /** What a filter can read: a post's fields plus {@code today} and {@code now}. */
    public record Scope(Map<String, Object> fields, LocalDate today, LocalDateTime now) {
    }

    private interface Node {
        Object eval(Scope scope) throws FilterException;
    }

    /**
     * Python's reserved words: none is a field's name, so a filter naming one (a doubled
     * {@code and}, a {@code lambda}) is a syntax error, as in Python, not a field no post has.
     */
    private static final Set<String> PYTHON_KEYWORDS = Set.of("and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private final String source;
    private final Node root;
    private final Set<String> fieldNames;

    private FilterExpression(String source, Node root, Set<String> fieldNames) {
        this.source = source;
        this.root = root;
        this.fieldNames = Set.copyOf(fieldNames);
    }

    public static FilterExpression parse(String source) throws FilterException {
        Parser parser = new Parser(source);
        Node root = parser.expression();
        parser.skipSpace();
        if (parser.at < source.length()) {
            throw parser.error("unexpected \"" + source.substring(parser.at) + "\"");
        }
        return new FilterExpression(source, root, parser.fieldNames);
    }

    public String source() {
        return source;
    }

    /**
     * The post fields the filter names as bare words ({@code tags} in {@code 'a' in tags}; not
     * {@code post.get('key')}, whose default is there for posts without the key): a name no post
     * has is most likely a typo, which would otherwise just make an empty feed.
     */
    public Set<String> fieldNames() {
        return fieldNames;
    }

    /** Whether the post is in: the expression's Python truth value. */
    public boolean test(Scope scope) throws FilterException {
        return truthy(root.eval(scope));
    }

    /** The expression's value (for sort keys and tests). */
    public Object evaluate(Scope scope) throws FilterException {
        return root.eval(scope);
    }

    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    // ---------------------------------------------------------------- parser

    private static final class Parser {
        private final String text;
        private final Set<String> fieldNames = new LinkedHashSet<>();
        private int at;

        Parser(String text) {
            this.text = text;
        }

        FilterException error(String what) {
            return new FilterException("at column " + (at + 1) + ": " + what);
        }

        void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean peekWord(String word) {
            skipSpace();
            if (!text.startsWith(word, at)) {
                return false;
            }
            int end = at + word.length();
            return end >= text.length() || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_');
        }

        boolean word(String word) {
            if (peekWord(word)) {
                at += word.length();
                return true;
            }
            return false;
        }

        boolean symbol(String symbol) {
            skipSpace();
            if (text.startsWith(symbol, at)) {
                at += symbol.length();
                return true;
            }
            return false;
        }

        void expect(String symbol) throws FilterException {
            if (!symbol(symbol)) {
                throw error("expected \"" + symbol + "\"");
            }
        }

        Node expression() throws FilterException {
            Node left = and();
            while (word("or")) {
                Node l = left;
                Node r = and();
                left = s -> {
                    Object v = l.eval(s);
                    return truthy(v) ? v : r.eval(s);
                };
            }
            return left;
        }

        Node and() throws FilterException {
            Node left = not();
            while (word("and")) {
                Node l = left;
                Node r = not();
                left = s -> {
                    Object v = l.eval(s);
                    return truthy(v) ? r.eval(s) : v;
                };
            }
            return left;
        }

        Node not() throws FilterException {
            if (word("not")) {
                Node inner = not();
                return s -> !truthy(inner.eval(s));
            }
            return comparison();
        }

        Node comparison() throws FilterException {
            Node first = sum();
            List<String> ops = new ArrayList<>();
            List<Node> operands = new ArrayList<>();
            operands.add(first);
            while (true) {
                String op = comparisonOperator();
                if (op == null) {
                    break;
                }
                ops.add(op);
                operands.add(sum());
            }
            if (ops.isEmpty()) {
                return first;
            }
            return s -> {
                Object left = operands.get(0).eval(s);
                for (int i = 0; i < ops.size(); i++) {
                    Object right = operands.get(i + 1).eval(s);
                    if (!compare(ops.get(i), left, right)) {
                        return false;
                    }
                    left = right;
                }
                return true;
            };
        }

        String comparisonOperator() {
            for (String op : new String[] {"==", "!=", "<=", ">=", "<", ">"}) {
                if (symbol(op)) {
                    return op;
                }
            }
            if (word("in")) {
                return "in";
            }
            int mark = at;
            if (word("not")) {
                if (word("in")) {
                    return "not in";
                }
                at = mark;
                return null;
            }
            if (word("is")) {
                return word("not") ? "is not" : "is";
            }
            return null;
        }

        Node sum() throws FilterException {
            Node left = product();
            while (true) {
                skipSpace();
                if (symbol("+")) {
                    Node l = left;
                    Node r = product();
                    left = s -> add(l.eval(s), r.eval(s), false);
                } else if (at < text.length() && text.charAt(at) == '-') {
                    at++;
                    Node l = left;
                    Node r = product();
                    left = s -> add(l.eval(s), r.eval(s), true);
                } else {
                    return left;
                }
            }
        }

        Node product() throws FilterException {
            Node left = unary();
            while (true) {
                if (symbol("*")) {
                    Node l = left;
                    Node r = unary();
                    left = s -> arithmetic(l.eval(s), r.eval(s), '*');
                } else if (symbol("/")) {
                    Node l = left;
                    Node r = unary();
                    left = s -> arithmetic(l.eval(s), r.eval(s), '/');
                } else {
                    return left;
                }
            }
        }

        Node unary() throws FilterException {
            if (symbol("-")) {
                Node inner = unary();
                return s -> arithmetic(0L, inner.eval(s), '-');
            }
            return postfix(primary());
        }

        Node postfix(Node node) throws FilterException {
            while (true) {
                if (symbol(".")) {
                    String name = identifier();
                    Node target = node;
                    if (symbol("(")) {
                        List<Node> args = arguments();
                        node = s -> method(target.eval(s), name, evalAll(args, s));
                    } else {
                        node = s -> attribute(target.eval(s), name);
                    }
                } else if (symbol("[")) {
                    Node index = expression();
                    expect("]");
                    Node target = node;
                    node = s -> index(target.eval(s), index.eval(s));
                } else {
                    return node;
                }
            }
        }

        List<Node> arguments() throws FilterException {
            List<Node> args = new ArrayList<>();
            if (symbol(")")) {
                return args;
            }
            do {
                args.add(argument());
            } while (symbol(","));
            expect(")");
            return args;
        }

        /** An argument, possibly {@code name=value} (only timedelta takes names). */
        Node argument() throws FilterException {
            skipSpace();
            int mark = at;
            if (at < text.length() && Character.isLetter(text.charAt(at))) {
                String name = identifier();
                skipSpace();
                if (at < text.length() && text.charAt(at) == '=' && !text.startsWith("==", at)) {
                    at++;
                    Node value = expression();
                    return new Named(name, value);
                }
            }
            at = mark;
            return expression();
        }

        String identifier() throws FilterException {
            skipSpace();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at || Character.isDigit(text.charAt(start))) {
                throw error("expected a name");
            }
            return text.substring(start, at);
        }

        /** The items of a list up to {@code close}, each followed by a comma or not, as Python allows. */
        private void items(List<Node> items, String close) throws FilterException {
            while (!symbol(close)) {
                items.add(expression());
                if (!symbol(",")) {
                    expect(close);
                    return;
                }
            }
        }

        Node primary() throws FilterException {
            skipSpace();
            if (at >= text.length()) {
                throw error("the expression ends too early");
            }
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                Node inner = expression();
                if (!symbol(",")) {
                    expect(")");
                    return inner;
                }
                // a tuple, ('a', 'b') or ('a',), is a list here: filters test membership with in
                List<Node> items = new ArrayList<>(List.of(inner));
                items(items, ")");
                return s -> evalAll(items, s);
            }
            if (c == '[') {
                at++;
                List<Node> items = new ArrayList<>();
                items(items, "]");
                return s -> evalAll(items, s);
            }
            if (c == '"' || c == '\'') {
                String literal = string(c);
                return s -> literal;
            }
            if (Character.isDigit(c)) {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                        || text.charAt(at) == '_')) {
                    at++;
                }
                String number = text.substring(start, at).replace("_", "");
                Object value = number.contains(".") ? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
                return s -> value;
            }
            if (Character.isLetter(c) || c == '_') {
                int start = at;
                String name = identifier();
                if (PYTHON_KEYWORDS.contains(name)) {
                    at = start;
                    throw error("\"" + name + "\" is a word of Python's, not a value or a field's name");
                }
                switch (name) {
                    case "True":
                        return s -> true;
                    case "False":
                        return s -> false;
                    case "None":
                        return s -> null;
                    case "today":
                        return Scope::today;
                    case "now":
                        return Scope::now;
                    case "post":
                        return Scope::fields;
                    default:
                        break;
                }
                if (symbol("(")) {
                    List<Node> args = arguments();
                    return function(name, args);
                }
                fieldNames.add(name);
                return s -> s.fields().get(name);
            }
            throw error("unexpected \"" + c + "\"");
        }

        String string(char quote) throws FilterException {
            int start = at;
            at++;
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != quote) {
                char ch = text.charAt(at);
                if (ch == '\\' && at + 1 < text.length()) {
                    at++;
                    char escaped = text.charAt(at);
                    out.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
                } else {
                    out.append(ch);
                }
                at++;
            }
            if (at >= text.length()) {
                at = start;
                throw error("a string is not closed");
            }
            at++;
            return out.toString();
        }

        Node function(String name, List<Node> args) throws FilterException {
            boolean named = args.stream().anyMatch(a -> a instanceof Named);
            if (name.equals("timedelta")) {
                return s -> {
                    Duration duration = Duration.ZERO;
                    for (Node arg : args) {
                        if (!(arg instanceof Named n)) {
                            throw new FilterException("timedelta takes named arguments: timedelta(days=30)");
                        }
                        double amount = number(n.value.eval(s), "timedelta(" + n.name + "=...)");
                        duration = duration.plus(switch (n.name) {
                            case "weeks" -> Duration.ofSeconds(Math.round(amount * 7 * 86400));
                            case "days" -> Duration.ofSeconds(Math.round(amount * 86400));
                            case "hours" -> Duration.ofSeconds(Math.round(amount * 3600));
                            case "minutes" -> Duration.ofSeconds(Math.round(amount * 60));
                            case "seconds" -> Duration.ofSeconds(Math.round(amount));
                            default -> throw new FilterException("timedelta takes weeks, days, hours, minutes or "
                                    + "seconds, not " + n.name);
                        });
                    }
                    return duration;
                };
            }
            if (named) {
                throw error(name + "() takes no named arguments");
            }
            if (args.size() != 1) {
                throw error(name + "() takes one argument");
            }
            Node arg = args.get(0);
            return switch (name) {
                case "str" -> s -> str(arg.eval(s));
                case "len" -> s -> (long) length(arg.eval(s));
                case "bool" -> s -> truthy(arg.eval(s));
                case "int" -> s -> (long) number(arg.eval(s), "int()");
                case "float" -> s -> number(arg.eval(s), "float()");
                case "lower" -> s -> str(arg.eval(s)).toLowerCase(Locale.ROOT);
                case "upper" -> s -> str(arg.eval(s)).toUpperCase(Locale.ROOT);
                case "date" -> s -> asDate(arg.eval(s));
                default -> throw error("unknown function " + name + "(); filters may call str, len, int, float, "
                        + "bool, lower, upper, date and timedelta");
            };
        }
    }

    private record Named(String name, Node value) implements Node {
        @Override
        public Object eval(Scope scope) throws FilterException {
            throw new FilterException("a named argument (" + name + "=) only works in timedelta()");
        }
    }

    // ------------------------------------------------------------- semantics

    private static List<Object> evalAll(List<Node> nodes, Scope scope) throws FilterException {
        List<Object> values = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            values.add(node.eval(scope));
        }
        return values;
    }

    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof LocalDateTime t) {
            return t.toString().replace('T', ' ');
        }
        if (value instanceof Collection<?> c) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : c) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(item instanceof String s ? "'" + s + "'" : str(item));
            }
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    private static int length(Object value) throws FilterException {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new FilterException("len() needs text or a list, not " + typeName(value));
    }

    private static double number(Object value, String where) throws FilterException {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new FilterException(where + " needs a number, not \"" + s + "\"");
            }
        }
        throw new FilterException(where + " needs a number, not " + typeName(value));
    }

    private static Object asDate(Object value) throws FilterException {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(s.strip().substring(0, Math.min(10, s.strip().length())));
            } catch (RuntimeException e) {
                throw new FilterException("date() needs a date like 2024-05-01, not \"" + s + "\"");
            }
        }
        if (value == null) {
            return null;
        }
        throw new FilterException("date() needs a date, not " + typeName(value));
    }

    static String typeName(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof LocalDate) {
            return "a date";
        }
        if (value instanceof LocalDateTime) {
            return "a date and time";
        }
        if (value instanceof Duration) {
            return "a timedelta";
        }
        if (value instanceof Collection) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return value.getClass().getSimpleName();
    }

    private static Object attribute(Object target, String name) throws FilterException {
        if (target instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (target instanceof LocalDate d) {
            return switch (name) {
                case "year" -> (long) d.getYear();
                case "month" -> (long) d.getMonthValue();
                case "day" -> (long) d.getDayOfMonth();
                default -> throw new FilterException("a date has year, month and day, not " + name);
            };
        }
        if (target instanceof LocalDateTime t) {
            return switch (name) {
                case "year" -> (long) t.getYear();
                case "month" -> (long) t.getMonthValue();
                case "day" -> (long) t.getDayOfMonth();
                case "hour" -> (long) t.getHour();
                default -> throw new FilterException("a date and time has year, month, day and hour, not " + name);
            };
        }
        if (target instanceof Duration d && name.equals("days")) {
            return d.toDays();
        }
        if (target == null) {
            return null; // post.missing.field: None, as an absent front-matter key
        }
        throw new FilterException(typeName(target) + " has no attribute " + name);
    }

    private static Object method(Object target, String name, List<Object> args) throws FilterException {
        if (target instanceof LocalDateTime t && name.equals("date") && args.isEmpty()) {
            return t.toLocalDate();
        }
        if (target instanceof LocalDate d && name.equals("isoformat") && args.isEmpty()) {
            return d.toString();
        }
        if (target instanceof Map<?, ?> map && name.equals("get")) {
            // markata's posts are read like dicts: post.get('published', False)
            if (args.isEmpty() || args.size() > 2) {
                throw new FilterException("get() takes a key and an optional default, like post.get('published', False)");
            }
            String key = str(args.get(0));
            return map.containsKey(key) ? map.get(key) : args.size() == 2 ? args.get(1) : null;
        }
        if (target instanceof Map<?, ?> map && name.equals("keys") && args.isEmpty()) {
            // markata's post has keys() too: markata-slides' feed is '"slide" in post.keys()'
            return map.keySet().stream().map(String::valueOf).toList();
        }
        if (target instanceof Map<?, ?>) {
            throw new FilterException(typeName(target) + " has no method " + name + "(); a post has get(key, default)"
                    + " and keys()");
        }
        if (!(target instanceof String s)) {
            if (target == null) {
                return null;
            }
            throw new FilterException(typeName(target) + " has no method " + name + "()");
        }
        String arg = args.isEmpty() ? null : str(args.get(0));
        switch (name) {
            case "lower":
                return s.toLowerCase(Locale.ROOT);
            case "upper":
                return s.toUpperCase(Locale.ROOT);
            case "strip":
                return s.strip();
            case "title":
                return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
            case "startswith":
                return arg != null && s.startsWith(arg);
            case "endswith":
                return arg != null && s.endsWith(arg);
            case "split":
                return List.of(arg == null ? s.strip().split("\\s+") : s.split(Pattern.quote(arg), -1));
            case "replace":
                if (args.size() != 2) {
                    throw new FilterException("replace() takes two arguments");
                }
                return s.replace(str(args.get(0)), str(args.get(1)));
            default:
                throw new FilterException("text has no method " + name + "(); filters may call lower, upper, "
                        + "strip, title, startswith, endswith, split and replace");
        }
    }

    private static Object index(Object target, Object key) throws FilterException {
        if (target instanceof Map<?, ?> map) {
            return map.get(str(key).equals("None") ? null : key instanceof String k ? k : str(key));
        }
        if (target instanceof List<?> list && key instanceof Long i) {
            int at = (int) (i < 0 ? list.size() + i : i);
            if (at < 0 || at >= list.size()) {
                throw new FilterException("index " + i + " is outside a list of " + list.size());
            }
            return list.get(at);
        }
        if (target instanceof String s && key instanceof Long i) {
            int at = (int) (i < 0 ? s.length() + i : i);
            if (at < 0 || at >= s.length()) {
                throw new FilterException("index " + i + " is outside text of length " + s.length());
            }
            return String.valueOf(s.charAt(at));
        }
        throw new FilterException("cannot index " + typeName(target) + " with " + typeName(key));
    }

    private static Object add(Object left, Object right, boolean subtract) throws FilterException {
        if (left instanceof Temporal date && right instanceof Duration d) {
            if (date instanceof LocalDate day) {
                long days = d.toDays();
                return subtract ? day.minusDays(days) : day.plusDays(days);
            }
            return subtract ? date.minus(d) : date.plus(d);
        }
        if (subtract && left instanceof LocalDate a && right instanceof LocalDate b) {
            return Duration.ofDays(b.until(a, ChronoUnit.DAYS));
        }
        if (!subtract && left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (!subtract && left instanceof List<?> a && right instanceof List<?> b) {
            List<Object> joined = new ArrayList<>(a);
            joined.addAll(b);
            return joined;
        }
        return arithmetic(left, right, subtract ? '-' : '+');
    }

    private static Object arithmetic(Object left, Object right, char op) throws FilterException {
        if (!(left instanceof Number a) || !(right instanceof Number b)) {
            throw new FilterException("cannot compute " + typeName(left) + " " + op + " " + typeName(right));
        }
        if (a instanceof Long x && b instanceof Long y && op != '/') {
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                default -> x * y;
            };
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            default -> x / y;
        };
    }

    static boolean compare(String op, Object left, Object right) throws FilterException {
        switch (op) {
            case "==":
                return equal(left, right);
            case "!=":
                return !equal(left, right);
            case "is":
                return left == null ? right == null : equal(left, right);
            case "is not":
                return left == null ? right != null : !equal(left, right);
            case "in":
                return contains(right, left);
            case "not in":
                return !contains(right, left);
            default:
                break;
        }
        if (left == null || right == null) {
            return false; // a post without the field is not in a range
        }
        int order = order(left, right, op);
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    static boolean equal(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (left instanceof LocalDate a && right instanceof LocalDateTime b) {
            return a.atStartOfDay().equals(b);
        }
        if (left instanceof LocalDateTime a && right instanceof LocalDate b) {
            return a.equals(b.atStartOfDay());
        }
        return Objects.equals(left, right);
    }

    private static boolean contains(Object container, Object item) throws FilterException {
        if (container == null) {
            return false;
        }
        if (container instanceof String s) {
            if (!(item instanceof String part)) {
                throw new FilterException("\"in <text>\" needs text on the left, not " + typeName(item));
            }
            return s.contains(part);
        }
        if (container instanceof Collection<?> c) {
            for (Object element : c) {
                if (equal(item, element)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(item);
        }
        throw new FilterException("\"in\" needs text or a list on the right, not " + typeName(container));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int order(Object left, Object right, String op) throws FilterException {
        if (left instanceof Number a && right instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof LocalDate a && right instanceof LocalDateTime b) {
            return a.atStartOfDay().compareTo(b);
        }
        if (left instanceof LocalDateTime a && right instanceof LocalDate b) {
            return a.compareTo(b.atStartOfDay());
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b);
        }
        if (left.getClass() == right.getClass() && left instanceof Comparable a) {
            return a.compareTo(right);
        }
        throw new FilterException("cannot compare " + typeName(left) + " " + op + " " + typeName(right));
    }
}
