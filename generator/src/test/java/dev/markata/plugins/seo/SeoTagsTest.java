package dev.markata.plugins.seo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.content.Post;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeoTagsTest {

    private static final SeoConfig CONFIG = new SeoConfig("https://example.com", "Site", "",
            "", "", "summary_large_image", "", false, List.of());

    private static Post post(String slug, String title, String description) {
        return new Post("posts/" + slug + ".md", slug, title, null, List.of(), true, description, null, "", Map.of(),
                null, null);
    }

    @Test
    void aTagInsideAScriptACommentOrTheTitleIsNotTheHeadsOwn() throws Exception {
        String page = """
                <!DOCTYPE html>
                <HTML><HEAD>
                <title>a <meta name="description"> title</title>
                <!-- <meta name="og:title" content="old"> -->
                <script>document.write('<meta name="twitter:title">')</script>
                <META PROPERTY='og:description' CONTENT=kept>
                </HEAD><body><meta name="og:url" content="in the body"></body></HTML>
                """;
        HeadTags head = HeadTags.scan(page);
        assertThat(head.keys()).containsExactly("og:description");
        assertThat(page.substring(head.insertAt())).startsWith("</HEAD>");
        String tagged = SeoTags.add(page, post("a", "A", "About a."), CONFIG, "https://example.com/a/");
        assertThat(tagged).contains("<meta name=\"description\" property=\"description\" content=\"About a.\">")
                .contains("<meta name=\"og:title\" property=\"og:title\" content=\"A | Site\">")
                .contains("<meta name=\"twitter:title\"")
                .doesNotContain("property=\"og:description\" content=\"About a.\"")
                .contains("<link rel=\"canonical\" href=\"https://example.com/a/\">\n"
                        + "<meta name=\"og:url\" property=\"og:url\" content=\"https://example.com/a/\">\n</HEAD>");
    }

    @Test
    void aHeadWithoutItsEndTagGetsTheTagsBeforeTheBody() throws Exception {
        String tagged = SeoTags.add("<html><head><title>x</title>\n<body>text</body>", post("a", "A", ""), CONFIG,
                "https://example.com/a/");
        assertThat(tagged.indexOf("og:title")).isLessThan(tagged.indexOf("<body>"));
        // an empty description says nothing
        assertThat(tagged).doesNotContain("description");
    }

    @Test
    void aFragmentWithoutAHeadIsLeftAsItIs() throws Exception {
        String fragment = "<article><p>Only a part of a page.</p></article>";
        assertThat(SeoTags.add(fragment, post("a", "A", "d"), CONFIG, "https://example.com/a/")).isEqualTo(fragment);
    }

    @Test
    void theTitleIsCutAtSixtyCharactersAsMarkataCutsItNeverInsideAnEmoji() throws Exception {
        String title = "x".repeat(55) + "😀😀";
        Map<String, String> ogTitle = SeoTags.metas(post("a", title, ""), CONFIG).stream()
                .filter(m -> m.get("name").equals("og:title")).findFirst().orElseThrow();
        // Python's [:60] counts code points: 55 x, two emoji, " | "
        assertThat(ogTitle.get("content")).isEqualTo("x".repeat(55) + "😀😀 | ");
        assertThat(SeoTags.firstCodePoints("a😀b", 2)).isEqualTo("a😀");
    }

    @Test
    void imagesAreAddressesOrPathsUnderImagesUrl() throws Exception {
        SeoConfig images = new SeoConfig("https://cdn.example.com/img/", "Site", "", "", "",
                "summary", "default.png", false, List.of());
        Post withCover = post("a", "A", "").withExtra("cover", "/covers/a.png");
        assertThat(SeoTags.image(withCover, images)).isEqualTo("https://cdn.example.com/img/covers/a.png");
        assertThat(SeoTags.image(withCover.withExtra("cover", "https://other.example/a.png"), images))
                .isEqualTo("https://other.example/a.png");
        assertThat(SeoTags.image(post("b", "B", ""), images)).isEqualTo("https://cdn.example.com/img/default.png");
        assertThat(SeoTags.image(post("b", "B", ""), CONFIG)).isEmpty();
        // the covers plugin's -og image, markata's og:image, before default_cover
        SeoConfig drawn = new SeoConfig("https://cdn.example.com/img/", "Site", "", "", "",
                "summary", "default.png", true, List.of());
        assertThat(SeoTags.image(post("b", "B", ""), drawn)).isEqualTo("https://cdn.example.com/img/b-og.png");
        assertThat(SeoTags.image(withCover, drawn)).isEqualTo("https://cdn.example.com/img/covers/a.png");
    }
}
