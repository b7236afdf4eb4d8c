package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class StandaloneLinksTest {

    private static final Pattern ANY_ADDRESS = Pattern.compile("https?://\\S+");

    private record Case(String markdown, List<String> standalone) {
    }

    /**
     * Cases made by src/test/resources/embeds/make_standalone_links.py: the paragraphs markata-go
     * embeds in the HTML markdown-it-py renders with markata's plugins, also in quotes,
     * admonitions and a loose list's items.
     */
    private static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = StandaloneLinksTest.class.getResourceAsStream("/embeds/standalone-links.jsonl");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode c = json.readTree(line);
                List<String> standalone = new ArrayList<>();
                c.get("standalone").forEach(a -> standalone.add(a.asText()));
                cases.add(new Case(c.get("markdown").asText(), standalone));
            }
        }
        return cases;
    }

    @Test
    void theLinksFoundAreTheParagraphsOfOneLinkMarkdownItMakes() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(20);
        for (Case c : cases) {
            List<String> found = new ArrayList<>();
            StandaloneLinks.replace(c.markdown(), ANY_ADDRESS, link -> {
                found.add(link.group());
                return "<div class=\"found\"></div>";
            });
            assertThat(found).as(c.markdown()).isEqualTo(c.standalone());
        }
    }

    @Test
    void theHtmlTakesTheLinksPlaceAndIndentationAndTheRestStaysAsWritten() throws Exception {
        String markdown = "Intro.\n\nhttps://a.example/1\n\n- item\n\n  <https://a.example/2>\n\nOutro.";
        String replaced = StandaloneLinks.replace(markdown, ANY_ADDRESS,
                link -> "<div class=\"embed\">\n<span>" + link.group() + "</span>\n</div>");
        assertThat(replaced).isEqualTo("Intro.\n\n<div class=\"embed\">\n<span>https://a.example/1</span>\n</div>\n\n"
                + "- item\n\n  <div class=\"embed\">\n  <span>https://a.example/2</span>\n  </div>\n\nOutro.");
        // and the renderer passes the HTML through where the links were: in the item too
        var html = Jsoup.parseBodyFragment(new Markdown(Wikilinks.none()).render(replaced));
        assertThat(html.select("div.embed")).hasSize(2);
        assertThat(html.select("li div.embed span").text()).isEqualTo("https://a.example/2");
        assertThat(html.select("p").eachText()).containsExactly("Intro.", "item", "Outro.");
    }

    @Test
    void inQuotesAdmonitionsAndLooseListsTheHtmlIsThatBlocksOwn() throws Exception {
        String markdown = """
                > Quote.
                >
                > https://a.example/1

                !!! note "Watch"
                    https://a.example/2

                - https://a.example/3

                - > https://a.example/4
                """;
        String replaced = StandaloneLinks.replace(markdown, ANY_ADDRESS,
                link -> "<div class=\"embed\">\n<span>" + link.group() + "</span>\n</div>");
        var html = Jsoup.parseBodyFragment(new Markdown(Wikilinks.none()).render(replaced));
        assertThat(html.select("body > blockquote > div.embed span").text()).isEqualTo("https://a.example/1");
        assertThat(html.select("div.admonition > div.embed span").text()).isEqualTo("https://a.example/2");
        assertThat(html.select("li > div.embed span").text()).isEqualTo("https://a.example/3");
        assertThat(html.select("li > blockquote > div.embed span").text()).isEqualTo("https://a.example/4");
        assertThat(html.select("a")).isEmpty();
    }

    @Test
    void withoutAStandaloneLinkTheVerySameStringComesBack() {
        String markdown = "Watch https://a.example/1 now.\n";
        assertThat(StandaloneLinks.replace(markdown, ANY_ADDRESS, link -> "x")).isSameAs(markdown);
    }
}
