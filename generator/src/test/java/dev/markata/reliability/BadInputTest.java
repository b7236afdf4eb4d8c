package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mistake a site author can make in configuration or content, through the real command
 * line: a clear error naming the file and line or key, exit code 2 for configuration, 1 for a
 * failed build, no stack trace, every problem of the run at once, and nothing written outside
 * the output folder.
 */
class BadInputTest {

    @TempDir
    Path dir;

    final Cli cli = Cli.builtIn();

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"Bad input\"\n")
                .post("posts/good.md", "title: Good\ndate: 2024-01-01\npublished: true", "fine");
    }

    private static void assertNoStackTrace(Cli.Run run) {
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("unexpected");
    }

    private Cli.Run configError(String toml) {
        site().write("markata.toml", toml);
        Cli.Run run = cli.build(dir);
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertNoStackTrace(run);
        assertThat(dir.resolve("markout")).as("nothing is written on a configuration error").doesNotExist();
        return run;
    }

    private Cli.Run buildError() {
        Cli.Run run = cli.build(dir);
        assertThat(run.code()).as(run.toString()).isEqualTo(1);
        assertNoStackTrace(run);
        return run;
    }

    // ---- configuration: exit 2

    @Test
    void malformedTomlNamesLineAndColumn() {
        Cli.Run run = configError("[markata]\ntitle = \"x\"\noutput_dir = markout\n");
        assertThat(run.err()).startsWith("error: markata.toml:3:14: ").contains("not valid TOML");
    }

    @Test
    void aMarkataTomlThatIsNotUtf8NamesTheLineAndTheByte() throws IOException {
        // saved as Latin-1 by an old editor: "cannot be read: Input length = 1" named neither
        site();
        Files.write(dir.resolve("markata.toml"), "[markata]\ntitle = \"Caf\u00e9\"\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Run run = cli.build(dir);
        assertThat(run.code()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: markata.toml:2: is not UTF-8 text (byte 0xE9 at byte 13 of the line);"
                + " markata.toml is read as UTF-8: save the file as UTF-8" + System.lineSeparator());
    }

    @Test
    void aNavThatIsNoTableOfAddressesNamesTheKey() {
        // the build failed in render, in base.html, with "Cannot find method items ... SizeLimitingPyList"
        assertThat(configError("[markata]\nnav = [\"/about/\"]\n").err()).isEqualTo("error: markata.toml: [markata]"
                + " nav = [\"/about/\"]: must be a table of label = address, as markata's nav.html reads it:"
                + " [markata.nav] About = \"/about/\"" + System.lineSeparator());
        assertThat(configError("[[markata.nav]]\nlabel = \"About\"\nurl = \"/about/\"\n").err())
                .contains("error: markata.toml: [markata] nav = ").contains(": must be a table of label = address");
        assertThat(configError("[markata.nav]\nAbout = 5\n").err()).isEqualTo("error: markata.toml: [markata.nav]"
                + " About = 5: must be an address, like \"/about/\"" + System.lineSeparator());
    }

    @Test
    void headEntriesThatAreNoListOfTablesNameTheKey() {
        // every page failed in render, at head.html, with "Cannot find method items ... String"
        assertThat(configError("[markata.head.meta]\nname = \"x\"\ncontent = \"y\"\n").err()).isEqualTo("error:"
                + " markata.toml: [markata.head] meta = { name = \"x\", content = \"y\" }: must be a list of tables,"
                + " one a tag, as markata's head.html reads it: [[markata.head.meta]] name = \"...\" content = \"...\""
                + System.lineSeparator());
        assertThat(configError("[markata.head]\nlink = [\"/style.css\"]\n").err()).contains("error: markata.toml:"
                + " [markata.head] link = [\"/style.css\"]: must be a list of tables");
        assertThat(configError("[markata]\nhead = \"<meta>\"\n").err()).contains("error: markata.toml: [markata]"
                + " head = \"<meta>\": must be a table ([markata.head] with meta, link, script and text)");
    }

    @Test
    void aWrongTypeForAKnownKeyNamesKeyValueAndWhatIsAllowed() {
        Cli.Run run = configError("[markata]\nworkers = \"many\"\n");
        assertThat(run.err()).contains("markata.toml").contains("[markata] workers").contains("\"many\"")
                .contains("1 to 1024");
    }

    @Test
    void anUnknownHookListsTheClosestNames() {
        Cli.Run run = configError("[markata]\nhooks = [\"default\", \"markata.plugins.publish_htm\"]\n");
        assertThat(run.err()).contains("markata.plugins.publish_htm").contains("did you mean markata.plugins.publish_html");
    }

    @Test
    void badProfilerSettingsNameTheKeyAndWhatIsAllowed() {
        String profiler = "[markata]\nhooks = [\"default\", \"markata.plugins.profiler\"]\n[markata.profiler]\n";
        assertThat(configError(profiler + "async_mode = \"sometimes\"\n").err())
                .contains("[markata.profiler] async_mode = \"sometimes\": must be one of")
                .contains("\"enabled\"").contains("\"strict\"");
        assertThat(configError(profiler + "interval = -0.5\n").err())
                .contains("[markata.profiler] interval = -0.5: must be a number of seconds");
        assertThat(configError(profiler + "interval = 0\n").err())
                .contains("[markata.profiler] interval = 0: must be a number of seconds");
        assertThat(configError(profiler + "output_file = \"/tmp/profile.html\"\n").err())
                .contains("[markata.profiler] output_file = \"/tmp/profile.html\": must be relative to output_dir");
        assertThat(configError(profiler + "output_file = \"../../profile.html\"\n").err())
                .contains("[markata.profiler] output_file = \"../../profile.html\": must stay inside output_dir");
        Cli.Run all = configError(profiler + "async_mode = \"x\"\ninterval = 0\noutput_file = \"/p.html\"\n");
        assertThat(all.err().lines()).as(all.toString()).hasSize(3);
    }

    @Test
    void everyConfigurationProblemOfOneRunIsReportedTogether() {
        Cli.Run run = configError("[markata]\nworkers = 0\ntitle = 3\n[markata.glob]\nglob_patterns = 3\n"
                + "use_gitignore = \"yes\"\n");
        assertThat(run.err().lines()).as(run.toString()).containsExactly(
                "error: markata.toml: [markata] workers = 0: must be a whole number of threads from 1 to 1024",
                "error: markata.toml: [markata] title = 3: must be a string",
                "error: markata.toml: [markata.glob] glob_patterns = 3: must be a list of strings",
                "error: markata.toml: [markata.glob] use_gitignore = \"yes\": must be true or false");
        Cli.Run hooks = configError("[markata]\nworkers = -1\nhooks = [\"default\", \"markata.plugins.nope\"]\n");
        assertThat(hooks.err().lines()).as(hooks.toString()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("workers = -1"))
                .anySatisfy(l -> assertThat(l).contains("markata.plugins.nope"));
    }

    // ---- content: exit 1, file and line

    @Test
    void malformedYamlFrontMatterNamesFileAndLine() {
        site().write("posts/bad.md", "---\ntitle: Bad\ntags: [a, b\ndate: 2024-01-01\n---\nbody\n");
        Cli.Run run = buildError();
        assertThat(run.err()).containsPattern("posts/bad\\.md:\\d+: front matter is not valid YAML");
    }

    @Test
    void frontMatterThatIsNotAMappingIsAnError() {
        site().write("posts/list.md", "---\n- a\n- b\n---\nbody\n")
                .write("posts/scalar.md", "---\njust text\n---\nbody\n");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/list.md:2: front matter must be \"key: value\" lines, not a list")
                .contains("posts/scalar.md:2: front matter must be \"key: value\" lines, not a single value");
    }

    @Test
    void anUnparseableDateNamesTheLineAndTheExpectedForm() {
        site().post("posts/when.md", "title: When\ndate: 2024-13-45", "x")
                .post("posts/soon.md", "title: Soon\ndate: next tuesday", "x");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/when.md:3: front matter date = 2024-13-45: is not a real date")
                .contains("posts/soon.md:3: front matter date = next tuesday: must be a date like 2024-05-01");
    }

    @Test
    void nonUtf8BytesAreAnErrorNamingTheFile() throws IOException {
        site();
        Files.write(dir.resolve("posts/latin1.md"), "---\ntitle: Caf\u00e9\n---\ncaf\u00e9\n".getBytes("ISO-8859-1"));
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/latin1.md:2: is not UTF-8 text (byte 0xE9 at byte 11 of the line); "
                + "posts are read as UTF-8");
    }

    @Test
    void anEmptyPostAndAPostThatIsOnlyFrontMatterBuild() throws IOException {
        site().write("posts/empty.md", "").write("posts/only-front.md", "---\ntitle: Only front matter\n---\n")
                .write("posts/unclosed-but-empty.md", "---\n---");
        Cli.Run run = cli.build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(dir.resolve("markout/empty/index.html")).isNotEmptyFile();
        assertThat(new Site(dir).read("markout/only-front/index.html")).contains("Only front matter");
        assertThat(dir.resolve("markout/unclosed-but-empty/index.html")).isNotEmptyFile();
    }

    /**
     * A huge post builds. 8 MB by default to keep the suite fast (Markdown parsing dominates);
     * {@code -Dmarkata.test.hugePostMb=50} runs the 50 MB.
     */
    @Test
    void aHugePostBuilds() throws IOException {
        int megabytes = Integer.getInteger("markata.test.hugePostMb", 8);
        site();
        String paragraph = "Some *words* in a [paragraph](https://example.com) of a very long post.\n\n";
        StringBuilder text = new StringBuilder("---\ntitle: Huge\n---\n");
        while (text.length() < megabytes * 1024 * 1024) {
            text.append(paragraph);
        }
        Files.writeString(dir.resolve("posts/huge.md"), text);
        Cli.Run run = cli.build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(Files.size(dir.resolve("markout/huge/index.html"))).isGreaterThan(megabytes * 1024L * 1024);
        assertThat(run.err()).contains("warning: posts/huge.md is " + megabytes + ".0 MB: a post this large")
                .contains("consider splitting it");
        Cli.Run again = cli.build(dir, "-q");
        assertThat(again.err()).as("unchanged, so not read again").doesNotContain("posts/huge.md is");
    }

    @Test
    void anUnclosedFrontMatterNamesTheFile() {
        site().write("posts/open.md", "---\ntitle: Open\n\nbody without end\n");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/open.md:1: front matter starts with --- but no line closes it");
    }

    @Test
    void everyBrokenPostIsReportedInOneRun() {
        site().post("posts/b1.md", "date: nope", "x").post("posts/b2.md", "tags: {a: 1}", "x")
                .post("posts/b3.md", "published: maybe", "x").post("posts/b4.md", "title: [a", "x")
                .write("posts/b5.md", "---\n- list\n---\n");
        Cli.Run run = buildError();
        for (int i = 1; i <= 5; i++) {
            assertThat(run.err()).contains("posts/b" + i + ".md:");
        }
        assertThat(dir.resolve("markout/good/index.html")).doesNotExist();
    }

    // ---- output paths

    @Test
    void twoPostsForOneOutputPathAreAnErrorNamingBoth() {
        site().post("posts/one.md", "slug: same", "1").post("posts/two.md", "slug: Same!", "2");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/two.md").contains("posts/one.md").contains("\"same\"");
    }

    @Test
    void slugsThatClimbOrStartWithASlashOrHoldUnsafeCharactersStayInsideTheOutputFolder() throws IOException {
        site().post("posts/climb.md", "slug: ../../escaped", "x")
                .post("posts/abs.md", "slug: /etc/markata-abs", "x")
                .post("posts/unsafe.md", "slug: \"a\\\\b:c*d?e<f>g|h\\u0000i\"", "x")
                .post("posts/dots.md", "slug: ./../.././x/..", "x");
        Cli.Run run = cli.build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        Path output = dir.resolve("markout").toAbsolutePath();
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped")).doesNotExist();
        assertThat(Path.of("/etc/markata-abs")).doesNotExist();
        assertThat(output.resolve("escaped/index.html")).exists();
        assertThat(output.resolve("etc/markata-abs/index.html")).exists();
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).map(output::relativize).map(Path::toString))
                    .allSatisfy(p -> assertThat(p).matches("[a-z0-9/-]+\\.(html|xml|xsl|json|css)"));
        }
    }

    @Test
    void aSymlinkLoopInTheContentFolderDoesNotHangOrFail() throws IOException {
        site();
        Files.createSymbolicLink(dir.resolve("posts/loop"), dir.resolve("posts"));
        Files.createSymbolicLink(dir.resolve("posts/self"), dir.resolve("posts/self"));
        Cli.Run run = cli.build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(dir.resolve("markout/good/index.html")).exists();
    }

    @Test
    void aKeyGivenTwiceInFrontMatterIsAWarningNamingBothLines() {
        // PyYAML keeps the last value, and markata builds it; the author who edited the first
        // title and saw no change was not told why
        site().post("posts/twice.md", "title: First\ndate: 2024-01-01\ntitle: Second", "x");
        Cli.Run run = cli.build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).contains("warning: posts/twice.md:4: front matter gives title again (first on line 2):"
                + " the last one is used, as markata's YAML reader does");
        assertThat(dir.resolve("markout/twice/index.html")).content().contains("Second");
    }

    @Test
    void aLinkedPostIsBuiltAndALinkedFolderIsNamedInAWarning() throws IOException {
        // posts shared between two sites by symbolic links: markata's glob reads a linked file,
        // and here the post was left out without a word, as were the posts of a linked folder
        Path elsewhere = Files.createDirectories(dir.resolve("../" + dir.getFileName() + "-shared"));
        try {
            new Site(elsewhere).post("shared.md", "title: Shared\ndate: 2024-02-02", "from the other site")
                    .post("folder/inside.md", "title: Inside", "in a linked folder");
            site();
            Files.createSymbolicLink(dir.resolve("posts/shared.md"), elsewhere.resolve("shared.md"));
            Files.createSymbolicLink(dir.resolve("posts/more"), elsewhere.resolve("folder"));
            Files.createSymbolicLink(dir.resolve("posts/.#good.md"), Path.of("user@host.1234:1700000000")); // Emacs's lock
            Cli.Run run = cli.build(dir, "-q");
            assertThat(run.code()).as(run.toString()).isZero();
            assertThat(dir.resolve("markout/shared/index.html")).content().contains("from the other site");
            assertThat(run.err()).isEqualTo("warning: posts/more is a link to a folder, which the glob does not enter:"
                    + " the documents in it are not built (link each file, or move the folder into the site)"
                    + System.lineSeparator());
        } finally {
            dev.markata.content.CacheDir.deleteTree(elsewhere);
        }
    }

    // ---- templates

    @Test
    void aMissingTemplateNamesThePostAndTheTemplate() {
        site().post("posts/t.md", "title: T\ntemplate: nowhere.html", "x");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/t.md").contains("nowhere.html");
    }

    @Test
    void aBuildThatFailsAfterWritingPagesSaysSoAfterItsError() {
        // the feed's template fails in save, after render wrote the post's page
        site().write("markata.toml", "[markata]\ntitle = \"Bad input\"\n[markata.feeds.archive]\nfilter = \"True\"\n"
                        + "template = \"bad.html\"\n")
                .write("templates/bad.html", "<p>{{ 1 | divide(0) }}</p>\n");
        Cli.Run run = buildError();
        // the error, and then what the build wrote (before, it was a warning ahead of the error)
        assertThat(run.err()).as(run.toString()).containsPattern("\nerror: build failed in stage save, plugin"
                        + " markata.plugins.feeds:\n  feed archive: template bad.html:1: / by zero"
                        + "\nwarning: \\d+ files of this build were written to .*markout before it failed: until a"
                        + " build succeeds, the folder mixes them with the files of the builds before\n$");
        assertThat(dir.resolve("markout/good/index.html")).exists();
    }

    @Test
    void aTemplateSyntaxErrorNamesTemplateLineAndPost() {
        site().post("posts/t.md", "title: T\ntemplate: broken.html", "x")
                .write("templates/broken.html", "<html>\n<body>\n{% if post.title %}\n{{ post.title }\n</body>\n");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/t.md: template broken.html:3: ").contains("endif");
    }

    @Test
    void aTemplateThatThrowsAtRenderTimeNamesTemplateAndPost() {
        site().post("posts/t.md", "title: T\ntemplate: throws.html", "x")
                .write("templates/throws.html", "<p>{{ range(1, 10, 0) | list }}{{ post.title | divide(0) }}</p>\n");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/t.md: template throws.html:1: ");
    }

    @Test
    void anIncludeLoopIsAnErrorNamingTheTemplates() {
        // Jinja2 fails on it (RecursionError); jinjava printed nothing where the include was, and
        // the page went out without the partial
        site().post("posts/t.md", "title: T\ntemplate: page.html", "x")
                .write("templates/page.html", "<html>\n{% include 'nav.html' %}\n</html>\n")
                .write("templates/nav.html", "<nav>\n{% include 'menu.html' %}</nav>\n")
                .write("templates/menu.html", "<ul></ul>\n{% include 'nav.html' %}\n");
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/t.md: template menu.html:2: Include cycle detected for path: 'nav.html':"
                + " it is rendered inside itself");
    }

    @Test
    void aTemplateThatIsNotUtf8NamesTheTemplateAndTheLine() throws IOException {
        site().post("posts/t.md", "title: T\ntemplate: latin1.html", "x");
        Files.createDirectories(dir.resolve("templates"));
        Files.write(dir.resolve("templates/latin1.html"), "<html>\n<p>caf\u00e9</p>\n</html>\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Run run = buildError();
        assertThat(run.err()).contains("posts/t.md: template latin1.html:2: is not UTF-8 text (byte 0xE9");
    }

    @Test
    void aFeedFilterThatDoesNotParseNamesTheFeedAndTheKey() {
        Cli.Run run = configError("[markata]\nhooks = [\"default\", \"markata.plugins.feeds\"]\n"
                + "[[markata.feeds]]\nslug = \"blog\"\nfilter = \"published == \"\n"
                + "[[markata.feeds]]\nslug = \"java\"\nfilter = \"__import__('os').system('touch pwned')\"\n");
        assertThat(run.err().lines()).as(run.toString()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("[markata.feeds[0]] filter = \"published == \"")
                        .contains("feed \"blog\": the filter is not a valid expression"))
                .anySatisfy(l -> assertThat(l).contains("[markata.feeds[1]] filter = ").contains("feed \"java\""));
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void templatesCannotReachJavaClasses() {
        site().post("posts/t.md", "title: T\ntemplate: sneaky.html", "x")
                .write("templates/sneaky.html",
                        "<p>[{{ post.title.getClass() }}][{{ post.getClass().getClassLoader() }}]"
                                + "[{{ ''.getClass().forName('java.lang.Runtime') }}]</p>\n");
        Cli.Run run = cli.build(dir, "-q");
        if (run.code() == 0) {
            String page = new Site(dir).read("markout/t/index.html");
            assertThat(page).doesNotContain("java.lang").doesNotContain("ClassLoader").doesNotContain("class ");
        } else {
            assertThat(run.code()).isEqualTo(1);
            assertNoStackTrace(run);
        }
    }

    /**
     * The ways into Java a template author might try (jinjava resolves method calls on any
     * object): none runs code, in a template or in a {@code jinja: true} post; each either
     * renders as nothing or fails the build naming the template, its line and the post.
     */
    @Test
    void templatesAndJinjaPostsCannotRunJavaCode() {
        Path pwned = dir.resolve("pwned");
        String[] attacks = {
            "''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + pwned + "')",
            "post.title.class.forName('java.lang.Runtime').getRuntime().exec('touch " + pwned + "')",
            "config.getClass().getClassLoader().loadClass('java.lang.Runtime')",
            "post.tags.getClass().forName('java.lang.ProcessBuilder')",
            "markata.class.classLoader",
        };
        for (int i = 0; i < attacks.length; i++) {
            Path attempt = dir.resolve("attempt" + i);
            new Site(attempt).write("markata.toml", "[markata]\ntitle = \"sandbox\"\n")
                    .post("posts/in-template.md", "title: T\ntags: [a]\ntemplate: sneaky.html", "x")
                    .post("posts/in-post.md", "title: P\njinja: true", "[{{ " + attacks[i] + " }}]")
                    .write("templates/sneaky.html", "<p>\n[{{ " + attacks[i] + " }}]</p>\n");
            Cli.Run run = cli.build(attempt, "-q");
            assertThat(pwned).as(attacks[i]).doesNotExist();
            if (run.code() == 0) {
                for (String page : new String[] {"in-template", "in-post"}) {
                    assertThat(new Site(attempt).read("markout/" + page + "/index.html")).as(attacks[i])
                            .contains("[]").doesNotContain("java.").doesNotContain("Process");
                }
            } else {
                assertThat(run.code()).as(run.toString()).isEqualTo(1);
                assertNoStackTrace(run);
                assertThat(run.err()).as(run.toString()).containsAnyOf(
                        "posts/in-template.md: template sneaky.html:2: ", "posts/in-post.md: template posts/in-post.md:");
            }
        }
    }

    /**
     * Feed filters are a small Python subset evaluated by markata-java itself: names of Python
     * or Java machinery are rejected when the configuration is read (all of them at once), and
     * attribute or method names outside the subset fail the build naming feed and post.
     */
    @Test
    void feedFiltersCannotReachPythonOrJava() {
        String[] rejected = {"__import__('os').system('touch pwned')", "eval('1')", "open('/etc/passwd')",
            "[x for x in ().__class__.__bases__]", "getattr(title, '__class__')"};
        StringBuilder feeds = new StringBuilder("[markata]\n");
        for (int i = 0; i < rejected.length; i++) {
            feeds.append("[[markata.feeds]]\nslug = \"f").append(i).append("\"\nfilter = \"").append(rejected[i])
                    .append("\"\n");
        }
        Cli.Run run = configError(feeds.toString());
        assertThat(run.err().lines()).as(run.toString()).hasSize(rejected.length);
        for (int i = 0; i < rejected.length; i++) {
            assertThat(run.err()).as(run.toString()).contains("[markata.feeds[" + i + "]] filter = \"" + rejected[i]
                    + "\": feed \"f" + i + "\": the filter is not a valid expression");
        }
        for (String attribute : new String[] {"title.__class__", "title.getClass()", "date.__class__.__mro__"}) {
            site().write("markata.toml", "[markata]\n[[markata.feeds]]\nslug = \"x\"\nfilter = \"" + attribute + "\"\n");
            Cli.Run failed = buildError();
            assertThat(failed.err()).as(failed.toString())
                    .contains("feed \"x\": filter \"" + attribute + "\" fails on posts/good.md: ")
                    .containsAnyOf("has no attribute __class__", "has no method getClass()", "not __class__");
        }
        assertThat(dir.resolve("pwned")).doesNotExist();
    }
}
