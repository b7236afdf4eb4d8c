package dev.markata.plugins.heading_link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadingLinkPluginTest {

    @TempDir
    Path dir;

    private Site site(String hooks) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Links\"\nhooks = " + hooks + "\n"
                        + "[markata.feeds.all]\nfilter = \"True\"\ntemplate = \"full.html\"\n")
                .write("templates/full.html", "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}")
                .post("posts/guide.md", "title: Guide\npublished: true", """
                        Intro.

                        ## Install it

                        ### On Linux {#linux}

                        ```html
                        <h2 id="code">not a heading</h2>
                        ```

                        ## Install it
                        """);
    }

    private void build() throws Exception {
        Warnings warnings = new Warnings();
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
    }

    @Test
    void eachHeadingOfAPostWithAnIdGetsALinkToItself() throws Exception {
        site("[\"default\", \"markata.plugins.heading_link\"]");
        build();
        Document page = Jsoup.parse(new Site(dir).read("markout/guide/index.html"));
        assertThat(page.select("a.heading-permalink")).extracting(a -> a.parent().tagName() + " " + a.attr("href")
                + " " + a.attr("title")).containsExactly("h2 #install-it link to #install-it",
                "h3 #linux link to #linux", "h2 #install-it-1 link to #install-it-1");
        assertThat(page.selectFirst("h2").text()).isEqualTo("Install it"); // the link adds no text
        Element link = page.selectFirst("a.heading-permalink");
        assertThat(link.select("span.visually-hidden")).hasSize(1);
        assertThat(link.select("svg[aria-hidden=true] path")).hasSize(1);
        // the theme's title has no id: no link; code showing a heading is code
        assertThat(page.select("h1 a")).isEmpty();
        assertThat(page.select("code").text()).contains("<h2 id=\"code\">");
        // as in markata, listings showing posts in full do not get the links
        assertThat(new Site(dir).read("markout/all/index.html")).doesNotContain("class=\"heading-permalink\"");
    }

    @Test
    void turningThePluginOnAndOffOnAWarmBuildGivesWhatACleanBuildGives() throws Exception {
        site("[\"default\"]");
        build();
        for (String hooks : new String[] {"[\"default\", \"markata.plugins.heading_link\"]", "[\"default\"]"}) {
            site(hooks);
            build();
            String warm = new Site(dir).read("markout/guide/index.html");
            new Site(dir).delete("markout").delete(".markata.cache");
            build();
            assertThat(warm).as(hooks).isEqualTo(new Site(dir).read("markout/guide/index.html"));
            assertThat(warm.contains("class=\"heading-permalink\"")).as(hooks).isEqualTo(hooks.contains("heading_link"));
        }
    }

    @Test
    void aHeadingWithAnIdInTheSitesTemplateGetsOneButTheTitleNot() throws Exception {
        site("[\"default\", \"markata.plugins.heading_link\"]")
                .write("templates/post.html", "<h1 id=\"title\">{{ post.title|e }}</h1>{{ body }}"
                        + "<h2 id=\"comments\">Comments</h2>");
        build();
        Document page = Jsoup.parse(new Site(dir).read("markout/guide/index.html"));
        assertThat(page.select("#title a")).isEmpty();
        assertThat(page.select("#comments a.heading-permalink").attr("href")).isEqualTo("#comments");
    }
}
