package dev.markata.plugins.auto_description;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.auto_description}: a post without a {@code description} gets the plain
 * text of its first paragraph (at most 160 characters, cut at a word), and every post gets
 * {@code long_description} (at most 250). Read from the Markdown source line by line, without a
 * full parse: headings, code, HTML, admonitions, lists of links and front-matter-like lines are
 * skipped, inline markup is dropped.
 */
public final class AutoDescriptionPlugin implements Plugin {

    public static final String ID = "markata.plugins.auto_description";
    static final int SHORT = 160;
    static final int LONG = 250;

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[(?:[^\\]|]*\\|)?([^\\]]*)\\]\\]");
    private static final Pattern MARKUP = Pattern.compile("[*_`~]+|<[^>]+>|\\{[.#][^}]*\\}|\\{\\{.*?\\}\\}|\\{%.*?%\\}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.PRE_RENDER, context -> context.updatePosts(post -> {
            String text = firstParagraph(post.content());
            var described = post.description().isBlank() ? post.withDescription(cut(text, SHORT)) : post;
            return described.withExtra("long_description", cut(text, LONG));
        }));
    }

    static String firstParagraph(String markdown) {
        StringBuilder paragraph = new StringBuilder();
        boolean inFence = false;
        for (String raw : markdown.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            boolean skip = inFence || line.startsWith("#") || line.startsWith("<") || line.startsWith("!!!")
                    || line.startsWith("???") || line.startsWith(":::") || line.startsWith("|") || line.startsWith(">")
                    || line.startsWith("{%") || line.startsWith("---") || line.startsWith("![") || raw.startsWith("    ")
                    || line.matches("\\[\\^[^\\]]+\\]:.*");
            if (line.isEmpty() || skip) {
                if (paragraph.length() > 0) {
                    break;
                }
                continue;
            }
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(line.replaceFirst("^([-*+]|\\d+\\.)\\s+", ""));
        }
        String text = IMAGE.matcher(paragraph).replaceAll("$1");
        text = WIKILINK.matcher(text).replaceAll("$1");
        text = LINK.matcher(text).replaceAll("$1");
        text = MARKUP.matcher(text).replaceAll("");
        return text.replaceAll("\\[\\^[^\\]]+\\]", "").replaceAll("\\s+", " ").strip();
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return (space > max / 2 ? text.substring(0, space) : text.substring(0, max - 1)) + "…";
    }
}
