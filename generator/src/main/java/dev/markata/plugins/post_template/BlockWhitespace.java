package dev.markata.plugins.post_template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja's {@code trim_blocks} and {@code lstrip_blocks} (markata's settings), done on the
 * template's text, so that jinjava, with both off, outputs what Jinja does and counts lines right.
 * trim_blocks (the newline after a block tag or comment is not output): that newline goes into a
 * comment ({@code {% if x %}\n} becomes {@code {% if x %}{#\n#}}, {@code {# c #}\n} becomes
 * {@code {# c \n#}}), which outputs nothing; jinjava's own dropped the newline before counting it,
 * so every error after such a tag named a line too early (a template's 40th line was reported as
 * its 12th). lstrip_blocks (the spaces and tabs from the start of a line to a block tag or comment
 * are not output): jinjava's own took the whitespace before every block tag, also within a line,
 * so {@code Posted {% if x %}today} showed "Postedtoday". A {@code raw} block's content is left
 * as written, and {@code +%}} and {@code {%+} keep their whitespace, as in Jinja.
 */
final class BlockWhitespace {

    private static final Pattern END_RAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private BlockWhitespace() {
    }

    static String apply(String template) {
        StringBuilder out = null;
        int copied = 0;
        int at = 0;
        boolean endOfRaw = false;
        while (true) {
            int open = nextOpening(template, at);
            if (open < 0) {
                break;
            }
            int lineStart = indentStart(template, open);
            if (lineStart >= copied && lineStart < open && !endOfRaw && !template.startsWith("+", open + 2)) {
                // lstrip_blocks: the spaces and tabs before a tag that starts its line are not output
                if (out == null) {
                    out = new StringBuilder(template.length() + 64);
                }
                out.append(template, copied, lineStart);
                copied = open;
            }
            endOfRaw = false;
            String close = template.charAt(open + 1) == '%' ? "%}" : "#}";
            int end = template.indexOf(close, open + 2);
            if (end < 0) {
                break; // unclosed: the parser reports it
            }
            int after = end + 2;
            int newline = newlineAt(template, after);
            boolean raw = close.equals("%}") && isRawTag(template.substring(open + 2, end));
            if (newline > 0 && template.charAt(end - 1) != '+') {
                if (out == null) {
                    out = new StringBuilder(template.length() + 64);
                }
                String taken = template.substring(after, after + newline);
                if (close.equals("#}") || raw) {
                    // into the comment (or the raw tag: a comment after it would be raw text), before
                    // its whitespace control mark
                    int into = template.charAt(end - 1) == '-' ? end - 1 : end;
                    out.append(template, copied, into).append(taken).append(template, into, after);
                } else {
                    // into a comment after the tag: the tag's own text and line stay as written
                    out.append(template, copied, after).append("{#").append(taken).append("#}");
                }
                copied = after + newline;
            }
            at = after;
            if (raw) {
                // a raw block's content is text: go on at its {% endraw %}
                Matcher endRaw = END_RAW.matcher(template);
                if (!endRaw.find(after)) {
                    break;
                }
                at = endRaw.start();
                endOfRaw = true;
            }
        }
        if (out == null) {
            return template;
        }
        return out.append(template, copied, template.length()).toString();
    }

    /** Where the spaces and tabs before {@code open} start, if only they are before it on its line; else -1. */
    private static int indentStart(String template, int open) {
        int start = open;
        while (start > 0 && (template.charAt(start - 1) == ' ' || template.charAt(start - 1) == '\t')) {
            start--;
        }
        return start == 0 || template.charAt(start - 1) == '\n' || template.charAt(start - 1) == '\r' ? start : -1;
    }

    private static int nextOpening(String template, int from) {
        int block = template.indexOf("{%", from);
        int comment = template.indexOf("{#", from);
        if (block < 0) {
            return comment;
        }
        return comment < 0 ? block : Math.min(block, comment);
    }

    private static boolean isRawTag(String inside) {
        String tag = inside.strip();
        if (tag.startsWith("-") || tag.startsWith("+")) {
            tag = tag.substring(1).strip();
        }
        if (tag.endsWith("-") || tag.endsWith("+")) {
            tag = tag.substring(0, tag.length() - 1).strip();
        }
        return tag.equals("raw");
    }

    /** The length of the newline at {@code at} ("\n" or "\r\n"), else 0. */
    private static int newlineAt(String text, int at) {
        if (text.startsWith("\n", at)) {
            return 1;
        }
        return text.startsWith("\r\n", at) ? 2 : 0;
    }
}
