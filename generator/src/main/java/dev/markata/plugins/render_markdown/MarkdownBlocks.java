package dev.markata.plugins.render_markdown;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * markdown-it containers ({@code ::: name} ... {@code :::}), which CommonMark lacks, turned into
 * HTML blocks around Markdown before parsing (so their content is still Markdown). Fenced code is
 * left alone. (Admonitions are blocks of the parser: {@link Admonitions}.)
 */
final class MarkdownBlocks {

    private static final Pattern CONTAINER = Pattern.compile("^(:{3,})\\s*([\\w-]+)\\s*(.*)$");
    private static final Pattern CLOSING = Pattern.compile(":{3,}");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private MarkdownBlocks() {
    }

    /** Whether {@code markdown} may hold one of these blocks (most posts do not: no work then). */
    static boolean mayContain(String markdown) {
        return markdown.contains(":::");
    }

    static String expand(String markdown) {
        if (!mayContain(markdown)) {
            return markdown;
        }
        List<String> lines = markdown.lines().toList();
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        expand(lines, out);
        return out.toString();
    }

    private static void expand(List<String> lines, StringBuilder out) {
        String fence = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher fenceStart = FENCE.matcher(line);
            if (fence != null) {
                if (closes(fenceStart, line, fence)) {
                    fence = null;
                }
                out.append(line).append('\n');
                i++;
                continue;
            }
            if (fenceStart.find()) {
                fence = fenceStart.group(1);
                out.append(line).append('\n');
                i++;
                continue;
            }
            Matcher container = CONTAINER.matcher(line);
            if (container.matches()) {
                // as markdown-it-container: one not closed ends with its parent (or the page)
                int end = closingContainer(lines, i, container.group(1).length());
                end = end < 0 ? lines.size() : end;
                container(lines.subList(i + 1, end), container.group(2), container.group(3).strip(), out);
                i = end + 1;
                continue;
            }
            out.append(line).append('\n');
            i++;
        }
    }

    /**
     * {@code markdown} with the lines that open or close a container blank, every other line as
     * it is: the blocks inside are then where they were, at the top level (as a container's
     * content is, inside its {@code <div>}), for {@link StandaloneLinks} to find them by line.
     */
    static String markersBlanked(String markdown) {
        if (!mayContain(markdown)) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceStart = FENCE.matcher(line);
            if (fence != null) {
                if (closes(fenceStart, line, fence)) {
                    fence = null;
                }
            } else if (fenceStart.find()) {
                fence = fenceStart.group(1);
            } else if (CONTAINER.matcher(line).matches() || CLOSING.matcher(line.strip()).matches()) {
                lines[i] = "";
            }
        }
        return String.join("\n", lines);
    }

    /** Whether {@code line} (with {@code fenceStart} its matcher) closes the fenced code {@code fence} opened. */
    private static boolean closes(Matcher fenceStart, String line, String fence) {
        char fenceChar = fence.charAt(0);
        return fenceStart.find() && fenceStart.group(1).charAt(0) == fenceChar
                && fenceStart.group(1).length() >= fence.length()
                && line.strip().chars().allMatch(c -> c == fenceChar);
    }

    /** The line closing the container opened at {@code start}, or -1; nested containers count. */
    private static int closingContainer(List<String> lines, int start, int colons) {
        int depth = 0;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(":::")) {
                int count = 0;
                while (count < line.length() && line.charAt(count) == ':') {
                    count++;
                }
                boolean closing = line.substring(count).isBlank();
                if (!closing) {
                    depth++;
                } else if (depth > 0) {
                    depth--;
                } else if (count >= colons) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static void container(List<String> body, String name, String title, StringBuilder out) {
        out.append("\n<div class=\"").append(escape(name)).append("\">\n");
        if (!title.isEmpty()) {
            out.append("<p class=\"container-title\">").append(escape(title)).append("</p>\n");
        }
        out.append('\n');
        expand(body, out);
        out.append("\n</div>\n\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
