package dev.markata.plugins.auto_description;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AutoDescriptionPluginTest {

    /** The definition the hand-written scanners must match (the plugin's first version used these). */
    private static final Pattern MARKUP = Pattern.compile("[*`]+|~~+|(?<![\\p{L}\\p{N}_])_+|(?<=[\\p{L}\\p{N}])_+(?![\\p{L}\\p{N}_])"
            + "|<[^>]+>|\\{[.#][^}]*\\}|\\{\\{.*?\\}\\}|\\{%.*?%\\}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** What the plugin used to replace links and images with (their text), as the oracle. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");

    @Test
    void theTextSkipsHeadingsCodeAndQuotesAndDropsInlineMarkup() {
        String markdown = """
                # Title

                ```java
                code();
                ```
                > a quote

                Some *emphasis*, `code`, a [link](https://example.com), ![an image](x.png),
                a [[target|wikilink]], a footnote[^1] and <b>html</b>{.note} {{ jinja }} {% tag %}.

                The second paragraph.
                """;

        assertThat(AutoDescriptionPlugin.text(markdown, 1000))
                .isEqualTo("Some emphasis, code, a link, an image, a wikilink, a footnote and html . The second paragraph.");
    }

    /**
     * Code spans keep their text as written, and so do underscores inside a word and a lone
     * tilde, which are no emphasis or strikethrough in markdown-it (markata's): markata.dev's
     * {@code The `markata.plugins.render_markdown` plugin} was described as "The
     * markata.plugins.rendermarkdown plugin", and techstructive-blog's {@code `~\.virtualenvs\`}
     * lost its tilde.
     */
    @Test
    void codeSpansAndUnderscoresInWordsKeepTheirText() {
        assertThat(AutoDescriptionPlugin.text("The `markata.plugins.render_markdown` plugin converts markdown content\n"
                + "to HTML.", 1000)).isEqualTo("The markata.plugins.render_markdown plugin converts markdown content to HTML.");
        assertThat(AutoDescriptionPlugin.text("By default, it will be stored in the `~\\.virtualenvs\\` folder.", 1000))
                .isEqualTo("By default, it will be stored in the ~\\.virtualenvs\\ folder.");
        assertThat(AutoDescriptionPlugin.text("export PIPENV_VENV_IN_PROJECT in ~/.bashrc, __not__ ~~here~~ `a*b_c`", 1000))
                .isEqualTo("export PIPENV_VENV_IN_PROJECT in ~/.bashrc, not here a*b_c");
    }

    @Test
    void listItemsLoseTheirMarkersAndAnIndentedBlockIsCode() {
        assertThat(AutoDescriptionPlugin.text("    indented code\n\n- one\n- two\n\nnext", 1000))
                .isEqualTo("one two next");
        assertThat(AutoDescriptionPlugin.text("1. first\n2. second", 1000)).isEqualTo("first second");
    }

    /**
     * Paragraphs follow one another, as in markata (whose description of a post with a short
     * first paragraph runs on into the next), until the text is longer than the longest
     * description: then reading stops, and one character more than it is kept.
     */
    @Test
    void theTextRunsOnIntoTheNextParagraphsUpToTheLimit() {
        assertThat(AutoDescriptionPlugin.text("Short one.\n\n## Next\n\n```\ncode\n```\nSecond one.\n", 1000))
                .isEqualTo("Short one. Second one.");
        assertThat(AutoDescriptionPlugin.text("A paragraph\n```\ncode\n```\nafter the fence.", 1000))
                .isEqualTo("A paragraph after the fence.");
        // a fence closes at a line of as many marks or more, of its own kind, and nothing else
        assertThat(AutoDescriptionPlugin.text("````md\n```js\nnot text\n```\n````\nText.\n~~~\n```\n~~~~\nMore.", 1000))
                .isEqualTo("Text. More.");
        assertThat(AutoDescriptionPlugin.text("word ".repeat(50) + "\n\n" + "more ".repeat(1000), 20))
                .isEqualTo("word ".repeat(5).substring(0, 21));
    }

    @Test
    void aPostWithoutProseHasAnEmptyDescription() {
        assertThat(AutoDescriptionPlugin.text("# Only a heading\n\n```\ncode\n```\n", 1000)).isEmpty();
        assertThat(AutoDescriptionPlugin.text("", 1000)).isEmpty();
    }

    @Test
    void cutEndsAtAWordWithAnEllipsis() {
        String text = "word ".repeat(100).strip();
        String cut = AutoDescriptionPlugin.cut(text, AutoDescriptionPlugin.SHORT);
        assertThat(cut).hasSizeLessThanOrEqualTo(AutoDescriptionPlugin.SHORT).endsWith("word…");
        assertThat(AutoDescriptionPlugin.cut("short", AutoDescriptionPlugin.SHORT)).isEqualTo("short");
    }

    @Property(tries = 2000)
    void withoutMarkupRemovesWhatTheMarkupPatternMatches(@ForAll("markupText") String text) {
        assertThat(AutoDescriptionPlugin.withoutMarkup(text)).isEqualTo(MARKUP.matcher(text).replaceAll(""));
    }

    @Property(tries = 2000)
    void collapseWhitespaceMatchesTheWhitespacePattern(@ForAll("markupText") String text) {
        assertThat(AutoDescriptionPlugin.collapseWhitespace(text))
                .isEqualTo(WHITESPACE.matcher(text).replaceAll(" ").strip());
    }

    @Property(tries = 3000)
    void withoutLinksKeepsWhatTheLinkPatternsKeep(@ForAll("linkText") String text) {
        assertThat(AutoDescriptionPlugin.withoutLinks(text, false)).isEqualTo(LINK.matcher(text).replaceAll("$1"));
        assertThat(AutoDescriptionPlugin.withoutLinks(text, true)).isEqualTo(IMAGE.matcher(text).replaceAll("$1"));
    }

    @Provide
    Arbitrary<String> linkText() {
        return Arbitraries.strings().withChars("ab !$\\[]()\n").ofMaxLength(30);
    }

    /** Short strings over the characters the patterns care about, so that every branch is met. */
    @Provide
    Arbitrary<String> markupText() {
        return Arbitraries.strings().withChars("ab *_`~<>{}.#%\n\r\t\u000B\f\u2028\u2003").ofMaxLength(24);
    }
}
