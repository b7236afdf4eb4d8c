package dev.markata.plugins.render_markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * markata's block syntaxes that CommonMark lacks, turned into HTML blocks around Markdown
 * before parsing (so their content is still Markdown): admonitions ({@code !!! note "Title"},
 * collapsible {@code ??? tip} and open {@code ???+ tip}, content indented by four spaces) and
 * markdown-it containers ({@code ::: name} ... {@code :::}). Fenced code is left alone.
 */
final class MarkdownBlocks {

    private static final Pattern ADMONITION = Pattern.compile("^(!!!|\\?\\?\\?\\+?)\\s+([\\w-]+)(?:\\s+\"(.*)\")?\\s*$");
    private static final Pattern CONTAINER = Pattern.compile("^(:{3,})\\s*([\\w-]+)\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    private MarkdownBlocks() {
    }

    /** Whether {@code markdown} may hold one of these blocks (most posts do not: no work then). */
    static boolean mayContain(String markdown) {
        return markdown.contains("!!!") || markdown.contains("???") || markdown.contains(":::");
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
                char fenceChar = fence.charAt(0);
                if (fenceStart.find() && fenceStart.group(1).charAt(0) == fenceChar
                        && fenceStart.group(1).length() >= fence.length()
                        && line.strip().chars().allMatch(c -> c == fenceChar)) {
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
            Matcher admonition = ADMONITION.matcher(line);
            if (admonition.matches()) {
                i = admonition(lines, i, admonition, out);
                continue;
            }
            Matcher container = CONTAINER.matcher(line);
            if (container.matches()) {
                int end = closingContainer(lines, i, container.group(1).length());
                if (end > 0) {
                    container(lines.subList(i + 1, end), container.group(2), container.group(3).strip(), out);
                    i = end + 1;
                    continue;
                }
            }
            out.append(line).append('\n');
            i++;
        }
    }

    private static int admonition(List<String> lines, int start, Matcher header, StringBuilder out) {
        String marker = header.group(1);
        String kind = header.group(2).toLowerCase(Locale.ROOT);
        String title = header.group(3) != null ? header.group(3)
                : kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
        List<String> body = new ArrayList<>();
        int i = start + 1;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                body.add("");
            } else if (line.startsWith("    ")) {
                body.add(line.substring(4));
            } else if (line.startsWith("\t")) {
                body.add(line.substring(1));
            } else {
                break;
            }
            i++;
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
            i--;
        }
        String escapedTitle = escape(title);
        String cssClass = "admonition " + escape(kind);
        out.append('\n');
        if (marker.equals("!!!")) {
            out.append("<div class=\"").append(cssClass).append("\">\n");
            if (!title.isEmpty()) {
                out.append("<p class=\"admonition-title\">").append(escapedTitle).append("</p>\n");
            }
        } else {
            out.append("<details class=\"").append(cssClass).append('"').append(marker.endsWith("+") ? " open" : "")
                    .append(">\n<summary>").append(escapedTitle.isEmpty() ? escape(kind) : escapedTitle)
                    .append("</summary>\n");
        }
        out.append('\n');
        expand(body, out);
        out.append('\n').append(marker.equals("!!!") ? "</div>" : "</details>").append("\n\n");
        return i;
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
