package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildMemory;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed page is assembled from cards kept from earlier builds: after an edit of one post, only
 * the cards whose key changed are rendered again (the edited post's, when the edit touched only
 * the post: its prose, its description), and every edit leaves the files a clean build of the
 * same sources makes.
 */
class FeedCardsTest {

    @TempDir
    Path dir;

    private Site site(String toml) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Notes\"\n" + toml)
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true\ntags: [x]", "Alpha.\n\nalpha words here")
                .post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true\ntags: [x]", "Beta.\n\nbeta words here")
                .post("posts/c.md", "title: C\ndate: 2024-03-01\npublished: true\ntags: [y]", "Gamma.\n\ngamma words here");
    }

    private void writeA(String frontMatter, String body) {
        new Site(dir).post("posts/a.md", frontMatter, body);
    }

    private static final String A = "title: A\ndate: 2024-01-01\npublished: true\ntags: [x]";

    /** Builds warm with {@code build}, checks a clean build of the sources makes the same files, gives the result. */
    private BuildResult warmBuild(String step, Builds.Build build) throws Exception {
        return Builds.warmMatchingClean(dir, step, build);
    }

    private BuildResult warmBuild(String step) throws Exception {
        return warmBuild(step, Builds::withoutWarnings);
    }

    /** How many cards the build rendered (each is one task of the feeds plugin's save hook). */
    private static int cardsRendered(BuildResult result) {
        return result.timings().hooks().stream()
                .filter(hook -> hook.pluginId().equals(FeedsPlugin.ID) && hook.stage() == Stage.SAVE)
                .mapToInt(hook -> hook.tasks()).sum();
    }

    private String archive() {
        return new Site(dir).read("markout/archive/index.html");
    }

    @Test
    void anEditOfOnePostsProseRendersOnlyItsCard() throws Exception {
        site("");
        assertThat(cardsRendered(Builds.withoutWarnings(dir))).isEqualTo(3);

        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited"))).isEqualTo(1);
        assertThat(archive()).contains("Alpha. alpha words edited").contains("Beta. beta words here")
                .doesNotContain("alpha words here");

        writeA(A + "\ndescription: A written description", "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's description written"))).isEqualTo(1);
        assertThat(archive()).contains("A written description");

        assertThat(cardsRendered(warmBuild("nothing changed"))).isZero();
    }

    @Test
    void withoutTheSkipPluginCardsAreKeptAlike() throws Exception {
        site("skip = false\n");
        Builds.withoutWarnings(dir);

        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited"))).isEqualTo(1);
        assertThat(archive()).contains("Alpha. alpha words edited");
        writeA(A.replace("title: A", "title: A2"), "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a retitled"))).isEqualTo(3);
    }

    @Test
    void editsOfWhatListingsShowOfEveryPostRenderEveryCard() throws Exception {
        site("");
        Builds.withoutWarnings(dir);

        writeA(A.replace("title: A", "title: A2"), "Alpha.\n\nalpha words here");
        assertThat(cardsRendered(warmBuild("a retitled"))).isEqualTo(3);
        assertThat(archive()).contains(">A2</a>");

        writeA(A.replace("title: A", "title: A2").replace("2024-01-01", "2024-05-01"), "Alpha.\n\nalpha words here");
        warmBuild("a dated last");
        assertThat(archive().indexOf(">A2</a>")).isLessThan(archive().indexOf(">C</a>"));

        writeA(A.replace("tags: [x]", "tags: [x, z]"), "Alpha.\n\nalpha words here");
        warmBuild("a tagged");
        assertThat(archive()).contains("#z");

        writeA(A.replace("published: true", "published: false"), "Alpha.\n\nalpha words here");
        warmBuild("a unpublished");
        assertThat(archive()).doesNotContain(">A</a>").contains(">B</a>");

        writeA(A, "Alpha.\n\nalpha words here");
        warmBuild("a published again");
        assertThat(archive()).contains(">A</a>");

        new Site(dir).delete("posts/b.md");
        warmBuild("b deleted");
        assertThat(archive()).doesNotContain(">B</a>");
    }

    @Test
    void aChangedTemplateOrSettingRendersEveryCard() throws Exception {
        site("");
        Builds.withoutWarnings(dir);

        new Site(dir).write("templates/card.html", "<li class=\"mine\">{{ post.title }}: {{ post.description }}</li>");
        assertThat(cardsRendered(warmBuild("a card template of the site's"))).isEqualTo(3);
        assertThat(archive()).contains("<li class=\"mine\">A: Alpha. alpha words here</li>");

        new Site(dir).write("templates/card.html", "<li class=\"mine\">{{ post.title }} in {{ config.title }}</li>");
        assertThat(cardsRendered(warmBuild("the card template edited"))).isEqualTo(3);
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Other notes\"\n");
        assertThat(cardsRendered(warmBuild("the site's title changed"))).isEqualTo(3);
        assertThat(archive()).contains("<li class=\"mine\">A in Other notes</li>");

        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited"))).isEqualTo(1);
    }

    @Test
    void aCardShowingOtherPostsDescriptionsFollowsTheirProse() throws Exception {
        site("").write("templates/card.html", "<li>{{ post.title }}:{% for p in markata.posts %}"
                + "{% if p.slug != post.slug %} [{{ p.description }}]{% endif %}{% endfor %}</li>");
        Builds.withoutWarnings(dir);
        assertThat(archive()).contains("[Alpha. alpha words here]");

        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited"))).isEqualTo(3);
        assertThat(archive()).contains("[Alpha. alpha words edited]").doesNotContain("alpha words here");

        // the titles, not the descriptions, of other posts: only the edited post's card again
        new Site(dir).write("templates/card.html", "<li>{{ post.title }}: {{ post.description }}"
                + "{% for p in markata.posts %} [{{ p.title }}]{% endfor %}</li>");
        warmBuild("another card template");
        writeA(A, "Alpha.\n\nalpha words edited again");
        assertThat(cardsRendered(warmBuild("a's prose edited again"))).isEqualTo(1);
    }

    @Test
    void aFeedPageListingItsPostsThroughTheFeedsViewShowsTheirEdits() throws Exception {
        site("").write("templates/feed.html", "<main>{% for p in feed.posts %}[{{ p.title }}: {{ p.description }}]"
                + "{% endfor %} {{ posts|length }} of {{ markata.feeds.archive.posts|length }}"
                + " {{ markata.posts[0].title }}<ul>{% for card in cards %}{{ card }}{% endfor %}</ul></main>");
        Builds.withoutWarnings(dir);
        assertThat(archive()).contains("[A: Alpha. alpha words here]").contains(" 3 of 3 ");

        writeA(A, "Alpha.\n\nalpha words edited");
        warmBuild("a's prose edited");
        assertThat(archive()).contains("[A: Alpha. alpha words edited]").doesNotContain("alpha words here");
        writeA(A.replace("title: A", "title: A2"), "Alpha.\n\nalpha words edited");
        warmBuild("a retitled");
        assertThat(archive()).contains("[A2: Alpha. alpha words edited]");
    }

    @Test
    void aCardShowingItsPostsBodyFollowsEveryPostsText() throws Exception {
        site("").write("templates/card.html", "<li>{{ post.title }}<div>{{ article_html }}</div></li>");
        Builds.withoutWarnings(dir);

        writeA(A, "Alpha.\n\nalpha words here\n\nA last paragraph, edited.");
        warmBuild("the end of a edited");
        assertThat(archive()).contains("A last paragraph, edited.");
    }

    @Test
    void feedsOfOneCardTemplateRenderEachPostsCardOnce() throws Exception {
        site("[markata.feeds.archive]\nfilter = \"published\"\n[markata.feeds.x]\nfilter = \"'x' in tags\"\n"
                + "[markata.feeds.titles]\nfilter = \"True\"\ncard_template = \"<li>{{ post.title }}</li>\"\n");
        // three cards of card.html for the archive and x (two of them in both), three of the titles' template
        assertThat(cardsRendered(Builds.withoutWarnings(dir))).isEqualTo(6);
        assertThat(new Site(dir).read("markout/x/index.html")).contains("Alpha. alpha words here")
                .doesNotContain("Gamma.");
        assertThat(new Site(dir).read("markout/titles/index.html")).contains("<li>C</li>");

        // a's card of card.html, shown by the archive and x, and a's card of the titles
        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited"))).isEqualTo(2);
        assertThat(new Site(dir).read("markout/x/index.html")).contains("Alpha. alpha words edited");
    }

    @Test
    void rebuildsOfOneProcessKeepTheCardsInMemory() throws Exception {
        site("");
        String longer = "Alpha.\n\n" + "alpha words here ".repeat(40); // past the longest description (250)
        writeA(A, longer);
        BuildMemory memory = new BuildMemory();
        Builds.Build inProcess = Builds.inProcess(memory);
        inProcess.run(dir);
        // the file is not read again: what it held is in memory
        Files.delete(dir.resolve(".markata.cache").resolve(FeedCards.FILE));

        // past the descriptions: no feed page is rendered, and the cards stay in memory
        writeA(A, longer + "\n\nAn end.");
        assertThat(cardsRendered(warmBuild("the end of a edited", inProcess))).isZero();
        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited", inProcess))).isEqualTo(1);
        writeA(A, "Alpha.\n\nalpha words edited twice");
        assertThat(cardsRendered(warmBuild("a's prose edited twice", inProcess))).isEqualTo(1);
        assertThat(archive()).contains("alpha words edited twice");
        assertThat(dir.resolve(".markata.cache").resolve(FeedCards.FILE)).exists();
    }

    @Test
    void aProcessWritesTheCardsFileOnceSeveralCardsChangedAndALaterBuildRendersTheOthersAgain() throws Exception {
        site("");
        BuildMemory memory = new BuildMemory();
        Builds.Build inProcess = Builds.inProcess(memory);
        inProcess.run(dir);
        Path file = dir.resolve(".markata.cache").resolve(FeedCards.FILE);
        byte[] written = Files.readAllBytes(file);

        // one card of the process's second build: kept in memory, the file left as it was
        writeA(A, "Alpha.\n\nalpha words edited");
        assertThat(cardsRendered(warmBuild("a's prose edited", inProcess))).isEqualTo(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        writeA(A, "Alpha.\n\nalpha words edited twice");
        assertThat(cardsRendered(warmBuild("a's prose edited twice", inProcess))).isEqualTo(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(written);

        // another process: a's card in the file is of an older key, rendered again with b's
        new Site(dir).post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true\ntags: [x]",
                "Beta.\n\nbeta words edited");
        assertThat(cardsRendered(warmBuild("b's prose edited, built by another process"))).isEqualTo(2);
        assertThat(archive()).contains("alpha words edited twice").contains("beta words edited");
        assertThat(cardsRendered(warmBuild("nothing changed since"))).isZero();
    }

    @Test
    void aDamagedCacheFileIsIgnoredWithAWarningAndTheCardsRenderedAgain() throws Exception {
        site("");
        Builds.withoutWarnings(dir);
        Path file = dir.resolve(".markata.cache").resolve(FeedCards.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);

        writeA(A, "Alpha.\n\nalpha words edited");
        List<String> warnings = Builds.warnings(dir);
        assertThat(warnings).singleElement().asString().contains(file.toString()).contains("checksum")
                .contains("rendered again");
        assertThat(archive()).contains("Alpha. alpha words edited").contains("Beta. beta words here");
        // rewritten whole
        assertThat(cardsRendered(warmBuild("nothing changed since"))).isZero();
        writeA(A, "Alpha.\n\nalpha words edited again");
        assertThat(cardsRendered(warmBuild("a's prose edited again"))).isEqualTo(1);
    }
}
