package dev.markata.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Config load(Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env).load(dir);
    }

    private ConfigException failure(String toml) {
        new Site(dir).write("markata.toml", toml);
        return org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class, () -> load(Map.of()));
    }

    @Test
    void aSiteWithoutConfigurationGetsMarkatasDefaults() throws Exception {
        Config config = load(Map.of());
        SiteConfig site = config.site();
        assertThat(config.source()).isEqualTo("defaults");
        assertThat(site.hooks()).containsExactly("default");
        assertThat(site.disabledHooks()).isEmpty();
        assertThat(site.outputDir()).isEqualTo(dir.toAbsolutePath().resolve("markout"));
        assertThat(site.assetsDir()).isEqualTo(dir.toAbsolutePath().resolve("static"));
        assertThat(site.templatesDir()).isEqualTo(dir.toAbsolutePath().resolve("templates"));
        assertThat(site.cacheDir()).isEqualTo(dir.toAbsolutePath().resolve(".markata.cache"));
        assertThat(site.title()).isEqualTo("Markata Site");
        assertThat(site.lang()).isEqualTo("en");
        assertThat(site.url()).isEmpty();
    }

    @Test
    void readsTheMarkataTableOfMarkataToml() throws Exception {
        new Site(dir).write("markata.toml", """
                [markata]
                title = "My Blog"
                output_dir = "public"
                hooks = ["default", "x.y"]
                disabled_hooks = ["markata.plugins.glob"]
                author_name = "Ada"
                custom_key = 3

                [markata.glob]
                glob_patterns = ["posts/**/*.md"]
                """);
        Config config = load(Map.of());
        assertThat(config.source()).isEqualTo("markata.toml");
        assertThat(config.site().title()).isEqualTo("My Blog");
        assertThat(config.site().outputDir()).isEqualTo(dir.toAbsolutePath().resolve("public"));
        assertThat(config.site().hooks()).containsExactly("default", "x.y");
        assertThat(config.site().disabledHooks()).containsExactly("markata.plugins.glob");
        assertThat(config.site().authorName()).isEqualTo("Ada");
        assertThat(config.markata().asMap()).containsEntry("custom_key", 3L);
        assertThat(config.markata().table("glob").stringList("glob_patterns", List.of()))
                .containsExactly("posts/**/*.md");
    }

    @Test
    void fallsBackToToolMarkataInPyproject() throws Exception {
        new Site(dir).write("pyproject.toml", """
                [project]
                name = "blog"
                [tool.markata]
                title = "From pyproject"
                [tool.markata.profiler]
                interval = -1
                """);
        Config config = load(Map.of());
        assertThat(config.source()).isEqualTo("pyproject.toml");
        assertThat(config.site().title()).isEqualTo("From pyproject");
        ConfigException error = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> config.markata().table("profiler").number("interval", 1, v -> v > 0,
                        "must be a number of seconds > 0"));
        assertThat(error).hasMessage(
                "pyproject.toml: [tool.markata.profiler] interval = -1: must be a number of seconds > 0");
    }

    @Test
    void markataTomlWinsOverPyproject() throws Exception {
        new Site(dir).write("pyproject.toml", "[tool.markata]\ntitle = \"py\"\n")
                .write("markata.toml", "[markata]\ntitle = \"toml\"\n");
        assertThat(load(Map.of()).site().title()).isEqualTo("toml");
    }

    @Test
    void environmentVariablesOverrideTopLevelKeys() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"file\"\noutput_dir = \"out\"\n");
        Config config = load(Map.of("MARKATA_TITLE", "from env", "MARKATA_OUTPUT_DIR", "elsewhere",
                "MARKATA_HOOKS", "[\"a.b\", \"c.d\"]", "MARKATA_WORKERS", "3", "UNRELATED", "x"));
        assertThat(config.site().title()).isEqualTo("from env");
        assertThat(config.site().outputDir()).isEqualTo(dir.toAbsolutePath().resolve("elsewhere"));
        assertThat(config.site().hooks()).containsExactly("a.b", "c.d");
        assertThat(config.site().workers()).isEqualTo(3);
    }

    @Test
    void aMisspelledVariableGetsADidYouMeanNamingTheVariable() throws Exception {
        // MARKATA_TITEL=... set nothing, without a word, where titel in markata.toml is warned of
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"file\"\n");
        Config config = load(Map.of("MARKATA_TITEL", "from env", "MARKATA_SOMETHING_ELSE", "x"));
        assertThat(config.site().title()).isEqualTo("file");
        assertThat(config.markata().typoWarnings()).containsExactly("environment: MARKATA_TITEL is not a key markata"
                + " knows here; did you mean MARKATA_TITLE?");
    }

    @Test
    void theLaunchersOwnVariablesAreNotSettings() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"file\"\n");
        Config plain = load(Map.of());
        Config withLauncherVariables = load(Map.of("MARKATA_JAVA_OPTS", "-Xmx1g", "MARKATA_CDS", "0"));

        assertThat(withLauncherVariables.markata().asMap()).isEqualTo(plain.markata().asMap())
                .doesNotContainKeys("java_opts", "cds");
        assertThat(withLauncherVariables.markata().typoWarnings()).isEmpty();
    }

    @Test
    void aBadEnvironmentValueNamesTheVariable() {
        assertThatThrownBy(() -> load(Map.of("MARKATA_WORKERS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("environment: MARKATA_WORKERS ([markata] workers) = 0: "
                        + "must be a whole number of threads from 1 to 1024");
    }

    @Test
    void invalidTomlNamesFileLineAndColumn() {
        ConfigException error = failure("[markata]\ntitle = \"unclosed\n");
        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0)).startsWith("markata.toml:2:").endsWith("(not valid TOML)");
    }

    @Test
    void aValueOfTheWrongTypeNamesFileTableKeyValueAndWhatIsAllowed() {
        assertThat(failure("[markata]\ntitle = 3\n"))
                .hasMessage("markata.toml: [markata] title = 3: must be a string");
        assertThat(failure("[markata]\nhooks = [1, 2]\n"))
                .hasMessage("markata.toml: [markata] hooks = [1, 2]: must be a list of strings");
        assertThat(failure("[markata]\nworkers = 2.5\n"))
                .hasMessage("markata.toml: [markata] workers = 2.5: must be a whole number of threads from 1 to 1024");
    }

    @Test
    void outputDirMayNotBeTheSiteFolderOrAboveIt() {
        assertThat(failure("[markata]\noutput_dir = \".\"\n")).hasMessage("markata.toml: [markata] output_dir = \".\": "
                + "must be a folder inside or beside the site, not the site folder or one above it");
        assertThat(failure("[markata]\noutput_dir = \"..\"\n")).hasMessageContaining("output_dir = \"..\"");
    }

    @Test
    void outputDirMayBeTheAssetsFolderButNotHoldItOrTheTemplatesFolder() throws Exception {
        // image sites write their pages beside their images, as markata does (OutputIsAssetsDirTest)
        new Site(dir).write("markata.toml", "[markata]\noutput_dir = \"static\"\n");
        assertThat(load(Map.of()).site().outputDir()).isEqualTo(load(Map.of()).site().assetsDir());
        assertThat(failure("[markata]\noutput_dir = \"static/out\"\n")).hasMessage("markata.toml: [markata] output_dir ="
                + " \"static/out\": is inside the assets folder (assets_dir), or holds it; the build writes"
                + " output_dir and markata clean removes it: choose a folder of its own, like \"markout\", or"
                + " assets_dir itself");
        assertThat(failure("[markata]\noutput_dir = \"site\"\ntemplates_dir = \"site/templates\"\n"))
                .hasMessageContaining("output_dir = \"site\": is the templates folder (templates_dir), or holds or is inside it");
        assertThat(failure("[markata]\noutput_dir = \"site\"\nassets_dir = \"site/assets\"\n"))
                .hasMessageContaining("is inside the assets folder (assets_dir), or holds it");
    }

    /** A file where the output folder goes failed the build in save, after every page was rendered. */
    @Test
    void anOutputDirThatIsAFileIsAConfigurationError() {
        new Site(dir).write("out", "notes");
        assertThat(failure("[markata]\noutput_dir = \"out\"\n")).hasMessage("markata.toml: [markata] output_dir = \"out\":"
                + " is a file (" + dir.toAbsolutePath().resolve("out") + "), where the build writes the site's folder:"
                + " move the file, or choose another output_dir");
    }

    @Test
    void markataMustBeATable() {
        assertThat(failure("markata = 3\n")).hasMessage("markata.toml: markata must be a table ([markata]), not 3");
    }

    /**
     * Settings written above the [markata] line (as Hugo's config.toml has them) are not read,
     * by markata either: the site built with the defaults and said nothing about the title it
     * left out.
     */
    @Test
    void keysOutsideTheMarkataTableAreNamedInAWarning() throws Exception {
        new Site(dir).write("markata.toml", """
                title = "My Blog"
                url = "https://example.com"
                [glob]
                glob_patterns = ["pages/*.md"]
                [markata]
                lang = "de"
                """);
        Config config = load(Map.of());
        assertThat(config.site().title()).isEqualTo("Markata Site");
        assertThat(config.site().lang()).isEqualTo("de");
        assertThat(config.warnings()).containsExactly("markata.toml: title, url and [glob] are outside the"
                + " [markata] table, so they are not read: markata's settings go below a [markata] line, and a"
                + " plugin's in its own table, like [markata.glob]");
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"x\"\n");
        assertThat(load(Map.of()).warnings()).isEmpty();
        new Site(dir).delete("markata.toml").write("pyproject.toml", "[project]\nname = \"x\"\n"
                + "[tool.markata]\ntitle = \"y\"\n");
        assertThat(load(Map.of()).warnings()).as("pyproject.toml is other tools' too").isEmpty();
    }

    /**
     * github.com/WaylonWalker/gh-projects keeps its version above the [markata] line because
     * hatch reads it there ({@code [tool.hatch.version] path = "markata.toml"} in its
     * pyproject.toml): every build warned that markata does not read it, which is as meant.
     */
    @Test
    void aVersionThatHatchReadsFromMarkataTomlIsNotWarnedOf() throws Exception {
        Site site = new Site(dir).write("markata.toml", "version='0.0.0'\n\n[markata]\nglob_patterns = \"a/*.md\"\n");
        assertThat(load(Map.of()).warnings()).singleElement().asString().startsWith("markata.toml: version is outside");
        site.write("pyproject.toml", "[project]\nname = \"gh-projects\"\ndynamic = [\"version\"]\n\n"
                + "[tool.hatch.version]\npath = \"markata.toml\"\n");
        assertThat(load(Map.of()).warnings()).isEmpty();
        site.write("markata.toml", "version='0.0.0'\ntitle = \"x\"\n[markata]\n");
        assertThat(load(Map.of()).warnings()).containsExactly("markata.toml: title is outside the [markata] table, so"
                + " it is not read: markata's settings go below a [markata] line, and a plugin's in its own table,"
                + " like [markata.glob]");
    }

    /**
     * {@code markata build} one folder off: above the site (the --directory forgotten) or inside
     * it (in posts/). Both built every Markdown file there with markata's defaults, into a
     * markout/ of their own, and said nothing.
     */
    @Test
    void aFolderWithoutConfigurationNextToASiteSaysWhichFolderIsTheSite() throws Exception {
        new Site(dir).write("mysite/markata.toml", "[markata]\n").write("mysite/posts/a.md", "# A\n")
                .write("notes/b.md", "# B\n");
        Path mysite = dir.resolve("mysite");
        assertThat(new ConfigLoader(Map.of()).load(dir).warnings()).containsExactly("no markata.toml in " + dir
                + ", so markata's defaults apply (every **/*.md under it); " + mysite + " has one: to"
                + " build that site, give --directory " + mysite);
        Path posts = mysite.resolve("posts");
        assertThat(new ConfigLoader(Map.of()).load(posts).warnings()).containsExactly("no markata.toml in " + posts
                + ", so markata's defaults apply (every **/*.md under it); " + mysite + " has one: to"
                + " build that site, give --directory " + mysite);
        assertThat(new ConfigLoader(Map.of()).load(dir.resolve("notes")).warnings())
                .as("a folder of its own, markata's quickstart").isEmpty();
    }

    @Test
    void hooksWrittenAsACommaSeparatedStringAreAList() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\nhooks = \"default, a.b\"\n");
        assertThat(load(Map.of()).site().hooks()).containsExactly("default", "a.b");
    }

    @Test
    void warnsAboutALikelyTypoButKeepsUnknownKeys() throws Exception {
        new Site(dir).write("markata.toml", """
                [markata]
                titel = "typo"
                my_plugin_setting = "kept"
                [markata.profiler]
                intervall = 0.5
                """);
        Config config = load(Map.of());
        config.markata().table("profiler").number("interval", 1, v -> v > 0, "must be > 0");
        assertThat(config.markata().typoWarnings()).containsExactlyInAnyOrder(
                "markata.toml: [markata] titel is not a key markata knows here; did you mean title?",
                "markata.toml: [markata.profiler] intervall is not a key markata knows here; did you mean interval?");
        assertThat(config.markata().asMap()).containsEntry("my_plugin_setting", "kept");
    }

    @Test
    void aPluginSectionIsReadOnceAndShared() throws Exception {
        new Site(dir).write("markata.toml", "[markata.demo]\nsize = 4\n");
        record Demo(long size) {
        }
        ConfigSection<Demo> section = new ConfigSection<>("demo",
                (table, markata) -> new Demo(table.integer("size", 1, v -> v > 0, "must be > 0")));
        Config config = load(Map.of());
        Demo first = config.section(section);
        assertThat(first.size()).isEqualTo(4);
        assertThat(config.section(section)).isSameAs(first);
    }

    @Test
    void arraysOfTablesNameTheEntryInMessages() throws Exception {
        new Site(dir).write("markata.toml", "[[markata.feeds]]\nslug = \"a\"\n[[markata.feeds]]\nslug = 5\n");
        ConfigTable markata = load(Map.of()).markata();
        List<ConfigTable> feeds = markata.tables("feeds");
        assertThat(feeds).hasSize(2);
        assertThat(feeds.get(0).string("slug", "")).isEqualTo("a");
        assertThatThrownBy(() -> feeds.get(1).string("slug", ""))
                .hasMessage("markata.toml: [markata.feeds[1]] slug = 5: must be a string");
    }

    @Test
    void aMissingSiteFolderIsAConfigurationError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("nope")))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("nope: no such site folder");
    }

    @Test
    void aFileGivenAsTheSiteFolderIsNamedAsOne() {
        // "build -d posts/a.md" said "no such site folder" of a file that is there
        new Site(dir).write("posts/a.md", "x");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir.resolve("posts/a.md")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("posts/a.md: is a file; give the site's folder (the one with markata.toml)");
    }
}
