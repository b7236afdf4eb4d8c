package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * markata's own details plugin ({@code markata.plugins.mdit_details:details_plugin}) in a site's
 * {@code [markata.markdown_it_py]} plugins without the admon plugin: its {@code ???} blocks are
 * {@code <details class="details TAG">} with {@code <summary class="details-title">}. Our Markdown
 * wrote the admon plugin's classes whatever the site listed. The HTML is checked against
 * {@code markdown/details-cases.jsonl} ({@code make_details_cases.py}).
 */
class DetailsCompatTest {

    @TempDir
    Path dir;

    @Test
    void markatasDetailsMarkupForEveryCase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Markdown markdown = new Markdown(Wikilinks.none(), MarkdownItConfig.Anchors.DEFAULTS, true, false);
        int compared = 0;
        try (InputStream in = getClass().getResourceAsStream("/markdown/details-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode c = json.readTree(line);
                assertThat(markdown.render(c.get("markdown").asText())).as(c.get("markdown").asText())
                        .isEqualTo(c.get("html").asText());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(10);
    }

    private static final String PLUGINS = """
            [[markata.markdown_it_py.plugins]]
            plugin = "markata.plugins.mdit_details:details_plugin"
            """;
    private static final String ADMON = """
            [[markata.markdown_it_py.plugins]]
            plugin = "mdit_py_plugins.admon:admon_plugin"
            """;

    private Site site(String plugins) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"D\"\n" + plugins)
                .post("posts/a.md", "title: A\npublished: true", "??? tip \"More\"\n    Hidden.\n\n!!! note\n    Shown.\n");
    }

    @Test
    void theSitesPluginsChooseTheMarkupAndWarmBuildsFollow() throws Exception {
        Site site = site(PLUGINS);
        Document page = Jsoup.parse(Builds.warmMatchesClean(dir, "details alone").get("a/index.html"));
        assertThat(page.select("details.details.tip > summary.details-title").text()).isEqualTo("More");
        assertThat(page.select("div.admonition.note > p.admonition-title").text()).isEqualTo("Note");
        site.write("markata.toml", "[markata]\ntitle = \"D\"\n" + ADMON + PLUGINS);
        page = Jsoup.parse(Builds.warmMatchesClean(dir, "admon listed too").get("a/index.html"));
        assertThat(page.select("details.admonition.tip > summary.admonition-title").text()).isEqualTo("More");
        site.write("markata.toml", "[markata]\ntitle = \"D\"\n");
        page = Jsoup.parse(Builds.warmMatchesClean(dir, "no plugins listed").get("a/index.html"));
        assertThat(page.select("details.admonition.tip")).hasSize(1);
    }
}
