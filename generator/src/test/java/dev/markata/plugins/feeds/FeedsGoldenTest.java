package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.testing.Site;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Feeds, RSS, Atom and sitemap of a small site, compared with the expected documents. */
class FeedsGoldenTest {

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "Tiny & Co"
                description = "Small <site>"
                url = "https://tiny.example/"
                author_name = "Ann"

                [markata.feeds.java]
                title = "Java"
                filter = "published and 'java' in tags"
                sort = "date"
                reverse = true
                """);
        site.post("a.md", "title: Alpha & Beta\ndate: 2024-01-02\ntags: [java]\npublished: true", "First <b>one</b>.");
        site.post("b.md", "title: Bravo\ndate: May 3, 2024\ntags: [java, web]\npublished: true\ndescription: B's post",
                "Second.");
        site.post("c.md", "title: Charlie\ndate: 2023/12/24\ntags: [web]\npublished: true", "Third.");
        site.post("d.md", "title: Draft\ntags: [java]", "Not yet.");
        return site;
    }

    private static BuildResult build(Path dir) throws Exception {
        return Markata.builder(dir).environment(Map.of()).reporter(new dev.markata.testing.Warnings()).open().build();
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    @Test
    void rssOfAFeedIsTheExpectedDocument() throws Exception {
        Site site = site();
        build(dir);
        String rss = site.read("markout/java/rss.xml");
        assertThat(rss).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <?xml-stylesheet href="/rss.xsl" type="text/xsl"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
                <channel>
                  <title>Tiny &amp; Co - Java</title>
                  <link>https://tiny.example/java/</link>
                  <description>Small &lt;site&gt;</description>
                  <language>en</language>
                  <atom:link href="https://tiny.example/java/rss.xml" rel="self" type="application/rss+xml"/>
                  <item>
                    <title>Bravo</title>
                    <link>https://tiny.example/b/</link>
                    <guid isPermaLink="true">https://tiny.example/b/</guid>
                    <pubDate>Fri, 03 May 2024 00:00:00 +0000</pubDate>
                    <description>B&apos;s post</description>
                    <category>java</category>
                    <category>web</category>
                  </item>
                  <item>
                    <title>Alpha &amp; Beta</title>
                    <link>https://tiny.example/a/</link>
                    <guid isPermaLink="true">https://tiny.example/a/</guid>
                    <pubDate>Tue, 02 Jan 2024 00:00:00 +0000</pubDate>
                    <description>First one.</description>
                    <category>java</category>
                  </item>
                </channel>
                </rss>
                """);
        Document parsed = xml(rss);
        assertThat(texts(parsed, "title")).containsExactly("Tiny & Co - Java", "Bravo", "Alpha & Beta");
    }

    @Test
    void atomSitemapAndArchiveAreValidAndComplete() throws Exception {
        Site site = site();
        build(dir);
        Document atom = xml(site.read("markout/atom.xml"));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(texts(atom, "title")).containsExactly("Tiny & Co", "Bravo", "Alpha & Beta", "Charlie");
        assertThat(texts(atom, "updated").get(0)).isEqualTo("2024-05-03T00:00:00Z");
        assertThat(texts(atom, "name")).containsExactly("Ann");

        String sitemap = site.read("markout/sitemap.xml");
        assertThat(sitemap).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url>
                    <loc>https://tiny.example/a/</loc>
                    <lastmod>2024-01-02</lastmod>
                  </url>
                  <url>
                    <loc>https://tiny.example/b/</loc>
                    <lastmod>2024-05-03</lastmod>
                  </url>
                  <url>
                    <loc>https://tiny.example/c/</loc>
                    <lastmod>2023-12-24</lastmod>
                  </url>
                  <url>
                    <loc>https://tiny.example/d/</loc>
                  </url>
                  <url>
                    <loc>https://tiny.example/archive/</loc>
                  </url>
                  <url>
                    <loc>https://tiny.example/java/</loc>
                  </url>
                </urlset>
                """);
        xml(sitemap);
        xml(site.read("markout/rss.xml"));
        String archive = site.read("markout/archive/index.html");
        assertThat(archive).containsSubsequence("/b/", "/a/", "/c/").doesNotContain("/d/");
        assertThat(site.read("markout/index.html")).isEqualTo(archive);
        assertThat(site.read("markout/java/index.html")).containsSubsequence("Bravo", "Alpha &amp; Beta")
                .doesNotContain("Charlie");
    }

    @Test
    void aBadFilterNamesTheFeed() {
        site().write("markata.toml", """
                [markata]
                [[markata.feeds]]
                slug = "broken"
                filter = "published =="
                """);
        assertThatThrownBy(() -> build(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("[markata.feeds[0]] filter").hasMessageContaining("feed \"broken\"")
                .hasMessageContaining("column");
        site().write("markata.toml", """
                [markata]
                [[markata.feeds]]
                slug = "typed"
                filter = "date < 'x'"
                """);
        assertThatThrownBy(() -> build(dir)).hasMessageContaining("feed \"typed\"")
                .hasMessageContaining("cannot compare a date < text").hasMessageContaining("a.md");
    }
}
