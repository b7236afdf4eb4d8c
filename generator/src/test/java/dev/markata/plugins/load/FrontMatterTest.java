package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.plugin.PluginException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    /** The body's digest taken from the file's bytes is the digest of the body's text. */
    @Test
    void theBodyStartsWhereItsBytesStart() throws Exception {
        List<String> documents = List.of(
                "---\ntitle: A\n---\n\nPlain body.\n",
                "---\ntitle: Café ☕ \uD83D\uDE00\n---\nBody with é, ☕ and \uD83D\uDE00.\n",
                "\uFEFF---\ntitle: Marked\n---\nBody after a byte order mark.\n",
                "---\r\ntitle: Windows\r\n---\r\nBody\r\nwith CRLF.\r\n",
                "No front matter, ünïcödé.\n",
                "\uFEFFNo front matter after a mark.\n",
                "---\ntitle: Empty body\n---\n",
                "---\ntitle: Spaced\n---\n\n\u00A0\n\n  Body after empty lines.\u2007\n\n",
                "");
        FrontMatter frontMatter = new FrontMatter();
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            FrontMatter.Parts parts = frontMatter.split("posts/a.md", document);

            assertThat(ContentDigests.digest(bytes, parts.bodyStart(), parts.bodyEnd())).as(document)
                    .isEqualTo(ContentDigests.digest(parts.body()));
            assertThat(new String(bytes, parts.bodyStart(), parts.bodyEnd() - parts.bodyStart(), StandardCharsets.UTF_8))
                    .as(document).isEqualTo(parts.body());
        }
    }

    /**
     * A quote left open (a title being typed in serve --watch) was reported at the closing
     * {@code ---}, where YAML noticed the end of the stream: "posts/a.md:5: ... found
     * unexpected end of stream (while scanning a quoted scalar)". The line the quote opens on
     * is the one to fix.
     */
    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        PluginException error = catchThrowableOfType(() -> new FrontMatter().split("posts/a.md",
                "---\ntitle: \"Half a title\ndate: 2024-01-01\ntags: [a]\n---\nBody.\n"), PluginException.class);
        assertThat(error.getMessage()).startsWith("posts/a.md:2: front matter is not valid YAML: ")
                .contains("quoted").contains("not closed");
    }

    /**
     * {@code title: Git: a primer} said only YAML's "mapping values are not allowed here": the
     * value's own ": " is the trouble, and quotes are the fix, shown on the line as written.
     */
    @Test
    void aColonInAValueSaysToQuoteIt() {
        PluginException error = catchThrowableOfType(() -> new FrontMatter().split("posts/a.md",
                "---\ndate: 2024-01-01\ntitle: Git: a \"primer\"\n---\nBody.\n"), PluginException.class);
        assertThat(error.getMessage()).isEqualTo("posts/a.md:3: front matter is not valid YAML: mapping values are not"
                + " allowed here; a value with \": \" in it needs quotes: title: \"Git: a \\\"primer\\\"\"");
    }

    /**
     * Empty lines before the front matter (pype.dev's pages/bema/ notes) are skipped, as
     * python-frontmatter strips the text before looking for it; messages count them in the
     * file's lines. The body is stripped as markata's post model strips its content, the
     * indentation of its first line too, with front matter or without.
     */
    @Test
    void emptyLinesBeforeTheFrontMatterAreSkipped() throws Exception {
        FrontMatter.Parts parts = new FrontMatter().split("pages/a.md", "\n \n---\ntitle: A\n---\nBody.\n");
        assertThat(parts.values()).containsEntry("title", "A");
        assertThat(parts.body()).isEqualTo("Body.");
        assertThat(new FrontMatter().split("pages/b.md", "\n    code\n").body()).isEqualTo("code");

        PluginException error = catchThrowableOfType(() -> new FrontMatter().split("pages/a.md",
                "\n\n---\ntitle: A\ntags: [a\n---\nBody.\n"), PluginException.class);
        assertThat(error.getMessage()).startsWith("pages/a.md:5: front matter is not valid YAML: ");
    }

    /**
     * python-frontmatter, which markata reads posts with, takes any line of three dashes or more
     * as the front matter's fences ({@code ^-{3,}\s*$}): {@code ----} around the front matter was
     * the body here, a rule and a heading made of the title line, and the post was named after
     * its file.
     */
    @Test
    void fencesOfMoreThanThreeDashesHoldTheFrontMatter() throws Exception {
        FrontMatter.Parts parts = new FrontMatter().split("pages/a.md", "----\ntitle: Dashes\n-----  \nBody.\n");
        assertThat(parts.values()).containsEntry("title", "Dashes");
        assertThat(parts.body()).isEqualTo("Body.");

        // two dashes are no fence: the text is the body
        assertThat(new FrontMatter().split("pages/b.md", "--\ntitle: B\n--\nBody.\n").values()).isEmpty();
    }
}
