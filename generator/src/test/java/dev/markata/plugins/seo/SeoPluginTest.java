package dev.markata.plugins.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole builds with {@code markata.plugins.seo}: the tags in the pages the theme and a site's template make. */
class SeoPluginTest {

    @TempDir
    Path dir;

    private Site site(String extraConfig) {
        return new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "Site & Co"
                        url = "https://example.com/"
                        author_name = "Ann <Author>"
                        twitter_creator = "@ann"
                        hooks = ["default", "markata.plugins.seo"]
                        %s
                        """.formatted(extraConfig))
                .post("posts/quotes.md", "title: 'Say \"hi\" & <b>bye</b>'\ndescription: 'Tom''s \"best\" <script>x</script>'\n"
                        + "cover: /images/q.png", "Body.")
                .post("posts/plain.md", "title: Plain", "Just a paragraph.")
                .post("posts/home.md", "title: Home\nslug: index", "Welcome.");
    }

    private BuildResult build() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    private Document page(String path) {
        return Jsoup.parse(new Site(dir).read("markout/" + path));
    }

    /** The content of every head meta tag with this key as name or property. */
    private static List<String> meta(Document page, String key) {
        return page.head().select("meta").stream()
                .filter(m -> m.attr("name").equals(key) || m.attr("property").equals(key))
                .map(m -> m.attr("content")).toList();
    }

    @Test
    void aPostsPageGetsMarkatasTagsWithAuthorsTextEscaped() throws Exception {
        site("").write("templates/bare.html", """
                <!DOCTYPE html>
                <html><head><title>{{ post.title|e }}</title></head>
                <body>{{ body }}</body></html>
                """).write("markata.toml", new Site(dir).read("markata.toml") + "post_template = \"bare.html\"\n");
        build();
        Document page = page("quotes/index.html");
        String title = "Say \"hi\" & <b>bye</b>";
        String description = "Tom's \"best\" <script>x</script>";
        assertThat(meta(page, "og:title")).containsExactly(title + " | Site & Co");
        assertThat(meta(page, "twitter:title")).containsExactly(title + " | Site & Co");
        assertThat(meta(page, "title")).containsExactly(title);
        assertThat(meta(page, "description")).containsExactly(description);
        assertThat(meta(page, "og:description")).containsExactly(description);
        assertThat(meta(page, "twitter:description")).containsExactly(description);
        assertThat(meta(page, "og:author")).containsExactly("Ann <Author>");
        assertThat(meta(page, "og:type")).containsExactly("website");
        assertThat(meta(page, "og:site_name")).containsExactly("Site & Co");
        assertThat(meta(page, "twitter:card")).containsExactly("summary_large_image");
        assertThat(meta(page, "twitter:creator")).containsExactly("@ann");
        assertThat(meta(page, "og:image")).containsExactly("https://example.com/images/q.png");
        assertThat(meta(page, "twitter:image")).containsExactly("https://example.com/images/q.png");
        assertThat(meta(page, "og:url")).containsExactly("https://example.com/quotes/");
        assertThat(page.head().select("link[rel=canonical]").eachAttr("href")).containsExactly("https://example.com/quotes/");
        // no author email configured: no empty tag
        assertThat(meta(page, "og:author_email")).isEmpty();
        // the raw HTML never holds the authors' markup unescaped: the only <script> is none
        String html = new Site(dir).read("markout/quotes/index.html");
        assertThat(html).doesNotContain("<script>x").doesNotContain("<b>bye");
        assertThat(page.select("script")).isEmpty();
        // each tag once, inside the head, markata's name and property both set
        Element ogTitle = page.head().selectFirst("meta[property=og:title]");
        assertThat(ogTitle.attr("name")).isEqualTo("og:title");
        assertThat(page.body().select("meta")).isEmpty();
    }

    @Test
    void theHomePagesAddressIsTheSitesRoot() throws Exception {
        site("");
        build();
        Document home = page("index.html");
        assertThat(home.head().select("link[rel=canonical]").eachAttr("href")).containsExactly("https://example.com/");
        assertThat(meta(home, "og:url")).containsExactly("https://example.com/");
    }

    @Test
    void tagsTheThemeAlreadyHasAreNotAddedAgain() throws Exception {
        site("");
        build();
        Document page = page("plain/index.html");
        // the theme writes description, og:title and generator itself: one of each, the theme's
        assertThat(meta(page, "og:title")).containsExactly("Plain");
        assertThat(meta(page, "description")).hasSize(1);
        assertThat(meta(page, "generator")).containsExactly("markata-java");
        // what the theme does not write is added
        assertThat(meta(page, "twitter:title")).containsExactly("Plain | Site & Co");
        assertThat(meta(page, "og:description")).containsExactly("Just a paragraph.");
        assertThat(page.head().select("link[rel=canonical]")).hasSize(1);
        // no cover and no default_cover: no image tag pointing at nothing
        assertThat(meta(page, "og:image")).isEmpty();
    }

    @Test
    void configuredTagsComeFirstAndTheDefaultCoverStandsInForAMissingCover() throws Exception {
        site("""
                images_url = "https://img.example.com"
                default_cover = "card.png"
                site_name = "Example"
                twitter_card = "summary"
                [[markata.seo]]
                name = "og:locale"
                content = "en_GB"
                [[markata.seo]]
                property = "og:type"
                content = "article"
                """);
        build();
        Document page = page("plain/index.html");
        assertThat(meta(page, "og:locale")).containsExactly("en_GB");
        // the site's own og:type, said once
        assertThat(meta(page, "og:type")).containsExactly("article");
        assertThat(meta(page, "og:image")).containsExactly("https://img.example.com/card.png");
        assertThat(meta(page, "twitter:card")).containsExactly("summary");
        assertThat(meta(page, "twitter:title")).containsExactly("Plain | Example");
        List<String> keys = page.head().select("meta[content]").eachAttr("name");
        assertThat(keys.indexOf("og:locale")).isLessThan(keys.indexOf("twitter:title"));
        // a cover given as an address is used as written
        assertThat(meta(page("quotes/index.html"), "og:image")).containsExactly("https://img.example.com/images/q.png");
    }

    @Test
    void feedPagesAreLeftAsTheirTemplateMadeThem() throws Exception {
        site("");
        build();
        Document archive = page("archive/index.html");
        assertThat(meta(archive, "twitter:title")).isEmpty();
        assertThat(archive.head().select("link[rel=canonical]")).isEmpty();
    }

    @Test
    void aCoverThatIsNotTextFailsTheBuildNamingThePost() throws Exception {
        site("").post("posts/bad.md", "title: Bad\ncover:\n  src: a.png", "Bad.");
        BuildException error = catchThrowableOfType(BuildException.class,
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open().build());
        assertThat(error.failure().pluginId()).isEqualTo(SeoPlugin.ID);
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).singleElement()
                .satisfies(message -> assertThat(message).contains("posts/bad.md").contains("cover must be text"));
    }

    @Test
    void aWrongTwitterCardIsAConfigurationErrorNamingTheKeyAndTheChoices() {
        site("twitter_card = \"large\"");
        ConfigException error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("twitter_card").contains("\"summary\"").contains("\"summary_large_image\"");
    }

    @Test
    void aSeoEntryThatIsNotATableOfTextIsAConfigurationError() {
        site("seo = [\"og:locale\"]");
        ConfigException error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("seo").contains("array of tables");
        site("[[markata.seo]]\nname = \"og:locale\"\ncontent = 3");
        error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("seo").contains("content is not");
    }

    private void sameAsACleanBuild() throws Exception {
        Map<String, String> warm = new Site(dir).files("markout");
        new Site(dir).delete("markout").delete(".markata.cache");
        build();
        assertThat(new Site(dir).files("markout")).isEqualTo(warm);
    }

    @Test
    void warmBuildsSayWhatACleanBuildSaysAfterEditsToAPostAndTheConfiguration() throws Exception {
        site("");
        build();
        new Site(dir).post("posts/plain.md", "title: Plainer\ndescription: Now described", "Just a paragraph.");
        build();
        assertThat(meta(page("plain/index.html"), "twitter:title")).containsExactly("Plainer | Site & Co");
        sameAsACleanBuild();
        site("site_name = \"Renamed\"\ntwitter_card = \"summary\"");
        build();
        assertThat(meta(page("plain/index.html"), "og:site_name")).containsExactly("Renamed");
        sameAsACleanBuild();
        // the plugin turned off: the pages lose their tags
        new Site(dir).write("markata.toml", new Site(dir).read("markata.toml")
                .replace("hooks = [\"default\", \"markata.plugins.seo\"]", "hooks = [\"default\"]"));
        build();
        assertThat(meta(page("plain/index.html"), "og:site_name")).isEmpty();
        sameAsACleanBuild();
    }
}
