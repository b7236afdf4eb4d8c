package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which changed files serve --watch builds for: those a build reads, and nothing else. */
class SiteInputsTest {

    @TempDir
    Path dir;

    private SiteInputs inputs() {
        new Site(dir).write("markata.toml", """
                [markata]
                title = "Inputs"
                [markata.glob]
                glob_patterns = ["posts/**/*.md", "pages/*.md"]
                [[markata.covers]]
                name = "-og"
                template = "art/cover.png"
                font = "fonts/title.ttf"
                """)
                .write(".gitignore", "posts/drafts/\n")
                .post("posts/a.md", "title: A", "a")
                .post("posts/2024/b.md", "title: B", "b")
                .post("pages/about.md", "title: About", "about")
                .write("templates/post.html", "{{ body }}")
                .write("static/style.css", "body {}")
                .write("art/cover.png", "png")
                .write("notes/todo.md", "not a post");
        return SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
    }

    private boolean reads(SiteInputs inputs, String relative) {
        return inputs.reads(dir.resolve(relative), false);
    }

    @Test
    void theFilesABuildReadsAreInputs() {
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "markata.toml")).isTrue();
        assertThat(reads(inputs, "pyproject.toml")).isTrue();
        assertThat(reads(inputs, ".gitignore")).isTrue();
        assertThat(reads(inputs, ".markataignore")).isTrue();
        assertThat(reads(inputs, "posts/a.md")).isTrue();
        assertThat(reads(inputs, "posts/new.md")).as("a post saved for the first time").isTrue();
        assertThat(reads(inputs, "posts/2024/b.md")).isTrue();
        assertThat(reads(inputs, "pages/about.md")).isTrue();
        assertThat(reads(inputs, "templates/post.html")).isTrue();
        assertThat(reads(inputs, "templates/partials/new.html")).isTrue();
        assertThat(reads(inputs, "static/style.css")).isTrue();
        assertThat(reads(inputs, "art/cover.png")).as("named by [[markata.covers]] template").isTrue();
        assertThat(reads(inputs, "fonts/title.ttf")).as("named, though not there yet").isTrue();
    }

    @Test
    void filesNoBuildReadsAreNot() {
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "serve.log")).as("serve --watch | tee serve.log").isFalse();
        assertThat(reads(inputs, "posts/serve.log")).isFalse();
        assertThat(reads(inputs, "posts/.a.md.swp")).as("vim's swap file").isFalse();
        assertThat(reads(inputs, "posts/a.md~")).as("an editor's backup").isFalse();
        assertThat(reads(inputs, "posts/4913")).as("vim's test of the folder").isFalse();
        assertThat(reads(inputs, "notes/todo.md")).as("matches no glob pattern").isFalse();
        assertThat(reads(inputs, "pages/deep/x.md")).as("pages/*.md is one folder deep").isFalse();
        assertThat(reads(inputs, "posts/drafts/c.md")).as("in a folder .gitignore excludes").isFalse();
        assertThat(reads(inputs, ".git/index")).isFalse();
        assertThat(reads(inputs, "markout/a/index.html")).isFalse();
        assertThat(reads(inputs, "markout/posts/a.md")).as("in output_dir, though it matches").isFalse();
        assertThat(reads(inputs, ".markata.cache/load/0")).isFalse();
    }

    @Test
    void anEditorsSwapOrBackupFileInTheTemplatesFolderIsNoInput() {
        // vim rewrites templates/.post.html.swp every few seconds while a template is edited, and
        // each write built the whole site again (re-rendering every page) before it was saved
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "templates/.post.html.swp")).isFalse();
        assertThat(reads(inputs, "templates/partials/.nav.html.swx")).isFalse();
        assertThat(reads(inputs, "templates/post.html~")).isFalse();
        assertThat(reads(inputs, "templates/post.html")).isTrue();
        // assets are copied as they are, hidden ones too (.well-known/, .htaccess)
        assertThat(reads(inputs, "static/.htaccess")).isTrue();
        assertThat(reads(inputs, "static/.well-known/security.txt")).isTrue();
    }

    @Test
    void aFolderIsAnInputWhenItHeldOrHoldsWhatABuildReads() throws Exception {
        SiteInputs inputs = inputs();
        // gone (renamed away, deleted): known only as a watched folder
        assertThat(inputs.reads(dir.resolve("posts/2023"), true)).isTrue();
        assertThat(inputs.reads(dir.resolve("templates"), true)).isTrue();
        assertThat(inputs.reads(dir.resolve("art"), true)).as("held the cover's template").isTrue();
        assertThat(inputs.reads(dir.resolve("logs"), true)).isFalse();
        assertThat(inputs.reads(dir.resolve("posts/drafts"), true)).isFalse();
        // moved in with its files, or made empty
        new Site(dir).post("posts/moved/c.md", "title: C", "c").write("posts/tmp/notes.txt", "x");
        Files.createDirectories(dir.resolve("posts/empty"));
        assertThat(inputs.reads(dir.resolve("posts/moved"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("posts/tmp"), false)).isFalse();
        assertThat(inputs.reads(dir.resolve("posts/empty"), false)).isFalse();
    }

    @Test
    void filesTheConfigurationNamesOutsideTheSiteFolderAreInputs() throws Exception {
        // a redirects file, a cover's template and font, the icon, the service worker's template
        // shared by several sites beside them ("../shared/..."), or a system font by its absolute
        // path: a build reads each, and serve --watch saw none of their edits
        Path site = dir.resolve("site");
        Path font = Files.writeString(dir.resolve("fonts-installed.ttf"), "ttf");
        new Site(site).write("markata.toml", """
                [markata]
                title = "Inputs"
                icon = "../brand/icon.png"
                [markata.nav]
                Archive = "/archive/"
                Feed = "/rss.xml"
                [markata.redirects]
                redirects_file = "../shared/_redirects"
                [markata.service_worker]
                template_file = "../shared/sw/service-worker.js"
                [[markata.covers]]
                name = "-og"
                template = "../brand/cover.png"
                font = "%s"
                """.formatted(font)).post("posts/a.md", "title: A", "a");
        new Site(dir).write("brand/icon.png", "png").write("brand/cover.png", "png").write("shared/_redirects", "/a /b")
                .write("brand/notes.txt", "not named").write("shared/README.md", "not named");
        SiteInputs inputs = SiteInputs.of(site, Map.of(), null, site.resolve("markout"));
        assertThat(inputs.reads(dir.resolve("shared/_redirects"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("brand/cover.png"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("brand/icon.png"), false)).isTrue();
        assertThat(inputs.reads(font, false)).as("named by its absolute path").isTrue();
        assertThat(inputs.reads(dir.resolve("shared/sw/service-worker.js"), false)).as("not there yet").isTrue();
        assertThat(inputs.reads(dir.resolve("shared/sw"), true)).as("a folder that held one").isTrue();
        assertThat(inputs.reads(dir.resolve("brand/notes.txt"), false)).isFalse();
        assertThat(inputs.reads(dir.resolve("shared/README.md"), false)).isFalse();
        // watched where they are (the folder of one not there yet, from the nearest that is)
        assertThat(inputs.outside()).contains(dir.resolve("brand"), dir.resolve("shared"), dir);
        assertThat(inputs.watches(dir.resolve("shared/sw"))).isTrue();
        assertThat(inputs.watches(dir.resolve("elsewhere"))).isFalse();
        // the addresses of pages ("/archive/") are no files: nothing at the file system's root is watched
        assertThat(inputs.outside()).noneMatch(folder -> folder.getParent() == null);
        assertThat(inputs.reads(Path.of("/rss.xml"), false)).isFalse();
    }

    @Test
    void theTemplateFileAPostNamesIsAnInputOnceItWasBuilt() throws Exception {
        // `template: layouts/special.html` in a post's front matter: the page is rendered from
        // that file of the site folder, which no setting names
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Inputs\"\n").post("posts/a.md", "title: A", "a")
                .write("layouts/special.html", "<h1>{{ post.title }}</h1>")
                .post("posts/special.md", "title: Special\ntemplate: layouts/special.html", "s");
        var built = dev.markata.testing.Builds.withoutWarnings(dir);
        SiteInputs inputs = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"), built.posts());
        assertThat(reads(inputs, "layouts/special.html")).isTrue();
        assertThat(inputs.watches(dir.resolve("layouts"))).isTrue();
        assertThat(reads(inputs, "layouts/other.html")).isFalse();
        // kept while the configuration does not load, and while a build fails (no posts to ask)
        new Site(dir).write("markata.toml", "[markata\n");
        assertThat(reads(SiteInputs.of(dir, Map.of(), inputs, dir.resolve("markout"), null), "layouts/special.html"))
                .isTrue();
        new Site(dir).write("markata.toml", "[markata]\n");
        assertThat(reads(SiteInputs.of(dir, Map.of(), inputs, dir.resolve("markout"), null), "layouts/special.html"))
                .isTrue();
    }

    @Test
    void theXmlTemplatesAFeedNamesByPathAreInputs() {
        // markata reads a feed's rss_template, sitemap_template and xsl_template as a file's path
        // from the site folder when the template folders have none of that name
        new Site(dir).write("markata.toml", """
                        [markata]
                        title = "Inputs"
                        [[markata.feeds]]
                        slug = "archive"
                        rss_template = "feeds/rss.xml"
                        sitemap_template = "feeds/sitemap.xml"
                        xsl_template = "feeds/style.xsl"
                        """)
                .post("posts/a.md", "title: A", "a");
        SiteInputs inputs = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        assertThat(reads(inputs, "feeds/rss.xml")).isTrue();
        assertThat(reads(inputs, "feeds/sitemap.xml")).isTrue();
        assertThat(reads(inputs, "feeds/style.xsl")).isTrue();
        assertThat(reads(inputs, "feeds/other.xsl")).isFalse();
    }

    @Test
    void theFilesIncludeRawNamesInTemplatesAndJinjaPostsAreInputs() throws Exception {
        // markata's {% include_raw 'snippets/a.py' %}: a file of the site folder that a template
        // or a jinja: true post shows as it is, which no setting names
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Inputs\"\n")
                .write("templates/post.html", "{{ body }}{% include_raw \"snippets/footer.txt\" %}")
                .write("snippets/footer.txt", "footer").write("snippets/a.py", "print(1)")
                .post("posts/a.md", "title: A\njinja: true", "{%- include_raw 'snippets/a.py' -%}")
                .post("posts/b.md", "title: B", "`{% include_raw 'snippets/b.py' %}` is text here: no jinja");
        SiteInputs inputs = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"),
                dev.markata.Markata.builder(dir).environment(Map.of()).reporter(new dev.markata.testing.Warnings())
                        .open().build().posts());
        assertThat(reads(inputs, "snippets/footer.txt")).isTrue();
        assertThat(reads(inputs, "snippets/a.py")).isTrue();
        assertThat(reads(inputs, "snippets/b.py")).as("not a jinja post: the tag is text").isFalse();
        assertThat(reads(inputs, "snippets/other.txt")).isFalse();
    }

    @Test
    void aConfigurationFileEmptiedWhileABuildRanIsStillEmptiedAfterIt() {
        // serve finds the inputs again after each build: a markata.toml truncated while the build
        // ran was then a site without settings, and the next build took markata's defaults (into
        // markout/, without the site's title)
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Set\"\n");
        SiteInputs before = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        site.write("markata.toml", "");
        SiteInputs after = SiteInputs.of(dir, Map.of(), before, dir.resolve("markout"), List.of());
        assertThat(after.emptiedSettings()).contains(dir.resolve("markata.toml"));
        // deleted, it builds with the defaults, and so does a new empty one after that
        site.delete("markata.toml");
        SiteInputs deleted = SiteInputs.of(dir, Map.of(), after, dir.resolve("markout"), List.of());
        site.write("markata.toml", "");
        assertThat(deleted.emptiedSettings()).isEmpty();
    }

    @Test
    void aConfigurationFileThatSetsNothingNowIsEmptiedOnlyWhereItSetSomething() {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Set\"\n");
        SiteInputs set = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        assertThat(set.emptiedSettings()).isEmpty();
        site.write("markata.toml", "");
        assertThat(set.emptiedSettings()).as("truncated mid-save").contains(dir.resolve("markata.toml"));
        site.write("markata.toml", "# the site's settings\n");
        assertThat(set.emptiedSettings()).as("comments written first").contains(dir.resolve("markata.toml"));
        site.write("markata.toml", "[markata]\ntitle = \"unclosed\n");
        assertThat(set.emptiedSettings()).as("not TOML: the build says where").isEmpty();
        site.delete("markata.toml");
        assertThat(set.emptiedSettings()).as("deleted: the defaults, as asked").isEmpty();
        site.write("pyproject.toml", "[tool.markata]\ntitle = \"From pyproject\"\n");
        assertThat(set.emptiedSettings()).as("pyproject.toml's settings now").isEmpty();
        SiteInputs fromPyproject = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        site.write("pyproject.toml", "[project]\nname = \"site\"\n");
        assertThat(fromPyproject.emptiedSettings()).contains(dir.resolve("pyproject.toml"));
        // a site that started with no settings builds with the defaults whatever happens
        SiteInputs none = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        site.write("markata.toml", "");
        assertThat(none.emptiedSettings()).isEmpty();
        assertThat(SiteInputs.of(dir, Map.of("MARKATA_TITLE", "From the environment"), null, dir.resolve("markout"))
                .emptiedSettings()).as("the environment sets no file's settings").isEmpty();
    }

    @Test
    void aNewFolderIsAnInputOnlyWhenItHoldsAFileABuildReads() throws Exception {
        // `mkdir templates/partials` (or a new folder made in an editor's side bar) before the
        // first partial is saved there built the whole site for nothing, and again for the file
        SiteInputs inputs = inputs();
        Files.createDirectories(dir.resolve("templates/partials"));
        Files.createDirectories(dir.resolve("static/img"));
        Files.createDirectories(dir.resolve("templates"));
        new Site(dir).write("templates/drafts/.nav.html.swp", "vim's swap");
        assertThat(inputs.reads(dir.resolve("templates/partials"), false)).isFalse();
        assertThat(inputs.reads(dir.resolve("static/img"), false)).isFalse();
        assertThat(inputs.reads(dir.resolve("templates/drafts"), false)).as("only an editor's file").isFalse();
        new Site(dir).write("templates/partials/nav.html", "<nav></nav>").write("static/img/deep/logo.svg", "<svg/>");
        assertThat(inputs.reads(dir.resolve("templates/partials"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("static/img"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("static"), false)).isTrue();
        // moved in with what the configuration names
        assertThat(inputs.reads(dir.resolve("art"), false)).isTrue();
        // gone: what it held is not known, even where a new one of its name is already there
        // (mv templates/partials templates/old && mkdir templates/partials)
        assertThat(inputs.reads(dir.resolve("templates/old"), true)).isTrue();
        Files.createDirectories(dir.resolve("templates/empty"));
        Files.createDirectories(dir.resolve("posts/empty"));
        assertThat(inputs.reads(dir.resolve("templates/empty"), true)).isTrue();
        assertThat(inputs.reads(dir.resolve("posts/empty"), true)).isTrue();
    }

    @Test
    void foldersThatAreLinksAreFollowedOnlyWhereABuildReadsThroughThem() {
        SiteInputs inputs = inputs();
        assertThat(inputs.followsLink(dir.resolve("templates"))).isTrue();
        assertThat(inputs.followsLink(dir.resolve("templates/shared"))).isTrue();
        assertThat(inputs.followsLink(dir.resolve("static/vendor"))).isTrue();
        assertThat(inputs.followsLink(dir.resolve("art"))).as("on the way to the cover's template").isTrue();
        // the glob follows no link, as Python's pathlib
        assertThat(inputs.followsLink(dir.resolve("posts/linked"))).isFalse();
        assertThat(inputs.followsLink(dir.resolve("vendor"))).isFalse();
    }

    @Test
    void aConfigurationThatDoesNotLoadKeepsTheLastInputs() {
        SiteInputs before = inputs();
        new Site(dir).write("markata.toml", "[markata\n");
        SiteInputs broken = SiteInputs.of(dir, Map.of(), before, dir.resolve("markout"));
        assertThat(reads(broken, "posts/a.md")).isTrue();
        assertThat(reads(broken, "serve.log")).isFalse();
        SiteInputs brokenAtStart = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        assertThat(reads(brokenAtStart, "markata.toml")).as("only its fix can make a build work").isTrue();
        assertThat(reads(brokenAtStart, "serve.log")).isFalse();
    }
}
