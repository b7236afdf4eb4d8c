package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.markata.testing.Site;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Markup in content, the policy: raw HTML in a Markdown body is the author's own markup and
 * passes through, as in markata (markdown-it with {@code html} on); front matter (title,
 * description, tags, slug) is text, escaped wherever it is shown: pages, feeds, RSS, Atom,
 * sitemap and markata.json.
 */
class ContentMarkupTest {

    static final String TITLE = "<em>Loud</em> & \"quoted\" 'title'";
    static final String DESCRIPTION = "<b>Bold</b> claims & </p><p>more";
    static final String TAG = "<i>tag</i>&";

    @TempDir
    Path dir;

    @Test
    void rawHtmlInTheBodyPassesThroughAndFrontMatterIsTextEverywhere() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Markup\"\nurl = \"https://example.com\"\n"
                        + "[[markata.feeds]]\nslug = \"all\"\nfilter = \"True\"\n")
                .post("posts/markup.md", "title: '" + TITLE.replace("'", "''") + "'\nslug: \"<u>slug</u>\"\n"
                                + "date: 2024-01-01\npublished: true\ndescription: \"" + DESCRIPTION + "\"\n"
                                + "tags: [\"" + TAG + "\"]",
                        "Before.\n\n<aside class=\"note\" data-x=\"1\">Raw <em>HTML</em> block</aside>\n\n"
                                + "Press <kbd>Ctrl</kbd> & *go*.\n");
        Cli.Run run = Cli.builtIn().build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        Path output = dir.resolve("markout");

        JsonArray json = JsonParser.parseString(Files.readString(output.resolve("markata.json"))).getAsJsonObject()
                .getAsJsonArray("articles");
        JsonObject meta = json.get(0).getAsJsonObject();
        assertThat(meta.get("title").getAsString()).isEqualTo(TITLE);
        assertThat(meta.get("description").getAsString()).isEqualTo(DESCRIPTION);
        assertThat(meta.get("tags").getAsJsonArray()).extracting(JsonElement::getAsString).containsExactly(TAG);
        String slug = meta.get("slug").getAsString();
        assertThat(slug).as("a slug from markup: path-safe (a / nests, as in markata)").matches("[a-z0-9/-]+");

        Document post = Jsoup.parse(output.resolve(slug + "/index.html").toFile());
        assertThat(post.select("aside.note[data-x=1]")).as("a raw HTML block").hasSize(1);
        assertThat(post.select("aside.note em").text()).isEqualTo("HTML");
        assertThat(post.select("kbd").text()).as("raw inline HTML").isEqualTo("Ctrl");
        assertThat(post.select("h1").text()).isEqualTo(TITLE);
        assertThat(post.title()).startsWith(TITLE);
        assertThat(post.select("meta[name=description]").attr("content")).isEqualTo(DESCRIPTION);
        assertThat(post.select(".tags span").text()).isEqualTo("#" + TAG);

        List<Path> pages;
        try (Stream<Path> files = Files.walk(output)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(pages).as("post, feed, archive / home, 404").hasSizeGreaterThanOrEqualTo(4);
        for (Path page : pages) {
            Document html = Jsoup.parse(page.toFile());
            assertThat(html.select("em:containsOwn(Loud), b:containsOwn(Bold), i:containsOwn(tag), u"))
                    .as(page + ": elements made from front matter").isEmpty();
        }
        assertThat(Jsoup.parse(output.resolve("all/index.html").toFile()).text()).contains(TITLE).contains(DESCRIPTION);

        for (String feed : new String[] {"all/rss.xml", "rss.xml"}) {
            org.w3c.dom.Document rss = xml(output.resolve(feed));
            NodeList items = rss.getElementsByTagName("item");
            assertThat(items.getLength()).as(feed).isEqualTo(1);
            org.w3c.dom.Element item = (org.w3c.dom.Element) items.item(0);
            assertThat(item.getElementsByTagName("title").item(0).getTextContent()).as(feed).isEqualTo(TITLE);
            assertThat(item.getElementsByTagName("description").item(0).getTextContent()).as(feed)
                    .isEqualTo(DESCRIPTION);
        }
        org.w3c.dom.Document atom = xml(output.resolve("atom.xml"));
        org.w3c.dom.Element entry = (org.w3c.dom.Element) atom.getElementsByTagName("entry").item(0);
        assertThat(entry.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(TITLE);
        assertThat(entry.getElementsByTagName("summary").item(0).getTextContent()).isEqualTo(DESCRIPTION);
        assertThat(xml(output.resolve("sitemap.xml")).getDocumentElement().getTextContent()).contains("/" + slug + "/");
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
