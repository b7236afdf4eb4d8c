package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.collections.PyList;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str} methods for text in templates: Jinja templates written for markata call
 * {@code post.title.startswith('x')}, {@code slug.split('/')}, {@code name.lower()}, and jinjava
 * gave text only Java's methods (those failed, and {@code split} took a regular expression and
 * returned an array that prints as {@code [Ljava.lang.String;@...}). Other names fall through to
 * Java's methods ({@code replace}, {@code length()} go on working).
 */
public final class PythonStrings {

    /** What {@link #call} returns for a method it does not have. */
    static final Object NOT_HANDLED = new Object();

    private PythonStrings() {
    }

    static Object call(String text, String method, Object[] args) {
        return switch (method) {
            case "lower" -> args.length == 0 ? text.toLowerCase(Locale.ROOT) : NOT_HANDLED;
            case "upper" -> args.length == 0 ? text.toUpperCase(Locale.ROOT) : NOT_HANDLED;
            case "startswith" -> args.length == 1 ? anyOf(args[0]).stream().anyMatch(text::startsWith) : NOT_HANDLED;
            case "endswith" -> args.length == 1 ? anyOf(args[0]).stream().anyMatch(text::endsWith) : NOT_HANDLED;
            case "strip" -> args.length <= 1 ? rstrip(lstrip(text, chars(args)), chars(args)) : NOT_HANDLED;
            case "lstrip" -> args.length <= 1 ? lstrip(text, chars(args)) : NOT_HANDLED;
            case "rstrip" -> args.length <= 1 ? rstrip(text, chars(args)) : NOT_HANDLED;
            case "split" -> args.length <= 2 ? split(text, args) : NOT_HANDLED;
            case "title" -> args.length == 0 ? title(text) : NOT_HANDLED;
            case "capitalize" -> args.length == 0 ? capitalize(text) : NOT_HANDLED;
            case "count" -> args.length == 1 ? (long) count(text, String.valueOf(args[0])) : NOT_HANDLED;
            case "find" -> args.length == 1 ? (long) text.indexOf(String.valueOf(args[0])) : NOT_HANDLED;
            case "join" -> args.length == 1 && args[0] instanceof Collection<?> items
                    ? String.join(text, items.stream().map(String::valueOf).toList()) : NOT_HANDLED;
            case "isdigit" -> args.length == 0 ? !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                    : NOT_HANDLED;
            case "replace" -> args.length == 3 && args[2] instanceof Number max
                    ? replace(text, String.valueOf(args[0]), String.valueOf(args[1]), max.intValue()) : NOT_HANDLED;
            case "rsplit" -> args.length <= 2 && (args.length == 0 || args[0] != null) ? rsplit(text, args) : NOT_HANDLED;
            case "splitlines" -> args.length == 0 ? new PyList(new ArrayList<>(text.lines().toList())) : NOT_HANDLED;
            case "index", "rfind" -> args.length == 1 ? (long) position(text, method, String.valueOf(args[0]))
                    : NOT_HANDLED;
            case "islower" -> args.length == 0 ? cased(text) && text.equals(text.toLowerCase(Locale.ROOT)) : NOT_HANDLED;
            case "isupper" -> args.length == 0 ? cased(text) && text.equals(text.toUpperCase(Locale.ROOT)) : NOT_HANDLED;
            case "isalpha" -> args.length == 0 ? !text.isEmpty() && text.codePoints().allMatch(Character::isLetter)
                    : NOT_HANDLED;
            case "isnumeric", "isdecimal" -> args.length == 0
                    ? !text.isEmpty() && text.codePoints().allMatch(Character::isDigit) : NOT_HANDLED;
            case "zfill" -> args.length == 1 && args[0] instanceof Number width ? zfill(text, width.intValue())
                    : NOT_HANDLED;
            case "center", "ljust", "rjust" -> (args.length == 1 || args.length == 2) && args[0] instanceof Number width
                    ? pad(text, method, width.intValue(), args.length == 2 ? String.valueOf(args[1]) : " ")
                    : NOT_HANDLED;
            case "removeprefix" -> args.length == 1 && text.startsWith(String.valueOf(args[0]))
                    ? text.substring(String.valueOf(args[0]).length()) : args.length == 1 ? text : NOT_HANDLED;
            case "removesuffix" -> args.length == 1 && text.endsWith(String.valueOf(args[0]))
                    ? text.substring(0, text.length() - String.valueOf(args[0]).length())
                    : args.length == 1 ? text : NOT_HANDLED;
            case "casefold" -> args.length == 0 ? text.toLowerCase(Locale.ROOT) : NOT_HANDLED;
            case "swapcase" -> args.length == 0 ? swapcase(text) : NOT_HANDLED;
            default -> NOT_HANDLED;
        };
    }

