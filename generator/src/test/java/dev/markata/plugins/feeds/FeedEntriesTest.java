package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.plugin.BuildMemory;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds' RSS items and Atom entries kept in memory across the builds of one process
 * ({@code serve --watch}): after every edit, of what an entry shows or of what only another
 * entry or the feed shows, the feeds' XML is what a clean build of the same sources writes.
 */
class FeedEntriesTest {

    @TempDir
    Path dir;

    private final BuildMemory memory = new BuildMemory();

    private final Builds.Build inProcess = Builds.inProcess(memory);

    private static final String A = "title: A\ndate: 2024-01-01\npublished: true\ntags: [x]";
    private static final String TOML = "[markata]\ntitle = \"Notes\"\nurl = \"https://notes.example.com\"\n"
            + "[markata.feeds.archive]\nfilter = \"published\"\n[markata.feeds.x]\nfilter = \"'x' in tags\"\n";

    private Site site() {
        return new Site(dir).write("markata.toml", TOML)
                .post("posts/a.md", A, "Alpha.\n\nalpha words here")
                .post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true\ntags: [x]", "Beta.\n\nbeta words here")
                // no date: its Atom entry shows the feed's latest date
                .post("posts/c.md", "title: C\npublished: true\ntags: [x]", "Gamma.\n\ngamma words here");
    }

    private void writeA(String frontMatter, String body) {
        new Site(dir).post("posts/a.md", frontMatter, body);
    }

    private void warmBuild(String step) throws Exception {
        Builds.warmMatchingClean(dir, step, inProcess);
    }

    private String read(String file) {
        return new Site(dir).read("markout/" + file);
    }

    @Test
    void aPostsDescriptionOfItsFrontMatterIsShownThroughEditsOfItsProse() throws Exception {
        site();
        String described = A + "\ndescription: Written by hand";
        writeA(described, "Alpha.\n\nalpha words here");
        inProcess.run(dir);
        assertThat(read("rss.xml")).contains("<description>Written by hand</description>");

        // auto_description's longer descriptions change, the one the feeds show does not
        writeA(described, "Alpha edited.\n\nalpha words here");
        warmBuild("a's first paragraph edited");
        writeA(described.replace("Written by hand", "Rewritten by hand"), "Alpha edited.\n\nalpha words here");
        warmBuild("a's description rewritten");
        assertThat(read("atom.xml")).contains("<summary>Rewritten by hand</summary>");
        writeA(A, "Alpha edited.\n\nalpha words here");
        warmBuild("a's description taken out");
        assertThat(read("archive/rss.xml")).contains("<description>Alpha edited. alpha words here</description>");
    }

    @Test
    void everyEditLeavesTheFeedsXmlAsACleanBuildWritesIt() throws Exception {
        site();
        inProcess.run(dir);

        writeA(A, "Alpha edited.\n\nalpha words here");
        warmBuild("a's first paragraph edited");
        assertThat(read("rss.xml")).contains("<description>Alpha edited. alpha words here</description>");
        assertThat(read("x/atom.xml")).contains("<summary>Alpha edited. alpha words here</summary>");

        writeA(A.replace("title: A", "title: A & co"), "Alpha edited.\n\nalpha words here");
        warmBuild("a retitled");
        assertThat(read("archive/rss.xml")).contains("<title>A &amp; co</title>");

        writeA(A.replace("tags: [x]", "tags: [x, z]"), "Alpha edited.\n\nalpha words here");
        warmBuild("a tagged");
        assertThat(read("rss.xml")).contains("<category>z</category>");

        // a's date becomes the latest: the dateless c's Atom entry shows it, though c did not change
        writeA(A.replace("2024-01-01", "2024-06-01"), "Alpha edited.\n\nalpha words here");
        warmBuild("a dated last");
        assertThat(read("atom.xml")).contains("<updated>2024-06-01T00:00:00Z</updated>");

        writeA(A.replace("date: 2024-01-01\n", "slug: alpha\ndate: 2024-01-01\n"), "Alpha edited.\n\nalpha words here");
        warmBuild("a given a slug");
        assertThat(read("rss.xml")).contains("<link>https://notes.example.com/alpha/</link>");

        new Site(dir).write("markata.toml", TOML.replace("notes.example.com", "blog.example.com"));
        warmBuild("the site's address changed");
        assertThat(read("atom.xml")).contains("https://blog.example.com/b/").doesNotContain("notes.example.com");

        assertThat(read("sitemap.xml")).contains("<loc>https://blog.example.com/alpha/</loc>");
        assertThat(read("archive/sitemap.xml")).contains("<lastmod>2024-02-01</lastmod>");

        new Site(dir).delete("posts/b.md");
        warmBuild("b deleted");
        new Site(dir).post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true\ntags: [x]", "Beta again.");
        warmBuild("b written again");
        assertThat(read("rss.xml")).contains("<description>Beta again.</description>");
    }
}
