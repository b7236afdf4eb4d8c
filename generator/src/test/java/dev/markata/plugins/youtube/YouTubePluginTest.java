package dev.markata.plugins.youtube;

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

class YouTubePluginTest {

    @TempDir
    Path dir;

    /** markata-go's embed for dQw4w9WgXcQ at 90 s with its defaults (privacy-enhanced, lazy), as its buildEmbed writes it. */
    static final String EMBED = """
            <div class="youtube-embed">
              <iframe
                src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90"
                title="YouTube video player"
                frameborder="0"
                allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture"
                allowfullscreen
                loading="lazy">
              </iframe>
            </div>""";

    private Site site(String hooks, String config) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Videos\"\nhooks = " + hooks + "\n" + config
                        + "[markata.feeds.all]\nfilter = \"True\"\ntemplate = \"full.html\"\n")
                .write("templates/full.html", "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}")
                .post("posts/talk.md", "title: Talk\npublished: true", """
                        The talk:

                        https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s

                        And a short one, in a list:

                        - first

                          <https://youtu.be/aaaaaaaaaaa?t=42>

                        Inline https://youtu.be/bbbbbbbbbbb stays a link.

                        ```
                        https://youtu.be/ccccccccccc
                        ```
                        """)
                .post("posts/other.md", "title: Other\npublished: true", "Nothing to watch.\n");
    }

    private static final String ON = "[\"default\", \"markata.plugins.youtube\"]";

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    private Document page(String slug) {
        return Jsoup.parse(new Site(dir).read("markout/" + slug + "/index.html"));
    }

    @Test
    void aVideosAddressOnALineOfItsOwnBecomesMarkataGosEmbed() throws Exception {
        site(ON, "");
        build();
        assertThat(new Site(dir).read("markout/talk/index.html")).contains(EMBED);
        Document talk = page("talk");
        assertThat(talk.select("div.youtube-embed > iframe")).extracting(e -> e.attr("src")).containsExactly(
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90",
                "https://www.youtube-nocookie.com/embed/aaaaaaaaaaa?start=42");
        assertThat(talk.selectFirst("li div.youtube-embed")).as("the embed stays in its list item").isNotNull();
        assertThat(talk.select("a[href=https://youtu.be/bbbbbbbbbbb]")).hasSize(1);
        assertThat(talk.select("code").text()).contains("https://youtu.be/ccccccccccc");
        assertThat(talk.select("article p").eachText()).contains("The talk:", "first");
    }

    /** markata-go embeds every {@code <p>} of one address: in quotes, admonitions and loose lists too. */
    @Test
    void videosInQuotesAdmonitionsAndLooseListsAreEmbeddedThere() throws Exception {
        site(ON, "").post("posts/boxes.md", "title: Boxes\npublished: true", """
                > Seen at the conference:
                >
                > https://youtu.be/aaaaaaaaaaa

                !!! tip "Watch this"
                    https://youtu.be/bbbbbbbbbbb

                - https://youtu.be/ccccccccccc

                - https://youtu.be/ddddddddddd

                A tight list keeps links:

                - https://youtu.be/eeeeeeeeeee
                - https://youtu.be/fffffffffff
                """);
        build();
        Document boxes = page("boxes");
        assertThat(boxes.select("blockquote > div.youtube-embed iframe").attr("src")).endsWith("/aaaaaaaaaaa");
        assertThat(boxes.select("div.admonition.tip > div.youtube-embed iframe").attr("src")).endsWith("/bbbbbbbbbbb");
        assertThat(boxes.select("li > div.youtube-embed iframe")).extracting(e -> e.attr("src"))
                .containsExactly("https://www.youtube-nocookie.com/embed/ccccccccccc",
                        "https://www.youtube-nocookie.com/embed/ddddddddddd");
        assertThat(boxes.select("li > a")).extracting(Element::text)
                .containsExactly("https://youtu.be/eeeeeeeeeee", "https://youtu.be/fffffffffff");
        assertThat(boxes.select("blockquote p").text()).isEqualTo("Seen at the conference:");
    }

    @Test
    void theSettingsChangeTheEmbed() throws Exception {
        site(ON, "[markata.youtube]\nprivacy_enhanced = false\nlazy_load = false\ncontainer_class = \"video wide\"\n");
        build();
        Element iframe = page("talk").selectFirst("div.video.wide > iframe");
        assertThat(iframe.attr("src")).isEqualTo("https://www.youtube.com/embed/dQw4w9WgXcQ?start=90");
        assertThat(iframe.hasAttr("loading")).isFalse();
        site(ON, "[markata.youtube]\nenabled = false\n");
        build();
        assertThat(page("talk").select("iframe")).isEmpty();
    }

    @Test
    void aBadSettingStopsTheBuildNamingTheKey() {
        site(ON, "[markata.youtube]\ncontainer_class = \"a\\\"b\"\nlazy_load = \"yes\"\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("[markata.youtube] container_class").contains("class names")
                .contains("[markata.youtube] lazy_load");
    }

    @Test
    void warmBuildsGiveWhatACleanBuildGives() throws Exception {
        site("[\"default\"]", "");
        build();
        String[][] steps = {{ON, ""}, {ON, "[markata.youtube]\nprivacy_enhanced = false\n"}, {"[\"default\"]", ""}};
        for (String[] step : steps) {
            site(step[0], step[1]);
            // the talk is left unrendered after the first step: the feed shows it from the render cache
            new Site(dir).post("posts/other.md", "title: Other\npublished: true", "Edited " + step[1].length() + ".\n");
            Map<String, String> warm = Builds.warmMatchesClean(dir, step[0] + step[1]);
            assertThat(warm.get("all/index.html").contains("<iframe")).isEqualTo(step[0].contains("youtube"));
        }
    }
}