    /** startswith and endswith take one text or a tuple of them. */
    private static List<String> anyOf(Object arg) {
        if (arg instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(arg));
    }

    /** The characters strip takes off; null for whitespace. */
    private static String chars(Object[] args) {
        return args.length == 0 || args[0] == null ? null : String.valueOf(args[0]);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static String lstrip(String text, String chars) {
        int start = 0;
        while (start < text.length() && stripped(text.charAt(start), chars)) {
            start++;
        }
        return text.substring(start);
    }

    private static String rstrip(String text, String chars) {
        int end = text.length();
        while (end > 0 && stripped(text.charAt(end - 1), chars)) {
            end--;
        }
        return text.substring(0, end);
    }

    /** {@code split(sep=None, maxsplit=-1)}: on runs of whitespace without a separator. */
    static PyList split(String text, Object[] args) {
        String separator = args.length == 0 || args[0] == null ? null : String.valueOf(args[0]);
        long max = args.length == 2 && args[1] instanceof Number n ? n.longValue() : -1;
        List<Object> parts = new ArrayList<>();
        if (separator == null) {
            String rest = lstrip(text, null);
            while (!rest.isEmpty()) {
                if (max >= 0 && parts.size() == max) {
                    parts.add(rstrip(rest, null));
                    break;
                }
                int end = 0;
                while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                    end++;
                }
                parts.add(rest.substring(0, end));
                rest = lstrip(rest.substring(end), null);
            }
        } else {
            if (separator.isEmpty()) {
                throw new IllegalArgumentException("split(): empty separator");
            }
            int from = 0;
            int at;
            while ((max < 0 || parts.size() < max) && (at = text.indexOf(separator, from)) >= 0) {
                parts.add(text.substring(from, at));
                from = at + separator.length();
            }
            parts.add(text.substring(from));
        }
        return new PyList(parts);
    }

    private static String replace(String text, String old, String by, int max) {
        if (max < 0) {
            return text.replace(old, by);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int done = 0; done < max; done++) {
            int at = text.indexOf(old, from);
            if (at < 0 || old.isEmpty() && at >= text.length()) {
                break;
            }
            out.append(text, from, at).append(by);
            if (old.isEmpty()) {
                out.append(text.charAt(at));
                from = at + 1;
            } else {
                from = at + old.length();
            }
        }
        return out.append(text.substring(from)).toString();
    }

