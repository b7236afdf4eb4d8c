package dev.markata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.content.CacheDir;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildMemory;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds real sites in temporary folders and checks the pages written. */
class BuildEndToEndTest {

    @TempDir
    Path dir;

    private BuildResult build(Map<String, String> env) throws Exception {
        return Markata.builder(dir).environment(env).reporter(new LifecycleTest.Quiet()).open().build();
    }

    private Site blog() {
        return new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "Test <Blog>"
                        url = "https://blog.example"
                        """)
                .post("posts/first-post.md", "title: First & Foremost\ndate: 2024-01-05\npublished: true\n"
                        + "tags: [java, web]\ndescription: The very first\nseries: intro", """
                        ## Tables

                        | lang | year |
                        |------|------|
                        | Java | 1995 |

                        ~~old~~ and https://example.com and `code`

                        - [x] done
                        - [ ] todo

                        ```java
                        if (a < b) { return "<tag>"; }
                        ```
                        """)
                .post("posts/second.md", "title: Second\ndate: 2024-03-01\npublished: true", "Newer post.")
                .post("posts/draft.md", "title: Draft\ndate: 2024-06-01", "Not published.")
                .write("posts/untitled-notes_here.md", "Just text, no front matter.\n")
                .write("README.txt", "not markdown");
    }

    @Test
    void buildsEveryPostAndAnIndexOfPublishedPostsNewestFirst() throws Exception {
        Site site = blog();
        BuildResult result = build(Map.of());

        assertThat(result.posts()).hasSize(4);
        Document first = Jsoup.parse(site.read("markout/first-post/index.html"));
        assertThat(first.title()).isEqualTo("First & Foremost | Test <Blog>");
        assertThat(first.select("article h1").text()).isEqualTo("First & Foremost");
        assertThat(first.select("h2#tables").text()).isEqualTo("Tables");
        assertThat(first.select("table td").eachText()).containsExactly("Java", "1995");
        assertThat(first.select("s").text()).isEqualTo("old");
        assertThat(first.select("a[href=https://example.com]")).hasSize(1);
        assertThat(first.select("input[type=checkbox]")).hasSize(2);
        assertThat(first.select("pre code.language-java").text()).isEqualTo("if (a < b) { return \"<tag>\"; }");
        assertThat(first.select(".tags span").eachText()).containsExactly("#java", "#web");
        assertThat(site.read("markout/first-post/index.html")).contains("First &amp; Foremost").doesNotContain("<Blog>");

        assertThat(Jsoup.parse(site.read("markout/untitled-notes-here/index.html")).select("article h1").text())
                .isEqualTo("Untitled Notes_Here"); // markata's post model: stem.replace("-", " ").title()
        assertThat(site.exists("markout/draft/index.html")).isTrue();

        Document index = Jsoup.parse(site.read("markout/index.html"));
        assertThat(index.select("ul.posts li a").eachText()).containsExactly("Second", "First & Foremost");
        assertThat(index.select("ul.posts li a").eachAttr("href")).containsExactly("/second/", "/first-post/");
        assertThat(result.posts()).filteredOn(p -> p.slug().equals("first-post")).singleElement()
                .satisfies(p -> assertThat(p.extra()).containsEntry("series", "intro"));
    }

    /**
     * Rebuilds sharing one memory (as {@code serve --watch} does) reuse what they know of
     * unchanged posts and never what they knew of a changed one.
     */
    @Test
    void rebuildsSharingAMemoryDescribeEditedPostsAfresh() throws Exception {
        Site site = blog();
        BuildMemory memory = new BuildMemory();
        Function<BuildResult, String> secondsDescription = result -> result.posts().stream()
                .filter(p -> p.slug().equals("second")).findFirst().orElseThrow().description();
        BuildResult first = rebuild(memory);
        assertThat(secondsDescription.apply(first)).isEqualTo("Newer post.");

        site.post("posts/second.md", "title: Second\ndate: 2024-03-01\npublished: true", "An *edited* first paragraph.");
        assertThat(secondsDescription.apply(rebuild(memory))).isEqualTo("An edited first paragraph.");
        site.post("posts/second.md", "title: Second\ndate: 2024-03-01\npublished: true", "Newer post.");
        BuildResult back = rebuild(memory);
        assertThat(secondsDescription.apply(back)).isEqualTo("Newer post.");
        // every post described as a build with nothing remembered describes it
        Function<BuildResult, List<String>> described = result -> result.posts().stream()
                .map(p -> p.path() + ": " + p.description() + " / " + p.extra().get("long_description")).toList();
        assertThat(described.apply(back)).isEqualTo(described.apply(rebuild(new BuildMemory())));
    }

    private BuildResult rebuild(BuildMemory memory) throws Exception {
        return Markata.builder(dir).environment(Map.of()).memory(memory).reporter(new LifecycleTest.Quiet()).open()
                .build();
    }

    /** The site's view ({@code markata}) is made when a template first reads it, on any build. */
    @Test
    void aPostTemplateThatListsEveryPostSeesThemAllAlsoWhenOnePostChanged() throws Exception {
        Site site = blog().write("templates/post.html",
                "<h1>{{ post.title }}</h1><ul>{% for p in markata.posts %}<li>{{ p.slug }}</li>{% endfor %}</ul>"
                        + "<p>{{ markata.posts|length }} posts, {{ markata.config.title|e }}</p>\n");
        build(Map.of());
        site.post("posts/second.md", "title: Second, edited\ndate: 2024-03-01\npublished: true", "Newer post.");
        build(Map.of());

        Document second = Jsoup.parse(site.read("markout/second/index.html"));
        assertThat(second.select("h1").text()).isEqualTo("Second, edited");
        assertThat(second.select("li").eachText()).containsExactlyInAnyOrder("first-post", "second", "draft",
                "untitled-notes-here");
        assertThat(second.select("p").text()).isEqualTo("4 posts, Test <Blog>");
    }

    /**
     * A build that renders no post with a wikilink makes no link table; the next one that renders
     * such a post resolves its links against every post.
     */
    @Test
    void pagesShowingAnotherPostsFrontMatterAreRenderedAgainWhenItChanges() throws Exception {
        // a page listing other posts' series (or cover, author...) kept the old value: only slugs,
        // titles, dates, descriptions and tags of other posts made pages render again
        Site site = blog().write("templates/post.html",
                "<h1>{{ post.title }}</h1><ul>{% for p in markata.posts %}<li>{{ p.slug }}={{ p.series }}</li>"
                        + "{% endfor %}</ul>\n");
        build(Map.of());
        site.post("posts/first-post.md", "title: First & Foremost\ndate: 2024-01-05\npublished: true\n"
                + "tags: [java, web]\ndescription: The very first\nseries: advanced", "Another body.");
        build(Map.of());

        Document second = Jsoup.parse(site.read("markout/second/index.html"));
        assertThat(second.select("li").eachText()).contains("first-post=advanced");
    }

    @Test
    void wikilinksResolveInAPostEditedAfterABuildThatRenderedNoLinks() throws Exception {
        Site site = blog();
        build(Map.of());
        site.post("posts/draft.md", "title: Draft\ndate: 2024-06-01", "Not published, edited.");
        build(Map.of());
        site.post("posts/draft.md", "title: Draft\ndate: 2024-06-01", "See [[second]] and [[Nowhere]].");
        build(Map.of());

        Document draft = Jsoup.parse(site.read("markout/draft/index.html"));
        assertThat(draft.select("article a[href=/second/]").eachText()).containsExactly("second");
        assertThat(draft.select("article .wikilink.missing").eachText()).containsExactly("Nowhere");
    }

    @Test
    void theNotFoundPageIsRenderedAgainOnlyWhenWhatItListsChanged() throws Exception {
        Site site = blog();
        build(Map.of());
        Path notFound = dir.resolve("markout/404.html");
        // marks the page on disk: a build that renders it again replaces the mark
        Files.writeString(notFound, Files.readString(notFound) + "<!-- mark -->");

        build(Map.of());
        assertThat(Files.readString(notFound)).as("after a build that changed nothing").endsWith("<!-- mark -->");

        site.post("posts/second.md", "title: Second, edited\ndate: 2024-03-01\npublished: true", "Newer post.");
        build(Map.of());
        assertThat(Files.readString(notFound)).contains("Second, edited").doesNotContain("<!-- mark -->");

        Files.delete(notFound);
        build(Map.of());
        assertThat(notFound).isNotEmptyFile();
    }

    /** Every page's cache key starts with the templates and the settings they see. */
    @Test
    void aChangedSettingOrTemplateRendersEveryPageAgain() throws Exception {
        Site site = blog();
        build(Map.of());
        List<String> pages = List.of("markout/first-post/index.html", "markout/index.html", "markout/archive/index.html",
                "markout/404.html", "markout/rss.xml");
        for (String page : pages) {
            assertThat(site.read(page)).as(page).contains("Test &lt;Blog&gt;");
        }

        site.write("markata.toml", site.read("markata.toml").replace("Test <Blog>", "Renamed Blog"));
        build(Map.of());
        for (String page : pages) {
            assertThat(site.read(page)).as(page).contains("Renamed Blog").doesNotContain("Test &lt;Blog&gt;");
        }

        site.write("templates/post.html", "<h1 class=\"custom\">{{ post.title|e }}</h1>\n");
        build(Map.of());
        assertThat(Jsoup.parse(site.read("markout/first-post/index.html")).select("h1.custom").text())
                .isEqualTo("First & Foremost");
    }

    @Test
    void templatesAndAssetsInFoldersThatAreSymbolicLinksAreTheSites() throws Exception {
        // templates -> ../theme and static -> ../theme-static, a theme shared by several sites:
        // the assets were not copied at all, and a warm build kept every page rendered with the
        // template as it was (the pages' cache key walked the link, not the folder it names)
        Site site = blog();
        Path theme = Files.createTempDirectory("markata-theme-");
        try {
            new Site(theme).write("templates/post.html", "<h1 class=\"first\">{{ post.title|e }}</h1>\n")
                    .write("static/css/site.css", "body {}");
            Files.createSymbolicLink(dir.resolve("templates"), theme.resolve("templates"));
            Files.createSymbolicLink(dir.resolve("static"), theme.resolve("static"));
            build(Map.of());
            assertThat(site.read("markout/first-post/index.html")).contains("class=\"first\"");
            assertThat(site.read("markout/css/site.css")).isEqualTo("body {}");

            new Site(theme).write("templates/post.html", "<h1 class=\"second\">{{ post.title|e }}</h1>\n");
            build(Map.of());
            assertThat(site.read("markout/first-post/index.html")).contains("class=\"second\"");
        } finally {
            new Site(theme).delete("");
        }
    }

    @Test
    void aCacheWrittenByAnotherMarkataJavaIsNotTrusted() throws Exception {
        Site site = blog();
        build(Map.of());
        String page = site.read("markout/second/index.html");
        // an older version's page that its skip keys still vouch for
        site.write("markout/second/index.html", "<p>made by other code</p>");
        build(Map.of());
        assertThat(site.read("markout/second/index.html")).isEqualTo("<p>made by other code</p>");

        site.write(".markata.cache/" + CacheDir.STAMP, "markata-java 0.0.1 built 2020-01-01T00:00:00.000Z\n");
        build(Map.of());

        assertThat(site.read("markout/second/index.html")).isEqualTo(page);
        assertThat(site.read(".markata.cache/" + CacheDir.STAMP)).isEqualTo(MarkataVersion.current().stamp() + "\n");
    }

    @Test
    void writesOnlyPagesWhoseContentChanged() throws Exception {
        Site site = blog();
        BuildResult firstBuild = build(Map.of());
        long files;
        try (var walk = Files.walk(dir.resolve("markout"))) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertThat(firstBuild.filesWritten()).isEqualTo(files).isGreaterThanOrEqualTo(5);
        Path page = dir.resolve("markout/second/index.html");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(page, old);

        BuildResult again = build(Map.of());
        assertThat(again.filesWritten()).isZero();
        // every file, also the pages the skip plugin kept without comparing them
        assertThat(again.filesUnchanged()).isEqualTo(files);
        assertThat(Files.getLastModifiedTime(page)).isEqualTo(old);

        Path otherPage = dir.resolve("markout/first-post/index.html");
        Files.setLastModifiedTime(otherPage, old);
        site.post("posts/second.md", "title: Second, edited\ndate: 2024-03-01\npublished: true", "Newer post.");
        BuildResult edited = build(Map.of());
        // the post and the pages listing its title (home, archive, feeds, markata.json); no other post page
        assertThat(edited.filesWritten()).isBetween(2L, files - 2);
        assertThat(Files.getLastModifiedTime(otherPage)).isEqualTo(old);
        assertThat(site.read("markout/second/index.html")).contains("Second, edited");
    }

    @Test
    void anIndexPostIsTheHomePage() throws Exception {
        Site site = blog().post("index.md", "title: Welcome", "Hello **home**.");
        build(Map.of());
        assertThat(Jsoup.parse(site.read("markout/index.html")).select("article h1").text()).isEqualTo("Welcome");
    }

    @Test
    void respectsGitignoreAndMarkataignoreAndNeverReadsTheOutputFolder() throws Exception {
        Site site = blog()
                .write(".gitignore", "drafts/\n*.tmp.md\n")
                .write(".markataignore", "posts/second.md\n")
                .post("drafts/wip.md", "title: WIP", "x")
                .post("posts/scratch.tmp.md", "title: Scratch", "x")
                .post("markout/stale.md", "title: Stale", "x")
                .post(".hidden/secret.md", "title: Secret", "x");
        BuildResult result = build(Map.of());
        assertThat(result.posts()).extracting(p -> p.path())
                .containsExactly("posts/draft.md", "posts/first-post.md", "posts/untitled-notes_here.md");
        assertThat(site.exists("markout/second/index.html")).isFalse();
    }

    @Test
    void olderSitesMayWriteGlobPatternsAtTopLevel() throws Exception {
        Site site = blog();
        site.write("markata.toml", "[markata]\nglob_patterns = \"posts/first*.md\"\n");
        assertThat(build(Map.of()).posts()).extracting(p -> p.slug()).containsExactly("first-post");
        site.write("markata.toml", "[markata]\nglob_patterns = \"nothing\"\n[markata.glob]\nglob_patterns = [\"**/second.md\"]\n");
        assertThat(build(Map.of()).posts()).extracting(p -> p.slug()).containsExactly("second");
    }

    @Test
    void everyBrokenPostIsReportedWithFileAndLineAndNothingIsWritten() {
        new Site(dir)
                .post("posts/ok.md", "title: Fine", "ok")
                .post("posts/bad-yaml.md", "title: Fine\ntags: [unclosed", "x")
                .post("posts/bad-date.md", "title: Dated\ndate: yesterday", "x")
                .post("posts/bad-published.md", "title: P\n\npublished: perhaps", "x")
                .write("posts/unclosed.md", "---\ntitle: never closed\n\nbody\n");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().pluginId()).isEqualTo("markata.plugins.load");
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("posts/bad-date.md:3: front matter date = yesterday: must be a date like 2024-05-01"),
                m -> assertThat(m).isEqualTo("posts/bad-published.md:4: front matter published = perhaps: must be true or false (or as markata's pydantic"
                        + " also reads it: yes or no, on or off, 1 or 0)"),
                m -> assertThat(m).startsWith("posts/bad-yaml.md:3: front matter is not valid YAML: "),
                m -> assertThat(m).isEqualTo("posts/unclosed.md:1: front matter starts with --- but no line closes it with ---"));
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void publishedIsReadAsMarkatasPydanticReadsABool() throws Exception {
        // YAML's own yes / off are booleans already; written as text, or as 1 and 0, pydantic's
        // bool takes them too (any case), so markata lists such posts as published
        new Site(dir)
                .post("posts/a.md", "title: A\npublished: \"yes\"", "a")
                .post("posts/b.md", "title: B\npublished: 'On'", "b")
                .post("posts/c.md", "title: C\npublished: 1", "c")
                .post("posts/d.md", "title: D\npublished: \"Y\"", "d")
                .post("posts/e.md", "title: E\npublished: \"off\"", "e")
                .post("posts/f.md", "title: F\npublished: 0", "f")
                .post("posts/g.md", "title: G\npublished: \"NO\"", "g")
                .post("posts/h.md", "title: H\npublished: yes", "h");
        assertThat(build(Map.of()).posts()).filteredOn(p -> p.published()).extracting(p -> p.slug())
                .containsExactlyInAnyOrder("a", "b", "c", "d", "h");
    }

    @Test
    void twoPostsWithOneSlugAreAnError() {
        new Site(dir).post("a/same.md", "title: A", "a").post("b/same.md", "title: B", "b");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).isEqualTo(
                "b/same.md: has the slug \"same\" of a/same.md; give one of them another slug in its front matter");
    }

    @Test
    void aPostWithTheSlugOfAFeedLeavesThePageToTheFeedWithAWarning() throws Exception {
        // markata's feeds save after publish_html and write over the post's page: the site builds, and markata's
        // blog starter's "draft" feed took the page of a post draft.md unnoticed
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata.feeds.draft]
                        filter = "not published"
                        """)
                .post("posts/draft.md", "title: A draft", "Draft body.\n\n## Only on the post's page")
                .post("posts/fine.md", "title: Fine", "f")
                .post("posts/other.md", "title: Other\nslug: Archive", "Other body.\n\n## Only on the post's page");
        List<String> expected = List.of(
                "posts/draft.md: has the slug \"draft\" of the feed \"draft\", whose page draft/index.html is the"
                        + " feed's, as in markata: the post has no page of its own; give it another slug in its front"
                        + " matter, or the feed one of its own with slug = \"...\"",
                "posts/other.md: has the slug \"archive\" of the built-in feed \"archive\", whose page"
                        + " archive/index.html is the feed's, as in markata: the post has no page of its own; give it"
                        + " another slug in its front matter, or the feed one of its own with [markata.feeds.archive]"
                        + " slug = \"...\"");
        assertThat(Builds.warnings(dir)).containsExactlyElementsOf(expected);
        assertThat(site.read("markout/draft/index.html")).contains("class=\"posts\"", "A draft")
                .doesNotContain("Only on the post");
        assertThat(site.read("markout/archive/index.html")).doesNotContain("Only on the post");

