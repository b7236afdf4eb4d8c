package dev.markata.plugins.post_template;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.CollectionMembershipOperator;
import com.hubspot.jinjava.el.ext.CollectionNonMembershipOperator;
import com.hubspot.jinjava.el.ext.PowerOfOperator;
import com.hubspot.jinjava.el.ext.StringConcatOperator;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.javax.el.ELContext;

/**
 * Python's meaning for binary operators where jinjava's differs and markata templates notice:
 * {@code 'Page %d of %d' % (n, total)} formats text (jinjava failed: "Cannot coerce '%d' to
 * Long"), {@code -7 % 3} is 2; {@code 'ab' * 3} repeats text; {@code a and b} gives an operand
 * ({@code post.date and post.date.year}), not true/false; {@code ~} makes text as printing does
 * ({@code True}, {@code ['a']}); {@code ==} compares lists and dicts by their items, numbers by
 * value and never text with a number. Other operators stay jinjava's.
 */
final class PythonOperators {

    private PythonOperators() {
    }

    static AstBinary.Operator replacing(AstBinary.Operator operator) {
        if (operator == AstBinary.MOD) {
            return MOD;
        }
        if (operator == AstBinary.MUL) {
            return MUL;
        }
        if (operator == AstBinary.AND) {
            return AND;
        }
        if (operator == AstBinary.EQ) {
            return EQ;
        }
        if (operator == AstBinary.NE) {
            return NE;
        }
        if (operator instanceof StringConcatOperator) {
            return CONCAT;
        }
        if (operator == AdditionOperator.OP) {
            return ADD;
        }
        if (operator == AstBinary.DIV) {
            return DIV;
        }
        if (operator == PowerOfOperator.OP) {
            return POW;
        }
        if (operator == CollectionMembershipOperator.OP) {
            return IN;
        }
        if (operator instanceof CollectionNonMembershipOperator) {
            return NOT_IN;
        }
        return operator;
    }

    /** An operator that evaluates both operands, then applies. */
    private interface Eager {
        Object apply(Bindings bindings, Object a, Object b);
    }

