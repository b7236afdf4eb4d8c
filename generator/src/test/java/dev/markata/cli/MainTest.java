package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.testing.Plugins;
import dev.markata.testing.Printed;
import dev.markata.testing.RecordingPlugin;
import dev.markata.testing.Site;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RecordingPlugin profiler = new RecordingPlugin("markata.plugins.pyinstrument", Set.of("markata.plugins.profiler"),
                journal, Map.of(Stage.CONFIGURE, Priority.FIRST));
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, Plugins.builtInPlus(profiler));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"CLI\"\n")
                .post("posts/b.md", "title: Bee\ndate: 2024-02-02\npublished: true", "b")
                .post("posts/a.md", "title: Ay\ndate: 2024-01-01", "a");
    }

    @Test
    void buildWritesTheSiteAndExitsZero() {
        site();
        Run run = run("build", "--directory", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(dir.resolve("markout/b/index.html")).exists();
        assertThat(run.err()).contains("built 2 posts into " + dir.toAbsolutePath().resolve("markout"))
                .containsPattern("load +2 tasks");
    }

    @Test
    void aSiteOfOnePostSaysPostNotPosts() {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"CLI\"\n").post("posts/a.md", "title: Ay", "a");
        Run run = run("build", "--directory", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("built 1 post into ");
    }

    @Test
    void oneFileWrittenSaysFileNotFiles() {
        // serve --watch after saving one stylesheet: "built 2 posts (1 files written)"
        site().write("static/site.css", "body {}");
        assertThat(run("build", "-d", dir.toString()).code()).isZero();
        site().write("static/site.css", "body { color: red }");
        Run run = run("build", "-d", dir.toString());
        assertThat(run.err()).contains("(1 file written, ");
    }

    @Test
    void quietPrintsNothingAndVerbosePrintsTheTimingTable() {
        site();
        assertThat(run("build", "-q", "-d", dir.toString()).err()).isEmpty();
        Run verbose = run("build", "--verbose", "-d", dir.toString());
        assertThat(verbose.err()).contains("stage / plugin").contains("  markata.plugins.render_markdown")
                .containsPattern("\\nrender +\\d+\\.\\d");
    }

    @Test
    void aConfigurationErrorExitsTwoWithTheMessageAndWritesNothing() {
        site().write("markata.toml", "[markata]\nhooks = [\"markata.plugins.glbo\"]\n");
        Run run = run("build", "-d", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: markata.toml: [markata] hooks = \"markata.plugins.glbo\": "
                + "no plugin has this name; did you mean markata.plugins.glob?" + System.lineSeparator());
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    /**
     * A template the configuration names that is nowhere is the configuration's mistake, not
     * the build's: it stopped in render (exit 1) after loading every post, with "document
     * posts/a.md" as if the post were wrong. It stops before any work, with where templates are
     * looked for and the closest name there is.
     */
    @Test
    void aPostTemplateThatIsNowhereIsAConfigurationErrorWithTheClosestName() {
        site().write("markata.toml", "[markata]\npost_template = \"psot.html\"\n")
                .write("templates/my_post.html", "{% extends \"base.html\" %}");
        Run run = run("build", "-d", dir.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: markata.toml: [markata] post_template = \"psot.html\": no template"
                + " \"psot.html\" in templates_dir (" + dir.resolve("templates") + ") nor in the built-in theme;"
                + " did you mean post.html?" + System.lineSeparator());
        assertThat(dir.resolve("markout")).doesNotExist();

        site().write("markata.toml", "[markata]\npost_template = {index = \"post.html\", og = \"my-post.html\"}\n")
                .write("templates/my_post.html", "{% extends \"base.html\" %}");
        Run table = run("build", "-d", dir.toString());
        assertThat(table.code()).as(table.err()).isEqualTo(2);
        assertThat(table.err()).contains("post_template = {").contains("no template \"my-post.html\"")
                .contains("did you mean my_post.html?");

        site().write("markata.toml", "[markata]\npost_template = \"my_post.html\"\n");
        assertThat(run("build", "-d", dir.toString()).code()).as("a template of the site's").isZero();
    }

    @Test
    void aBrokenPostExitsOneNamingFileAndLineWithoutAStackTrace() {
        site().post("posts/bad.md", "title: x\ndate: soon", "x");
        Run run = run("build", "-d", dir.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: build failed in stage load, plugin markata.plugins.load, document posts/bad.md:")
                .contains("posts/bad.md:3: front matter date = soon: must be a date like 2024-05-01")
                .doesNotContain("\tat ");
    }

    @Test
    void aLikelyTypoIsAWarningAndAMarkataOnlyPluginIsSkippedButTheSiteBuilds() {
        site().write("markata.toml", "[markata]\ntitel = \"x\"\nhooks = [\"default\", \"markata.plugins.docs\"]\n"
                + "[markata.glob]\nglob_pattern = [\"posts/*.md\"]\n");
        Run run = run("build", "-q", "-d", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err().lines()).containsExactlyInAnyOrder(
                "warning: markata.toml: [markata] hooks: markata.plugins.docs is skipped: it documents Python modules",
                "warning: markata.toml: [markata] titel is not a key markata knows here; did you mean title?",
                "warning: markata.toml: [markata.glob] glob_pattern is not a key markata knows here; "
                        + "did you mean glob_patterns?");
        assertThat(dir.resolve("markout/a/index.html")).exists();
    }

    @Test
    void aBadOptionIsAUsageError() {
        Run run = run("build", "--no-such-option");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void profileAndNoProfileForceTheProfilerPlugin() {
        site();
        assertThat(run("build", "--profile", "-q", "-d", dir.toString()).code()).isZero();
        assertThat(journal).containsExactly("configure:markata.plugins.pyinstrument");
        journal.clear();
        site().write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.profiler\"]\n");
        assertThat(run("build", "--no-profile", "-q", "-d", dir.toString()).code()).isZero();
        assertThat(journal).isEmpty();
        assertThat(run("build", "-q", "-d", dir.toString()).code()).isZero();
        assertThat(journal).containsExactly("configure:markata.plugins.pyinstrument");
    }

    @Test
    void listShowsSlugTitleAndDate() {
        site();
        Run run = run("list", "-d", dir.toString());
        assertThat(run.code()).isZero();
        // published: a draft is why a post is missing from the home page
        assertThat(run.out().lines()).containsExactly("slug  title  date        published",
                "a     Ay     2024-01-01  false", "b     Bee    2024-02-02  true");
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void listCutsLongTitlesSoEachPostStaysOnALine() {
        // one 1,600-character title made every row as wide, the dates far off screen
        site().post("posts/long.md", "title: " + "Very long title ".repeat(100).strip() + "\ndate: 2024-03-03", "l");
        Run run = run("list", "-d", dir.toString());
        assertThat(run.out().lines()).hasSize(4).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(90));
        assertThat(run.out().lines()).contains("long  " + ("Very long title ".repeat(4) + "Very long ").substring(0, 57)
                + "...  2024-03-03  false");
    }

    @Test
    void cleanRemovesOutputAndCacheAndDryRunOnlyTells() throws Exception {
        site();
        run("build", "-q", "-d", dir.toString());
        Files.createDirectories(dir.resolve(".markata.cache"));
        Run dry = run("clean", "--dry-run", "-d", dir.toString());
        assertThat(dry.out()).contains("would remove " + dir.toAbsolutePath().resolve("markout"))
                .contains("would remove " + dir.toAbsolutePath().resolve(".markata.cache"));
        assertThat(dir.resolve("markout")).exists();
        assertThat(run("clean", "-d", dir.toString()).code()).isZero();
        assertThat(dir.resolve("markout")).doesNotExist();
        assertThat(dir.resolve(".markata.cache")).doesNotExist();
        assertThat(dir.resolve("posts/a.md")).exists();
        Run nothing = run("clean", "-d", dir.toString());
        assertThat(nothing.code()).isZero();
        assertThat(nothing.out()).as("a clean that found nothing said nothing").isEqualTo("nothing to remove: "
                + dir.toAbsolutePath().resolve("markout") + " and " + dir.toAbsolutePath().resolve(".markata.cache")
                + " do not exist" + System.lineSeparator());
        Run inside = run("clean", "-d", dir.resolve("posts").toString());
        assertThat(inside.err()).as("clean run in the site's posts/").isEqualTo("warning: no markata.toml in "
                + dir.resolve("posts") + ", so markata's defaults apply (every **/*.md under it); " + dir + " has one:"
                + " to build that site, give --directory " + dir + System.lineSeparator());
    }

    @Test
    void cleanOfAnOutputFolderThatIsAssetsDirRemovesOnlyWhatBuildsWroteThere() throws Exception {
        // image sites write their pages beside their images (output_dir = assets_dir): removing the
        // folder, as markata's clean does, deletes the images
        site().write("markata.toml", "[markata]\noutput_dir = \"static\"\n").write("static/cat.jpg", "a cat");
        assertThat(run("build", "-q", "-d", dir.toString()).code()).isZero();
        assertThat(dir.resolve("static/a/index.html")).exists();
        Run dry = run("clean", "--dry-run", "-d", dir.toString());
        assertThat(dry.out()).contains("would remove the files builds wrote to " + dir.toAbsolutePath().resolve("static")
                + ", which is also assets_dir");
        assertThat(dir.resolve("static/a/index.html")).exists();
        assertThat(run("clean", "-d", dir.toString()).code()).isZero();
        assertThat(dir.resolve("static/a/index.html")).doesNotExist();
        assertThat(dir.resolve("static/a")).doesNotExist();
        assertThat(dir.resolve("static/cat.jpg")).hasContent("a cat");
        assertThat(dir.resolve(".markata.cache")).doesNotExist();
    }

    @Test
    void cleanKeepsTheFilesInOutputDirThatNoBuildWrote() throws Exception {
        // output_dir = "../shared" (or "/home/me", another site's folder): clean removed the
        // folder whole, with the author's files that were there before any build
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\noutput_dir = \"../shared\"\n")
                .post("posts/a.md", "title: Ay", "a");
        new Site(dir).write("shared/thesis.txt", "years of work").write("shared/notes/todo.txt", "call mum");
        Run build = run("build", "-d", site.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(dir.resolve("shared/a/index.html")).exists();
        Path shared = site.toAbsolutePath().resolve("../shared").normalize();

        Run dry = run("clean", "--dry-run", "-d", site.toString());
        assertThat(dry.code()).isZero();
        assertThat(dry.out()).contains("would remove the files builds wrote to " + shared
                + " and keep 2 files no build of markata-java wrote there: notes/todo.txt, thesis.txt");
        assertThat(dir.resolve("shared/a/index.html")).exists();

        Run clean = run("clean", "-d", site.toString());
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).containsPattern("removed \\d+ files builds wrote to " + java.util.regex.Pattern.quote(shared.toString()));
        assertThat(clean.err()).contains("warning: kept 2 files in " + shared + " that no build of markata-java"
                + " wrote (notes/todo.txt, thesis.txt): they may be yours; remove the folder yourself if not");
        assertThat(dir.resolve("shared/thesis.txt")).hasContent("years of work");
        assertThat(dir.resolve("shared/notes/todo.txt")).hasContent("call mum");
        assertThat(dir.resolve("shared/a")).doesNotExist();
        assertThat(dir.resolve("shared/index.html")).doesNotExist();
        assertThat(site.resolve(".markata.cache")).doesNotExist();
    }

    @Test
    void cleanWithoutARecordOfTheBuildsFilesRemovesNothingFromOutputDir() throws Exception {
        // the cache deleted by hand (or a folder a Python build wrote): nothing tells which files
        // are markata-java's, so none is taken for it
        site();
        assertThat(run("build", "-q", "-d", dir.toString()).code()).isZero();
        dev.markata.content.CacheDir.deleteTree(dir.resolve(".markata.cache"));
        Files.writeString(dir.resolve("markout/CNAME"), "example.com");
        Run clean = run("clean", "-d", dir.toString());
        assertThat(clean.code()).isZero();
        assertThat(clean.err()).contains("warning: kept ").contains(" files in " + dir.toAbsolutePath().resolve("markout")
                + " that no build of markata-java wrote (").contains("CNAME");
        assertThat(dir.resolve("markout/CNAME")).exists();
        assertThat(dir.resolve("markout/a/index.html")).exists();
    }

    @Test
    void cleanRemovesWhatABuildKilledHalfwayLeft() throws Exception {
        // a build killed (SIGKILL, a power cut) leaves the temporary file of the page it was writing
        site();
        assertThat(run("build", "-q", "-d", dir.toString()).code()).isZero();
        Files.writeString(dir.resolve("markout/a/.index.html.3f2a9c01d4e5b6a7.tmp"), "<html><bo");
        Run clean = run("clean", "-d", dir.toString());
        assertThat(clean.code()).isZero();
        assertThat(clean.err()).doesNotContain("kept");
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorBeforeAnyBuild() {
        site();
        for (String port : List.of("99999", "-1")) {
            Run serve = run("serve", "--port", port, "-d", dir.toString());
            assertThat(serve.code()).as(serve.err()).isEqualTo(2);
            assertThat(serve.err()).isEqualTo("error: --port " + port + ": must be a port number from 1 to 65535"
                    + " (0: any free port)" + System.lineSeparator());
            assertThat(dir.resolve("markout")).doesNotExist();
        }
    }

    @Test
    void statsJsonNamingAFolderIsAUsageErrorBeforeTheBuild() {
        site();
        Run build = run("build", "--stats-json", dir.toString(), "-d", dir.toString());
        assertThat(build.code()).isEqualTo(2);
        assertThat(build.err()).isEqualTo("error: --stats-json " + dir + ": is a folder; give the file to write, like "
                + dir.resolve("build-stats.json") + System.lineSeparator());
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void anEmptyDirectoryIsAnErrorNotTheCurrentFolder() {
        // --directory "$SITE" with SITE unset built every Markdown file under the current folder
        Run build = run("build", "--directory", "");
        assertThat(build.code()).isEqualTo(2);
        assertThat(build.err()).isEqualTo("error: the site folder is empty text (--directory \"\"): give the site's"
                + " folder, . for the current one" + System.lineSeparator());
    }

    @Test
    void newBlogUnderAFileSaysSo() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "notes");
        Run created = run("new", "blog", dir.resolve("notes.txt/site").toString());
        assertThat(created.code()).isEqualTo(2);
        assertThat(created.err()).isEqualTo("error: " + dir.resolve("notes.txt/site") + " cannot be made: "
                + dir.resolve("notes.txt") + " is a file, not a folder; nothing was written" + System.lineSeparator());
    }

    @Test
    void listNeitherProfilesNorWritesAReport() {
        // a site with the profiler in its hooks (the example blog): list printed a whole profile
        // summary after the posts and wrote markout/_profile/, a listing writing into the site
        site().write("markata.toml", "[markata]\nhooks = [\"default\", \"markata.plugins.pyinstrument\"]\n");
        Run list = run("list", "-d", dir.toString());
        assertThat(list.code()).isZero();
        assertThat(journal).as("the profiler plugin ran").isEmpty();
    }

    @Test
    void newPostWherePostsIsAFileSaysSo() throws Exception {
        site();
        dev.markata.content.CacheDir.deleteTree(dir.resolve("posts"));
        Files.writeString(dir.resolve("posts"), "not a folder");
        Run post = run("new", "post", "Hello", "-d", dir.toString());
        assertThat(post.code()).isEqualTo(2);
        assertThat(post.err()).isEqualTo("error: " + dir.resolve("posts") + " is a file, not a folder: the post"
                + " cannot go there; nothing was written" + System.lineSeparator());
    }

    @Test
    void newPostInASiteWhoseConfigurationDoesNotLoadSaysWhy() {
        site().write("markata.toml", "[markata\n");
        Run post = run("new", "post", "Hello", "-d", dir.toString());
        assertThat(post.code()).isZero();
        assertThat(post.err()).contains("warning: markata.toml:1:9: Unexpected end of line, expected ] (not valid TOML);"
                + " the post went to posts/, where builds of the default glob_patterns read it");
    }

    @Test
    void cleanWaitsForABuildOfTheSiteToEnd() throws Exception {
        // clean while serve --watch builds: the build went on writing into the folders clean removed
        site();
        assertThat(run("build", "-q", "-d", dir.toString()).code()).isZero();
        java.util.concurrent.CompletableFuture<Run> clean;
        try (var building = dev.markata.content.BuildLock.acquire(dir.resolve(".markata.cache"), dir, said -> { })) {
            clean = java.util.concurrent.CompletableFuture.supplyAsync(() -> run("clean", "-d", dir.toString()));
            Thread.sleep(300); // clean has had time to remove the folders, had it not waited
            assertThat(clean).isNotDone();
            assertThat(dir.resolve("markout/a/index.html")).exists();
        }
        Run done = clean.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(done.code()).isZero();
        assertThat(done.err()).contains("waiting for another build of " + dir.toAbsolutePath());
        assertThat(dir.resolve("markout")).doesNotExist();
    }

    @Test
    void cleanRefusesAnOutputFolderHoldingMarkdown() throws Exception {
        // output_dir = "posts": the build ignored every post there, and clean deleted them
        site().write("markata.toml", "[markata]\noutput_dir = \"posts\"\n");
        Run clean = run("clean", "-d", dir.toString());
        assertThat(clean.code()).isEqualTo(2);
        assertThat(clean.err()).contains("error: " + dir.toAbsolutePath().resolve("posts") + " (output_dir) holds"
                + " documents of glob_patterns, like " + dir.toAbsolutePath().resolve("posts/a.md") + ": it is not a"
                + " built site; nothing was removed");
        assertThat(dir.resolve("posts/a.md")).exists();
        Run build = run("build", "-d", dir.toString());
        assertThat(build.err()).contains("warning: no documents match glob_patterns [\"**/*.md\"] in "
                + dir.toAbsolutePath() + " (hidden folders, output_dir " + dir.toAbsolutePath().resolve("posts")
                + " and ignored files are not read)");

        site().write("markata.toml", "[markata]\noutput_dir = \"posts\"\n[markata.glob]\nglob_patterns = [\"posts/*.md\"]\n");
        build = run("build", "-d", dir.toString());
        assertThat(build.code()).isEqualTo(2);
        assertThat(build.err()).contains("error: markata.toml: [markata] output_dir = \"posts\": holds the documents"
                + " of glob pattern \"posts/*.md\", and the build never reads its output folder: choose a folder of"
                + " its own, like \"markout\"");
    }

    @Test
    void aSiteWithoutDocumentsBuildsWithAWarning() {
        // a new site, or posts in a folder that is a symbolic link (the glob follows none, as
        // Python's pathlib): the build failed in load with a bare NullPointerException
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"Empty\"\n");
        Run build = run("build", "-d", dir.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.err()).contains("warning: no documents match glob_patterns");
        assertThat(dir.resolve("markout/index.html")).exists();
        assertThat(run("list", "-d", dir.toString()).code()).isZero();
    }

    @Test
    void serveWatchRebuildsForAnEditSavedWhileItsFirstBuildRan() throws Exception {
        // a big site's first build takes seconds: a post saved meanwhile was never rebuilt, as the
        // folders were watched only once that build was done
        site().write("markata.toml", "[markata]\nhooks = [\"default\", \"test.author\"]\n");
        java.util.concurrent.atomic.AtomicBoolean edited = new java.util.concurrent.atomic.AtomicBoolean();
        RecordingPlugin author = new RecordingPlugin("test.author", Collections.synchronizedList(new ArrayList<>()),
                Map.of(Stage.RENDER, Priority.NORMAL)).onStage((stage, context) -> {
                    if (edited.compareAndSet(false, true)) {
                        site().post("posts/a.md", "title: Saved meanwhile\ndate: 2024-01-01", "a");
                    }
                });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus(author));
        try {
            Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!Files.readString(dir.resolve("markout/a/index.html")).contains("Saved meanwhile")
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(dir.resolve("markout/a/index.html"))).contains("Saved meanwhile");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchStartsWithABrokenPostAndBuildsOnceItIsFixed() throws Exception {
        // serve --watch exited when the first build failed: no way to fix the post while watching
        site().post("posts/a.md", "title: [unclosed", "a");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("posts/a.md:2: front matter is not valid YAML");
            site().post("posts/a.md", "title: Fixed", "a");
            assertThat(statusOnceServed(port.group(1), "/a/")).isEqualTo(200);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchStartsWithABrokenConfigurationAndBuildsOnceItIsFixed() throws Exception {
        // serve --watch exited 2 when markata.toml was broken at its start, where a broken post
        // waits for the fix: the author had to start it again after every slip in the config
        site().write("markata.toml", "[markata]\ntitle = \"CLI\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("markata.toml:2", "not valid TOML", "saving a fix rebuilds");
            new Site(dir).write("markata.toml", "[markata]\ntitle = \"CLI\"\n");
            assertThat(statusOnceServed(port.group(1), "/a/")).isEqualTo(200);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchServesTheNewOutputFolderWhenOutputDirChanges() throws Exception {
        // output_dir changed while serving: the server went on serving the old folder (no edit
        // showed any more), and watched the new one as sources, so each build's own pages there
        // started another build (with the profiler on, 118 builds in 40 s, for ever)
        site();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            new Site(dir).write("markata.toml", "[markata]\ntitle = \"CLI\"\noutput_dir = \"public\"\n");
            Printed.waitFor(err, "(?s)built .*built ");
            new Site(dir).post("posts/a.md", "title: Edited after the move\ndate: 2024-01-01", "a");
            assertThat(bodyOnceServed(port.group(1), "/a/", "Edited after the move")).contains("Edited after the move");
            assertThat(dir.resolve("public/a/index.html")).exists();
            // three builds: the first, the configuration's, the post's; none for the pages they wrote
            // (pages are served while their build runs: its line comes after)
            Printed.waitFor(err, "(?s)built .*built .*built ");
            Thread.sleep(2000);
            assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("built ")))
                    .hasSize(3);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchBuildsAgainWhenItsOutputFolderIsRemoved() throws Exception {
        // `markata clean` (or rm -rf markout) while serve --watch runs: every page was a 404 until
        // the author saved a post, as changes in the output folder are never the site's
        site();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(statusOnceServed(port.group(1), "/a/")).isEqualTo(200);
            assertThat(run("clean", "-d", dir.toString()).code()).isZero();
            Printed.waitFor(err, "(?s)built .*built ");
            assertThat(statusOnceServed(port.group(1), "/a/")).isEqualTo(200);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchKeepsServingWhileItsSiteFolderIsMovedAwayAndBuildsOnceItIsBack() throws Exception {
        // the site folder renamed while serve --watch ran (and edited there): serve stopped with
        // "error: unexpected java.nio.file.NoSuchFileException: /tmp/.../site"
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\ntitle = \"CLI\"\n").post("posts/a.md", "title: Ay", "a");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(site, err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            Path moved = dir.resolve("moved");
            Files.move(site, moved);
            new Site(moved).post("posts/a.md", "title: Edited while moved", "a");
            Printed.waitFor(err, "is gone");
            Thread.sleep(1000);
            assertThat(serving.isAlive()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("unexpected");
            Files.move(moved, site);
            new Site(site).post("posts/a.md", "title: Back home", "a");
            assertThat(bodyOnceServed(port.group(1), "/a/", "Back home")).as(err.toString(StandardCharsets.UTF_8))
                    .contains("Back home");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchBuildsForATemplateInATemplatesFolderBesideTheSite() throws Exception {
        // templates_dir = "../theme", shared by several sites: only the site folder was watched,
        // and a template saved there showed only after the author saved a post
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\ntitle = \"CLI\"\ntemplates_dir = \"../theme\"\n")
                .post("posts/a.md", "title: Ay", "a");
        new Site(dir).write("theme/post.html", "<p>first theme {{ post.title }}</p>");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(site, err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(bodyOnceServed(port.group(1), "/a/", "first theme Ay")).contains("first theme Ay");
            new Site(dir).write("theme/post.html", "<p>second theme {{ post.title }}</p>");
            assertThat(bodyOnceServed(port.group(1), "/a/", "second theme Ay")).as(err.toString(StandardCharsets.UTF_8))
                    .contains("second theme Ay");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchBuildsForAFileTheConfigurationNamesOutsideTheSite() throws Exception {
        // redirects_file = "../shared/_redirects", kept beside several sites: a rule added there
        // showed only after the author saved a post, as only the site folder was watched
        Path site = dir.resolve("site");
        new Site(site).write("markata.toml", "[markata]\ntitle = \"CLI\"\n[markata.redirects]\n"
                + "redirects_file = \"../shared/_redirects\"\n").post("posts/a.md", "title: Ay", "a");
        new Site(dir).write("shared/_redirects", "/old /a/\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(site, err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(statusOnceServed(port.group(1), "/old/")).isEqualTo(200);
            new Site(dir).write("shared/_redirects", "/old /a/\n/older /a/\n");
            assertThat(statusOnceServed(port.group(1), "/older/")).as(err.toString(StandardCharsets.UTF_8))
                    .isEqualTo(200);
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchBuildsForTheTemplateFileAPostNamesInItsFrontMatter() throws Exception {
        // a post with `template: layouts/special.html` (a file of the site folder, outside
        // templates_dir, as markata reads it): its page showed an edit of that file only after
        // the author saved a post, as nothing in the configuration names it
        site().write("layouts/special.html", "<h1>first layout {{ post.title }}</h1>")
                .post("posts/special.md", "title: Special\ndate: 2024-03-03\ntemplate: layouts/special.html", "s");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(bodyOnceServed(port.group(1), "/special/", "first layout Special")).contains("first layout");
            new Site(dir).write("layouts/special.html", "<h1>second layout {{ post.title }}</h1>");
            assertThat(bodyOnceServed(port.group(1), "/special/", "second layout Special"))
                    .as(err.toString(StandardCharsets.UTF_8)).contains("second layout Special");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchNeverBuildsWithTheDefaultsWhileMarkataTomlIsEmptyMidSave() throws Exception {
        // an editor that truncates markata.toml, then writes it a moment later (more than the
        // 200 ms serve waits for the rest of a save): serve built the site with markata's defaults
        // in between, into markout/ with the default title, before the author's own settings
        String config = "[markata]\ntitle = \"Settings %s\"\noutput_dir = \"public\"\n";
        site().write("markata.toml", config.formatted("one"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            Files.writeString(dir.resolve("markata.toml"), "");
            Thread.sleep(700); // the editor's pause between truncating and writing
            Files.writeString(dir.resolve("markata.toml"), config.formatted("two"));
            assertThat(bodyOnceServed(port.group(1), "/", "Settings two")).contains("Settings two");
            assertThat(dir.resolve("markout")).as(err.toString(StandardCharsets.UTF_8)).doesNotExist();

            // left empty: serve says why it does not build, also when a post is saved meanwhile
            Files.writeString(dir.resolve("markata.toml"), "# settings to come\n");
            Printed.waitFor(err, "markata.toml sets nothing now");
            new Site(dir).post("posts/a.md", "title: Ay, edited\ndate: 2024-01-01", "a");
            Printed.waitFor(err, "(?s)markata.toml sets nothing now.*markata.toml sets nothing now");
            assertThat(dir.resolve("markout")).as(err.toString(StandardCharsets.UTF_8)).doesNotExist();
            Files.writeString(dir.resolve("markata.toml"), config.formatted("three"));
            assertThat(bodyOnceServed(port.group(1), "/a/", "Ay, edited")).contains("Settings three");
            assertThat(dir.resolve("markout")).doesNotExist();
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    @Test
    void serveWatchBuildsOnceForADeletedPostToRemoveItsPageAndListings() throws Exception {
        // the build a deletion starts looks needless (nothing to render) but is the one that
        // removes the post's page and takes it out of the home page, feeds and sitemap
        site();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread serving = serveWatch(err, Plugins.builtInPlus());
        try {
            java.util.regex.Matcher port = Printed.waitFor(err, "on http://127\\.0\\.0\\.1:(\\d+)/");
            assertThat(statusOnceServed(port.group(1), "/b/")).isEqualTo(200);
            Files.delete(dir.resolve("posts/b.md"));
            Printed.waitFor(err, "(?s)built .*built 1 post ");
            assertThat(dir.resolve("markout/b/index.html")).doesNotExist();
            assertThat(Files.readString(dir.resolve("markout/index.html"))).doesNotContain("Bee");
            assertThat(Files.readString(dir.resolve("markout/sitemap.xml"))).doesNotContain("/b/");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
    }

    /** The status of {@code path} on the local server once it is 200, or after 30 s of asking. */
    private static int statusOnceServed(String port, String path) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI page = java.net.URI.create("http://127.0.0.1:" + port + path);
        long deadline = System.nanoTime() + 30_000_000_000L;
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = http.send(java.net.http.HttpRequest.newBuilder(page).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status;
    }

    /** The body of {@code path} on the local server once it contains {@code text}, or after 30 s of asking. */
    private static String bodyOnceServed(String port, String path, String text) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI page = java.net.URI.create("http://127.0.0.1:" + port + path);
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = "";
        while (!body.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            body = http.send(java.net.http.HttpRequest.newBuilder(page).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
        return body;
    }

    /** Starts {@code serve --watch} of the test's site on a free port in a thread, its messages into {@code err}. */
    private Thread serveWatch(ByteArrayOutputStream err, dev.markata.Markata.PluginSource plugins) {
        return serveWatch(dir, err, plugins);
    }

    /** Starts {@code serve --watch} of {@code site} on a free port in a thread, its messages into {@code err}. */
    private static Thread serveWatch(Path site, ByteArrayOutputStream err, dev.markata.Markata.PluginSource plugins) {
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        Thread serving = new Thread(() -> Main.run(new String[] {"serve", "--watch", "--port", "0", "-d", site.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errors, Map.of(), false,
                plugins));
        serving.start();
        return serving;
    }

    @Test
    void newPostWritesAPostThatBuildsAndRefusesToOverwrite() throws Exception {
        site();
        Run run = run("new", "post", "Hello, \"World\"!", "-d", dir.toString());
        assertThat(run.code()).isZero();
        Path post = dir.resolve("posts/hello-world.md");
        assertThat(Files.readString(post)).startsWith("---\ntitle: \"Hello, \\\"World\\\"!\"\ndate: " + LocalDate.now());
        assertThat(run("list", "-d", dir.toString()).out()).contains("hello-world  Hello, \"World\"!");
        Run again = run("new", "post", "Hello World", "-d", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aTitleInAnotherScriptMakesAFileNameSpelledInLatinLetters() throws Exception {
        // markata's slugify spells 日本語 ri-ben-yu; this used to fail asking for a Latin title
        site();
        Run run = run("new", "post", "日本語", "-d", dir.toString());
        assertThat(run.code()).isZero();
        Path post = dir.resolve("posts/ri-ben-yu.md");
        assertThat(run.out().strip()).isEqualTo(post.toString());
        assertThat(Files.readString(post)).startsWith("---\ntitle: \"日本語\"\n");
        assertThat(run("list", "-d", dir.toString()).out()).contains("ri-ben-yu  日本語");
    }

    @Test
    void aTitleWithNothingToSpellSaysWhatASlugTakes() {
        site();
        Run run = run("new", "post", "😀 🎉", "-d", dir.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("error: the title \"😀 🎉\" has no letters or digits, in any script, to make"
                + " a file name from; give a title with some and change the title in the post's front matter afterwards");
    }

    @Test
    void configGetOfATableQuotesKeysThatAreNotBare() {
        // { All Posts = "/archive/" } is not TOML
        site().write("markata.toml", "[markata.nav]\nHome = \"/\"\n\"All Posts\" = \"/archive/\"\n");
        Run get = run("config", "get", "nav", "-d", dir.toString());
        assertThat(get.code()).isZero();
        assertThat(get.out().strip()).isEqualTo("{ Home = \"/\", \"All Posts\" = \"/archive/\" }");
    }

    @Test
    void configShowAndGetPrintTheEffectiveConfiguration() {
        site().write("markata.toml", "[markata]\ntitle = \"CLI\"\nextra_key = [1, 2]\n[markata.glob]\nglob_patterns = [\"posts/*.md\"]\n");
        Run show = run("config", "show", "-d", dir.toString());
        assertThat(show.code()).isZero();
        assertThat(show.out()).startsWith("[markata]\nhooks = [\"default\"]\n").contains("title = \"CLI\"\n")
                .contains("output_dir = \"markout\"\n").contains("extra_key = [1, 2]\n")
                .contains("\n[markata.glob]\nglob_patterns = [\"posts/*.md\"]\n");
        assertThat(run("config", "get", "title", "-d", dir.toString()).out()).isEqualTo("CLI" + System.lineSeparator());
        assertThat(run("config", "get", "glob.glob_patterns", "-d", dir.toString()).out().strip()).isEqualTo("[\"posts/*.md\"]");
        assertThat(run("config", "get", "markata.lang", "-d", dir.toString()).out().strip()).isEqualTo("en");
        Run missing = run("config", "get", "titel", "-d", dir.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("error: no key titel in the configuration; did you mean title?");
    }

    /**
     * {@code config} is "the effective configuration": alone it shows it, as {@code config show}
     * does, and a folder given before the subcommand is the folder it reads ({@code config -d DIR
     * get title}); {@code config --directory DIR} said "Unknown options: '--directory'".
     */
    @Test
    void configAloneShowsTheConfigurationAndTakesTheFolderBeforeItsSubcommandToo() {
        site().write("markata.toml", "[markata]\ntitle = \"Bare\"\n");
        String shown = run("config", "show", "-d", dir.toString()).out();
        assertThat(shown).contains("title = \"Bare\"\n");
        for (List<String> args : List.of(List.of("config", "--directory", dir.toString()),
                List.of("config", "-d", dir.toString(), "show"), List.of("config", "-q", "-d", dir.toString()))) {
            Run run = run(args.toArray(String[]::new));
            assertThat(run.code()).as(args.toString()).isZero();
            assertThat(run.out()).as(args.toString()).isEqualTo(shown);
        }
        Run get = run("config", "-d", dir.toString(), "get", "title");
        assertThat(get.code()).as(get.toString()).isZero();
        assertThat(get.out()).isEqualTo("Bare" + System.lineSeparator());

        Run twice = run("config", "-d", dir.toString(), "show", "-d", "elsewhere");
        assertThat(twice.code()).as(twice.toString()).isEqualTo(2);
        assertThat(twice.err()).contains("error: --directory is given twice, to config (" + dir + ") and to config"
                + " show (elsewhere): give it once");
    }

    /** What an unknown name in hooks points to: every plugin, its other names, and which the default set has. */
    @Test
    void listPluginsNamesEveryPluginWithItsAliasesAndWhetherTheDefaultSetHasIt() {
        Run run = run("list", "--plugins", "-d", dir.resolve("no-site-here").toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("plugin +default +also named");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("markata\\.plugins\\.glob +yes *"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .matches("markata\\.plugins\\.pyinstrument +markata\\.plugins\\.profiler"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("markata\\.plugins\\.seo *"));
        assertThat(lines.subList(1, lines.size())).isSorted();
    }

    @Test
    void versionAndHelp() {
        Run version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("markata-java ");
        Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("build").contains("list").contains("clean").contains("new").contains("config")
                .containsPattern("  0 +done\\R").contains("  130   interrupted (Ctrl-C)");
        assertThat(run().code()).isEqualTo(2);
        Run helpBuild = run("help", "build");
        assertThat(helpBuild.code()).isZero();
        assertThat(helpBuild.out()).contains("--directory");
        Run typo = run("biuld");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("build");
    }

    /**
     * -V prints the version of markata, the top command: each subcommand's help listed it too,
     * where {@code markata build -V} printed nothing and exited 0.
     */
    @Test
    void onlyTheTopCommandTakesVersion() {
        List<List<String>> commands = List.of(List.of("build"), List.of("list"), List.of("clean"), List.of("new"),
                List.of("new", "post"), List.of("new", "blog"), List.of("config"), List.of("config", "show"),
                List.of("config", "get"), List.of("serve"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run help = run(args.toArray(String[]::new));
            assertThat(help.code()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("-h, --help")
                    .doesNotContain("--version").doesNotContainPattern("\\[-[a-zA-Z]*V");
        }
        assertThat(run("build", "-V").code()).isEqualTo(2);
        assertThat(run("--help").out()).contains("-V, --version");
        assertThat(run("-V").out()).startsWith("markata-java ");
    }

    /** A run registers only the command it names; every command is reachable by its own name. */
    @Test
    void eachCommandIsRegisteredAloneWhenNamedAndAllOtherwise() {
        List<Object> all = Main.commandsFor(new String[0]);
        assertThat(all).hasSize(7);
        for (Object command : all) {
            String name = new picocli.CommandLine(command).getCommandName();
            if (name.equals("help")) {
                assertThat(Main.commandsFor(new String[] {"help", "build"})).hasSameSizeAs(all);
                continue;
            }
            assertThat(Main.commandsFor(new String[] {name, "--help"})).as(name).singleElement()
                    .hasSameClassAs(command);
        }
        assertThat(Main.commandsFor(new String[] {"--version"})).hasSameSizeAs(all);
    }

    /**
     * {@code markata build mysite}: picocli said "Unmatched argument at index 1" and printed the
     * usage, which never says that the folder goes after --directory.
     */
    @Test
    void aSiteFolderGivenAsAnArgumentSaysToGiveItWithDirectory() {
        site();
        Run build = run("build", dir.toString());
        assertThat(build.code()).isEqualTo(2);
        assertThat(build.err()).isEqualTo("error: markata build takes the site folder as an option: --directory "
                + dir + " (or -d " + dir + ")" + System.lineSeparator());
        assertThat(dir.resolve("markout")).doesNotExist();
        Run spaced = run("list", dir.resolve("my site").toString());
        assertThat(spaced.err()).as("not a folder: the usual message and usage")
                .startsWith("error: Unmatched argument at index 1: '" + dir.resolve("my site") + "'")
                .contains("Usage: markata list");
        assertThat(run("build", "--no-such-option").err()).startsWith("error: Unknown option: '--no-such-option'");
    }

    /**
     * {@code new post -d nosuch} made the folder and posts/ in it without a word: a typo in the
     * site's name, or -d taken for the post's folder, left a post no build reads. -d is the
     * site's folder, which must be there.
     */
    @Test
    void newPostInAFolderThatIsNotThereIsAnErrorThatSaysWhatDirectoryNames() {
        site();
        Path nosuch = dir.resolve("nosuch");
        Run run = run("new", "post", "Hello", "-d", nosuch.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + nosuch + ": no such site folder (-d names the site's folder, not"
                + " the post's: the post goes into the folder the site's glob_patterns read, posts/ by default);"
                + " markata new blog " + nosuch + " makes a new site" + System.lineSeparator());
        assertThat(nosuch).doesNotExist();
        assertThat(run("new", "post", "Hello", "-d", dir.resolve("markata.toml").toString()).err())
                .as("a file").contains("markata.toml: a file, not a site folder (-d names");
    }

    /**
     * {@code new post} in a folder that is no site (no markata.toml: a wrong folder, or before
     * {@code new blog}) wrote posts/ there without a word; builds there use markata's defaults.
     */
    @Test
    void newPostInAFolderWithoutConfigurationSaysSo() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Run run = run("new", "post", "Hello", "-d", plain.toString());
        assertThat(run.code()).isZero();
        assertThat(run.err()).startsWith("warning: " + plain + " has no markata.toml (nor [tool.markata] in a"
                + " pyproject.toml): builds there use markata's defaults; markata new blog makes a site with one"
                + System.lineSeparator());
        assertThat(plain.resolve("posts/hello.md")).exists();
        site();
        assertThat(run("new", "post", "Other", "-d", dir.toString()).err()).doesNotContain("markata.toml");
    }

    /**
     * A new post is a draft: the default home page and the feeds leave it out, so a newcomer's
     * first build showed "No posts yet." with no word about why.
     */
    @Test
    void newPostSaysThePostIsADraftUntilPublished() throws Exception {
        site();
        Run run = run("new", "post", "Hello", "-d", dir + "/.");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(dir.resolve("posts/hello.md") + System.lineSeparator());
        assertThat(run.err()).isEqualTo("posts/hello.md is a draft (published: false): builds make its page, but"
                + " leave it out of the home page and the feeds of published posts until it says published: true"
                + System.lineSeparator());
        assertThat(run("new", "post", "Quiet", "-q", "-d", dir.toString()).err()).isEmpty();
    }

    /**
     * A site whose glob_patterns read pages/ (markata's blog starter): the post went to posts/,
     * which no build reads.
     */
    @Test
    void newPostGoesWhereGlobPatternsReadAndWarnsWhenNoFolderIs() throws Exception {
        site().write("markata.toml", "[markata]\n[markata.glob]\nglob_patterns = \"pages/**/*.md\"\n");
        Run run = run("new", "post", "Hello", "-q", "-d", dir.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo(dir.resolve("pages/hello.md").toString());
        assertThat(run("list", "-d", dir.toString()).out()).contains("hello  Hello");

        site().write("markata.toml", "[markata]\n[markata.glob]\nglob_patterns = [\"*/index.md\"]\n");
        Run unread = run("new", "post", "Other", "-q", "-d", dir.toString());
        assertThat(unread.code()).isZero();
        assertThat(unread.out().strip()).isEqualTo(dir.resolve("posts/other.md").toString());
        assertThat(unread.err()).isEqualTo("warning: builds do not read posts/other.md: it is not matched by"
                + " glob_patterns [\"*/index.md\"] in markata.toml, or .gitignore or .markataignore leave it out"
                + System.lineSeparator());

        // run in the site's posts/ folder: the post went to posts/posts/ without a word
        Path posts = dir.resolve("posts");
        Run inPosts = run("new", "post", "Third", "-q", "-d", posts.toString());
        assertThat(inPosts.err()).startsWith("warning: no markata.toml in " + posts + ", so markata's"
                + " defaults apply (every **/*.md under it); " + dir + " has one: to build that site, give --directory " + dir
                + System.lineSeparator());
    }

    /** markata's {@code new blog DIR}: a site that builds, with a post its home page lists. */
    @Test
    void newBlogMakesASiteThatBuildsWithItsFirstPostOnTheHomePage() throws Exception {
        Path site = dir.resolve("my blog");
        Run made = run("new", "blog", site.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains(site.resolve("markata.toml").toString())
                .contains(site.resolve("posts/hello-world.md").toString())
                .contains("markata build --directory '" + site + "'")
                .contains("then open " + site.resolve("markout/index.html").toUri() + " in a browser");
        assertThat(site.resolve(".gitignore")).hasContent("markout/\n.markata.cache/\n");
        Run build = run("build", "-d", site.toString());
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.err()).doesNotContain("warning");
        assertThat(new Site(site).read("markout/index.html")).contains("Hello, World").contains("my blog");

        Run again = run("new", "blog", site.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: " + site + " is a site already (it has a markata.toml);"
                + " nothing was written" + System.lineSeparator());
        assertThat(run("new", "site", dir.resolve("other").toString()).code()).as("new site is new blog").isZero();
    }

    /** A warm build left every file as it was: it said "(0 files written, 1 unchanged)". */
    @Test
    void aWarmBuildCountsEveryFileItLeftAsItWas() {
        site();
        Run cold = run("build", "-d", dir.toString());
        java.util.regex.Matcher written = java.util.regex.Pattern.compile("\\((\\d+) files written, 0 unchanged\\)")
                .matcher(cold.err());
        assertThat(written.find()).as(cold.err()).isTrue();
        Run warm = run("build", "-d", dir.toString());
        assertThat(warm.err()).contains("(0 files written, " + written.group(1) + " unchanged)");
    }

    /**
     * markata's quickstart (posts of a heading, no front matter): the home page said "No posts
     * yet." and the build said nothing about why.
     */
    @Test
    void aBuildWhoseFeedListsNoPostSaysThatNoneIsPublished() {
        new Site(dir).write("pages/first-post.md", "# My First Post\n").write("pages/hello-world.md", "# Hello\n");
        Run build = run("build", "-d", dir.toString());
        assertThat(build.code()).isZero();
        assertThat(build.err()).endsWith(System.lineSeparator() + "none of the 2 posts says published: true, so the"
                + " archive feed (the home page, unless a post is) and the RSS feed list none; a post's own page is"
                + " built either way" + System.lineSeparator());
        site();
        assertThat(run("build", "-d", dir.toString()).err()).as("one is published").doesNotContain("published: true");
        site().write("markata.toml", "[markata]\n[[markata.feeds]]\nslug = \"all\"\nfilter = \"True\"\n")
                .post("posts/b.md", "title: Bee", "b");
        assertThat(run("build", "-d", dir.toString()).err()).as("feeds of its own").doesNotContain("published: true");
    }

    @Test
    void settingsAboveTheMarkataLineAreAWarning() {
        site().write("markata.toml", "title = \"Mine\"\n[markata]\n");
        Run build = run("build", "-q", "-d", dir.toString());
        assertThat(build.code()).isZero();
        assertThat(build.err()).startsWith("warning: markata.toml: title is outside the [markata] table");
    }
}
