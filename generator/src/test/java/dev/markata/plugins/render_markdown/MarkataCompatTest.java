package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.markata.content.Post;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our Markdown against Python markata's: resources/markdown/markata-cases.jsonl holds small bodies
 * and the HTML markata renders for them (make_markata_cases.py says with which plugins). The HTML
 * is compared after three normalisations only: whitespace between tags is dropped, a tag's
 * attributes are put in name order, and a fenced code block is reduced to its title and text (markata
 * highlights with Pygments and wraps the block in a copy button, we highlight with
 * {@link Highlighter}: the code must be the same, its colours cannot be). Every other difference
 * is listed in {@link #KNOWN} with the reason; the test fails on a new difference and on a listed
 * one that no longer differs. When it fails, target/markata-compat-differences.txt has every
 * differing case as a Java string.
 */
class MarkataCompatTest {

    /** The site the cases' wikilinks resolve in: the script's POSTS. */
    private static final List<Post> POSTS = List.of(
            post("posts/hello_world.md", "hello-world", "Hello World"),
            post("posts/nav.md", "nav", "Nav"),
            post("posts/deep/load.md", "guides/load", "Loading"));

    /** Markdown of a case that renders differently on purpose or for now, and why. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    private static void known(String why, String... markdown) {
        for (String text : markdown) {
            KNOWN.put(text, why);
        }
    }

    static {
        // On purpose: what we write is a superset of markata's page, or works without a script.
        known("h3 to h6 have ids here, unique against the page's (the h1 and h2 ids are markata's): markata's "
                        + "anchors plugin stops at h2, so a link to a subsection would find nothing",
                "### Third level\n",
                "#### Fourth level\n",
                "###### Sixth\n",
                "### Sub with *em*\n\n### Sub with *em*\n");
        known("{...} at the end of a heading or of a paragraph's last line, or after emphasis: markata's attrs "
                        + "plugins leave it as text (they read attributes on a line of their own before a block, "
                        + "and after links, images, inline code and [spans]); we apply it as markdown-it-attrs "
                        + "does, as the README promises",
                "## Heading {#custom-id}\n",
                "## Heading {.big}\n",
                "A paragraph.\n{.trail}\n",
                "*em*{.x}\n",
                "**strong**{.x}\n");
        known("{...} on its own line with no block after it (end of the page, a quote or a list item): markata "
                        + "drops it, we give it to the block before it, as markdown-it-attrs does",
                "> quoted\n\n{.note}\n");
        known("??? and ???+: markata writes <div class=\"admonition note is-collapsible collapsible-closed\"> "
                        + "with <p class=\"admonition-title\">, which only folds with a script and style sheet "
                        + "of a theme; we write <details> (open for ???+) with the same classes and "
                        + "<summary class=\"admonition-title\">, which folds without one",
                "??? note\n    Collapsed body.\n",
                "??? tip \"Title Here\"\n    Body.\n",
                "???+ note\n    Open body.\n",
                "???+ warning \"Open Title\"\n    Body.\n",
                "??? question\n    Q.\n\n    More.\n",
                "??? note\n    Body.\n\nAfter.\n");
        known("::: containers: markata has them only for names a site registers with container_plugin (none by "
                        + "default, so ::: unknown stays text there) and its default markup drops the words after "
                        + "the name; we make a div of any name and show those words as <p class=\"container-title\">",
                "::: warning Title words\nBody *em*.\n:::\n",
                "::: unknown\nnot a container\n:::\n");
        known("wikilinks: markata links to /slug, without the trailing slash every other link to a page has "
                        + "(a redirect on most servers), and a name no post's file has to /name (a 404), where we "
                        + "show <span class=\"wikilink missing\">; it has no [[target|label]] (the href becomes "
                        + "/nav|Navigation) and finds posts by file name only, where we also match slugs and titles",
                "## Heading with [[nav]] and `code` and [link](/x)\n",
                "## [[nav]] wikilink heading\n",
                "[[hello_world]]\n",
                "[[hello-world]]\n",
                "[[nav]]\n",
                "[[load]]\n",
                "[[missing-page]]\n",
                "[[nav#section]]\n",
                "[[nav|Navigation]]\n",
                "See [[nav]] and [[load]].\n",
                "[[Hello World]]\n",
                "[[ nav ]]\n");
        known("bare domains without http:// or www.: markata's linkify (linkify-it's fuzzy links) links them, and "
                        + "with them file names whose extension is a country's domain (main.py becomes a link to "
                        + "http://main.py, README.md to http://README.md); we link URLs with a scheme or www. and "
                        + "e-mail addresses only",
                "Bare example.com domain.\n",
                "See main.py and README.md for details.\n");
        known("a lowercase <!doctype html> opening a pasted HTML page (pypeaday/small-group-notes has TiddlyWiki "
                        + "exports as posts): the cases' markdown-it-py 2.1 (CommonMark 0.30, a declaration needs an "
                        + "uppercase letter) prints it as text, <p>&lt;!doctype html&gt;</p>; markdown-it-py 4, what "
                        + "installing markata gives today (CommonMark 0.31.2, any letter), passes it through as an "
                        + "HTML block; commonmark-java keeps it as inline HTML in a paragraph, which browsers drop "
                        + "(a doctype inside the body is ignored): the page shows what markata's newer setup shows",
                "<!doctype html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\" />\n"
                        + "<title>Personal \u2014 Theology</title>\n<style type=\"text/css\">\nbody {\n  margin: 0;\n}\n\n"
                        + "pre {\n  font-family: monospace;\n}\n</style>\n</head>\n<body class=\"tc-body\">\n<p>David</p>\n"
                        + "</body>\n</html>\n");
        // Not fixed: commonmark-java's parser cannot do it.
        known("an unindented line right after an admonition's text: markata ends the admonition before it, "
                        + "commonmark-java's parser continues the paragraph inside (lazy continuation), which a "
                        + "block cannot refuse; a blank line or indenting the line gives markata's page",
                "!!! note\n    Body\nLazy after body.\n");
    }

    private record Case(String kind, String markdown, String html) {
    }

    private static Post post(String path, String slug, String title) {
        return new Post(path, slug, title, null, List.of(), true, "", null, "", Map.of(), null, null);
    }

    private static List<Case> cases() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = MarkataCompatTest.class.getResourceAsStream("/markdown/markata-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode c = json.readTree(line);
                cases.add(new Case(c.get("kind").asText(), c.get("markdown").asText(), c.get("html").asText()));
            }
        }
        return cases;
    }

    /** markata's code block, with the fence's title (its filepath) when it has one. */
    private static final Pattern MARKATA_CODE = Pattern.compile("<pre class='wrapper'>\\s*(?:<div class='filepath'>\\s*"
            + "(?<title>.*?)\\s*<div class='right'>.*?</div>\\s*</div>)?.*?<div class=\"highlight\"><pre>(?<code>.*?)</pre></div>"
            + "\\s*</pre>", Pattern.DOTALL);
    private static final Pattern OUR_CODE = Pattern.compile(
            "<pre class=\"highlight[^\"]*\"[^>]*><code[^>]*>(?<code>.*?)</code></pre>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");

    private static final Pattern START_TAG = Pattern.compile(
            "<([a-z][a-z0-9]*)((?:\\s+[^\\s=/>]+(?:=\"[^\"]*\")?)+)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("[^\\s=/>]+(?:=\"[^\"]*\")?");

    /**
     * Whitespace between tags dropped, a tag's attributes in name order, fenced code blocks as
     * {@code <pre><code>} and their text, after their title's {@code <div class="filepath">}.
     */
    static String normalise(String html) {
        String out = codeAsText(MARKATA_CODE, html);
        out = codeAsText(OUR_CODE, out);
        out = START_TAG.matcher(out).replaceAll(tag -> {
            List<String> attributes = new ArrayList<>();
            ATTRIBUTE.matcher(tag.group(2)).results().forEach(a -> attributes.add(a.group()));
            attributes.sort(null);
            return Matcher.quoteReplacement("<" + tag.group(1) + " " + String.join(" ", attributes)
                    + (tag.group(3).isEmpty() ? "" : " /") + ">");
        });
        return BETWEEN_TAGS.matcher(out).replaceAll("><").strip();
    }

    private static String codeAsText(Pattern block, String html) {
        Matcher m = block.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text = TAG.matcher(m.group("code")).replaceAll("").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            // markata's title as ours is written: a div before the code (ours are left where they are)
            String title = block == MARKATA_CODE && m.group("title") != null
                    ? "<div class=\"filepath\">" + m.group("title") + "</div>" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(title + "<pre><code>" + escaped + "</code></pre>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void rendersAsMarkata() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(200);
        Markdown markdown = new Markdown(Wikilinks.of(POSTS, List.of(), slug -> "/" + slug + "/"));
        List<String> failures = new ArrayList<>();
        Map<String, Integer> differingByKind = new TreeMap<>();
        StringBuilder differing = new StringBuilder();
        for (Case c : cases) {
            String ours = normalise(markdown.render(c.markdown()));
            String theirs = normalise(c.html());
            boolean same = ours.equals(theirs);
            if (!same) {
                differingByKind.merge(c.kind(), 1, Integer::sum);
                differing.append(c.kind()).append('\t').append(new ObjectMapper().writeValueAsString(c.markdown()))
                        .append('\n');
            }
            if (!same && !KNOWN.containsKey(c.markdown())) {
                failures.add("[" + c.kind() + "] " + c.markdown().replace("\n", "\\n") + "\n  markata: " + theirs
                        + "\n  ours:    " + ours);
            } else if (same && KNOWN.containsKey(c.markdown())) {
                failures.add("[" + c.kind() + "] now renders as markata; remove it from KNOWN: "
                        + c.markdown().replace("\n", "\\n"));
            }
        }
        if (!failures.isEmpty()) {
            Files.writeString(Path.of("target", "markata-compat-differences.txt"), differing);
        }
        assertThat(failures).as("cases that differ, by kind (known or not): %s", differingByKind).isEmpty();
        assertThat(KNOWN.keySet()).as("every known difference is a case")
                .allSatisfy(k -> assertThat(cases).anyMatch(c -> c.markdown().equals(k)));
    }
}
