package dev.markata.plugins.mermaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.plugins.skip.KeyFile;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites built with markata's default plugins, which include mermaid. */
class MermaidPluginTest {

    @TempDir
    Path dir;

    private static final String DIAGRAM = """
            ```mermaid
            graph TD;
                A-->B;
            ```""";

    private Site site(String config) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Diagrams\"\n" + config)
                .post("posts/flow.md", "title: Flow\npublished: true", DIAGRAM + "\n\nThe flow, drawn.\n\n"
                        + "- a list\n\n  ```mermaid\n  pie\n      \"a\" : 1\n  ```\n\n"
                        + "How to write one:\n\n````markdown\n" + DIAGRAM + "\n````\n")
                .post("posts/plain.md", "title: Plain\npublished: true", "No diagram, but the word mermaid.\n");
    }

    private void build() throws Exception {
        Warnings warnings = new Warnings();
        Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
    }

    private Document page(String slug) {
        return Jsoup.parse(new Site(dir).read("markout/" + slug + "/index.html"));
    }

    @Test
    void aMermaidBlockIsADiagramWithItsScriptOnlyOnPagesThatHaveOne() throws Exception {
        site("");
        build();
        Document flow = page("flow");
        assertThat(flow.select("pre.mermaid")).extracting(Element::wholeText)
                .containsExactly("graph TD;\n    A-->B;", "pie\n    \"a\" : 1");
        assertThat(flow.selectFirst("li pre.mermaid")).as("the diagram stays in its list item").isNotNull();
        // markata's markup: the diagram's text as written, for mermaid to read
        assertThat(new Site(dir).read("markout/flow/index.html")).contains("<pre class=\"mermaid\">graph TD;\n    A-->B;</pre>");
        assertThat(flow.select("script[type=module]")).singleElement().extracting(Element::data).asString()
                .contains("import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11.4.1/dist/mermaid.esm.min.mjs';");
        // the example in a longer fence is shown as code, as written
        assertThat(flow.select("code.language-markdown").text()).contains("```mermaid");
        // the description is the post's text, not the diagrams' nor the example's (auto_description reads the Markdown)
        assertThat(flow.select("meta[name=description]").attr("content"))
                .isEqualTo("The flow, drawn. a list How to write one:");

        assertThat(new Site(dir).read("markout/plain/index.html")).doesNotContain("<script type=\"module\"")
                .doesNotContain("class=\"mermaid\"");
        assertThat(new Site(dir).read("markout/index.html")).doesNotContain("<script type=\"module\"");
    }

    @Test
    void aTextLookedAtBeforeIsNotLookedAtAgainUntilItChanges() throws Exception {
        Site site = site("").post("posts/other.md", "title: Other\npublished: true", "Nothing to draw.\n");
        Path file = dir.resolve(".markata.cache/" + MermaidPlugin.WITHOUT_DIAGRAMS_FILE);
        build();
        // plain.md has the word, so it is looked at every time; flow.md has diagrams
        assertThat(KeyFile.read(file, new Warnings())).containsOnlyKeys("posts/other.md");

        site.post("posts/other.md", "title: Other\npublished: true", DIAGRAM + "\n");
        build();
        assertThat(page("other").select("pre.mermaid")).hasSize(1);
        assertThat(KeyFile.read(file, new Warnings())).isEmpty();
    }

    @Test
    void theScriptsAddressThemeAndLookAreSettings() throws Exception {
        site("[markata.mermaid]\nscript_url = \"/js/mermaid.esm.min.mjs\"\ntheme = \"forest\"\nlook = \"classic\"\n");
        build();
        assertThat(page("flow").select("script[type=module]").first().data())
                .contains("import mermaid from '/js/mermaid.esm.min.mjs';")
                .contains("theme: 'forest', look: 'classic'");
    }

    @Test
    void turningThePluginOffOrChangingItsSettingsOnAWarmBuildGivesWhatACleanBuildGives() throws Exception {
        site("");
        build();
        String[] configs = {"disabled_hooks = [\"markata.plugins.mermaid\"]\n", "",
                "[markata.mermaid]\nscript_url = \"/m.mjs\"\n"};
        for (String config : configs) {
            site(config);
            build(); // warm
            String warm = new Site(dir).read("markout/flow/index.html");
            String listing = new Site(dir).read("markout/index.html");
            new Site(dir).delete("markout").delete(".markata.cache");
            build(); // clean
            assertThat(warm).as(config).isEqualTo(new Site(dir).read("markout/flow/index.html"));
            assertThat(listing).as(config).isEqualTo(new Site(dir).read("markout/index.html"));
        }
        // off: markata's highlighted code, as any other fence
        site(configs[0]);
        build();
        assertThat(page("flow").select("pre.mermaid")).isEmpty();
        assertThat(page("flow").select("code.language-mermaid")).hasSize(2);
    }

    @Test
    void aFeedShowingPostsInFullShowsTheirDiagramsWithTheScriptAlsoOnAWarmBuild() throws Exception {
        site("[markata.feeds.all]\nfilter = \"True\"\ntemplate = \"full.html\"\n")
                .write("templates/full.html", "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}");
        build();
        String cold = new Site(dir).read("markout/all/index.html");
        assertThat(Jsoup.parse(cold).select("pre.mermaid")).hasSize(2);
        assertThat(Jsoup.parse(cold).select("script[type=module]")).hasSize(1);
        new Site(dir).post("posts/plain.md", "title: Plain\npublished: true", "Edited.\n");
        build(); // flow is skipped: the feed shows its HTML from the cache
        String warm = new Site(dir).read("markout/all/index.html");
        assertThat(Jsoup.parse(warm).select("pre.mermaid")).hasSize(2);
        new Site(dir).delete("markout").delete(".markata.cache");
        build();
        assertThat(warm).isEqualTo(new Site(dir).read("markout/all/index.html"));
    }

    @Test
    void aBadSettingStopsTheBuildNamingTheKey() {
        site("[markata.mermaid]\ntheme = \"purple\"\n");
        ConfigException error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("[markata.mermaid] theme = \"purple\"").contains("\"forest\"");
    }
}