        // a warm build after the post changed leaves the page the feed's
        site.post("posts/draft.md", "title: A draft", "Draft body.\n\n## Only on the post's page, changed");
        assertThat(Builds.warnings(dir)).containsExactlyElementsOf(expected);
        assertThat(site.read("markout/draft/index.html")).contains("class=\"posts\"").doesNotContain("Only on the post");
    }

    @Test
    void headEntriesOfTheConfigurationAreTemplatesRenderedForEachPage() throws Exception {
        // markata's blog starter: every page's <head> gets its own title and canonical address
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        title = "Blog"
                        url = "https://blog.example"
                        [[markata.head.meta]]
                        name = "og:title"
                        content = "{{ title|e }}"
                        [[markata.head.meta]]
                        name = "og:description"
                        content = "{{ post.description|e }}"
                        [[markata.head.meta]]
                        name = "plain"
                        content = "a <b> & c"
                        [[markata.head.link]]
                        rel = "canonical"
                        href = "{{ config.url }}/{{ slug }}/"
                        """)
                .post("posts/fish.md", "title: Fish & Chips\ndescription: Cod <fried>", "f");
        build(Map.of());
        String html = site.read("markout/fish/index.html");
        Document page = Jsoup.parse(html);
        assertThat(page.select("meta[name=og:title]").attr("content")).isEqualTo("Fish & Chips");
        assertThat(page.select("meta[name=og:description]").attr("content")).isEqualTo("Cod <fried>");
        assertThat(page.select("meta[name=plain]").attr("content")).isEqualTo("a <b> & c");
        // markata's url is pydantic's AnyUrl, printed with a "/" after a bare host
        // (str(AnyUrl("https://blog.example")) is "https://blog.example/", pydantic 2.13), so the
        // starter's "{{ config.url }}/{{ slug }}/" gives two slashes in markata too
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example//fish/");
        assertThat(html).doesNotContain("{{");
    }

    @Test
    void fileNamesAndSlugsInOtherScriptsAreSpelledInLatinLettersAsMarkataDoes() throws Exception {
        // markata's slugify (python-slugify, with Unidecode's tables) gives privet-mir and ni-hao;
        // the build used to fail with "has no usable slug"
        Site site = new Site(dir).post("posts/привет-мир.md", "title: Привет мир", "Мир.")
                .post("posts/你好.md", "title: 你好", "See [[Привет мир]] and [[Straße]].")
                .post("posts/ok.md", "title: OK\nslug: \"日本/Straße\"", "x");
        BuildResult result = build(Map.of());

        assertThat(result.posts()).extracting(Post::slug).containsExactlyInAnyOrder("privet-mir", "ni-hao",
                "ri-ben/strasse");
        assertThat(Jsoup.parse(site.read("markout/privet-mir/index.html")).select("article h1").text())
                .isEqualTo("Привет мир");
        assertThat(site.exists("markout/ri-ben/strasse/index.html")).isTrue();
        Document hello = Jsoup.parse(site.read("markout/ni-hao/index.html"));
        assertThat(hello.select("article h1").text()).isEqualTo("你好");
        assertThat(hello.select("article a[href=/privet-mir/]").eachText()).containsExactly("Привет мир");
        assertThat(hello.select("article a[href=/ri-ben/strasse/]").eachText()).containsExactly("Straße");
        assertThat(hello.select("article .wikilink.missing")).isEmpty();
    }

    @Test
    void aFileNameWithNothingToSpellAsksForASlug() {
        new Site(dir).post("posts/😀.md", "title: Smile", "x")
                .post("posts/ok.md", "title: OK\nslug: \"«…»\"", "x");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems()).extracting(BuildFailure.Problem::message).containsExactly(
                "posts/ok.md: has no usable slug: the front matter's slug \"«…»\" has no letters or digits, in any"
                        + " script, which slugs are spelled from; give the post a slug of them in its front matter"
                        + " (slug: my-post)",
                "posts/😀.md: has no usable slug: the file name \"😀\" has no letters or digits, in any script,"
                        + " which slugs are spelled from; give the post a slug of them in its front matter"
                        + " (slug: my-post)");
    }

    @Test
    void aSitesOwnBaseTemplateIncludesTheHeadAsMarkatasDoes() throws Exception {
        // markata's templates {% include "head.html" %}, the head made from [markata.head], scripts too
        Site site = new Site(dir)
                .write("markata.toml", """
                        [[markata.head.meta]]
                        name = "og:title"
                        content = "{{ post.title|e }}"
                        [[markata.head.script]]
                        src = "/assets/main.js"
                        """)
                .write("templates/post.html", "<head>{% include \"head.html\" %}</head><main>{{ body }}</main>")
                .post("posts/a.md", "title: A & B", "x");
        build(Map.of());
        Document page = Jsoup.parse(site.read("markout/a/index.html"));
        assertThat(page.select("meta[name=og:title]").attr("content")).isEqualTo("A & B");
        assertThat(page.select("script[src=/assets/main.js]")).hasSize(1);
        assertThat(Jsoup.parse(site.read("markout/archive/index.html")).select("script[src=/assets/main.js]")).hasSize(1);
    }

    @Test
    void anAssetCannotTakeThePlaceOfAPostsPage() {
        // static/first-post/index.html and posts/first-post.md wrote one file: the asset won, until
        // the post was edited, then the page won
        blog().write("static/first-post/index.html", "<p>asset</p>").write("static/css/site.css", "body {}");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().pluginId()).isEqualTo("markata.plugins.copy_assets");
        assertThat(error.failure().problems().get(0).message()).isEqualTo("static/first-post/index.html: is also the"
                + " page of posts/first-post.md (first-post/index.html), and one would overwrite the other; rename the"
                + " asset, or give the post another slug in its front matter");
        assertThat(dir.resolve("markout/first-post/index.html")).doesNotExist();
    }

    @Test
    void aRedirectAtAPostsPageLeavesThePageWithAWarning() throws Exception {
        // "/second /new-home/" in _redirects wrote its redirect page over the post's page; then it
        // failed the build, where markata's builds (its post's page written after the redirect's)
        // go on: waylonwalker.com's _redirects has "/thank-you /thank-you/" for its post thank-you
        Site site = blog().write("static/_redirects", "/old /second/\n/second /new-home/\n");
        List<String> warnings = Builds.warnings(dir);
        assertThat(warnings).containsExactly("static/_redirects:2: /second is the page of posts/second.md: no"
                + " redirect page is written over it (the post's page stays, as in markata; the rule is left to a host"
                + " that reads _redirects)");
        assertThat(Jsoup.parse(site.read("markout/second/index.html")).select("article h1").text()).isEqualTo("Second");
        assertThat(site.read("markout/old/index.html")).contains("url=/second/");
    }

    @Test
    void aRedirectAtAFeedsPageLeavesThePageWithAWarning() throws Exception {
        Site site = blog().write("static/_redirects", "/archive/ /posts/\n");
        assertThat(Builds.warnings(dir)).containsExactly("static/_redirects:1: /archive/ is the page of the feed"
                + " \"archive\": no redirect page is written over it (the feed's page stays, as in markata; the rule is"
                + " left to a host that reads _redirects)");
        assertThat(site.read("markout/archive/index.html")).doesNotContain("url=/posts/");
    }

    @Test
    void aRedirectToItselfWritesNoPageThatReloadsForever() throws Exception {
        // waylonwalker.com's "/whats-on-your-github-profile/ /whats-on-your-github-profile/" (a "404 fix")
        Site site = blog().write("static/_redirects", "/gone/ /gone/\n/line-of-one\n/kept /second/\n");
        assertThat(Builds.warnings(dir)).containsExactly(
                "static/_redirects:1: /gone/ redirects to itself: no redirect page is written (it would reload"
                        + " forever)",
                "static/_redirects:2: a redirect needs \"/old /new\", got \"/line-of-one\": the line is left out,"
                        + " as markata leaves it");
        assertThat(dir.resolve("markout/gone/index.html")).doesNotExist();
        assertThat(site.read("markout/kept/index.html")).contains("url=/second/");
    }

    @Test
    void aSlugCannotEscapeTheOutputFolder() throws IOException {
        new Site(dir).post("posts/evil.md", "title: Evil\nslug: ../../outside", "x");
        try {
            BuildResult result = build(Map.of());
            assertThat(result.posts().get(0).slug()).isEqualTo("outside");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(dir.resolve("markout/outside/index.html")).exists();
        assertThat(dir.getParent().resolve("outside")).doesNotExist();
    }

    @Test
    void templateSyntaxInContentIsShownNotRun() throws Exception {
        Site site = new Site(dir).post("posts/jinja.md", "title: \"{{ config.title }}\"",
                "Write `{{ post.title }}` and {% if x %}text{% endif %} {{ config.title }}");
        build(Map.of());
        String page = site.read("markout/jinja/index.html");
        assertThat(page).contains("<h1>{{ config.title }}</h1>").contains("<code>{{ post.title }}</code>")
                .contains("{% if x %}text{% endif %} {{ config.title }}");
    }

    /** A post's Markdown with `jinja: true` may show its own front matter: a change to it renders the post again. */
    @Test
    void aFeedPageListingEveryPostIsRenderedAgainWhenAPostOutsideTheFeedChanges() throws Exception {
        // a feed page's template can show any post (markata.posts), not only the feed's own
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata.feeds.python]
                        filter = "'python' in tags"
                        template = "everything.html"
                        """)
                .write("templates/everything.html", "{% for p in markata.posts %}[{{ p.title }}]{% endfor %}")
                .post("posts/a.md", "title: A\ntags: [python]", "a")
                .post("posts/b.md", "title: B", "b");
        build(Map.of());
        assertThat(site.read("markout/python/index.html")).contains("[B]");

        site.post("posts/b.md", "title: Bee", "b");
        build(Map.of());
        assertThat(site.read("markout/python/index.html")).contains("[Bee]").doesNotContain("[B]");
    }

    @Test
    void aFeedPageShowingPostsInFullShowsEveryPostsBodyAsItIsNow() throws Exception {
        // a home page with the latest posts in full: an edit of a post's text must reach it
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata.feeds.latest]
                        filter = "True"
                        template = "full.html"
                        """)
                .write("templates/full.html", "{% for p in markata.feeds.latest.posts %}<section>{{ p.article_html }}</section>{% endfor %}")
                .post("posts/a.md", "title: A", "First paragraph.\n\nsecond words")
                .post("posts/b.md", "title: B", "other words");
        build(Map.of());
        assertThat(site.read("markout/latest/index.html")).contains("second words");

        // not the first paragraph: the post's description (which listings show) stays the same
        site.post("posts/a.md", "title: A", "First paragraph.\n\nedited words");
        build(Map.of());
        assertThat(site.read("markout/latest/index.html")).contains("edited words").doesNotContain("second words")
                .contains("other words"); // b was not rendered again in this build: its HTML comes from the cache

        // a title changed: the page is rendered again, and still shows the posts left unrendered in full
        site.post("posts/a.md", "title: A2", "First paragraph.\n\nedited words");
        build(Map.of());
        assertThat(site.read("markout/latest/index.html")).contains("edited words").contains("other words");

        // and a page that showed bodies, left unchanged, is skipped again on the next build
        String latest = site.read("markout/latest/index.html");
        build(Map.of());
        assertThat(site.read("markout/latest/index.html")).isEqualTo(latest);
    }

    /** A first paragraph longer than a post's descriptions. */
    private static final String FIRST_PARAGRAPH = "First paragraph, " + "long words ".repeat(30).strip() + ".";

    @Test
    void aListingThatShowsNoBodyIsNotRenderedAgainWhenOnlyABodyChanges() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata.feeds.titles]
                        filter = "True"
                        template = "titles.html"
                        """)
                .write("templates/titles.html", "{% for p in markata.feeds.titles.posts %}[{{ p.title }}: {{ p.description }}]{% endfor %}")
                .post("posts/a.md", "title: A", FIRST_PARAGRAPH + "\n\nsecond words")
                .post("posts/b.md", "title: B", "other words");
        build(Map.of());

        // the post's description, which the page shows, stays the same: its text is read no further
        // than the longest description (250 characters), all in the first paragraph here
        site.post("posts/a.md", "title: A", FIRST_PARAGRAPH + "\n\nedited words");
        BuildResult edited = build(Map.of());
        // a feed page's render is one task per card on the build threads: none, it was not rendered
        assertThat(edited.timings().hooks()).filteredOn(hook -> hook.pluginId().equals("markata.plugins.feeds")
                && hook.stage() == Stage.SAVE).singleElement().extracting(BuildTimings.HookTiming::tasks).isEqualTo(0);
        assertThat(site.read("markout/a/index.html")).contains("edited words");
    }

    @Test
    void aPostPageShowingOtherPostsBodiesIsRenderedAgainWhenOnlyTheirBodyChanges() throws Exception {
        Site site = new Site(dir)
                .write("templates/post.html", "{{ body }}|{% for p in markata.posts %}{% if p.slug != post.slug %}<aside>{{ p.content }}</aside>{% endif %}{% endfor %}")
                .post("posts/a.md", "title: A", "alpha text")
                .post("posts/b.md", "title: B", "Beta.\n\nbeta text");
        build(Map.of());
        assertThat(site.read("markout/a/index.html")).contains("beta text");

        site.post("posts/b.md", "title: B", "Beta.\n\nbeta edited");
        build(Map.of());
        assertThat(site.read("markout/a/index.html")).contains("beta edited");
    }

    @Test
    void aJinjaPostShowingOtherPostsBodiesIsRenderedAgainWhenOnlyTheirBodyChanges() throws Exception {
        Site site = new Site(dir)
                .post("posts/all.md", "title: All\njinja: true",
                        "{% for p in markata.posts %}{% if p.slug != 'all' %}<div>{{ p.content }}</div>{% endif %}{% endfor %}")
                .post("posts/b.md", "title: B", "Beta.\n\nbeta text");
        build(Map.of());
        assertThat(site.read("markout/all/index.html")).contains("beta text");

        site.post("posts/b.md", "title: B", "Beta.\n\nbeta edited");
        build(Map.of());
        assertThat(site.read("markout/all/index.html")).contains("beta edited");

        // and unchanged again: the cached page is still right
        build(Map.of());
        assertThat(site.read("markout/all/index.html")).contains("beta edited");
    }

    @Test
    void aJinjaPostIsRenderedAgainWhenItsOwnFrontMatterChanges() throws Exception {
        Site site = new Site(dir).post("posts/j.md", "title: J\njinja: true\nmood: calm", "Mood: {{ post.mood }}.");
        build(Map.of());
        assertThat(site.read("markout/j/index.html")).contains("Mood: calm.");

        site.post("posts/j.md", "title: J\njinja: true\nmood: bright", "Mood: {{ post.mood }}.");
        build(Map.of());
        assertThat(site.read("markout/j/index.html")).contains("Mood: bright.").doesNotContain("calm");
    }

    @Test
    void recursiveGlobPatternsMatchFilesAtAnyDepthIncludingNone() throws Exception {
        new Site(dir).write("markata.toml", "[markata.glob]\nglob_patterns = [\"posts/**/*.md\", \"pages/*.md\"]\n")
                .post("posts/top.md", "title: Top", "x").post("posts/2024/05/deep.md", "title: Deep", "x")
                .post("pages/about.md", "title: About", "x").post("pages/sub/no.md", "title: No", "x")
                .post("other/no.md", "title: No", "x");
        assertThat(build(Map.of()).posts()).extracting(p -> p.path())
                .containsExactly("pages/about.md", "posts/2024/05/deep.md", "posts/top.md");
    }

    @Test
    void aSiteWithoutConfigurationBuildsWithDefaults() throws Exception {
        Site site = new Site(dir).write("hello.md", "# Hello\n");
        BuildResult result = build(Map.of());
        assertThat(result.outputDir()).isEqualTo(dir.toAbsolutePath().resolve("markout"));
        assertThat(site.read("markout/hello/index.html")).contains("<h1 id=\"hello\">Hello</h1>")
                .contains("<title>Hello | Markata Site</title>");
    }

    @Test
    void theSitesOwnTemplatesWinOverTheTheme() throws Exception {
        Site site = blog().write("templates/post.html", "<p>{{ post.title|e }} by {{ config.author_name|e }}</p>")
                .write("markata.toml", "[markata]\nauthor_name = \"Ada\"\n");
        build(Map.of());
        assertThat(site.read("markout/second/index.html")).isEqualTo("<p>Second by Ada</p>");
    }

    @Test
    void aPostsDateIsADateInTemplates() throws Exception {
        // markata's post.date is a Python date: templates format it with strftime, year, datetimeformat
        Site site = blog().write("templates/post.html", "{{ post.date }}|{{ post.date.year }}|{{ post.date.month }}|"
                + "{{ post.date.strftime('%d %B %Y') }}|{% if post.date %}{{ post.date|datetimeformat('%Y/%m') }}{% endif %}|"
                + "{{ post.date.isoformat() }}|{% if post.date %}dated{% else %}undated{% endif %}");
        build(Map.of());
        assertThat(site.read("markout/second/index.html")).isEqualTo("2024-03-01|2024|3|01 March 2024|2024/03|2024-03-01|dated");
        assertThat(site.read("markout/untitled-notes-here/index.html")).isEqualTo("||||||undated");
        assertThat(Jsoup.parse(site.read("markout/second/index.html")).text()).doesNotContain("00:00");
    }

    @Test
    void sortTakesJinjasNamedArguments() throws Exception {
        // jinjava's sort took its arguments by position only and ignored names: the list came out unsorted
        Site site = blog().write("templates/post.html", """
                {% for p in markata.posts|sort(attribute='date', reverse=True) %}{{ p.slug }},{% endfor %}
                |{% for p in markata.posts|sort(attribute='title') %}{{ p.slug }},{% endfor %}
                |{% for p in markata.posts|sort(reverse=true, attribute='slug') %}{{ p.slug }},{% endfor %}
                |{% for p in markata.posts|sort(false, false, 'date') %}{{ p.slug }},{% endfor %}
                |{{ ['b', 'C', 'a']|sort|join }} {{ ['b', 'C', 'a']|sort(case_sensitive=true)|join }}""");
        build(Map.of());
        assertThat(site.read("markout/second/index.html").split("\\|")).containsExactly(
                "draft,second,first-post,untitled-notes-here,",
                "draft,first-post,second,untitled-notes-here,",
                "untitled-notes-here,second,first-post,draft,",
                "first-post,second,draft,untitled-notes-here,",
                "abC Cab");
    }

    @Test
    void anUnknownFilterOrAnUnclosedTagFailsWithTemplateAndLine() {
        // jinjava rendered an unknown filter as nothing and an unclosed {{ as text, without a word;
        // Jinja fails on both
        Site site = new Site(dir).post("posts/odd.md", "title: Odd", "x")
                .write("templates/post.html", "<h1>{{ post.title }}</h1>\n<p>{{ post.title|titel }}</p>");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().pluginId()).isEqualTo("markata.plugins.post_template");
        assertThat(error.failure().problems().get(0).message()).isEqualTo(
                "posts/odd.md: template post.html:2: unknown filter titel; did you mean title?");

        site.write("templates/post.html", "<h1>{{ post.title }}</h1>\n{% include 'part.html' %}")
                .write("templates/part.html", "<p>\n{{ post.title </p>");
        error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message())
                .startsWith("posts/odd.md: template part.html:2: ").contains("Unclosed").doesNotContain("Warning in");

        // a token left open at the end: jinjava counted the line after it, its message the right one
        site.write("templates/part.html", "<p>\n{{ post.title\n");
        error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message())
                .isEqualTo("posts/odd.md: template part.html:2: Unclosed token");
        assertThat(dir.resolve("markout/odd/index.html")).doesNotExist();
    }

    @Test
    void configurationTablesHaveDictMethodsWhereverTheyAreReached() throws Exception {
        // markata's default post template: {% for text, link in config.get('nav', {}).items() %}
        Site site = blog().write("markata.toml", """
                        [markata.nav]
                        Home = "/"
                        "All Posts" = "/archive/"
                        """)
                .write("templates/post.html", "{% for text, link in config.get('nav', {}).items() %}{{ text }}={{ link }};"
                        + "{% endfor %}|{% for k, v in config.get('missing', {}).items() %}x{% endfor %}|"
                        + "{{ markata.config.get('nav').keys()|join(',') }}");
        build(Map.of());
        assertThat(site.read("markout/second/index.html")).isEqualTo("Home=/;All Posts=/archive/;||Home,All Posts");
    }

    @Test
    void templatesCanMapOverPostsAsInMarkata() throws Exception {
        // markata.map(func, filter, sort, reverse=True): markata's way to list posts in templates and jinja posts
        Site site = blog().write("templates/post.html", """
                {% for p in markata.map('post', filter='published', sort='date') %}{{ p.slug }},{% endfor %}
                |{{ markata.map('title', filter="'java' in tags")|join(',') }}
                |{{ markata.map('slug', sort='title', reverse=False)|join(',') }}
                |{{ markata.map('title')|length }}""");
        build(Map.of());
        assertThat(site.read("markout/second/index.html").replace("\n", "").split("\\|")).containsExactly(
                "second,first-post,", "First & Foremost", "draft,first-post,second,untitled-notes-here", "4");

        site.write("templates/post.html", "{{ markata.map('title', filter='published ==') }}");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).startsWith("posts/draft.md: template post.html")
                .contains("markata.map: filter \"published ==\" is not a valid expression at column 13");
    }

    @Test
    void aLoopCanFilterItsItemsAndHaveAnElseAsInJinja() throws Exception {
        // {% for p in posts if p.published %}: jinjava took "posts if p.published" for the list, and looped over
        // nothing; and it rendered a loop's {% else %} part after every item, never for an empty list
        Site site = blog().write("templates/post.html", """
                {% for p in markata.posts|sort(attribute='slug') if p.published %}{{ loop.index }}{{ p.slug }},{% endfor %}
                |{% for p in markata.posts if 'java' in p.tags and p.title != 'x' %}{{ p.slug }}{% else %}none{% endfor %}
                |{% for p in markata.posts if p.title == 'nothing' %}{{ p.slug }}{% else %}none{% endfor %}
                |{% for k, v in {'a': 1, 'b': 2}.items() if v > 1 %}{{ k }}={{ v }}{% endfor %}
                |{% for p in markata.posts %}{{ 'y' if p.published else 'n' }}{% endfor %}
                |{% for t in [] %}{{ t }}{% else %}no tags{% endfor %}
                |{% for t in ['a', 'b'] %}{{ t }}{% else %}no tags{% endfor %}""");
        build(Map.of());
        assertThat(site.read("markout/second/index.html").replace("\n", "").split("\\|")).containsExactly(
                "1first-post,2second,", "first-post", "none", "b=2", "nyyn", "no tags", "ab");
    }

    @Test
    void templateErrorsNameTheLineInTheFile() throws Exception {
        // jinjava counted no line for each newline trim_blocks took after a block tag: this said post.html:3
        String template = "{% if true %}\n<p>a</p>\n{% endif %}\n{% for x in [1] %}\n{{ x }}\n{% endfor %}\n"
                + "{# a comment #}\n{{ post.title|titel }}\n";
        Site site = new Site(dir).post("posts/a.md", "title: A", "x").write("templates/post.html", template);
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).startsWith("posts/a.md: template post.html:8: ");

        // and the newline after a block tag is still taken, as Jinja's trim_blocks does (CRLF too)
        site.write("templates/post.html", template.replace("{{ post.title|titel }}\n", "")
                + "{% raw %}\n{% if %}\n{% endraw %}\r\n<p>b</p>\r\n{% if true %}\r\nc{% endif %}\r\n");
        build(Map.of());
        assertThat(site.read("markout/a/index.html")).isEqualTo("<p>a</p>\n1\n{% if %}\n<p>b</p>\r\nc");
    }

    @Test
    void textHasPythonsStringMethods() throws Exception {
        // Jinja templates call Python's str methods; jinjava gave text only Java's, so
        // post.title.startswith('x') failed and 'a.b'.split('.') was an empty Java array
        Site site = blog().write("templates/post.html", """
                {{ post.title.startswith('Sec') }} {{ post.title.endswith('x') }} {{ post.title.lower() }} \
                {{ post.title.upper() }} {{ 'a.b.c'.split('.') }} {{ 'a.b.c'.split('.', 1)|join('|') }} \
                {{ ' a  b '.split()|length }} {{ '--x--'.strip('-') }} {{ '  x '.lstrip() }}. {{ 'x  '.rstrip() }}. \
                {{ 'hello world'.title() }} {{ 'hello'.capitalize() }} {{ 'banana'.count('a') }} \
                {{ 'banana'.find('n') }} {{ ', '.join(['a', 'b']) }} {{ '2024'.isdigit() }} {{ 'a.b'.replace('.', '/') }}""");
        build(Map.of());
        // printed as Jinja2 prints them: True, ['a', 'b', 'c']
        assertThat(site.read("markout/second/index.html")).isEqualTo(
                "True False second SECOND ['a', 'b', 'c'] a|b.c 2 x x . x. Hello World Hello 3 2 a, b True a/b");
    }

    @Test
    void anErrorInAJinjaPostNamesTheLineOfTheFile() {
        // the line was counted from the end of the front matter: this said posts/j.md:4
        new Site(dir).write("posts/j.md", "---\ntitle: J\njinja: true\ndescription: d\n---\n\nline 7\n\n"
                + "{{ post.title|titel }}\n");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message())
                .isEqualTo("posts/j.md: template posts/j.md:9: unknown filter titel; did you mean title?");
    }

    @Test
    void aMissingTemplateNamesThePostAndTheTemplate() {
        new Site(dir).post("posts/odd.md", "title: Odd\ntemplate: fancy.html", "x");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().pluginId()).isEqualTo("markata.plugins.post_template");
        assertThat(error.failure().problems().get(0).message()).startsWith("posts/odd.md: template \"fancy.html\" is in neither");
    }

    @Test
    void aTemplateIncludedByItsPathInTheSiteSaysHowToNameIt() {
        // markata's blog starter suggests post_template = "pages/templates/post_template.html": markata
        // reads the page template by that path (OtherAuthorsSitesTest), but what it includes is
        // looked up in the template folders only
        new Site(dir).post("posts/a.md", "title: A", "x")
                .write("pages/templates/post_template.html", "<p>{% include 'pages/templates/nav.html' %}{{ body }}</p>")
                .write("pages/templates/nav.html", "<nav></nav>")
                .write("markata.toml", "[markata]\npost_template = \"pages/templates/post_template.html\"\n");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).isEqualTo("posts/a.md: template"
                + " pages/templates/post_template.html:1: template \"pages/templates/nav.html\" is a file of the site,"
                + " but templates are named from templates_dir (" + dir.resolve("templates") + "): set templates_dir ="
                + " \"pages/templates\" and name it \"nav.html\", or move it into templates_dir");
    }

    /**
     * {@code {{ post.title }} with one brace missing: jinjava reads on to the end of the file
     * and reports "Missing end tag: endblock", pointing at a block that is closed. The line that
     * opens {{ and does not close it is named.
     */
    @Test
    void anExpressionLeftOpenNamesItsLine() {
        new Site(dir).post("posts/a.md", "title: A", "x").write("templates/post.html",
                "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ post.title | upper }</h1>\n{% endblock %}\n");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).startsWith("posts/a.md: template post.html:")
                .endsWith("; line 3 opens {{ and does not close it with }} on that line");
    }

    @Test
    void aMissingIncludedTemplateNamesTheLineAndWhereItWasLookedFor() {
        new Site(dir).post("posts/a.md", "title: A", "x")
                .write("templates/post.html", "<main>\n{% include \"partials/nav.html\" %}\n</main>");
        BuildException error = catchThrowableOfType(BuildException.class, () -> build(Map.of()));
        assertThat(error.failure().problems().get(0).message()).isEqualTo("posts/a.md: template post.html:2: template"
                + " \"partials/nav.html\" is in neither " + dir.resolve("templates") + " nor the built-in theme");
    }

    @Test
    void parallelBuildsWriteExactlyWhatSerialBuildsWrite() throws Exception {
        Site site = new Site(dir);
        for (int i = 0; i < 60; i++) {
            site.post("posts/post-" + i + ".md", "title: Post " + i + "\ndate: 2023-" + (1 + i % 12) + "-" + (1 + i % 28)
                    + "\npublished: " + (i % 3 != 0) + "\ntags: [t" + (i % 5) + "]",
                    "# Part " + i + "\n\n| a | b |\n|---|---|\n| " + i + " | x |\n\n```\ncode " + i + "\n```\n");
        }
        build(Map.of("MARKATA_WORKERS", "1", "MARKATA_OUTPUT_DIR", "serial"));
        build(Map.of("MARKATA_WORKERS", "8", "MARKATA_OUTPUT_DIR", "parallel"));
        // 60 posts, the archive feed (page, partial, rss, atom, sitemap) as home page, root rss/atom, rss.xsl,
        // sitemap, markata.json, 404.html (didyoumean), highlight.css
        assertThat(tree(dir.resolve("parallel"))).isEqualTo(tree(dir.resolve("serial"))).hasSize(73);
    }

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void listRunsUpToPreRenderWithoutWriting() throws Exception {
        blog();
        BuildResult result = Markata.builder(dir).environment(Map.of()).reporter(new LifecycleTest.Quiet()).open()
                .run(dev.markata.lifecycle.Stage.PRE_RENDER);
        assertThat(result.posts()).extracting(p -> p.displayTitle())
                .containsExactly("Draft", "First & Foremost", "Second", "Untitled Notes_Here");
        assertThat(dir.resolve("markout")).doesNotExist();
        assertThat(List.of(result.filesWritten())).containsExactly(0L);
    }
}
