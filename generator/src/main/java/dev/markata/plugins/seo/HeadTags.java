package dev.markata.plugins.seo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a page's {@code <head>} already holds, and where tags go at its end: a small scan of the
 * page as the template wrote it (no parser on the class path for this, and a page is the
 * template's own markup). Comments and the text of {@code script}, {@code style},
 * {@code title} and {@code template} are passed over, so a "&lt;meta" inside them is not taken
 * for a tag.
 *
 * @param keys      the {@code name} and {@code property} values of the head's meta tags, lower case,
 *                  and {@code "link rel=canonical"} when it has a canonical link
 * @param insertAt  where new tags go: before {@code </head>}, else before {@code <body>}; -1 when
 *                  the page has no head (a fragment), which is left as it is
 */
public record HeadTags(Set<String> keys, int insertAt) {

    public static final String CANONICAL = "link rel=canonical";
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "title", "template", "textarea");

    public static HeadTags scan(String page) {
        Set<String> keys = new HashSet<>();
        boolean inHead = false;
        int i = 0;
        int n = page.length();
        while (i < n) {
            int lt = page.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (page.startsWith("<!--", lt)) {
                int end = page.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            boolean closing = lt + 1 < n && page.charAt(lt + 1) == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < n && (Character.isLetterOrDigit(page.charAt(nameEnd)) || page.charAt(nameEnd) == '-')) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                i = lt + 1;
                continue;
            }
            String name = page.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
            Tag tag = Tag.read(page, nameEnd);
            if (closing) {
                if (name.equals("head")) {
                    return new HeadTags(keys, lt);
                }
            } else if (name.equals("head")) {
                inHead = true;
            } else if (name.equals("body")) {
                return new HeadTags(keys, inHead ? lt : -1);
            } else if (inHead && name.equals("meta")) {
                for (String attribute : new String[] {"name", "property"}) {
                    String value = tag.attribute(attribute);
                    if (value != null && !value.isBlank()) {
                        keys.add(value.strip().toLowerCase(Locale.ROOT));
                    }
                }
            } else if (inHead && name.equals("link") && "canonical".equalsIgnoreCase(strip(tag.attribute("rel")))) {
                keys.add(CANONICAL);
            } else if (RAW_TEXT.contains(name)) {
                int end = indexOfIgnoreCase(page, "</" + name, tag.end());
                i = end < 0 ? n : end;
                continue;
            }
            i = tag.end();
        }
        return new HeadTags(keys, -1);
    }

    /** Whether the head has a meta tag named {@code key} (by {@code name} or {@code property}; any case). */
    public boolean has(String key) {
        return keys.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * {@code page} with {@code tags} (whole lines, each ending in a newline) at {@link #insertAt},
     * on a line of their own; a page without a head is returned as it is.
     */
    public String insert(String page, String tags) {
        if (insertAt < 0 || tags.isEmpty()) {
            return page;
        }
        boolean lineStart = insertAt == 0 || page.charAt(insertAt - 1) == '\n';
        return page.substring(0, insertAt) + (lineStart ? "" : "\n") + tags + page.substring(insertAt);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static int indexOfIgnoreCase(String text, String what, int from) {
        for (int i = from; i <= text.length() - what.length(); i++) {
            if (text.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    /** One start tag's attributes (names lower case, values as written) and where it ends. */
    private record Tag(Map<String, String> attributes, int end) {

        String attribute(String name) {
            return attributes.get(name);
        }

        /** Reads attributes from {@code from} (just after the tag's name) to its {@code >}. */
        static Tag read(String page, int from) {
            Map<String, String> attributes = new HashMap<>();
            int n = page.length();
            int i = from;
            while (i < n) {
                char c = page.charAt(i);
                if (c == '>') {
                    return new Tag(attributes, i + 1);
                }
                if (Character.isWhitespace(c) || c == '/') {
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < n && !Character.isWhitespace(page.charAt(i)) && "/>=".indexOf(page.charAt(i)) < 0) {
                    i++;
                }
                String name = page.substring(nameStart, i).toLowerCase(Locale.ROOT);
                while (i < n && Character.isWhitespace(page.charAt(i))) {
                    i++;
                }
                String value = "";
                if (i < n && page.charAt(i) == '=') {
                    i++;
                    while (i < n && Character.isWhitespace(page.charAt(i))) {
                        i++;
                    }
                    if (i < n && (page.charAt(i) == '"' || page.charAt(i) == '\'')) {
                        char quote = page.charAt(i);
                        int close = page.indexOf(quote, i + 1);
                        close = close < 0 ? n : close;
                        value = page.substring(i + 1, close);
                        i = Math.min(n, close + 1);
                    } else {
                        int valueStart = i;
                        while (i < n && !Character.isWhitespace(page.charAt(i)) && page.charAt(i) != '>') {
                            i++;
                        }
                        value = page.substring(valueStart, i);
                    }
                }
                attributes.putIfAbsent(name, value);
            }
            return new Tag(attributes, n);
        }
    }
}
