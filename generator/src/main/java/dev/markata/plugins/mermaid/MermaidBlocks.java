package dev.markata.plugins.mermaid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code ```mermaid} fenced blocks of a post's Markdown into what markata's mermaid plugin
 * writes in their place, {@code <pre class="mermaid">the diagram</pre>} (the diagram's text
 * stripped, as written: mermaid reads it from the page), which Markdown passes through as an
 * HTML block. The first diagram is followed by {@code script}, the module that draws them.
 *
 * <p>markata finds the blocks with a regular expression over the whole text; here the fences
 * are followed line by line as CommonMark reads them, so a {@code ```mermaid} example shown
 * inside a longer fence ({@code ````}) or a {@code ~~~} fence stays code, and a block ends at
 * its closing fence, not at the next line that starts with three backticks. An indented fence
 * (in a list or an admonition) keeps its indentation, so the HTML stays inside its item. As in
 * markata, only a backtick fence whose info is exactly {@code mermaid} is a diagram; one in a
 * block quote ({@code > ```mermaid}) stays code (markata's expression wants a closing line
 * without the {@code >}, and runs on to the next fence or finds none).
 */
final class MermaidBlocks {

    /**
     * A fence's opening line: its indentation, its run of backticks or tildes, its info text (with
     * the \r of a Windows line ending, which {@code .} matches only with DOTALL; the info is stripped).
     */
    private static final Pattern OPENING = Pattern.compile("([ \\t]*)(`{3,}|~{3,})(.*)", Pattern.DOTALL);

    private MermaidBlocks() {
    }

    /**
     * {@code markdown} with its mermaid blocks replaced, or the very same string when it has
     * none (so digests kept for the loaded text still apply).
     */
    static String replace(String markdown, String script) {
        if (!markdown.contains("mermaid")) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        boolean scriptAdded = false;
        int i = 0;
        while (i < lines.length) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches() || opening.group(2).charAt(0) == '`' && opening.group(3).contains("`")) {
                out.add(lines[i++]); // not a fence (a backtick fence's info text has no backticks)
                continue;
            }
            String fence = opening.group(2);
            int closing = closing(lines, i + 1, fence);
            if (closing < 0) {
                // an unclosed fence runs to the end: all of it is code, as markata leaves it
                for (; i < lines.length; i++) {
                    out.add(lines[i]);
                }
                break;
            }
            if (fence.charAt(0) == '`' && opening.group(3).strip().equals("mermaid")) {
                String indent = opening.group(1);
                String diagram = String.join("\n", List.of(lines).subList(i + 1, closing)).strip();
                out.add(indent + "<pre class=\"mermaid\">" + diagram + "</pre>");
                if (!scriptAdded) {
                    script.lines().forEach(line -> out.add(indent + line));
                    scriptAdded = true;
                }
            } else {
                for (int j = i; j <= closing; j++) {
                    out.add(lines[j]);
                }
            }
            i = closing + 1;
        }
        return scriptAdded ? String.join("\n", out) : markdown;
    }

    /** The line closing a fence opened with {@code fence}: the same character, at least as many, nothing else. */
    private static int closing(String[] lines, int from, String fence) {
        char c = fence.charAt(0);
        for (int i = from; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.length() >= fence.length() && line.chars().allMatch(ch -> ch == c)) {
                return i;
            }
        }
        return -1;
    }
}
