package dev.markata.plugins.prevnext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Stage;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrevNextPluginTest {

    @TempDir
    Path dir;

    private Site site(String strategy) {
        return new Site(dir)
                .write("markata.toml", """
                        [markata]
                        hooks = ["default", "markata.plugins.prevnext"]
                        [markata.prevnext]
                        strategy = "%s"
                        [markata.feeds.python]
                        filter = "'python' in tags"
                        sort = "slug"
                        [markata.feeds.others]
                        filter = "'python' not in tags"
                        sort = "slug"
                        """.formatted(strategy))
                .post("posts/a.md", "title: A <one>\ntags: [python]", "Alpha.")
                .post("posts/b.md", "title: B\ntags: [python]", "Beta.")
                .post("posts/c.md", "title: C\ntags: [python]", "Gamma.")
                .post("posts/x.md", "title: X", "Ex.")
                .post("posts/y.md", "title: Y", "Why.");
    }

    private BuildResult build() throws Exception {
        Warnings warnings = new Warnings();
        BuildResult result = Markata.builder(dir).environment(Map.of()).reporter(warnings).open().build();
        assertThat(warnings.messages).isEmpty();
        return result;
    }

    /** The prev and next links of a post's page: their address and title. */
    private List<String> links(String slug) {
        Document page = Jsoup.parse(new Site(dir).read("markout/" + slug + "/index.html"));
        Element nav = page.selectFirst("article nav.prevnext, nav.prevnext");
        assertThat(nav).as("the links on " + slug).isNotNull();
        return nav.select("a").stream()
                .map(a -> a.className() + " " + a.attr("href") + " " + a.selectFirst(".prevnext-title").text())
                .toList();
    }

    @Test
    void firstCyclesThroughTheFirstFeedThatHoldsThePost() throws Exception {
        site("first");
        build();
        // markata joins the feeds into one list, each followed by its first post again
        // ([a, b, c, a, x, y, x]), and takes the posts before and after a post's first place:
        // a feed's last post leads back to its first, and a feed's first post back to the first
        // post of the feed before it (the first feed's, to the last feed's first post)
        assertThat(links("a")).containsExactly("prev /x/ X", "next /b/ B");
        assertThat(links("b")).containsExactly("prev /a/ A <one>", "next /c/ C");
        assertThat(links("c")).containsExactly("prev /b/ B", "next /a/ A <one>");
        assertThat(links("x")).containsExactly("prev /a/ A <one>", "next /y/ Y");
        assertThat(links("y")).containsExactly("prev /x/ X", "next /x/ X");
        // the title is text on the page, escaped in its HTML
        assertThat(new Site(dir).read("markout/b/index.html")).contains("A &lt;one&gt;");
        // after the post's own text, inside its body
        String page = new Site(dir).read("markout/a/index.html");
        assertThat(page.indexOf("Alpha.")).isLessThan(page.indexOf("class=\"prevnext\""));
    }

    @Test
    void allCyclesThroughEveryFeedOneAfterTheOther() throws Exception {
        site("all");
        build();
        // [a, b, c, x, y, a]: the last post leads back to the first, whose prev is itself, as in markata
        assertThat(links("a")).containsExactly("prev /a/ A <one>", "next /b/ B");
        assertThat(links("c")).containsExactly("prev /b/ B", "next /x/ X");
        assertThat(links("y")).containsExactly("prev /x/ X", "next /a/ A <one>");
    }

    /** A template that is nowhere stops the build before any work, as the configuration's mistake (it failed in render). */
    @Test
    void aTemplateThatIsNowhereIsAConfigurationError() {
        site("first").write("templates/nav.html", "<nav></nav>").write("markata.toml", """
                [markata]
                hooks = ["default", "markata.plugins.prevnext"]
                [markata.prevnext]
                template = "prevnxt.html"
                """);
        dev.markata.config.ConfigException error = dev.markata.testing.Builds.configError(dir);
        assertThat(error).isNotNull();
        assertThat(error.problems()).containsExactly("markata.toml: [markata.prevnext] template = \"prevnxt.html\": no"
                + " template \"prevnxt.html\" in templates_dir (" + dir.resolve("templates") + ") nor in the built-in theme;"
                + " did you mean prevnext.html?");
    }

    @Test
    void aSiteTemplateMakesTheLinks() throws Exception {
        site("first").write("templates/nav.html",
                "<nav class=\"prevnext\"><a class=\"prev\" href=\"{{ prevnext.prev.url }}\"><b class=\"prevnext-title\">{{ prevnext.prev.slug }}</b></a></nav>")
                .write("markata.toml", """
                        [markata]
                        hooks = ["default", "markata.plugins.prevnext"]
                        [markata.prevnext]
                        template = "templates/nav.html"
                        [markata.feeds.python]
                        filter = "'python' in tags"
                        sort = "slug"
                        """);
        build();
        assertThat(links("b")).containsExactly("prev /a/ a");
    }

    @Test
    void aFeedShowingPostsInFullKeepsTheirLinksOnAWarmBuild() throws Exception {
        // a feed page with every post in full, as a home page with the latest posts shows them
        site("first").write("templates/full.html",
                "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}")
                .write("markata.toml", """
                        [markata]
                        hooks = ["default", "markata.plugins.prevnext"]
                        [markata.feeds.python]
                        filter = "'python' in tags"
                        sort = "slug"
                        template = "full.html"
                        """);
        build();
        String cold = new Site(dir).read("markout/python/index.html");
        assertThat(cold).contains("class=\"prevnext\"");
        build(); // nothing changed: every post is skipped, the feed page shows their cached HTML
        assertThat(new Site(dir).read("markout/python/index.html")).isEqualTo(cold);
    }

    @Test
    void listedBeforeTheDefaultSetItMakesNoLinksForUnchangedPosts() throws Exception {
        Site site = site("first");
        site.write("markata.toml", site.read("markata.toml")
                .replace("[\"default\", \"markata.plugins.prevnext\"]", "[\"markata.plugins.prevnext\", \"default\"]"));
        build();
        List<String> cold = links("b");
        // it ran before skip had decided, and made every post's links again on every build
        BuildResult warm = build();
        assertThat(warm.timings().hooks()).filteredOn(hook -> hook.pluginId().equals(PrevNextPlugin.ID)
                && hook.stage() == Stage.RENDER).singleElement().extracting(BuildTimings.HookTiming::tasks).isEqualTo(0);
        assertThat(links("b")).isEqualTo(cold).isNotEmpty();
    }

    @Test
    void aFeedShowingPostsInFullIsNotRenderedAgainWhenNothingChanged() throws Exception {
        site("first").write("templates/full.html",
                "{% for p in feed.posts %}<article>{{ p.article_html }}</article>{% endfor %}")
                .write("markata.toml", """
                        [markata]
                        hooks = ["default", "markata.plugins.prevnext"]
                        [markata.feeds.python]
                        filter = "'python' in tags"
                        sort = "slug"
                        template = "full.html"
                        """);
        build();
        // the first warm build after a clean one rendered the page again: the bodies' key was taken
        // before prevnext's links in one build and after them in the other
        BuildResult warm = build();
        assertThat(warm.timings().hooks()).filteredOn(hook -> hook.pluginId().equals("markata.plugins.feeds")
                && hook.stage() == Stage.SAVE).singleElement().extracting(BuildTimings.HookTiming::tasks).isEqualTo(0);
    }

    @Test
    void aJinjaPostListingPostsContentKeepsTheirLinksOnAWarmBuild() throws Exception {
        site("first").post("posts/all.md", "title: All\njinja: true",
                "{% for p in markata.posts %}<div class=\"l\">{{ p.content }}</div>\n{% endfor %}");
        build();
        String cold = new Site(dir).read("markout/all/index.html");
        assertThat(cold).contains("<span class=\"prevnext-title\">Y</span>");
        build(); // nothing changed: the listed posts are skipped, their content is as a full build has it
        assertThat(new Site(dir).read("markout/all/index.html")).isEqualTo(cold);
        new Site(dir).post("posts/b.md", "title: B\ntags: [python]", "Beta, edited.");
        build(); // one post changed: the others are still listed with their links
        String warm = new Site(dir).read("markout/all/index.html");
        new Site(dir).delete("markout").delete(".markata.cache");
        build();
        assertThat(warm).isEqualTo(new Site(dir).read("markout/all/index.html"));
    }

    @Test
    void aPostScheduledForLaterTodayJoinsItsFeedAndItsNeighboursLinksOnceItsTimeHasPassed() throws Exception {
        // markata's way to hold back a post until its time: a feed of the posts whose time has passed
        LocalDateTime due = LocalDateTime.now().plusSeconds(3).withNano(0);
        new Site(dir).write("markata.toml", """
                        [markata]
                        hooks = ["default", "markata.plugins.prevnext"]
                        [markata.feeds.blog]
                        filter = "date_time <= now"
                        sort = "date"
                        """)
                .post("posts/a.md", "title: A\ndate: 2024-05-01 08:30", "Alpha.")
                .post("posts/b.md", "title: B\ndate: 2024-05-02 08:30", "Beta.")
                .post("posts/later.md", "title: Later\ndate: " + due.toString().replace('T', ' '), "Later.");
        build();
        assumeTrue(LocalDateTime.now().isBefore(due), "the first build ended before the post's time");
        assertThat(new Site(dir).read("markout/blog/index.html")).doesNotContain("/later/");
        assertThat(links("b")).containsExactly("prev /a/ A", "next /a/ A");
        while (!LocalDateTime.now().isAfter(due)) {
            Thread.sleep(100);
        }
        build(); // no file changed, but the post's time has passed
        assertThat(new Site(dir).read("markout/blog/index.html")).contains("/later/");
        assertThat(new Site(dir).read("markout/blog/rss.xml")).contains("/later/");
        assertThat(links("b")).containsExactly("prev /a/ A", "next /later/ Later");
        assertThat(links("later")).containsExactly("prev /b/ B", "next /a/ A");
    }

    @Test
    void anUnknownStrategyIsAConfigurationError() throws Exception {
        site("random");
        ConfigException error = catchThrowableOfType(
                () -> Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open(), ConfigException.class);
        assertThat(error.getMessage()).contains("strategy").contains("first").contains("all");
    }
}
