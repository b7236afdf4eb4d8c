package dev.markata.plugins.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.plugins.csv}: a {@code ```csv} fence becomes an HTML table. The Markdown it makes
 * is checked against markata's plugin's, on the cases {@code csv/make_csv_cases.py} ran through
 * Python's {@code re} and {@code csv} ({@code csv/csv-cases.jsonl}).
 */
class CsvPluginTest {

    @TempDir
    Path dir;

    @Test
    void theMarkdownIsMarkatasForEveryCase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        try (InputStream in = CsvPluginTest.class.getResourceAsStream("/csv/csv-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode c = json.readTree(line);
                String markdown = c.get("markdown").asText();
                if (c.has("error")) {
                    // Python's csv reader fails there (and markata's build with it): the fence stays code
                    assertThat(CsvTables.replace(markdown, problem -> { })).as(markdown).isEqualTo(markdown);
                } else {
                    assertThat(CsvTables.replace(markdown, problem -> { })).as(markdown)
                            .isEqualTo(c.get("expected").asText());
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20);
    }

    @Test
    void aPostsCsvFenceIsATableOnItsPage() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                [markata]
                title = "Data"
                hooks = ["default", "markata.plugins.csv"]
                """).post("posts/cities.md", "title: Cities\npublished: true", """
                The cities:

                ```csv
                name,population
                "Paris, France",2100000
                Lyon,520000
                ```

                And code stays code:

                ```python
                print("a,b")
                ```
                """);
        Builds.withoutWarnings(dir);
        Document page = Jsoup.parse(site.read("markout/cities/index.html"));
        assertThat(page.select("table thead th").eachText()).containsExactly("name", "population");
        assertThat(page.select("table tbody tr").eachText()).containsExactly("Paris, France 2100000", "Lyon 520000");
        assertThat(page.select("pre code").text()).contains("print(\"a,b\")");
    }

    @Test
    void withoutThePluginTheFenceIsCode() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Data\"\n")
                .post("posts/cities.md", "title: Cities\npublished: true", "```csv\na,b\n```\n");
        Builds.withoutWarnings(dir);
        assertThat(Jsoup.parse(site.read("markout/cities/index.html")).select("table")).isEmpty();
    }

    @Test
    void aCarriageReturnInAValueLeavesTheFenceAndSaysWhere() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Data\"\nhooks = [\"default\", \"markata.plugins.csv\"]\n")
                .post("posts/bad.md", "title: Bad\npublished: true", "Text.\n\n```csv\na\rb,c\n```\n");
        assertThat(Builds.warnings(dir)).containsExactly("posts/bad.md: a ```csv fence is left as code: its line 1 has "
                + "a carriage return inside an unquoted value, which Python's csv reader refuses (markata's build stops there)");
    }

    @Test
    void editsOnAWarmBuildGiveACleanBuildsPages() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Data\"\nhooks = [\"default\", \"markata.plugins.csv\"]\n")
                .post("posts/t.md", "title: T\npublished: true", "```csv\na,b\n1,2\n```\n");
        Builds.warmMatchesClean(dir, "first");
        site.post("posts/t.md", "title: T\npublished: true", "```csv\na,b\n1,3\n```\n");
        assertThat(Builds.warmMatchesClean(dir, "a value edited").get("t/index.html")).contains("<td>3</td>");
        site.write("markata.toml", "[markata]\ntitle = \"Data\"\n");
        assertThat(Builds.warmMatchesClean(dir, "the plugin off").get("t/index.html")).doesNotContain("<td>3</td>");
    }
}
