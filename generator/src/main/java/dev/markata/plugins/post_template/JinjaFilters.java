package dev.markata.plugins.post_template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.AdvancedFilter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.filter.FirstFilter;
import com.hubspot.jinjava.lib.filter.RejectFilter;
import com.hubspot.jinjava.lib.filter.SelectFilter;
import com.hubspot.jinjava.lib.filter.LastFilter;
import com.hubspot.jinjava.lib.filter.ListFilter;
import com.hubspot.jinjava.lib.filter.MapFilter;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.ObjectIterator;
import com.hubspot.jinjava.util.ObjectTruthValue;
import dev.markata.plugins.feeds.FeedsPlugin;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * Jinja2's own versions of filters whose jinjava namesakes give other results, and the ones
 * jinjava lacks, found with the render cases (JinjaRenderCasesTest): {@code groupby} (sorted
 * groups, dotted attributes, {@code for key, items in}), {@code batch} (no padding without a
 * fill), {@code slice} (n columns), {@code dictsort} ({@code by}, {@code reverse}),
 * {@code tojson} (Python's json.dumps, sorted keys, HTML-safe), {@code round} (Python's
 * rounding, a float), {@code truncate} (the end counted in the length, a leeway of 5),
 * {@code map(attribute=)} (dotted, indexed, with a default), {@code urlencode} (as Python's
 * quote), {@code default(boolean=)}, {@code sum(attribute, start)}, {@code int} and {@code float}
 * (Python's parsing), {@code trim(chars)}, {@code title} (words start after spaces, -, brackets),
 * {@code striptags} (entities unescaped), {@code indent} (blank lines kept blank), {@code xmlattr},
 * {@code format} (Python's %, names too), {@code min}, {@code max} and {@code items}.
 */
final class JinjaFilters {

    private JinjaFilters() {
    }

    static List<Filter> all() {
        return List.of(new GroupBy(), new Batch(), new Slice(), new DictSort(), new ToJson(), new Round(),
                new MinMax("min"), new MinMax("max"), new Items(), new Truncate(), new MapAttribute(),
                new UrlEncode(), new Escape("escape"), new Escape("e"), new Escape("forceescape"),
                new AsPythonIterable(new ListFilter()), new AsPythonIterable(new FirstFilter()),
                new AsPythonIterable(new LastFilter()), new Join(), new Truthy(new SelectFilter(), true),
                new Truthy(new RejectFilter(), false),
                new Default("default"), new Default("d"), new Sum(), new ToInt(), new ToFloat(), new Trim(), new Title(),
                new StripTags(), new Indent(), new XmlAttr(), new Format());
    }

    static Object argument(Object[] args, Map<String, Object> kwargs, int position, String name) {
        if (kwargs != null && kwargs.containsKey(name)) {
            return kwargs.get(name);
        }
        return args != null && args.length > position ? args[position] : null;
    }

    private static List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        ForLoop loop = ObjectIterator.getLoop(value);
        while (loop.hasNext()) {
            items.add(loop.next());
        }
        return items;
    }

    private static int count(Object value, String filter) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(filter + ": the count must be a whole number, not " + value);
        }
        return n.intValue();
    }

    /** A filter registered under a name given when it is made (min and max, e and escape, d and default). */
    private abstract static class Named implements AdvancedFilter {
        final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** Jinja's attribute look-up: dotted, a number indexes a list. */
    static Object attribute(JinjavaInterpreter interpreter, Object item, Object attribute) {
        Object value = item;
        for (String part : attribute.toString().split("\\.")) {
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> list && part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                int at = Integer.parseInt(part);
                value = at < list.size() ? list.get(at) : null;
            } else {
                value = interpreter.resolveProperty(value, List.of(part));
            }
        }
        return value;
    }

    /**
     * Jinja's order of sort keys: feeds' and {@code markata.map}'s ({@link FeedsPlugin#compareValues}),
     * but text ignores case unless {@code case_sensitive} is set.
     */
    static int compare(Object a, Object b, boolean caseSensitive) {
        boolean numbers = a instanceof Number && b instanceof Number;
        if (!caseSensitive && !numbers && (a instanceof CharSequence || b instanceof CharSequence)) {
            return a.toString().toLowerCase(Locale.ROOT).compareTo(b.toString().toLowerCase(Locale.ROOT));
        }
        return FeedsPlugin.compareValues(a, b);
    }

    /**
     * One group of {@code groupby}: {@code g.grouper} and {@code g.list}, and a pair for
     * {@code {% for key, items in ... %}} and printing ({@code ('tech', [...])}).
     */
    public static final class Group extends AbstractMap.SimpleImmutableEntry<Object, List<Object>> {
        Group(Object grouper, List<Object> list) {
            super(grouper, list);
        }

        public Object getGrouper() {
            return getKey();
        }

        public List<Object> getList() {
            return getValue();
        }
    }

    /** {@code groupby(attribute, default=None, case_sensitive=False)}: groups sorted by their key. */
    static final class GroupBy implements AdvancedFilter {
        @Override
        public String getName() {
            return "groupby";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object attribute = argument(args, kwargs, 0, "attribute");
            if (attribute == null) {
                throw new IllegalArgumentException("groupby: needs the attribute to group by, as groupby('category')");
            }
            Object fallback = argument(args, kwargs, 1, "default");
            boolean caseSensitive = ObjectTruthValue.evaluate(argument(args, kwargs, 2, "case_sensitive"));
            record Keyed(Object key, Object item) {
            }
            List<Keyed> keyed = new ArrayList<>();
            for (Object item : items(value)) {
                Object key = attribute(interpreter, item, attribute);
                keyed.add(new Keyed(key == null ? fallback : key, item));
            }
            keyed.sort(Comparator.comparing(Keyed::key, Comparator.nullsFirst((a, b) -> compare(a, b, caseSensitive))));
            List<Group> groups = new ArrayList<>();
            for (Keyed k : keyed) {
                Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
                if (last != null && compare(last.getKey(), k.key(), caseSensitive) == 0) {
                    last.getList().add(k.item());
                } else {
                    List<Object> list = new ArrayList<>();
                    list.add(k.item());
                    groups.add(new Group(k.key(), list));
                }
            }
            return groups;
        }
    }

    /** {@code batch(count, fill_with=None)}: the last batch is filled only when a fill is given. */
    static final class Batch implements AdvancedFilter {
        @Override
        public String getName() {
            return "batch";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            int size = count(argument(args, kwargs, 0, "linecount"), "batch");
            Object fill = argument(args, kwargs, 1, "fill_with");
            List<Object> items = items(value);
            List<List<Object>> batches = new ArrayList<>();
            if (size <= 0) {
                throw new IllegalArgumentException("batch: the count must be 1 or more, not " + size);
            }
            for (int start = 0; start < items.size(); start += size) {
                List<Object> batch = new ArrayList<>(items.subList(start, Math.min(items.size(), start + size)));
                while (fill != null && batch.size() < size) {
                    batch.add(fill);
                }
                batches.add(batch);
            }
            return batches;
        }
    }

    /** {@code slice(slices, fill_with=None)}: the items in that many columns, the first ones longer. */
    static final class Slice implements AdvancedFilter {
        @Override
        public String getName() {
            return "slice";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            int slices = count(argument(args, kwargs, 0, "slices"), "slice");
            if (slices <= 0) {
                throw new IllegalArgumentException("slice: the number of slices must be 1 or more, not " + slices);
            }
            Object fill = argument(args, kwargs, 1, "fill_with");
            List<Object> items = items(value);
            int per = items.size() / slices;
            int longer = items.size() % slices;
            List<List<Object>> columns = new ArrayList<>();
            int offset = 0;
            for (int i = 0; i < slices; i++) {
                int start = offset + i * per;
                if (i < longer) {
                    offset++;
                }
                int end = offset + (i + 1) * per;
                List<Object> column = new ArrayList<>(items.subList(start, end));
                if (fill != null && i >= longer && longer > 0) {
                    column.add(fill);
                }
                columns.add(column);
            }
            return columns;
        }
    }

    /** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: (key, value) pairs. */
    static final class DictSort implements AdvancedFilter {
        @Override
        public String getName() {
            return "dictsort";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("dictsort: sorts a dict, not " + PythonText.str(value));
            }
            boolean caseSensitive = ObjectTruthValue.evaluate(argument(args, kwargs, 0, "case_sensitive"));
            Object by = argument(args, kwargs, 1, "by");
            boolean byValue = "value".equals(by);
            if (by != null && !byValue && !"key".equals(by)) {
                throw new IllegalArgumentException("dictsort: by is \"key\" or \"value\", not \"" + by + "\"");
            }
            boolean reverse = ObjectTruthValue.evaluate(argument(args, kwargs, 2, "reverse"));
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            Comparator<Map.Entry<?, ?>> order = (a, b) -> compare(byValue ? a.getValue() : a.getKey(),
                    byValue ? b.getValue() : b.getKey(), caseSensitive);
            entries.sort(reverse ? order.reversed() : order);
            return entries;
        }
    }

    /** {@code items}: a dict's (key, value) pairs; nothing for none. */
    static final class Items implements AdvancedFilter {
        @Override
        public String getName() {
            return "items";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("items: takes a dict, not " + PythonText.str(value));
            }
            return new ArrayList<>(map.entrySet());
        }
    }

    /** {@code min} and {@code max}(case_sensitive=False, attribute=None): nothing for an empty list. */
    static final class MinMax extends Named {
        MinMax(String name) {
            super(name);
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            boolean caseSensitive = ObjectTruthValue.evaluate(argument(args, kwargs, 0, "case_sensitive"));
            Object attribute = argument(args, kwargs, 1, "attribute");
            Object best = null;
            Object bestKey = null;
            boolean first = true;
            for (Object item : items(value)) {
                Object key = attribute == null ? item : attribute(interpreter, item, attribute);
                int order = first ? 0 : compare(key, bestKey, caseSensitive);
                if (first || (name.equals("min") ? order < 0 : order > 0)) {
                    best = item;
                    bestKey = key;
                    first = false;
                }
            }
            return best;
        }
    }

    /** {@code round(precision=0, method='common')}: Python's round (half to even, of the float's exact value); a float. */
    static final class Round implements AdvancedFilter {
        @Override
        public String getName() {
            return "round";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object precisionArg = argument(args, kwargs, 0, "precision");
            int precision = precisionArg instanceof Number n ? n.intValue() : 0;
            Object method = argument(args, kwargs, 1, "method");
            if (!(value instanceof Number number)) {
                throw new IllegalArgumentException("round: rounds a number, not " + PythonText.str(value));
            }
            String how = method == null ? "common" : method.toString();
            RoundingMode mode = switch (how) {
                case "common" -> RoundingMode.HALF_EVEN;
                case "floor" -> RoundingMode.FLOOR;
                case "ceil" -> RoundingMode.CEILING;
                default -> throw new IllegalArgumentException(
                        "round: method is \"common\", \"ceil\" or \"floor\", not \"" + how + "\"");
            };
            boolean whole = number instanceof Integer || number instanceof Long;
            if (whole && mode == RoundingMode.HALF_EVEN) {
                return BigDecimal.valueOf(number.longValue()).setScale(precision, mode).longValue();
            }
            BigDecimal exact = whole ? BigDecimal.valueOf(number.longValue()) : new BigDecimal(number.doubleValue());
            return exact.setScale(precision, mode).doubleValue();
        }
    }

    /**
     * {@code truncate(length=255, killwords=False, end='...', leeway=5)}: text up to 5 longer
     * than the length is kept; else it is cut to the length with the end counted in, at a space
     * unless killwords. jinjava cut after the length and then added the end.
     */
    static final class Truncate implements AdvancedFilter {
        @Override
        public String getName() {
            return "truncate";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object lengthArg = argument(args, kwargs, 0, "length");
            Object leewayArg = argument(args, kwargs, 3, "leeway");
            if (lengthArg != null && !(lengthArg instanceof Number) || leewayArg != null && !(leewayArg instanceof Number)) {
                throw new IllegalArgumentException("truncate: length and leeway are whole numbers, not "
                        + PythonText.str(lengthArg) + " and " + PythonText.str(leewayArg));
            }
            int length = lengthArg == null ? 255 : ((Number) lengthArg).intValue();
            boolean killwords = ObjectTruthValue.evaluate(argument(args, kwargs, 1, "killwords"));
            Object endArg = argument(args, kwargs, 2, "end");
            String end = endArg == null ? "..." : PythonText.str(endArg);
            int leeway = leewayArg == null ? 5 : ((Number) leewayArg).intValue();
            if (length < end.length()) {
                throw new IllegalArgumentException("truncate: the length (" + length + ") is shorter than the end \""
                        + end + "\"");
            }
            String text = PythonText.str(value);
            if (text.length() <= length + leeway) {
                return text;
            }
            String kept = text.substring(0, length - end.length());
            if (!killwords) {
                int space = kept.lastIndexOf(' ');
                kept = space < 0 ? kept : kept.substring(0, space);
            }
            return kept + end;
        }
    }

    /**
     * {@code map(attribute='date.year', default=None)}: Jinja's attribute look-up (dotted, a number
     * indexes a list), and the default for items without it; jinjava's map gave None for
     * {@code date.year} and {@code tags.0} and took no default. {@code map('upper')} stays
     * jinjava's.
     */
    static final class MapAttribute implements AdvancedFilter {
        private final MapFilter jinjava = new MapFilter();

        @Override
        public String getName() {
            return "map";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (kwargs == null || !kwargs.containsKey("attribute")) {
                return jinjava.filter(value, interpreter, args, kwargs);
            }
            Object attribute = kwargs.get("attribute");
            Object fallback = kwargs.get("default");
            List<Object> mapped = new ArrayList<>();
            for (Object item : items(value)) {
                Object found = attribute(interpreter, item, attribute);
                mapped.add(found == null ? fallback : found);
            }
            return mapped;
        }
    }

    /**
     * {@code urlencode}: text as Python's quote with '/' kept (%20 for a space), a dict or a list of
     * pairs as a query string (+ for a space); jinjava wrote + in text, escaped / and took a list
     * of pairs as one text.
     */
    static final class UrlEncode implements AdvancedFilter {
        @Override
        public String getName() {
            return "urlencode";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (value instanceof Map<?, ?> map) {
                return query(new ArrayList<>(map.entrySet()));
            }
            if (value instanceof Collection<?> items) {
                return query(new ArrayList<>(items));
            }
            return quote(PythonText.str(value), "/");
        }

        private static String query(List<?> pairs) {
            StringBuilder out = new StringBuilder();
            for (Object pair : pairs) {
                Object key;
                Object item;
                if (pair instanceof Map.Entry<?, ?> entry) {
                    key = entry.getKey();
                    item = entry.getValue();
                } else if (pair instanceof List<?> two && two.size() == 2) {
                    key = two.get(0);
                    item = two.get(1);
                } else {
                    throw new IllegalArgumentException("urlencode: takes text, a dict or a list of (key, value) pairs,"
                            + " not " + PythonText.repr(pair));
                }
                out.append(out.length() == 0 ? "" : "&").append(quote(PythonText.str(key), "").replace("%20", "+"))
                        .append('=').append(quote(PythonText.str(item), "").replace("%20", "+"));
            }
            return out.toString();
        }

        /** Python's urllib.parse.quote: letters, digits, _.-~ and {@code safe} kept, the rest %XX of UTF-8. */
        static String quote(String text, String safe) {
            StringBuilder out = new StringBuilder(text.length());
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c < 0x80 && (Character.isLetterOrDigit(c) || "_.-~".indexOf(c) >= 0 || safe.indexOf(c) >= 0)) {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return out.toString();
        }
    }

    /**
     * {@code escape} ({@code e}) as markupsafe's: &amp;, &lt;, &gt;, &#39;, &#34;, and text already
     * escaped or marked safe is not escaped again, so {@code x|e|e} and {@code x|safe|e} are
     * what Jinja2 prints; {@code forceescape} escapes it anyway. jinjava escaped twice, and
     * wrote &quot;.
     */
    static final class Escape extends Named {
        Escape(String name) {
            super(name);
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (value instanceof SafeString safe) {
                return name.equals("forceescape") ? new SafeString(escape(safe.getValue())) : safe;
            }
            return new SafeString(escape(PythonText.str(value)));
        }

        static String escape(String text) {
            StringBuilder out = null;
            for (int i = 0; i < text.length(); i++) {
                String entity = switch (text.charAt(i)) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '\'' -> "&#39;";
                    case '"' -> "&#34;";
                    default -> null;
                };
                if (entity != null && out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                if (out != null) {
                    if (entity != null) {
                        out.append(entity);
                    } else {
                        out.append(text.charAt(i));
                    }
                }
            }
            return out == null ? text : out.toString();
        }
    }

    /**
     * jinjava's {@code list}, {@code first} and {@code last} over what Python
     * iterates: text is its characters and a dict its keys ({@code 'ab'|first} is a,
     * {@code d|list} the keys), where jinjava took either as one item.
     */
    static final class AsPythonIterable implements AdvancedFilter {
        private final Filter jinjava;

        AsPythonIterable(Filter jinjava) {
            this.jinjava = jinjava;
        }

        @Override
        public String getName() {
            return jinjava.getName();
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object items = value;
            if (value instanceof String text) {
                items = text.codePoints().mapToObj(Character::toString).toList();
            } else if (value instanceof Map<?, ?> map) {
                items = new ArrayList<>(map.keySet());
            }
            return jinjava.filter(items, interpreter, args, kwargs);
        }
    }

    /** {@code default(default_value='', boolean=False)} ({@code d}): the default for undefined, or for anything false with boolean. */
    static final class Default extends Named {
        Default(String name) {
            super(name);
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object fallback = argument(args, kwargs, 0, "default_value");
            boolean onFalse = ObjectTruthValue.evaluate(argument(args, kwargs, 1, "boolean"));
            if (value == null || onFalse && !ObjectTruthValue.evaluate(value)) {
                return fallback == null ? "" : fallback;
            }
            return value;
        }
    }

    /** {@code sum(attribute=None, start=0)}: whole numbers stay whole. */
    static final class Sum implements AdvancedFilter {
        @Override
        public String getName() {
            return "sum";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object attribute = argument(args, kwargs, 0, "attribute");
            Object start = argument(args, kwargs, 1, "start");
            BigDecimal total = start == null ? BigDecimal.ZERO : decimal(start);
            boolean whole = start == null || start instanceof Integer || start instanceof Long;
            for (Object item : items(value)) {
                Object number = attribute == null ? item : attribute(interpreter, item, attribute);
                whole &= number instanceof Integer || number instanceof Long || number instanceof Boolean;
                total = total.add(decimal(number));
            }
            return whole ? (Object) total.longValueExact() : (Object) total.doubleValue();
        }

        private static BigDecimal decimal(Object number) {
            if (number instanceof Boolean b) {
                return b ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            if (number instanceof Integer || number instanceof Long) {
                return BigDecimal.valueOf(((Number) number).longValue());
            }
            if (number instanceof Number n) {
                return new BigDecimal(Double.toString(n.doubleValue()));
            }
            throw new IllegalArgumentException("sum: adds numbers, not " + PythonText.repr(number));
        }
    }

    /** Text as Python's int() and float() read it: spaces around, _ between digits, a sign. */
    private static String numberText(Object value) {
        return value.toString().strip().replaceAll("(?<=[0-9a-fA-F])_(?=[0-9a-fA-F])", "");
    }

    /** {@code int(default=0, base=10)}: text as Python reads it, else through float; True is 1. */
    static final class ToInt implements AdvancedFilter {
        @Override
        public String getName() {
            return "int";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object fallback = argument(args, kwargs, 0, "default");
            Object baseArg = argument(args, kwargs, 1, "base");
            int base = baseArg instanceof Number n ? n.intValue() : 10;
            Object otherwise = fallback == null ? 0L : fallback;
            if (value instanceof Boolean b) {
                return b ? 1L : 0L;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return value;
            }
            if (value instanceof Number n) {
                return Double.isFinite(n.doubleValue()) ? (Object) (long) n.doubleValue() : otherwise;
            }
            if (value == null) {
                return otherwise;
            }
            String text = numberText(PythonText.str(value));
            try {
                String digits = text;
                boolean negative = digits.startsWith("-");
                if (negative || digits.startsWith("+")) {
                    digits = digits.substring(1);
                }
                String prefix = digits.length() > 1 ? digits.substring(0, 2).toLowerCase(Locale.ROOT) : "";
                int radix = base;
                if (base == 16 && prefix.equals("0x") || base == 8 && prefix.equals("0o") || base == 2 && prefix.equals("0b")) {
                    digits = digits.substring(2);
                } else if (base == 0) {
                    radix = switch (prefix) {
                        case "0x" -> 16;
                        case "0o" -> 8;
                        case "0b" -> 2;
                        default -> 10;
                    };
                    digits = radix == 10 ? digits : digits.substring(2);
                }
                BigInteger parsed = new BigInteger(digits, radix);
                parsed = negative ? parsed.negate() : parsed;
                return parsed.bitLength() < 64 ? (Object) parsed.longValue() : parsed;
            } catch (NumberFormatException | StringIndexOutOfBoundsException notWhole) {
                try {
                    double d = Double.parseDouble(text);
                    return Double.isFinite(d) ? (Object) (long) d : otherwise;
                } catch (NumberFormatException notNumber) {
                    return otherwise;
                }
            }
        }
    }

    /** {@code float(default=0.0)}: text as Python reads it ('1e3', '1_000.5'); True is 1.0. */
    static final class ToFloat implements AdvancedFilter {
        @Override
        public String getName() {
            return "float";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object fallback = argument(args, kwargs, 0, "default");
            Object otherwise = fallback == null ? 0.0 : fallback;
            if (value instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            if (value instanceof Number n) {
                return n.doubleValue();
            }
            if (value == null) {
                return otherwise;
            }
            String text = numberText(PythonText.str(value));
            if (text.isEmpty() || !text.matches("(?i)[+-]?(\\d+\\.?\\d*(e[+-]?\\d+)?|\\.\\d+(e[+-]?\\d+)?|inf(inity)?|nan)")) {
                return otherwise;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("inf") || lower.contains("nan")) {
                return lower.contains("nan") ? Double.NaN
                        : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return Double.parseDouble(text);
        }
    }

    /** {@code trim(chars=None)}: whitespace, or the given characters, off both ends. */
    static final class Trim implements AdvancedFilter {
        @Override
        public String getName() {
            return "trim";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object chars = argument(args, kwargs, 0, "chars");
            Object[] strip = chars == null ? new Object[0] : new Object[] {PythonText.str(chars)};
            return PythonStrings.call(PythonText.str(value), "strip", strip);
        }
    }

    /**
     * {@code title}: Jinja's, each word's first character upper and the rest lower, words starting
     * after spaces, -, (, {, [ and <; jinjava's started words only after spaces and capitalised
     * after digits.
     */
    static final class Title implements AdvancedFilter {
        @Override
        public String getName() {
            return "title";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            String text = PythonText.str(value);
            StringBuilder out = new StringBuilder(text.length());
            boolean start = true;
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                boolean separator = Character.isWhitespace(c) || "-({[<".indexOf(c) >= 0;
                out.appendCodePoint(separator ? c : start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = separator;
                i += Character.charCount(c);
            }
            return out.toString();
        }
    }

    private static final Pattern COMMENTS = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAGS = Pattern.compile("(?s)<.*?>");

    /**
     * {@code striptags}: markupsafe's, comments and tags removed, runs of whitespace one space,
     * then entities unescaped ({@code &amp;} is &amp;); jinjava left the entities, so a
     * description made of escaped HTML kept {@code &amp;} and was escaped again by {@code |e}.
     */
    static final class StripTags implements AdvancedFilter {
        @Override
        public String getName() {
            return "striptags";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            String text = TAGS.matcher(COMMENTS.matcher(PythonText.str(value)).replaceAll("")).replaceAll("");
            String spaced = String.join(" ", PythonStrings.split(text, new Object[0]).stream().map(String::valueOf).toList());
            return StringEscapeUtils.unescapeHtml4(spaced);
        }
    }

    /** {@code indent(width=4, first=False, blank=False)}: width may be text; blank lines stay blank. */
    static final class Indent implements AdvancedFilter {
        @Override
        public String getName() {
            return "indent";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object width = argument(args, kwargs, 0, "width");
            boolean first = ObjectTruthValue.evaluate(argument(args, kwargs, 1, "first"));
            boolean blank = ObjectTruthValue.evaluate(argument(args, kwargs, 2, "blank"));
            boolean given = args != null && args.length > 0 || kwargs != null && kwargs.containsKey("width");
            String indention = width == null && !given ? "    " : width instanceof Number n ? " ".repeat(Math.max(0, n.intValue()))
                    : width instanceof String text ? text : null;
            if (indention == null) {
                throw new IllegalArgumentException("indent: width is a number of spaces or text, not "
                        + PythonText.repr(width));
            }
            List<String> lines = (PythonText.str(value) + "\n").lines().toList();
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (i > 0) {
                    out.append('\n');
                }
                if (i == 0 ? first : blank || !line.isEmpty()) {
                    out.append(indention);
                }
                out.append(line);
            }
            return out.toString();
        }
    }

    /** {@code xmlattr(autospace=True)}: name="value" pairs, escaped, space-separated; None values left out. */
    static final class XmlAttr implements AdvancedFilter {
        @Override
        public String getName() {
            return "xmlattr";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("xmlattr: takes a dict of attributes, not " + PythonText.repr(value));
            }
            Object autospace = argument(args, kwargs, 0, "autospace");
            List<String> items = new ArrayList<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    String name = PythonText.str(key);
                    if (name.chars().anyMatch(c -> Character.isWhitespace(c) || "/>=".indexOf(c) >= 0)) {
                        throw new IllegalArgumentException("xmlattr: invalid character in attribute name " + name);
                    }
                    items.add(Escape.escape(name) + "=\"" + Escape.escape(PythonText.str(item)) + "\"");
                }
            });
            String text = String.join(" ", items);
            return (autospace == null || ObjectTruthValue.evaluate(autospace)) && !text.isEmpty() ? " " + text : text;
        }
    }

    /** {@code format(*args, **kwargs)}: Python's % with the arguments as a tuple, or by name. */
    static final class Format implements AdvancedFilter {
        @Override
        public String getName() {
            return "format";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            boolean named = kwargs != null && !kwargs.isEmpty();
            if (named && args != null && args.length > 0) {
                throw new IllegalArgumentException("format: takes values by position or by name, not both");
            }
            Object values = named ? kwargs : new PyList(new ArrayList<>(Arrays.asList(args == null ? new Object[0] : args)));
            return PythonOperators.PercentFormat.format(PythonText.str(value), values);
        }
    }

    /**
     * {@code join(d='', attribute=None)}: the items as the page prints them (True, ['a']), over
     * text's characters and a dict's keys; jinjava's wrote true.
     */
    static final class Join implements AdvancedFilter {
        @Override
        public String getName() {
            return "join";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object separator = argument(args, kwargs, 0, "d");
            Object attribute = argument(args, kwargs, 1, "attribute");
            Iterable<?> items = value instanceof String text ? text.codePoints().mapToObj(Character::toString).toList()
                    : value instanceof Map<?, ?> map ? map.keySet() : items(value);
            StringBuilder out = new StringBuilder();
            String between = PythonText.str(separator);
            boolean first = true;
            for (Object item : items) {
                out.append(first ? "" : between);
                Object shown = attribute == null ? item : attribute(interpreter, item, attribute);
                out.append(PythonText.str(shown));
                first = false;
            }
            return out.toString();
        }
    }

    /** {@code select()} and {@code reject()} without a test keep (or drop) the true items, as Jinja's; with one they are jinjava's. */
    static final class Truthy implements AdvancedFilter {
        private final AdvancedFilter jinjava;
        private final boolean keep;

        Truthy(AdvancedFilter jinjava, boolean keep) {
            this.jinjava = jinjava;
            this.keep = keep;
        }

        @Override
        public String getName() {
            return jinjava.getName();
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (args != null && args.length > 0 || kwargs != null && !kwargs.isEmpty()) {
                return jinjava.filter(value, interpreter, args, kwargs);
            }
            return items(value).stream().filter(item -> ObjectTruthValue.evaluate(item) == keep).toList();
        }
    }

    /** {@code tojson(indent=None)}: Python's json.dumps with sorted keys, and <, >, &, ' escaped for HTML. */
    static final class ToJson implements AdvancedFilter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object indent = argument(args, kwargs, 0, "indent");
            return PythonJson.dumps(value, indent instanceof Number n ? n.intValue() : -1, true, true);
        }
    }
}
