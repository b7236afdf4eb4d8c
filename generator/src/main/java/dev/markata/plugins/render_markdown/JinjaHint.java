package dev.markata.plugins.render_markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jinja statement in a post's Markdown outside code ({@code {% for post in markata.posts %}}),
 * for a post that does not say {@code jinja: true}: the home pages of markata's starters before
 * 0.8, when every post was a template, loop over the posts that way. markata 0.8 on renders such
 * a post as Markdown, the statement shown as text, and so does markata-java; the build says why.
 * Fenced and indented code and inline code spans are left out, and so is a block statement
 * without its end tag: a post about Jinja shows them there, or names one in its prose. A tag
 * alone on its line that needs no end ({@code {% include 'x.html' %}}, or an extension's, as
 * markata-gh's {@code {% gh_repo_list_topic "user", "topic" %}}) is found too: prose does not
 * write a line of a tag only.
 */
final class JinjaHint {

    /** A statement that opens a block, the block's name in the group: what only a template would hold. */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\{%-?\\s*(for|if|block|macro|with|filter)\\b[^\\n]*?-?%}");
    /** A line that is one tag and nothing else, its name in the group. */
    private static final Pattern TAG_LINE = Pattern.compile("\\{%-?\\s*([A-Za-z_]\\w*)\\b[^\\n]*?-?%}");
    /** Tags that only continue or end a block: alone on a line they are a block's part, found with it. */
    private static final Pattern CONTINUES = Pattern.compile("end\\w*|else|elif|raw");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,}).*");

    /**
     * @param line the statement's line in the Markdown, from 0
     * @param tag  the statement as written
     */
    record Found(int line, String tag) {
        /** The tag's name: {@code for}, {@code gh_repo_list_topic}. */
        String name() {
            Matcher name = TAG_LINE.matcher(tag);
            return name.lookingAt() ? name.group(1) : "";
        }
    }

    private JinjaHint() {
    }

    /**
     * The first block statement outside code whose end tag ({@code {% endfor %}}) follows it
     * outside code too, if any: a loop that would run. A statement alone (a table row that names
     * {@code {% for p in posts %}} to explain it) is text its author meant to show.
     */
    static Optional<Found> find(String markdown) {
        if (!markdown.contains("{%")) {
            return Optional.empty();
        }
        List<String> prose = prose(markdown);
        for (int i = 0; i < prose.size(); i++) {
            Matcher statement = STATEMENT.matcher(prose.get(i));
            while (statement.find()) {
                Pattern end = Pattern.compile("\\{%-?\\s*end" + statement.group(1) + "\\b");
                boolean ends = end.matcher(prose.get(i)).find(statement.end());
                for (int j = i + 1; j < prose.size() && !ends; j++) {
                    ends = end.matcher(prose.get(j)).find();
                }
                if (ends) {
                    return Optional.of(new Found(i, statement.group()));
                }
            }
            Matcher alone = TAG_LINE.matcher(prose.get(i).strip());
            if (alone.matches() && !CONTINUES.matcher(alone.group(1)).matches()
                    && !STATEMENT.matcher(alone.group()).lookingAt()) {
                return Optional.of(new Found(i, alone.group()));
            }
        }
        return Optional.empty();
    }

    /** The Markdown's lines, those of fenced and indented code empty and code spans taken out. */
    private static List<String> prose(String markdown) {
        List<String> prose = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher opens = FENCE.matcher(line);
            if (fence != null) {
                String stripped = line.strip();
                if (stripped.startsWith(fence) && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
                    fence = null;
                }
                prose.add("");
            } else if (opens.matches()) {
                fence = opens.group(1);
                prose.add("");
            } else if (line.startsWith("    ") || line.startsWith("\t")) {
                prose.add(""); // indented code (or a list's continuation, which is rarely a loop)
            } else {
                prose.add(CODE_SPAN.matcher(line).replaceAll(""));
            }
        }
        return prose;
    }
}
