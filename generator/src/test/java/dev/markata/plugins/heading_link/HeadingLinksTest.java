package dev.markata.plugins.heading_link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingLinksTest {

    @Test
    void aHeadingWithAnIdGetsMarkatasLinkAfterItsContent() {
        String html = "<h2 id=\"install\">Install <code>x</code></h2>\n<p>text</p>";
        assertThat(HeadingLinks.add(html)).isEqualTo("<h2 id=\"install\">Install <code>x</code>"
                + HeadingLinks.link("install") + "</h2>\n<p>text</p>");
        assertThat(HeadingLinks.link("install")).startsWith("<a alt=\"id\" title=\"link to #install\" href=\"#install\""
                + " class=\"heading-permalink\"><span class=\"visually-hidden\"></span><svg fill=\"currentColor\"")
                .endsWith("\"></path></svg></a>");
    }

    @Test
    void theTitleHeadingsWithoutAnIdAndHeadingsAlreadyLinkedGetNone() {
        String html = "<h1 id=\"title\">T</h1><h1>No id</h1><h3 id=\"\">Empty</h3>"
                + "<h2 id=\"done\">Done<a class=\"heading-permalink\" href=\"#done\">#</a></h2>";
        assertThat(HeadingLinks.add(html)).isSameAs(html);
    }

    @Test
    void everyLevelAndAnyCaseAndQuotingOfTheId() {
        String html = "<H4 class=x ID='a&amp;b'>A</H4><h6 data-x=\"id=no\" id=six>6</h6 >";
        assertThat(HeadingLinks.add(html)).isEqualTo("<H4 class=x ID='a&amp;b'>A" + HeadingLinks.link("a&amp;b")
                + "</H4><h6 data-x=\"id=no\" id=six>6" + HeadingLinks.link("six") + "</h6 >");
    }

    @Test
    void aHeadingWordInTextCommentsAndScriptsIsLeftAlone() {
        String html = "<!-- <h2 id=\"c\">x</h2> --><script>let s = '<h2 id=\"s\">x</h2>';</script>"
                + "<style>h2{}</style><p>&lt;h2 id=\"p\"&gt;</p><header id=\"h\">x</header><hr>";
        assertThat(HeadingLinks.add(html)).isSameAs(html);
    }

    @Test
    void aHeadingWhoseTextMentionsTheClassStillGetsItsLink() {
        String html = "<h2 id=\"heading-permalink\">About heading-permalink</h2>";
        assertThat(HeadingLinks.add(html)).contains("class=\"heading-permalink\"");
    }

    @Test
    void anIdWithAQuoteInSingleQuotesStaysOneAttribute() {
        assertThat(HeadingLinks.id(" id='say \"hi\"'")).isEqualTo("say &quot;hi&quot;");
        assertThat(HeadingLinks.id(" class=\"a\"")).isNull();
    }
}
