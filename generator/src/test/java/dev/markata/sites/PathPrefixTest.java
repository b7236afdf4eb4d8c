package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.config.ConfigException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * markata's {@code path_prefix}: a site served under a path of its host (a GitHub Pages project
 * site, {@code https://user.github.io/project/}) keeps its files where they are in the output
 * folder, and every link names the page under the prefix, as markata's templates write
 * {@code /{{ config.path_prefix }}{{ post.slug }}/}.
 */
class PathPrefixTest {

    @TempDir
    Path dir;

    /** Posts linking each other (wikilinks, prevnext), feeds, the plugins that write addresses. */
    private Site site(String prefix) {
        return new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "Project"
                        url = "https://user.github.io"
                        path_prefix = "%s"
                        hooks = ["default", "markata.plugins.prevnext", "markata.plugins.manifest",
                                 "markata.plugins.service_worker", "markata.plugins.seo"]
                        [markata.nav]
                        Home = "/"
                        Archive = "/archive/"
                        Source = "https://example.com/project"
                        [markata.service_worker]
                        precache_feeds = true
                        [[markata.feeds]]
                        slug = "archive"
                        [[markata.feeds]]
                        slug = "python"
                        filter = "'python' in tags"
                        """.formatted(prefix))
                .post("posts/hello.md", "title: Hello\ndate: 2024-01-02\npublished: true\ntags: [python]",
                        "Hi, see [[about]] and the [[python]] feed.")
                .post("posts/about.md", "title: About\ndate: 2024-01-01\npublished: true", "About [[hello]].");
    }

    @Test
    void everyLinkOfTheSiteResolvesUnderThePrefix() throws Exception {
        site("project/");
        BuildResult result = Builds.withoutWarnings(dir);
        // the files are where they are without a prefix: the host serves the folder at /project/
        assertThat(dir.resolve("markout/hello/index.html")).exists();
        LinkChecker.Report report = LinkChecker.check(result.outputDir(), "/project/");
        LinkChecker.requireNoProblems(report);
        // partial pages are fetched by scripts, the 404 page is the server's
        assertThat(report.unreachable()).allMatch(page -> page.endsWith("/partial/index.html")
                || page.equals("/project/404.html"));

        String hello = new Site(dir).read("markout/hello/index.html");
        assertThat(hello).contains("<a href=\"/project/about/\" class=\"wikilink\">")
                .contains("href=\"/project/python/\"") // a wikilink to a feed
                .contains("<a class=\"brand\" href=\"/project/\">")
                .contains("<a href=\"/project/archive/\">Archive</a>")
                .contains("<a href=\"https://example.com/project\">Source</a>")
                .contains("<link rel=\"manifest\" href=\"/project/manifest.json\">")
                .contains("navigator.serviceWorker.register(\"/project/service-worker.js\")")
                .contains("<link rel=\"canonical\" href=\"https://user.github.io/project/hello/\">")
                .contains("class=\"prev\" href=\"/project/about/\"");
        assertThat(new Site(dir).read("markout/python/index.html"))
                .contains("href=\"/project/python/rss.xml\"").contains("<a class=\"title\" href=\"/project/hello/\">");
        assertThat(new Site(dir).read("markout/404.html")).contains("\"/project/hello/\"")
                .contains("<a href=\"/project/\">Back to the home page</a>");
    }

    @Test
    void feedsSitemapsAndTheServiceWorkerNameThePagesUnderThePrefix() throws Exception {
        site("project/");
        Builds.withoutWarnings(dir);
        Site built = new Site(dir);
        assertThat(built.read("markout/rss.xml"))
                .contains("<?xml-stylesheet href=\"/project/rss.xsl\" type=\"text/xsl\"?>")
                .contains("<link>https://user.github.io/project/archive/</link>")
                .contains("<atom:link href=\"https://user.github.io/project/archive/rss.xml\"")
                .contains("<link>https://user.github.io/project/hello/</link>")
                .doesNotContain("https://user.github.io/hello/");
        assertThat(built.read("markout/archive/atom.xml"))
                .contains("<link href=\"https://user.github.io/project/hello/\"/>");
        assertThat(built.read("markout/sitemap.xml"))
                .contains("<loc>https://user.github.io/project/about/</loc>")
                .contains("<loc>https://user.github.io/project/python/</loc>");
        assertThat(built.read("markout/service-worker.js")).contains("\"/project/archive/\"");
        assertThat(built.read("markout/markata.json")).contains("\"href\":\"/project/hello/\"");
        // the installed web app starts at the site's top (markata's default start_url is "/")
        assertThat(built.read("markout/manifest.json")).contains("\"start_url\": \"/project/\"");
    }

    @Test
    void aSitesOwnTemplatesSeeThePrefixAsMarkatasDo() throws Exception {
        // markata's card.html and the blog starter's cards: /{{ markata.config.path_prefix }}{{ post.slug }}/
        site("docs/v2/").write("templates/card.html",
                "<li><a href=\"/{{ markata.config.path_prefix }}{{ post.slug }}/\">{{ post.title }}</a>"
                        + " {{ config['path_prefix'] }}</li>");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/archive/index.html"))
                .contains("<li><a href=\"/docs/v2/hello/\">Hello</a> docs/v2/</li>");
        LinkChecker.requireNoProblems(LinkChecker.check(dir.resolve("markout"), "/docs/v2/"));
    }

    @Test
    void aPostsHrefAsFiltersAndMarkataMapSeeItIsItsAddressUnderThePrefix() throws Exception {
        // the href a filter, markata.map or a template reads (markata's post has one) is the one
        // markata.json and post.url give
        site("project/").write("templates/card.html",
                "<li>{% for href in markata.map('href', filter=\"href == '/project/hello/'\") %}"
                        + "<a href=\"{{ href }}\">{{ href }}</a>{% endfor %}</li>[{{ post.href }}]");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/archive/index.html"))
                .contains("<li><a href=\"/project/hello/\">/project/hello/</a></li>[/project/hello/]")
                .contains("[/project/about/]");
    }

    @Test
    void anHrefTheFrontMatterGivesIsThePostsOnce() throws Exception {
        // markata's post model keeps it; markata.json wrote the post's page as href and then this one
        site("project/").post("posts/own.md", "title: Own\ndate: 2024-01-03\npublished: true\nhref: /elsewhere/", "x")
                .write("templates/card.html", "<li>[{{ post.href }}]</li>");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/archive/index.html")).contains("[/elsewhere/]");
        String json = new Site(dir).read("markout/markata.json");
        assertThat(json).contains("\"href\":\"/elsewhere/\"").doesNotContain("\"href\":\"/project/own/\"");
        assertThat(json.split("\"href\":\"/elsewhere/\"", -1)).hasSize(2);
        LinkChecker.requireNoProblems(LinkChecker.check(dir.resolve("markout"), "/project/"));
    }

    @Test
    void withoutAPrefixLinksStartAtTheTopOfTheHostAndTemplatesSeeAnEmptyOne() throws Exception {
        site("").write("templates/card.html", "<li><a href=\"/{{ config.path_prefix }}{{ post.slug }}/\">x</a>[{{ config.path_prefix }}]</li>");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/archive/index.html")).contains("<a href=\"/hello/\">x</a>[]");
        LinkChecker.requireNoProblems(LinkChecker.check(dir.resolve("markout")));
    }

    @Test
    void changingThePrefixRendersTheLinksAgain() throws Exception {
        site("");
        Builds.withoutWarnings(dir);
        site("project/");
        Builds.warmMatchesClean(dir, "path_prefix set");
        assertThat(new Site(dir).read("markout/hello/index.html")).contains("href=\"/project/about/\"");
        site("");
        Builds.warmMatchesClean(dir, "path_prefix removed");
        assertThat(new Site(dir).read("markout/hello/index.html")).contains("<a href=\"/about/\" class=\"wikilink\">");
    }

    @Test
    void navLinksGetThePrefixAsMarkatasNavDoes() throws Exception {
        // markata's nav.html: "/" when the link starts with one, the prefix unless the link has
        // "://", then the link without its leading "/"; so a link written without its "/" gets the
        // prefix too and stays relative (as it was without a prefix). mailto: and #id are left
        // alone here (markata would write project/mailto:...)
        site("project/").write("markata.toml", new Site(dir).read("markata.toml").replace("Home = \"/\"",
                "Home = \"/\"\nTags = \"tags/\"\nMail = \"mailto:me@example.com\"\nTop = \"#top\""));
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/hello/index.html"))
                .contains("<nav><a href=\"/project/\">Home</a><a href=\"project/tags/\">Tags</a>"
                        + "<a href=\"mailto:me@example.com\">Mail</a><a href=\"#top\">Top</a>"
                        + "<a href=\"/project/archive/\">Archive</a><a href=\"https://example.com/project\">Source</a></nav>");
    }

    @Test
    void aUrlThatAlreadyEndsWithThePrefixIsWarnedOf() throws Exception {
        site("project/").write("markata.toml", new Site(dir).read("markata.toml")
                .replace("url = \"https://user.github.io\"", "url = \"https://user.github.io/project/\""));
        assertThat(Builds.warnings(dir)).containsExactly("markata.toml: [markata] url = \"https://user.github.io/project/\""
                + " ends with path_prefix \"project/\": feeds, sitemaps and canonical links put the prefix after url, so"
                + " they name it twice (https://user.github.io/project/project/my-post/); set url to the address without"
                + " it, \"https://user.github.io\"");
    }

    @ParameterizedTest
    @CsvSource({"/project/, project/", "/project, project/", "project, project/", "a//b, a/b/"})
    void aPrefixInAnotherFormIsAnErrorShowingTheFormMeant(String written, String meant) {
        site(written);
        ConfigException error = Builds.configError(dir);
        assertThat(error.getMessage()).startsWith("markata.toml: [markata] path_prefix = \"" + written + "\": must be"
                        + " the path the site is served under, without a \"/\" at its start and with one at its end")
                .contains(": \"" + meant + "\" serves my-post at /" + meant + "my-post/");
    }

    @Test
    void aPrefixThatIsNoPathIsAnErrorSayingWhatIsAllowed() {
        for (String written : List.of("my site/", "../", "a/./", "?x/", "/")) {
            site(written);
            ConfigException error = Builds.configError(dir);
            assertThat(error).as(written).isNotNull();
            assertThat(error.getMessage()).as(written).contains("path_prefix").contains("like \"project/\"")
                    .contains("(\"\" for the top of the host)");
        }
    }
}
