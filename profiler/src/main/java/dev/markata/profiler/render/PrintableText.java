package dev.markata.profiler.render;

import java.util.Locale;

/**
 * Text the profiled program chose (thread, class and method names, its command line) made fit
 * for one line of a text file or a terminal. Such names may hold any character: a thread named
 * {@code "line1\nline2"} broke a line of the text tree or of collapsed stacks in two, and one
 * holding an escape sequence ({@code ESC[2J}) coloured or cleared the terminal the tree was
 * printed to. Control characters (C0, DEL, C1) and the Unicode line and paragraph separators
 * are written as Java source writes them ({@code \n}, {@code \u001b}); everything else, other
 * scripts included, is left as it is. The HTML report escapes for HTML instead.
 */
final class PrintableText {

    private PrintableText() {
    }

    /** {@code text} with its control characters escaped; {@code text} itself when it has none. */
    static String of(String text) {
        int first = 0;
        while (first < text.length() && !escaped(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (escaped(c)) {
                        out.append("\\u").append(String.format(Locale.ROOT, "%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