    private static AstBinary.Operator eager(String symbol, Eager operation) {
        return new AstBinary.Operator() {
            @Override
            public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
                return operation.apply(bindings, left.eval(bindings, context), right.eval(bindings, context));
            }

            @Override
            public String toString() {
                return symbol;
            }
        };
    }

    /** {@code %}: formats text; Python's modulo (the sign of the divisor) for numbers. */
    private static final AstBinary.Operator MOD = eager("%", (bindings, a, b) -> {
        if (a instanceof String format) {
            return PercentFormat.format(format, b);
        }
        if (isInteger(a) && isInteger(b)) {
            long divisor = ((Number) b).longValue();
            if (divisor == 0) {
                throw new ArithmeticException("integer modulo by zero");
            }
            return Math.floorMod(((Number) a).longValue(), divisor);
        }
        if (a instanceof Number x && b instanceof Number y) {
            double divisor = y.doubleValue();
            if (divisor == 0) {
                throw new ArithmeticException("float modulo by zero");
            }
            double r = x.doubleValue() % divisor;
            return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r;
        }
        return NumberOperations.mod(bindings, a, b);
    });

    /** {@code *}: text times a whole number repeats it. */
    private static final AstBinary.Operator MUL = eager("*", (bindings, a, b) -> {
        if (a instanceof String text && isInteger(b)) {
            return text.repeat((int) Math.max(0, ((Number) b).longValue()));
        }
        if (b instanceof String text && isInteger(a)) {
            return text.repeat((int) Math.max(0, ((Number) a).longValue()));
        }
        return NumberOperations.mul(bindings, a, b);
    });

    /** {@code +}: jinjava's, but text and a number do not add up ('a' + 1 fails, as in Python, instead of a1). */
    private static final AstBinary.Operator ADD = new AdditionOperator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object a = left.eval(bindings, context);
            Object b = right.eval(bindings, context);
            if (a instanceof CharSequence && numeric(b) || numeric(a) && b instanceof CharSequence) {
                throw new IllegalArgumentException("cannot add " + PythonText.repr(a) + " and " + PythonText.repr(b)
                        + ": text adds only to text (make text of a number with ~ or |string)");
            }
            return apply(bindings, a, b);
        }
    };

    /** {@code /}: division by zero fails, as in Python; jinjava gave Infinity. */
    private static final AstBinary.Operator DIV = eager("/", (bindings, a, b) -> {
        if (numeric(b) && number(b).signum() == 0 && (numeric(a) || a == null)) {
            throw new ArithmeticException("division by zero");
        }
        return NumberOperations.div(bindings, a, b);
    });

    /** {@code **}: whole numbers stay whole (and exact), a negative or fractional power is a float. */
    private static final AstBinary.Operator POW = eager("**", (bindings, a, b) -> {
        if (!(numeric(a) && numeric(b))) {
            throw new IllegalArgumentException("** takes numbers, not " + PythonText.repr(a) + " and "
                    + PythonText.repr(b));
        }
        if (isInteger(a) && isInteger(b) && ((Number) b).longValue() >= 0 && ((Number) b).longValue() < 10_000) {
            BigInteger result = number(a).toBigInteger().pow((int) ((Number) b).longValue());
            return result.bitLength() < 64 ? (Object) result.longValue() : result;
        }
        return Math.pow(number(a).doubleValue(), number(b).doubleValue());
    });

    /** {@code a and b}: a when it is false, else b, as Python (b is only evaluated when needed). */
    private static final AstBinary.Operator AND = new AstBinary.Operator() {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object a = left.eval(bindings, context);
            return ObjectTruthValue.evaluate(a) ? right.eval(bindings, context) : a;
        }

        @Override
        public String toString() {
            return "and";
        }
    };

    private static final AstBinary.Operator EQ = eager("==", (bindings, a, b) -> equal(a, b));

    /**
     * {@code in}: a post is in a list of posts that holds it ({@code post in
     * markata.feeds.pagefind.posts}); jinjava converted the post to the list's first item's
     * type, failed, and said false. Everything else is jinjava's.
     */
    private static final AstBinary.Operator IN = eager("in", PythonOperators::contains);

    private static final AstBinary.Operator NOT_IN = eager("not in", (bindings, a, b) ->
            !Boolean.TRUE.equals(contains(bindings, a, b)));

    private static Object contains(Bindings bindings, Object item, Object collection) {
        if (PostView.isPost(item) && collection instanceof Collection<?> items && !(collection instanceof Map)) {
            return items.stream().anyMatch(other -> PostView.samePost(item, other));
        }
        return CollectionMembershipOperator.OP.apply(bindings, item, collection);
    }

    private static final AstBinary.Operator NE = eager("!=", (bindings, a, b) -> !equal(a, b));

    /** {@code a ~ b}: both as the page prints them. */
    private static final AstBinary.Operator CONCAT = eager("~", (bindings, a, b) -> PythonText.str(a).concat(PythonText.str(b)));

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    /** Python's ==: numbers (and booleans) by value, text only with text, lists and dicts item by item. */
    static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (PostView.isPost(a) || PostView.isPost(b)) {
            return PostView.samePost(a, b);
        }
        if (numeric(a) && numeric(b)) {
            return number(a).compareTo(number(b)) == 0;
        }
        if (a instanceof CharSequence || b instanceof CharSequence) {
            return a instanceof CharSequence && b instanceof CharSequence && a.toString().equals(b.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) {
                if (!equal(i.next(), j.next())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !equal(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Collection<?> || b instanceof Collection<?>) {
            return Objects.equals(a, b);
        }
        return a.equals(b) || a.toString().equals(b.toString()) && a.getClass() == b.getClass();
    }

    private static boolean numeric(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : BigDecimal.valueOf(Double.MAX_VALUE).multiply(
                    BigDecimal.valueOf(d > 0 ? 10 : -10));
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    /** Python's {@code format % values}. */
    static final class PercentFormat {
        private PercentFormat() {
        }

        static String format(String format, Object values) {
            // a tuple, as ('a', 'b') is in jinjava: exactly a PyList; a list is one value, as in Python
            List<?> positional = values != null && values.getClass() == PyList.class ? (List<?>) values : null;
            Map<?, ?> named = values instanceof Map<?, ?> map ? map : null;
            int next = 0;
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < format.length()) {
                char c = format.charAt(i++);
                if (c != '%') {
                    out.append(c);
                    continue;
                }
                if (i >= format.length()) {
                    throw new IllegalArgumentException("incomplete format: '" + format + "' ends with %");
                }
                Object value;
                String key = null;
                if (format.charAt(i) == '(') {
                    int close = format.indexOf(')', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("incomplete format key in '" + format + "'");
                    }
                    key = format.substring(i + 1, close);
                    i = close + 1;
                }
                int specStart = i;
                while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                    i++;
                }
                while (i < format.length() && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
                    i++;
                }
                if (i >= format.length()) {
                    throw new IllegalArgumentException("incomplete format: '" + format + "'");
                }
                String spec = format.substring(specStart, i);
                char type = format.charAt(i++);
                if (type == '%' && spec.isEmpty()) {
                    out.append('%');
                    continue;
                }
                if (key != null) {
                    if (named == null) {
                        throw new IllegalArgumentException("format requires a mapping: '" + format + "'");
                    }
                    value = named.get(key);
                } else if (positional != null) {
                    if (next >= positional.size()) {
                        throw new IllegalArgumentException("not enough arguments for format string '" + format + "'");
                    }
                    value = positional.get(next++);
                } else {
                    if (next++ > 0) {
                        throw new IllegalArgumentException("not enough arguments for format string '" + format + "'");
                    }
                    value = values;
                }
                out.append(one(spec, type, value, format));
            }
            if (positional != null && next < positional.size()) {
                throw new IllegalArgumentException("not all arguments converted during string formatting of '" + format
                        + "'");
            }
            return out.toString();
        }

        private static String one(String spec, char type, Object value, String format) {
            int flagsEnd = 0;
            while (flagsEnd < spec.length() && "-+ #0".indexOf(spec.charAt(flagsEnd)) >= 0) {
                flagsEnd++;
            }
            String flags = spec.substring(0, flagsEnd);
            String size = spec.substring(flagsEnd);
            int dot = size.indexOf('.');
            String width = dot < 0 ? size : size.substring(0, dot);
            switch (type) {
                case 's', 'r', 'a' -> {
                    String text = type == 's' ? PythonText.str(value) : PythonText.repr(value);
                    return String.format(Locale.ROOT, "%" + (flags.contains("-") ? "-" : "") + size + "s", text);
                }
                case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                    String javaFlags = type == 'x' || type == 'X' || type == 'o' ? flags : flags.replace("#", "");
                    return String.format(Locale.ROOT, "%" + javaFlags + width + (type == 'i' || type == 'u' ? 'd' : type),
                            whole(value, type));
                }
                case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                    if (!(value instanceof Number || value instanceof Boolean)) {
                        throw new IllegalArgumentException("%" + type + " format: a real number is required, not "
                                + PythonText.repr(value));
                    }
                    double d = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
                    String precision = dot < 0 ? ".6" : "";
                    int places = dot < 0 ? 6 : dot == size.length() - 1 ? 0 : Integer.parseInt(size.substring(dot + 1));
                    Object shown = Double.isFinite(d) && type != 'g' && type != 'G' ? roundedAsPython(d, type, places) : d;
                    return String.format(Locale.ROOT, "%" + flags.replace("#", "") + size + precision
                            + (type == 'F' ? 'f' : type), shown);
                }
                case 'c' -> {
                    return value instanceof Number n ? new String(Character.toChars(n.intValue())) : PythonText.str(value);
                }
                default -> throw new IllegalArgumentException("unsupported format character '" + type + "' in '"
                        + format + "'");
            }
        }

        /**
         * The number {@code %.Nf} or {@code %.Ne} prints, rounded as Python rounds it: the float's
         * exact binary value, a tie to the even digit ({@code '%.0f' % 12.5} is 12, {@code '%.2f' % 1.005}
         * is 1.00 as 1.005 is 1.00499... in binary), where Java's formatter rounds the shortest decimal
         * half up (13, 1.01): a site's {@code "%.0f"|format(post.percent)} showed another number. A
         * negative number that rounds to zero keeps its sign, as Python prints {@code -0}.
         */
        private static Object roundedAsPython(double d, char type, int places) {
            BigDecimal exact = new BigDecimal(d);
            BigDecimal rounded = type == 'e' || type == 'E'
                    ? exact.round(new MathContext(places + 1, RoundingMode.HALF_EVEN))
                    : exact.setScale(places, RoundingMode.HALF_EVEN);
            return rounded.signum() == 0 ? (Object) Math.copySign(0.0, d) : rounded;
        }

        private static Object whole(Object value, char type) {
            if (value instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (value instanceof Double || value instanceof Float) {
                return BigDecimal.valueOf(((Number) value).doubleValue()).toBigInteger();
            }
            if (value instanceof Number n) {
                return n instanceof BigInteger ? n : (Object) n.longValue();
            }
            throw new IllegalArgumentException("%" + type + " format: a real number is required, not "
                    + PythonText.repr(value));
        }
    }
}
