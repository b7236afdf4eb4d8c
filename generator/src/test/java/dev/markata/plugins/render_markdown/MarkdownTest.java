package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.Post;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    private static Post post(String path, String slug, String title) {
        return new Post(path, slug, title, null, List.of(), true, "", null, "", Map.of(), null, null);
    }

    private final Markdown markdown = new Markdown(Wikilinks.of(List.of(
            post("posts/hello-world.md", "hello-world", "Hello World"),
            post("posts/deep/notes.md", "guides/notes", "Field Notes")), List.of(), slug -> "/" + slug + "/"));

    private Document render(String text) {
        return Jsoup.parseBodyFragment(markdown.render(text));
    }

    /**
     * A missing wikilink's attributes come in one order in every build: they came from Map.of,
     * whose order changes from one JVM run to the next, so a warm build and a clean one of
     * waylonwalker.com's colophon wrote the span differently (bench/warm-vs-clean.sh: DIFFER).
     */
    @Test
    void aMissingWikilinksAttributesAreAlwaysInOneOrder() {
        assertThat(markdown.render("See [[nowhere]].")).contains(
                "<span class=\"wikilink missing\" title=\"no page is called this\">nowhere</span>");
    }

    @Test
    void gfmTablesStrikethroughTasksAutolinksAndFootnotes() {
        Document html = render("""
                | a | b |
                |---|---|
                | 1 | 2 |

                ~~gone~~ and https://example.com

                - [x] done
                - [ ] todo

                Claim.[^1]

                [^1]: The source.
                """);
        assertThat(html.select("table td")).extracting(Element::text).containsExactly("1", "2");
        assertThat(html.select("s").text()).isEqualTo("gone");
        assertThat(html.select("a[href=https://example.com]")).hasSize(1);
        assertThat(html.select("input[type=checkbox][checked]")).hasSize(1);
        assertThat(html.select("input[type=checkbox]")).hasSize(2);
        assertThat(html.select("sup a[href^=#fn]")).hasSize(1);
        assertThat(html.select("section.footnotes li").text()).contains("The source.");
    }

    @Test
    void headingsGetAnchorsAndAttributes() {
        Document html = render("""
                ## Getting Started

                ## Custom {#start .big}

                A paragraph.
                {.lead}

                [a link](/x){target=_blank .btn} and ![pic](/p.png){width=300} and `code`{.k}

                {not attributes}
                """);
        assertThat(html.select("h2").get(0).id()).isEqualTo("getting-started");
        Element custom = html.select("h2").get(1);
        assertThat(custom.id()).isEqualTo("start");
        assertThat(custom.hasClass("big")).isTrue();
        assertThat(custom.text()).isEqualTo("Custom");
        assertThat(html.select("p.lead").text()).isEqualTo("A paragraph.");
        assertThat(html.select("a.btn").attr("target")).isEqualTo("_blank");
        assertThat(html.select("img").attr("width")).isEqualTo("300");
        assertThat(html.select("code.k").text()).isEqualTo("code");
        assertThat(html.text()).contains("{not attributes}");
    }

    @Test
    void attributesAfterABlockOnTheirOwn() {
        Document html = render("> quoted\n\n{.note}\n");
        assertThat(html.select("blockquote.note")).hasSize(1);
        assertThat(html.text()).doesNotContain("{.note}");
    }

    @Test
    void admonitionsAndDetails() {
        Document html = render("""
                !!! note "Read this"
                    Some **bold** text.

                    !!! warning
                        Nested.

                ??? tip "Hidden"
                    Collapsed.

                ???+ info
                    Open.

                After.
                """);
        Element note = html.selectFirst("div.admonition.note");
        assertThat(note.selectFirst("p.admonition-title").text()).isEqualTo("Read this");
        assertThat(note.select("strong").text()).isEqualTo("bold");
        assertThat(note.select("div.admonition.warning p.admonition-title").text()).isEqualTo("Warning");
        assertThat(note.select("div.admonition.warning").text()).contains("Nested.");
        Element tip = html.selectFirst("details.admonition.tip");
        assertThat(tip.hasAttr("open")).isFalse();
        assertThat(tip.selectFirst("summary").text()).isEqualTo("Hidden");
        assertThat(html.selectFirst("details.admonition.info").hasAttr("open")).isTrue();
        assertThat(html.select("body > p").last().text()).isEqualTo("After.");
    }

    @Test
    void containersNestAndCodeFencesAreLeftAlone() {
        Document html = render("""
                ::: cards Featured
                One *card*.

                ::: inner
                Deep.
                :::
                :::

                ```python
                !!! not an admonition
                def f(x):  # comment
                    return "s" + 1
                ```
                """);
        assertThat(html.select("div.cards > p.container-title").text()).isEqualTo("Featured");
        assertThat(html.select("div.cards em").text()).isEqualTo("card");
        assertThat(html.select("div.cards div.inner").text()).isEqualTo("Deep.");
        Element code = html.selectFirst("pre.highlight code.language-python");
        assertThat(code.text()).contains("!!! not an admonition").contains("def f(x):");
        assertThat(code.select("span.k").eachText()).contains("def", "return");
        assertThat(code.select("span.c").text()).isEqualTo("# comment");
        assertThat(code.select("span.s").text()).isEqualTo("\"s\"");
        assertThat(code.select("span.m").text()).isEqualTo("1");
    }

    @Test
    void codeIsEscaped() {
        Document html = render("```html\n<script>alert(1)</script>\n```\n\n```unknown\n<b>x</b>\n```\n");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("b")).isEmpty();
        assertThat(html.select("code").get(1).text()).isEqualTo("<b>x</b>");
    }

    @Test
    void wikilinksResolveBySlugStemAndTitle() {
        Document html = render("See [[hello-world]], [[Field Notes|the notes]], [[notes#Some Part]] and [[nowhere]]. "
                + "`[[in code]]`");
        assertThat(html.select("a.wikilink")).extracting(e -> e.attr("href"))
                .containsExactly("/hello-world/", "/guides/notes/", "/guides/notes/#some-part");
        assertThat(html.select("a.wikilink").get(1).text()).isEqualTo("the notes");
        assertThat(html.select("span.wikilink.missing").text()).isEqualTo("nowhere");
        assertThat(html.select("code").text()).isEqualTo("[[in code]]");
    }

    @Test
    void wikilinkAnchorsPointAtTheHeadingsIds() {
        Document html = render("""
                [[hello-world#C++ & Java]], [[hello-world#c--java]] and [[#Getting Started]]

                ## Getting Started
                """);
        // the heading "C++ & Java" has the id c--java, as in markata; a raw id stays as written
        assertThat(html.select("a.wikilink")).extracting(e -> e.attr("href"))
                .containsExactly("/hello-world/#c--java", "/hello-world/#c--java", "#getting-started");
        assertThat(html.select("h2").attr("id")).isEqualTo("getting-started");
    }

    @Test
    void headingIdsAreUniqueOnThePage() {
        Document html = render("## x\n\n## x-1\n\n## x\n\n### x\n\n## Other {#b}\n\n## B\n");
        // markata's ids for h1/h2 (x, x-1, x-2); an h3 and a heading after an {#id} never repeat one
        assertThat(html.select("h2, h3")).extracting(Element::id)
                .containsExactly("x", "x-1", "x-2", "x-3", "b", "b-1");
    }

    /** Expected HTML from mdit-py-plugins' anchors_plugin with the same settings (markdown-it-py 2.1, "gfm-like"). */
    @Test
    void anchorsPermalinksFollowTheirSettingsAsMarkdownItPyMakesThem() {
        Markdown before = new Markdown(Wikilinks.none(), new MarkdownItConfig.Anchors(1, 2, true, "\u00b6", true, true));
        assertThat(before.render("## Quick *Start*\n")).isEqualTo(
                "<h2 id=\"quick-start\"><a class=\"header-anchor\" href=\"#quick-start\">\u00b6</a> Quick <em>Start</em></h2>\n");
        Markdown levels = new Markdown(Wikilinks.none(), new MarkdownItConfig.Anchors(2, 3, true, "<b>&</b>", false, true));
        // markata's h1 has no id (not a level of its anchors): here it has one, and no permalink
        assertThat(levels.render("# One\n\n## Two\n\n### Three\n")).isEqualTo("<h1 id=\"one\">One</h1>\n"
                + "<h2 id=\"two\">Two <a class=\"header-anchor\" href=\"#two\"><b>&</b></a></h2>\n"
                + "<h3 id=\"three\">Three <a class=\"header-anchor\" href=\"#three\"><b>&</b></a></h3>\n");
        assertThat(markdown.render("## Two\n")).as("no permalink by default").isEqualTo("<h2 id=\"two\">Two</h2>\n");
    }
}
