package dev.markata.plugins.skip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Stage;
import dev.markata.plugins.post_template.PostTemplatePlugin;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit of the prose a post's descriptions are made of (auto_description reads its paragraphs
 * one after the other, up to 250 or 500 characters) renders that post's page and the pages
 * that show its descriptions again, and no other post's page: the other posts' descriptions are
 * not in what every page's skip key covers, a page that read one is stored under a key that
 * covers them. Each step checks that the warm build made what a clean build makes.
 */
class DescriptionEditTest {

    @TempDir
    Path dir;

    /** Three posts whose first paragraph is short, so their descriptions run on into the second. */
    private Site site(String toml) {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Notes\"\n" + toml)
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "Alpha.\n\nalpha words here")
                .post("posts/b.md", "title: B\ndate: 2024-02-01\npublished: true", "Beta.\n\nbeta words here")
                .post("posts/c.md", "title: C\ndate: 2024-03-01\npublished: true", "Gamma.\n\ngamma words here");
    }

    private void editA(String secondParagraph) {
        new Site(dir).post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true", "Alpha.\n\n" + secondParagraph);
    }

    /** Builds warm, checks a clean build of the sources makes the same files, and gives the warm build's result. */
    private BuildResult warmBuild(String step) throws Exception {
        return Builds.warmMatchingClean(dir, step, Builds::withoutWarnings);
    }

    /** How many posts' pages the build put through their template. */
    private static int pagesRendered(BuildResult result) {
        return result.timings().hooks().stream()
                .filter(hook -> hook.pluginId().equals(PostTemplatePlugin.ID) && hook.stage() == Stage.RENDER)
                .mapToInt(BuildTimings.HookTiming::tasks).sum();
    }

    private String page(String slug) {
        return new Site(dir).read("markout/" + slug + "/index.html");
    }

    @Test
    void theBuiltInThemeRendersOnlyTheEditedPostAndItsListingsShowTheNewDescription() throws Exception {
        site("");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/archive/index.html")).contains("Alpha. alpha words here");

        editA("alpha words edited");
        BuildResult edited = warmBuild("second paragraph of a edited");
        assertThat(pagesRendered(edited)).isEqualTo(1);
        assertThat(new Site(dir).read("markout/archive/index.html")).contains("Alpha. alpha words edited")
                .doesNotContain("alpha words here");
        assertThat(new Site(dir).read("markout/rss.xml")).contains("Alpha. alpha words edited");
        assertThat(page("a")).contains("alpha words edited");
    }

    @Test
    void aPageShowingOtherPostsDescriptionsIsRenderedAgainWhenOnlyTheirProseChanges() throws Exception {
        site("").write("templates/post.html", "<h1>{{ post.title }}</h1>{{ body }}"
                + "<ul>{% for p in markata.posts %}<li>{{ p.slug }}: {{ p.description }}</li>{% endfor %}</ul>\n");
        Builds.withoutWarnings(dir);

        editA("alpha words edited");
        BuildResult edited = warmBuild("second paragraph of a edited");
        assertThat(pagesRendered(edited)).isEqualTo(3);
        assertThat(page("c")).contains("a: Alpha. alpha words edited");

        // nothing changed: every page read descriptions, and none is rendered again
        assertThat(pagesRendered(warmBuild("nothing changed"))).isZero();
    }

    @Test
    void aPageShowingOtherPostsTitlesOnlyIsNotRenderedAgainWhenTheirProseChanges() throws Exception {
        site("").write("templates/post.html", "<h1>{{ post.title }}</h1>{{ body }}"
                + "<ul>{% for p in markata.posts %}<li>{{ p.title }} {{ p.url }} {{ p.date }}</li>{% endfor %}</ul>\n");
        Builds.withoutWarnings(dir);

        editA("alpha words edited");
        assertThat(pagesRendered(warmBuild("second paragraph of a edited"))).isEqualTo(1);

        // a title is what every page's key covers
        new Site(dir).post("posts/a.md", "title: A2\ndate: 2024-01-01\npublished: true", "Alpha.\n\nalpha words edited");
        BuildResult retitled = warmBuild("a retitled");
        assertThat(pagesRendered(retitled)).isEqualTo(3);
        assertThat(page("c")).contains("A2");
    }

    @Test
    void aLongDescriptionShownOfOtherPostsFollowsTheirProse() throws Exception {
        // the short description (160) stays, the long one (250) changes: only prose past 160 characters edited
        String words = "word ".repeat(40).strip();
        site("").write("templates/post.html", "<h1>{{ post.title }}</h1>"
                + "{% for p in markata.posts %}{% if p.slug != post.slug %}<p>{{ p.long_description }}</p>{% endif %}{% endfor %}\n");
        editA(words + " tail");
        Builds.withoutWarnings(dir);
        assertThat(page("b")).contains("word tail");

        editA(words + " end");
        assertThat(pagesRendered(warmBuild("prose past the short description edited"))).isEqualTo(3);
        assertThat(page("b")).contains("word end").doesNotContain("word tail");
    }

    @Test
    void markataMapOverDescriptionsFollowsTheirProse() throws Exception {
        site("").write("templates/post.html", "<h1>{{ post.title }}</h1>"
                + "<ul>{% for d in markata.map('description', filter='published', sort='slug') %}<li>{{ d }}</li>{% endfor %}</ul>"
                + "<ol>{% for t in markata.map('title', filter='\"edited\" not in post[\"descr\" + \"iption\"]', sort='slug') %}"
                + "<li>{{ t }}</li>{% endfor %}</ol>\n");
        Builds.withoutWarnings(dir);
        assertThat(page("c")).contains("<li>Alpha. alpha words here</li>").contains("<ol><li>C</li><li>B</li><li>A</li></ol>");

        editA("alpha words edited");
        warmBuild("second paragraph of a edited");
        assertThat(page("c")).contains("<li>Alpha. alpha words edited</li>").contains("<ol><li>C</li><li>B</li></ol>");
    }

    @Test
    void prevNextLinksShowingANeighboursDescriptionFollowItsProse() throws Exception {
        site("hooks = [\"default\", \"markata.plugins.prevnext\"]\n[markata.feeds.all]\nfilter = \"True\"\nsort = \"slug\"\n")
                .write("templates/prevnext.html", "<nav class=\"prevnext\">{{ prevnext.prev.description }}"
                        + " | {{ prevnext.next.description }}</nav>");
        Builds.withoutWarnings(dir);
        assertThat(page("b")).contains("Alpha. alpha words here");

        editA("alpha words edited");
        warmBuild("second paragraph of a edited");
        assertThat(page("b")).contains("Alpha. alpha words edited");
    }

    @Test
    void wikilinkPreviewsFollowTheLinkedPostsProse() throws Exception {
        site("hooks = [\"default\", \"markata.plugins.wikilink_hover\"]\n")
                .post("posts/c.md", "title: C\ndate: 2024-03-01\npublished: true", "Gamma.\n\nSee [[a]].");
        Builds.withoutWarnings(dir);
        assertThat(page("c")).contains("data-preview=\"Alpha. alpha words here\"");

        editA("alpha words edited");
        warmBuild("second paragraph of a edited");
        assertThat(page("c")).contains("data-preview=\"Alpha. alpha words edited\"");
    }

    @Test
    void aJinjaPostShowingOtherPostsDescriptionsFollowsTheirProse() throws Exception {
        site("").post("posts/all.md", "title: All\njinja: true",
                "{% for p in markata.posts %}{% if p.slug != 'all' %}<p>{{ p.description }}</p>{% endif %}{% endfor %}");
        Builds.withoutWarnings(dir);
        editA("alpha words edited");
        BuildResult edited = warmBuild("second paragraph of a edited");
        assertThat(pagesRendered(edited)).isEqualTo(2);
        assertThat(page("all")).contains("Alpha. alpha words edited");

        // back as it was: the Jinja post's HTML comes from the cache, and its page still follows descriptions
        editA("alpha words here");
        warmBuild("a as it was");
        assertThat(page("all")).contains("Alpha. alpha words here");
        editA("alpha words again");
        warmBuild("a edited again");
        assertThat(page("all")).contains("Alpha. alpha words again");
    }

    @Test
    void aListingShowingDescriptionsIsNotRenderedAgainForAnEditPastThem() throws Exception {
        String words = "word ".repeat(120).strip();
        site("").write("templates/post.html", "<h1>{{ post.title }}</h1>"
                + "{% for p in markata.posts %}<p>{{ p.description }} {{ p.long_description }}</p>{% endfor %}\n");
        editA(words + "\n\nlast paragraph");
        Builds.withoutWarnings(dir);

        editA(words + "\n\nlast paragraph edited");
        assertThat(pagesRendered(warmBuild("past the descriptions edited"))).isEqualTo(1);
    }
}
