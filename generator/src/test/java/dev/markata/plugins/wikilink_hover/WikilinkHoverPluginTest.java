package dev.markata.plugins.wikilink_hover;

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

class WikilinkHoverPluginTest {

    @TempDir
    Path dir;

    private static final String ON = "[\"default\", \"markata.plugins.wikilink_hover\"]";

    private Site site(String hooks, String config, String guideDescription) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Notes\"\nhooks = " + hooks + "\n" + config)
                .post("posts/index.md", "title: Home\npublished: true", "See [[guide]], [[guide#setup|its setup]]"
                        + " and [a plain link](/guide/).\n")
                .post("posts/guide.md", "title: Guide\npublished: true\ndescription: " + guideDescription
                        + "\nimage: /img/guide.png", "## Setup\n\nSteps.\n")
                .post("posts/plain.md", "title: Plain\npublished: true", "First words of the plain post.\n\nSee [[index]].\n");
    }

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    private Document page(String path) {
        return Jsoup.parse(new Site(dir).read("markout/" + path));
    }

    @Test
    void wikilinksGetTheirTargetsPreviewAsMarkataGoWritesIt() throws Exception {
        site(ON, "", "How to set things up, & more.");
        build();
        String html = new Site(dir).read("markout/index.html");
        // markata-go's attributes, in its order, at the end of the wikilink's tag
        assertThat(html).contains(" data-preview=\"How to set things up, &amp; more.\" data-preview-image=\"/img/guide.png\">Guide</a>"
                .replace(">Guide<", ">guide<"));
        Document home = page("index.html");
        assertThat(home.select("a.wikilink")).extracting(a -> a.attr("href") + " " + a.attr("data-preview"))
                .containsExactly("/guide/ How to set things up, & more.", "/guide/#setup How to set things up, & more.");
        // a plain link gets nothing
        assertThat(home.select("a:not(.wikilink)[data-preview]")).isEmpty();
        assertThat(home.select("[data-preview]")).hasSize(2);
        // the home page has no description of its own: auto_description's, from its first paragraph
        assertThat(page("plain/index.html").selectFirst("a.wikilink").attr("data-preview"))
                .isEqualTo("See guide, its setup and a plain link.");
    }

    @Test
    void aLongDescriptionIsCutAtAWordAsMarkataGoCutsIt() throws Exception {
        site(ON, "[markata.wikilink_hover]\npreview_length = 20\ninclude_image = false\n"
                + "screenshot_service = \"https://shots.example/?url=\"\n", "One two three four five six seven.");
        build();
        Element link = page("index.html").selectFirst("a.wikilink");
        assertThat(link.attr("data-preview")).isEqualTo("One two three four...");
        assertThat(link.hasAttr("data-preview-image")).isFalse();
        assertThat(link.attr("data-preview-screenshot")).isEqualTo("https://shots.example/?url=/guide/");
    }

    @Test
    void previewTextIsCutAsMarkataGoCutsIt() {
        assertThat(WikilinkPreviews.truncate("  short\n text ", 200)).isEqualTo("short text");
        assertThat(WikilinkPreviews.truncate("One two three four five six seven.", 20)).isEqualTo("One two three four...");
        // no space past half the length: cut inside the word
        assertThat(WikilinkPreviews.truncate("Supercalifragilistic expialidocious", 10)).isEqualTo("Supercalif...");
        // code points, not chars: an emoji is not cut in half
        assertThat(WikilinkPreviews.truncate("😀😀😀😀😀😀", 3)).isEqualTo("😀😀😀...");
    }

    @Test
    void aBadSettingStopsTheBuildNamingTheKey() {
        site(ON, "[markata.wikilink_hover]\npreview_length = 0\nscreenshot_service = \"shots\"\n", "d");
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).contains("[markata.wikilink_hover] preview_length").contains("> 0")
                .contains("[markata.wikilink_hover] screenshot_service");
    }

    @Test
    void warmBuildsGiveWhatACleanBuildGivesWhenTheTargetOrTheSettingsChange() throws Exception {
        site("[\"default\"]", "", "First.");
        build();
        String[][] steps = {{ON, "", "First."}, {ON, "", "Second, edited."},
                {ON, "[markata.wikilink_hover]\npreview_length = 5\n", "Second, edited."}, {"[\"default\"]", "", "Third."}};
        for (String[] step : steps) {
            site(step[0], step[1], step[2]);
            build();
            Map<String, String> warm = Builds.warmMatchesClean(dir, String.join(" ", step));
            assertThat(warm.get("index.html").contains("data-preview=\"")).isEqualTo(step[0].contains("hover"));
        }
    }
}
