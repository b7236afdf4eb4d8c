package dev.markata.plugins.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.MarkataVersion;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorPluginTest {

    @TempDir
    Path dir;

    /** A site with its own post template, as markata's sites have (markata's theme has no generator tag). */
    private Site site(String hooks) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Gen\"\nurl = \"https://example.com\"\nhooks = "
                        + hooks + "\n[markata.feeds.all]\nfilter = \"True\"\n")
                .write("templates/post.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>{{ post.title }}</title>\n</head>\n"
                        + "<body>{{ body }}</body>\n</html>\n")
                .post("posts/one.md", "title: One\npublished: true", "Hello.");
    }

    private void build() throws Exception {
        Builds.withoutWarnings(dir);
    }

    private Document page(String path) {
        return Jsoup.parse(new Site(dir).read("markout/" + path));
    }

    @Test
    void eachPostsPageSaysWhichGeneratorMadeIt() throws Exception {
        site("[\"default\", \"markata.plugins.generator\"]");
        build();
        String html = new Site(dir).read("markout/one/index.html");
        assertThat(html).contains("<title>One</title>\n<meta content=\"markata-java "
                + MarkataVersion.current().version() + "\" name=\"generator\">\n</head>");
        Document page = page("one/index.html");
        // markata's tag: name "generator", content "markata <version>"; here markata-java's version
        assertThat(page.select("head meta[name=generator]")).extracting(meta -> meta.attr("content"))
                .containsExactly("markata-java " + MarkataVersion.current().version());
        // as markata (its render hook goes over the posts): the feed's page is not a post's page
        // (its page comes from the built-in theme, whose own tag says "markata-java")
        assertThat(new Site(dir).read("markout/all/index.html")).doesNotContain(MarkataVersion.current().version());
    }

    @Test
    void withSeoThePageHasOneGeneratorTagWithTheVersion() throws Exception {
        site("[\"default\", \"markata.plugins.seo\", \"markata.plugins.generator\"]");
        build();
        assertThat(page("one/index.html").select("meta[name=generator]")).extracting(meta -> meta.attr("content"))
                .containsExactly("markata-java " + MarkataVersion.current().version());
    }

    @Test
    void aTemplateWithItsOwnGeneratorTagKeepsIt() throws Exception {
        site("[\"default\", \"markata.plugins.generator\"]").write("templates/post.html",
                "<html><head><meta name=\"Generator\" content=\"my hands\"><title>{{ post.title }}</title></head>"
                        + "<body>{{ body }}</body></html>");
        build();
        assertThat(page("one/index.html").select("meta[name~=(?i)generator]")).extracting(meta -> meta.attr("content"))
                .containsExactly("my hands");
    }

    @Test
    void theBuiltInThemesOwnTagIsKept() throws Exception {
        site("[\"default\", \"markata.plugins.generator\"]").delete("templates");
        build();
        assertThat(page("one/index.html").select("meta[name=generator]")).extracting(meta -> meta.attr("content"))
                .containsExactly("markata-java");
    }

    @Test
    void turningThePluginOnAndOffOnAWarmBuildGivesWhatACleanBuildGives() throws Exception {
        site("[\"default\"]");
        build();
        for (String hooks : new String[] {"[\"default\", \"markata.plugins.generator\"]", "[\"default\"]"}) {
            site(hooks);
            build();
            String warm = new Site(dir).read("markout/one/index.html");
            new Site(dir).delete("markout").delete(".markata.cache");
            build();
            assertThat(warm).as(hooks).isEqualTo(new Site(dir).read("markout/one/index.html"));
            assertThat(warm.contains("name=\"generator\"")).as(hooks).isEqualTo(hooks.contains("generator"));
        }
    }
}
