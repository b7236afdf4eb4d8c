package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.collections.PyList;
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
final class PythonStrings {

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
    private static PyList split(String text, Object[] args) {
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

    private static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(inWord ? Character.toLowerCase(c) : Character.toUpperCase(c));
            inWord = Character.isLetter(c);
        }
        return out.toString();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text
                : Character.toUpperCase(text.charAt(0)) + text.substring(1).toLowerCase(Locale.ROOT);
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