    /** {@code rsplit(sep, maxsplit)}: split from the end; without a separator as {@link #split}. */
    private static PyList rsplit(String text, Object[] args) {
        long max = args.length == 2 && args[1] instanceof Number n ? n.longValue() : -1;
        if (args.length == 0 || max < 0) {
            return split(text, args);
        }
        String separator = String.valueOf(args[0]);
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("rsplit(): empty separator");
        }
        List<Object> parts = new ArrayList<>();
        int end = text.length();
        int at;
        while (parts.size() < max && (at = text.lastIndexOf(separator, end - separator.length())) >= 0) {
            parts.add(0, text.substring(at + separator.length(), end));
            end = at;
        }
        parts.add(0, text.substring(0, end));
        return new PyList(parts);
    }

    private static int position(String text, String method, String part) {
        if (method.equals("rfind")) {
            return text.lastIndexOf(part);
        }
        int at = text.indexOf(part);
        if (at < 0) {
            throw new IllegalArgumentException("index(): substring \"" + part + "\" not found in \"" + text + "\"");
        }
        return at;
    }

    private static boolean cased(String text) {
        return text.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isLowerCase(c));
    }

    private static String zfill(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        boolean sign = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+');
        String zeros = "0".repeat(width - text.length());
        return sign ? text.charAt(0) + zeros + text.substring(1) : zeros + text;
    }

    /** center, ljust, rjust: Python puts the odd fill character of center on the right for even text lengths. */
    private static String pad(String text, String method, int width, String fill) {
        if (fill.length() != 1) {
            throw new IllegalArgumentException(method + "(): the fill character must be exactly one character long");
        }
        int missing = width - text.length();
        if (missing <= 0) {
            return text;
        }
        return switch (method) {
            case "ljust" -> text + fill.repeat(missing);
            case "rjust" -> fill.repeat(missing) + text;
            default -> {
                int left = missing / 2 + (missing & width & 1);
                yield fill.repeat(left) + text + fill.repeat(missing - left);
            }
        };
    }

    private static String swapcase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.isLowerCase(c) ? Character.toUpperCase(c) : c));
        return out.toString();
    }

    /**
     * Python's {@code str.title()}: a character after one that has case is lower-cased, any other
     * title-cased. Letters of scripts without case (CJK, Hebrew) have none, as digits and
     * punctuation: {@code "日本語post"} is {@code "日本語Post"}, as in Python. Python uses the full
     * case mappings, which Java's {@link Character} methods do not make: a letter whose title case
     * is several characters becomes them ({@link #titleCase}), {@code İ} lower-cased is {@code i}
     * and a combining dot, and a capital sigma that ends a word is {@code ς} ({@link #lowerCase}).
     */
    public static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean afterCased = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (afterCased) {
                lowerCase(text, i, c, out);
            } else {
                titleCase(c, out);
            }
            afterCased = isCased(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * Python's "cased": Java's isUpperCase and isLowerCase include Other_Uppercase and
     * Other_Lowercase, as Python's does.
     */
    private static boolean isCased(int c) {
        return Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
    }

    /**
     * Appends {@code c}'s full title case (Unicode's SpecialCasing, which Python follows). Java
     * knows a letter's one-character title case ({@code ǆ} to {@code ǅ}, {@code ᾳ} to {@code ᾼ})
     * and its full upper case ({@code ß} to {@code SS}). Where the title case is several
     * characters, it is the upper case with the letters after its first cased one lower-cased
     * ({@code Ss}, {@code ʼN}, {@code Ffi}, {@code Եւ}), and an iota subscript kept as the
     * combining {@code U+0345} its upper case makes a capital iota of ({@code ᾲ} to {@code Ὰͅ}).
     */
    private static void titleCase(int c, StringBuilder out) {
        int simple = Character.toTitleCase(c);
        String upper = new String(Character.toChars(c)).toUpperCase(Locale.ROOT);
        if (simple != c || Character.isTitleCase(c) || upper.codePointCount(0, upper.length()) == 1) {
            out.appendCodePoint(simple);
            return;
        }
        boolean iotaSubscript = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                .indexOf(YPOGEGRAMMENI) >= 0;
        boolean firstCased = true;
        for (int i = 0; i < upper.length(); ) {
            int u = upper.codePointAt(i);
            i += Character.charCount(u);
            if (iotaSubscript && u == CAPITAL_IOTA && i == upper.length()) {
                out.append(YPOGEGRAMMENI);
            } else if (isCased(u) && !firstCased) {
                out.appendCodePoint(Character.toLowerCase(u));
            } else {
                out.appendCodePoint(u);
                firstCased &= !isCased(u);
            }
        }
    }

    private static final char YPOGEGRAMMENI = '\u0345';
    private static final char CAPITAL_IOTA = '\u0399';
    private static final char CAPITAL_SIGMA = '\u03A3';

    /**
     * Appends {@code c}, at {@code i} of {@code text}, lower-cased as Python does: its full lower
     * case ({@code İ} is {@code i} and a combining dot above), and a capital sigma at the end of a
     * word ({@code ΟΔΟΣ} is {@code Οδος}) the final {@code ς}.
     */
    private static void lowerCase(String text, int i, int c, StringBuilder out) {
        if (c == CAPITAL_SIGMA) {
            out.append(finalSigma(text, i) ? '\u03C2' : '\u03C3');
        } else {
            out.append(new String(Character.toChars(c)).toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Unicode's Final_Sigma condition, as Python tests it: a cased letter before the sigma at
     * {@code i} and none after it, with case-ignorable characters (apostrophes, combining marks)
     * skipped on both sides.
     */
    private static boolean finalSigma(String text, int i) {
        int before = i;
        int c = 0;
        while (before > 0) {
            c = text.codePointBefore(before);
            before -= Character.charCount(c);
            if (!caseIgnorable(c)) {
                break;
            }
        }
        if (before == i || !isCased(c) || caseIgnorable(c)) {
            return false;
        }
        for (int after = i + 1; after < text.length(); ) {
            c = text.codePointAt(after);
            after += Character.charCount(c);
            if (!caseIgnorable(c)) {
                return !isCased(c);
            }
        }
        return true;
    }

    /**
     * Unicode's Case_Ignorable: marks, format characters, modifier letters and symbols, and the
     * apostrophes and dots that sit inside words (Word_Break MidLetter, MidNumLet, Single_Quote).
     */
    private static boolean caseIgnorable(int c) {
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                    Character.MODIFIER_SYMBOL -> true;
            default -> INSIDE_WORDS.indexOf(c) >= 0;
        };
    }

    /** Word_Break MidLetter, MidNumLet and Single_Quote. */
    private static final String INSIDE_WORDS = "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55"
            + "\uFF07\uFF0E\uFF1A";

    /** Python's {@code str.capitalize()}: the first character title-cased (since Python 3.8), the rest lower-cased. */
    private static String capitalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (i == 0) {
                titleCase(c, out);
            } else {
                lowerCase(text, i, c, out);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static int count(String text, String part) {
        if (part.isEmpty()) {
            return text.length() + 1;
        }
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
