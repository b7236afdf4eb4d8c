package dev.markata.plugins.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TweetsPluginTest {

    @TempDir
    Path dir;

    private static final String ON = "[\"default\", \"markata.plugins.tweets\"]";

    private Site site(String hooks, String config) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Tweets\"\nhooks = " + hooks + "\n" + config
                        + "[markata.feeds.all]\nfilter = \"True\"\ntemplate = \"full.html\"\n")
                .write("templates/full.html", "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}")
                .post("posts/thread.md", "title: Thread\npublished: true", """
                        The first tweet:

                        https://twitter.com/jack/status/20?s=20

                        And one on X:

                        <https://mobile.x.com/Some_One/status/1234567890123456789/>

                        Inline https://twitter.com/jack/status/21 stays a link.

                        ```
                        https://twitter.com/jack/status/22
                        ```
                        """)
                .post("posts/other.md", "title: Other\npublished: true", "No tweets.\n");
    }

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    private Document page(String slug) {
        return Jsoup.parse(new Site(dir).read("markout/" + slug + "/index.html"));
    }

    @Test
    void aTweetsAddressOnALineOfItsOwnBecomesTwittersEmbedMarkupWithItsScriptOnce() throws Exception {
        site(ON, "");
        build();
        String html = new Site(dir).read("markout/thread/index.html");
        // Twitter's embed code, without the tweet's text (that needs Twitter's API at build time):
        // widgets.js makes the tweet of the quote's link; without it the quote is the link
        assertThat(html).contains("<blockquote class=\"twitter-tweet\">\n"
                + "<p><a href=\"https://twitter.com/jack/status/20\">https://twitter.com/jack/status/20</a></p>\n"
                + "</blockquote>\n"
                + "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>");
        Document thread = page("thread");
        assertThat(thread.select("blockquote.twitter-tweet a")).extracting(a -> a.attr("href")).containsExactly(
                "https://twitter.com/jack/status/20", "https://x.com/Some_One/status/1234567890123456789");
        assertThat(thread.select("script[src=https://platform.twitter.com/widgets.js]")).hasSize(1);
        assertThat(thread.select("p > a[href=https://twitter.com/jack/status/21]")).hasSize(1);
        assertThat(thread.select("code").text()).contains("https://twitter.com/jack/status/22");
        assertThat(page("other").select("script[src*=twitter]")).isEmpty();
    }

    @Test
    void theSettingsChangeTheMarkup() throws Exception {
        site(ON, "[markata.tweets]\ntheme = \"dark\"\ndnt = true\nscript_url = \"\"\n");
        build();
        Document thread = page("thread");
        Element quote = thread.selectFirst("blockquote.twitter-tweet");
        assertThat(quote.attr("data-theme")).isEqualTo("dark");
        assertThat(quote.attr("data-dnt")).isEqualTo("true");
        assertThat(thread.select("script[src*=twitter]")).as("no script: the quotes stay links").isEmpty();
        site(ON, "[markata.tweets]\nenabled = false\n");
        build();
        assertThat(page("thread").select("blockquote.twitter-tweet")).isEmpty();
    }

    @Test
    void aBadSettingStopsTheBuildNamingTheKey() {
        site(ON, "[markata.tweets]\ntheme = \"blue\"\nscript_url = \"javascript:alert(1)\"\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("[markata.tweets] theme = \"blue\"").contains("\"dark\"")
                .contains("[markata.tweets] script_url");
    }

    @Test
    void warmBuildsGiveWhatACleanBuildGives() throws Exception {
        site("[\"default\"]", "");
        build();
        String[][] steps = {{ON, ""}, {ON, "[markata.tweets]\ntheme = \"dark\"\n"}, {"[\"default\"]", ""}};
        for (String[] step : steps) {
            site(step[0], step[1]);
            new Site(dir).post("posts/other.md", "title: Other\npublished: true", "Edited " + step[1].length() + ".\n");
            Map<String, String> warm = Builds.warmMatchesClean(dir, step[0] + step[1]);
            assertThat(warm.get("all/index.html").contains("twitter-tweet")).isEqualTo(step[0].contains("tweets"));
        }
    }
}
