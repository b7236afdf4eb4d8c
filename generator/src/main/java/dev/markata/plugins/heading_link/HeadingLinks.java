package dev.markata.plugins.heading_link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds markata's permalink to each heading of a page that has an id: inside the heading, after
 * its content, {@code <a ... class="heading-permalink">} holding an empty
 * {@code span.visually-hidden} and a chain-link SVG, with markata's attributes in the order its
 * BeautifulSoup writes them. As in markata, the heading with id {@code title} and a heading that
 * already holds a {@code heading-permalink} get none; a heading without an id gets none either
 * (markata links those to {@code #None}).
 *
 * <p>The page is scanned once, not parsed and written out again (markata's BeautifulSoup
 * rewrites the whole page): everything but the added links stays byte for byte. Comments and the
 * text of {@code script}, {@code style} and {@code textarea} are passed over, so a heading-like
 * string there is left alone.
 */
final class HeadingLinks {

    /** markata's chain-link icon. */
    private static final String ICON_PATH = "M9.199 13.599a5.99 5.99 0 0 0 3.949 2.345 5.987 5.987 0 0 0 5.105-1.702l2.995-2.994"
            + "a5.992 5.992 0 0 0 1.695-4.285 5.976 5.976 0 0 0-1.831-4.211 5.99 5.99 0 0 0-6.431-1.242 6.003 6.003 0 0 0-1.905"
            + " 1.24l-1.731 1.721a.999.999 0 1 0 1.41 1.418l1.709-1.699a3.985 3.985 0 0 1 2.761-1.123 3.975 3.975 0 0 1 2.799"
            + " 1.122 3.997 3.997 0 0 1 .111 5.644l-3.005 3.006a3.982 3.982 0 0 1-3.395 1.126 3.987 3.987 0 0 1-2.632-1.563"
            + "A1 1 0 0 0 9.201 13.6zm5.602-3.198a5.99 5.99 0 0 0-3.949-2.345 5.987 5.987 0 0 0-5.105 1.702l-2.995 2.994"
            + "a5.992 5.992 0 0 0-1.695 4.285 5.976 5.976 0 0 0 1.831 4.211 5.99 5.99 0 0 0 6.431 1.242 6.003 6.003 0 0 0"
            + " 1.905-1.24l1.723-1.723a.999.999 0 1 0-1.414-1.414L9.836 19.81a3.985 3.985 0 0 1-2.761 1.123 3.975 3.975 0 0"
            + " 1-2.799-1.122 3.997 3.997 0 0 1-.111-5.644l3.005-3.006a3.982 3.982 0 0 1 3.395-1.126 3.987 3.987 0 0 1 2.632"
            + " 1.563 1 1 0 0 0 1.602-1.198z";

    /** An attribute of a start tag: its name, and its value double-quoted, single-quoted or bare. */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?");
    /** An element of class heading-permalink (a link added before: markata adds none then). */
    private static final Pattern PERMALINK = Pattern.compile(
            "<a\\s[^>]*class\\s*=\\s*(?:\"[^\"]*|'[^']*|)\\bheading-permalink\\b", Pattern.CASE_INSENSITIVE);

    private HeadingLinks() {
    }

    /** {@code html} with the links added, or the very same string when no heading gets one. */
    static String add(String html) {
        StringBuilder out = null;
        int copied = 0;
        int at = html.indexOf('<');
        while (at >= 0 && at < html.length()) {
            int next;
            if (html.startsWith("<!--", at)) {
                int end = html.indexOf("-->", at + 4);
                next = end < 0 ? html.length() : end + 3;
            } else if (startTag(html, at, "script") || startTag(html, at, "style") || startTag(html, at, "textarea")) {
                next = endOfRawText(html, at);
            } else if (isHeadingStart(html, at)) {
                char level = html.charAt(at + 2);
                int tagEnd = endOfTag(html, at);
                if (tagEnd < 0) {
                    break;
                }
                int close = closingTag(html, tagEnd, level);
                String id = id(html.substring(at + 3, tagEnd));
                if (close >= 0 && id != null && !id.isEmpty() && !id.equals("title")
                        && !PERMALINK.matcher(html.substring(tagEnd, close)).find()) {
                    out = out == null ? new StringBuilder(html.length() + 2048) : out;
                    out.append(html, copied, close).append(link(id));
                    copied = close;
                }
                next = tagEnd + 1;
            } else {
                next = at + 1;
            }
            at = html.indexOf('<', next);
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }

    /** The link markata adds for the heading with {@code id} (as the page writes it, escaped). */
    static String link(String id) {
        return "<a alt=\"id\" title=\"link to #" + id + "\" href=\"#" + id + "\" class=\"heading-permalink\">"
                + "<span class=\"visually-hidden\"></span>"
                + "<svg fill=\"currentColor\" focusable=\"false\" width=\"1em\" height=\"1em\""
                + " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">"
                + "<path d=\"" + ICON_PATH + "\"></path></svg></a>";
    }

    /** {@code <h1>} to {@code <h6>} (any case), followed by a space, {@code >} or {@code /}. */
    private static boolean isHeadingStart(String html, int at) {
        if (at + 3 >= html.length() || (html.charAt(at + 1) | 0x20) != 'h') {
            return false;
        }
        char level = html.charAt(at + 2);
        char after = html.charAt(at + 3);
        return level >= '1' && level <= '6' && (after == '>' || after == '/' || Character.isWhitespace(after));
    }

    private static boolean startTag(String html, int at, String name) {
        int end = at + 1 + name.length();
        if (end >= html.length() || !html.regionMatches(true, at + 1, name, 0, name.length())) {
            return false;
        }
        char after = html.charAt(end);
        return after == '>' || after == '/' || Character.isWhitespace(after);
    }

    /** Past the end tag of the script, style or textarea element starting at {@code at}. */
    private static int endOfRawText(String html, int at) {
        int nameEnd = at + 1;
        while (nameEnd < html.length() && Character.isLetter(html.charAt(nameEnd))) {
            nameEnd++;
        }
        String close = "</" + html.substring(at + 1, nameEnd);
        for (int i = html.indexOf("</", nameEnd); i >= 0; i = html.indexOf("</", i + 2)) {
            if (html.regionMatches(true, i, close, 0, close.length())) {
                return i + close.length();
            }
        }
        return html.length();
    }

    /** The {@code >} ending the start tag at {@code at} (not one inside a quoted value), or -1. */
    private static int endOfTag(String html, int at) {
        char quote = 0;
        for (int i = at + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    /** Where the heading's {@code </hN>} starts, or -1. */
    private static int closingTag(String html, int from, char level) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (i + 4 < html.length() && (html.charAt(i + 2) | 0x20) == 'h' && html.charAt(i + 3) == level
                    && (html.charAt(i + 4) == '>' || Character.isWhitespace(html.charAt(i + 4)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The id attribute's value as the page writes it (escaped, as in a double-quoted value), or
     * null.
     */
    static String id(String attributes) {
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            if (attribute.group(1).equalsIgnoreCase("id")) {
                if (attribute.group(2) != null) {
                    return attribute.group(2);
                }
                String value = attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                return value == null ? "" : value.replace("\"", "&quot;");
            }
        }
        return null;
    }
}
