package dev.markata.plugins.covers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seo plugin's {@code og:image} is the cover this plugin draws as {@code <slug>-og.png}, as in markata. */
class SeoOgImageTest {

    @TempDir
    Path dir;

    private Site site(String hooks, String coverName) throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "Covers"
                url = "https://example.com"
                hooks = %s

                [[markata.covers]]
                name = "%s"
                template = "static/og-template.png"
                font = "static/box.ttf"
                """.formatted(hooks, coverName))
                .post("posts/first.md", "title: First", "One.")
                .post("posts/own.md", "title: Own\ncover: /images/own.png", "Two.");
        CoverArtTest.template(dir.resolve("static/og-template.png"), 300, 150);
        BoxFont.write(dir.resolve("static/box.ttf"));
        return site;
    }

    private String ogImage(String slug) throws Exception {
        Warnings warnings = new Warnings();
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        Document page = Jsoup.parse(new Site(dir).read("markout/" + slug + "/index.html"));
        return page.head().select("meta[property=og:image]").attr("content");
    }

    @Test
    void aPostWithoutACoverShowsItsDrawnOgCover() throws Exception {
        site("[\"default\", \"markata.plugins.seo\"]", "-og");
        assertThat(ogImage("first")).isEqualTo("https://example.com/first-og.png");
        assertThat(new Site(dir).exists("markout/first-og.png")).isTrue();
        // the post's own cover wins
        assertThat(ogImage("own")).isEqualTo("https://example.com/images/own.png");
    }

    @Test
    void noOgImageWhenCoversDrawsNoneOrDoesNotRun() throws Exception {
        site("[\"default\", \"markata.plugins.seo\"]", "-card");
        assertThat(ogImage("first")).isEmpty();
        site("[\"default\", \"markata.plugins.seo\"]\ndisabled_hooks = [\"markata.plugins.covers\"]", "-og");
        assertThat(ogImage("first")).isEmpty();
        assertThat(new Site(dir).exists("markout/first-og.png")).isFalse();
    }

    /** seo reads [[markata.covers]] too (to know whether an -og cover is drawn): a wrong value is still one problem. */
    @Test
    void aWrongCoversValueIsReportedOnceWhenSeoAlsoReadsIt() throws Exception {
        site("[\"default\", \"markata.plugins.seo\"]", "-og");
        Site site = new Site(dir);
        site.write("markata.toml", site.read("markata.toml") + "font_color = \"notacolor\"\n");
        ConfigException error = Builds.configError(dir);
        assertThat(error).isNotNull();
        assertThat(error.problems()).singleElement().asString()
                .contains("[markata.covers[0]] font_color = \"notacolor\"");
    }
}
