package dev.markata.plugins.render_markdown;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jinja statement in a post's Markdown outside code ({@code {% for post in markata.posts %}}),
 * for a post that does not say {@code jinja: true}: the home pages of markata's starters before
 * 0.8, when every post was a template, loop over the posts that way. markata 0.8 on renders such
 * a post as Markdown, the statement shown as text, and so does markata-java; the build says why.
 * Fenced and indented code and inline code spans are left out: a post about Jinja shows it there.
 */
final class JinjaHint {

    /** A statement tag that starts a block or sets a value: what only a template would hold. */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\{%-?\\s*(?:for|if|set|include|extends|block|macro|with|filter|import|from)\\b[^\\n]*?-?%}");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");

    /**
     * @param line the statement's line in the Markdown, from 0
     * @param tag  the statement as written
     */
    record Found(int line, String tag) {
    }

    private JinjaHint() {
    }

    /** The first statement outside code, if any. */
    static Optional<Found> find(String markdown) {
        if (!markdown.contains("{%")) {
            return Optional.empty();
        }
        String fence = null;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher opens = FENCE.matcher(line);
            if (fence != null) {
                String stripped = line.strip();
                if (stripped.startsWith(fence) && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
                continue;
            }
            if (opens.matches()) {
                fence = opens.group(1);
                continue;
            }
            if (line.startsWith("    ") || line.startsWith("\t")) {
                continue; // indented code (or a list's continuation, which is rarely a loop)
            }
            Matcher statement = STATEMENT.matcher(CODE_SPAN.matcher(line).replaceAll(""));
            if (statement.find()) {
                return Optional.of(new Found(i, statement.group()));
            }
        }
        return Optional.empty();
    }
}
