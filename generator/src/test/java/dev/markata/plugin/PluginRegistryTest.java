package dev.markata.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigOverrides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.markata.testing.RecordingPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    private static final String WHERE = "markata.toml: [markata]";

    private static Plugin plugin(String id, String... aliases) {
        return new RecordingPlugin(id, Set.of(aliases), new ArrayList<>(), Map.of());
    }

    private static PluginRegistry registry() throws ConfigException {
        return PluginRegistry.of(List.of(plugin("markata.plugins.glob"), plugin("markata.plugins.load"),
                plugin("markata.plugins.render_markdown"), plugin("markata.plugins.publish_html"),
                plugin("markata.plugins.pyinstrument", "markata.plugins.profiler"), plugin("my.extra")));
    }

    private static List<String> ids(PluginRegistry.Selection selection) {
        return selection.plugins().stream().map(Plugin::id).toList();
    }

    @Test
    void defaultExpandsToMarkatasDefaultSetInItsOrderWithoutTheProfiler() throws Exception {
        var selection = registry().resolve(List.of("default"), List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.glob", "markata.plugins.load",
                "markata.plugins.render_markdown", "markata.plugins.publish_html");
        assertThat(selection.warnings()).isEmpty();
    }

    @Test
    void namedPluginsKeepTheirListPlaceAndDisabledHooksRemoveThem() throws Exception {
        var selection = registry().resolve(List.of("my.extra", "default"), List.of("markata.plugins.load"),
                ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("my.extra", "markata.plugins.glob",
                "markata.plugins.render_markdown", "markata.plugins.publish_html");
    }

    @Test
    void disabledHooksWorkWithoutDefaultToo() throws Exception {
        var selection = registry().resolve(List.of("markata.plugins.glob", "my.extra"), List.of("my.extra"),
                ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.glob");
    }

    @Test
    void aliasesNameTheSamePluginWhichIsSelectedOnce() throws Exception {
        var selection = registry().resolve(List.of("markata.plugins.profiler", "markata.plugins.pyinstrument"),
                List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.pyinstrument");
        var disabledByAlias = registry().resolve(List.of("markata.plugins.pyinstrument"),
                List.of("markata.plugins.profiler"), ConfigOverrides.NONE, WHERE);
        assertThat(ids(disabledByAlias)).isEmpty();
    }

    @Test
    void overridesForceAPluginOnOrOff() throws Exception {
        var on = registry().resolve(List.of("default"), List.of("markata.plugins.pyinstrument"),
                new ConfigOverrides(Set.of("markata.plugins.pyinstrument"), Set.of()), WHERE);
        assertThat(ids(on)).endsWith("markata.plugins.pyinstrument");
        var off = registry().resolve(List.of("default", "markata.plugins.profiler"), List.of(),
                new ConfigOverrides(Set.of(), Set.of("markata.plugins.pyinstrument")), WHERE);
        assertThat(ids(off)).doesNotContain("markata.plugins.pyinstrument");
    }

    @Test
    void anUnknownNameIsAnErrorListingTheClosestNames() {
        assertThatThrownBy(() -> registry().resolve(List.of("markata.plugins.glbo", "nothing.like.it"), List.of(),
                ConfigOverrides.NONE, WHERE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "markata.toml: [markata] hooks = \"markata.plugins.glbo\": no plugin has this name; "
                                + "did you mean markata.plugins.glob?",
                        "markata.toml: [markata] hooks = \"nothing.like.it\": no plugin has this name; markata list"
                                + " --plugins lists the plugins markata-java has"));
    }

    @Test
    void anUnknownDisabledHookIsAnErrorToo() {
        assertThatThrownBy(() -> registry().resolve(List.of("default"), List.of("my.extar"), ConfigOverrides.NONE,
                WHERE)).hasMessage("markata.toml: [markata] disabled_hooks = \"my.extar\": no plugin has this name; "
                + "did you mean my.extra?");
    }

    @Test
    void aMarkataPluginWithoutMeaningHereIsSkippedWithOneWarning() throws Exception {
        var selection = registry().resolve(List.of("markata.plugins.docs", "markata.plugins.glob"),
                List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.glob");
        assertThat(selection.warnings()).containsExactly(
                "markata.toml: [markata] hooks: markata.plugins.docs is skipped: it documents Python modules");
    }

    /**
     * waylonwalker.com's hooks name its own Python modules ({@code plugins.thoughts} is the
     * site's {@code plugins/thoughts.py}): markata imports them from the site's folder; here
     * they cannot run, so each is skipped with one warning instead of failing the build.
     */
    @Test
    void theSitesOwnPythonModulesAreSkippedWithOneWarningEach(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("plugins/thoughts"));
        Files.writeString(site.resolve("plugins/post_model.py"), "");
        Files.writeString(site.resolve("plugins/thoughts/__init__.py"), "");
        Files.writeString(site.resolve("plugins/glob.py"), "");
        var selection = registry().resolve(List.of("plugins.post_model", "plugins.thoughts", "default",
                "plugins.glob"), List.of("plugins.post_model"), ConfigOverrides.NONE, WHERE, site);
        assertThat(ids(selection)).containsExactly("markata.plugins.glob", "markata.plugins.load",
                "markata.plugins.render_markdown", "markata.plugins.publish_html");
        assertThat(selection.warnings()).containsExactly(
                "markata.toml: [markata] hooks: plugins.post_model is skipped: it is the site's own Python module "
                        + "plugins/post_model.py, which markata-java cannot run",
                "markata.toml: [markata] hooks: plugins.thoughts is skipped: it is the site's own Python module "
                        + "plugins/thoughts/__init__.py, which markata-java cannot run",
                "markata.toml: [markata] hooks: plugins.glob is skipped: it is the site's own Python module "
                        + "plugins/glob.py, which markata-java cannot run (markata.plugins.glob is built in)");
    }

    @Test
    void anUnknownNameWithoutCloseOnesSaysHowToListThePluginsNotAllOfThem() {
        // the error printed every id markata-java has, 38 of them on one line
        assertThatThrownBy(() -> registry().resolve(List.of("foo.bar", "baz.qux", "default"), List.of(),
                ConfigOverrides.NONE, WHERE)).isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message).contains("hooks = \"foo.bar\": no plugin has this name; markata list"
                            + " --plugins lists the plugins markata-java has", "hooks = \"baz.qux\": no plugin has"
                            + " this name; markata list --plugins lists the plugins markata-java has");
                    assertThat(message).doesNotContain("markata.plugins.glob");
                });
    }

    @Test
    void aDottedNameWithoutAModuleInTheSiteIsStillAnError(@TempDir Path site) {
        assertThatThrownBy(() -> registry().resolve(List.of("plugins.thoughts"), List.of(), ConfigOverrides.NONE,
                WHERE, site)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("markata.toml: [markata] hooks = \"plugins.thoughts\": no plugin has this name");
    }

    @Test
    void markatasAnalyticsIsSkippedWithOneWarningSayingWhatIsNotWritten() throws Exception {
        var selection = registry().resolve(List.of("markata.plugins.analytics", "markata.plugins.glob"),
                List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.glob");
        assertThat(selection.warnings()).singleElement().asString().startsWith(
                "markata.toml: [markata] hooks: markata.plugins.analytics is skipped: ");
    }

    /**
     * long_description's work is auto_description's here: the warning said so also for a site that
     * does not run auto_description, whose posts then get no long_description at all.
     */
    @Test
    void aPluginWhoseWorkAnotherDoesSaysWhenThatOneDoesNotRun() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        var on = builtIn.resolve(List.of("default", "markata.plugins.long_description"), List.of(),
                ConfigOverrides.NONE, WHERE);
        assertThat(on.warnings()).containsExactly("markata.toml: [markata] hooks: markata.plugins.long_description "
                + "is skipped: long_description is made by markata.plugins.auto_description");
        var off = builtIn.resolve(List.of("default", "markata.plugins.long_description"),
                List.of("markata.plugins.auto_description"), ConfigOverrides.NONE, WHERE);
        assertThat(off.warnings()).containsExactly("markata.toml: [markata] hooks: markata.plugins.long_description "
                + "is skipped: long_description is made by markata.plugins.auto_description, which this site does not "
                + "run (add it to hooks, or take it out of disabled_hooks): its posts get no long_description");
        var notListed = builtIn.resolve(List.of("markata.plugins.glob", "markata.plugins.md_it_wikilinks"), List.of(),
                ConfigOverrides.NONE, WHERE);
        assertThat(notListed.warnings()).singleElement().asString().endsWith("[[wikilinks]] are done by "
                + "markata.plugins.render_markdown, which this site does not run (add it to hooks, or take it out of "
                + "disabled_hooks)");
        assertThat(MarkataPluginIds.NOT_APPLICABLE).containsKeys(MarkataPluginIds.DONE_BY.keySet().toArray(String[]::new));
    }

    /**
     * Ids markata ships that were unknown here (a site listing one failed with "no plugin has
     * this name"): those without meaning on the JVM are skipped with a warning saying why.
     */
    @Test
    void markatasNewerIdsWithoutMeaningHereAreSkippedSayingWhy() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        List<String> ids = List.of("markata.plugins.config_editor", "markata.plugins.interactive",
                "markata.plugins.fast", "markata.plugins.highlight", "markata.plugins.theme",
                "markata.plugins.mdit_details");
        var selection = builtIn.resolve(ids, List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).isEmpty();
        assertThat(selection.warnings()).hasSize(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertThat(selection.warnings().get(i)).startsWith(WHERE + " hooks: " + ids.get(i) + " is skipped: ");
        }
        var disabled = builtIn.resolve(List.of("default"), ids, ConfigOverrides.NONE, WHERE);
        assertThat(disabled.warnings()).isEmpty();
        assertThat(ids(disabled)).contains("markata.plugins.render_markdown");
    }

    /**
     * Every module of markata's {@code markata/plugins} and {@code markata/cli} (its repository,
     * late 2025) is a name a site may list: none is an unknown plugin here, and those added in
     * session 11 run without a warning.
     */
    @Test
    void everyPluginModuleMarkataShipsIsKnown() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        List<String> plugins = List.of("analytics", "auto_description", "auto_title", "base_cli", "config_editor",
                "config_model", "copy_assets", "covers", "create_covers", "create_models", "csv", "datetime",
                "didyoumean", "docs", "fast", "feeds", "flat_slug", "generator", "glob", "heading_link", "highlight",
                "icon_resize", "interactive", "jinja_env", "jinja_md", "load", "long_description", "manifest",
                "md_it_highlight_code", "md_it_wikilinks", "mdit_details", "mermaid", "post_model", "post_template",
                "prevnext", "publish_dev_to_source", "publish_html", "publish_source", "pyinstrument", "redirects",
                "render_markdown", "rss", "seo", "service_worker", "setup_logging", "sitemap", "skip", "subroute",
                "theme", "timer", "to_json", "tui", "uuid");
        List<String> cli = List.of("cli", "describe", "didyoumean", "header", "plugins", "runner", "server", "summary");
        List<String> ids = new ArrayList<>(plugins.stream().map(name -> "markata.plugins." + name).toList());
        ids.addAll(cli.stream().map(name -> "markata.cli." + name).toList());
        builtIn.resolve(ids, List.of(), ConfigOverrides.NONE, WHERE);
        builtIn.resolve(List.of("default"), ids, ConfigOverrides.NONE, WHERE);
        List<String> added = List.of("markata.plugins.csv", "markata.plugins.uuid", "markata.plugins.timer",
                "markata.plugins.create_covers", "markata.plugins.publish_dev_to_source", "markata.plugins.sitemap");
        var selection = builtIn.resolve(added, List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactlyElementsOf(added);
        assertThat(selection.warnings()).isEmpty();
    }

    @Test
    void theLastPluginsMarkataListsAreImplementedAndRunWithoutAWarning() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        List<String> last = List.of("markata.plugins.generator", "markata.plugins.tweets", "markata.plugins.youtube",
                "markata.plugins.subroute", "markata.plugins.wikilink_hover");
        var selection = builtIn.resolve(last, List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactlyElementsOf(last);
        assertThat(selection.warnings()).isEmpty();
        assertThat(MarkataPluginIds.NOT_YET).isEmpty();
    }

    @Test
    void noIdOrAliasOfAPluginHereIsListedAsMissing() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        assertThat(builtIn.names()).as("listed as not applicable").doesNotContainAnyElementsOf(
                MarkataPluginIds.NOT_APPLICABLE.keySet());
        // (noneMatch: AssertJ refuses an empty set to look for, and NOT_YET is empty now)
        assertThat(builtIn.names()).as("listed as not implemented yet").noneMatch(MarkataPluginIds.NOT_YET::contains);
        assertThat(MarkataPluginIds.NOT_YET).noneMatch(MarkataPluginIds.NOT_APPLICABLE::containsKey);
    }

    @Test
    void defaultHoldsMarkatasDefaultIdsThatAreImplementedHereAndDidYouMean() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        var selection = builtIn.resolve(List.of("default"), List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).contains("markata.plugins.didyoumean", "markata.plugins.feeds")
                .doesNotContain("markata.plugins.pyinstrument");
        assertThat(selection.warnings()).isEmpty();
        for (String id : MarkataPluginIds.DEFAULT) {
            assertThat(builtIn.names().contains(id) || MarkataPluginIds.NOT_YET.contains(id)
                    || MarkataPluginIds.NOT_APPLICABLE.containsKey(id)).as(id + " is known").isTrue();
        }
    }

    /** rss and the sitemap are plugins of their own, for a site without feeds (RssPluginTest, SitemapPluginTest). */
    @Test
    void rssAndSitemapAreTheirOwn() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        var selection = builtIn.resolve(List.of("markata.plugins.rss", "markata.plugins.sitemap", "markata.plugins.feeds"),
                List.of(), ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).containsExactly("markata.plugins.rss", "markata.plugins.sitemap",
                "markata.plugins.feeds");
        assertThat(selection.warnings()).isEmpty();
    }

    @Test
    void disablingRssOrSitemapLeavesTheFeedsOn() throws Exception {
        PluginRegistry builtIn = PluginRegistry.of(PluginRegistry.discover(getClass().getClassLoader()));
        var selection = builtIn.resolve(List.of("default"), List.of("markata.plugins.rss", "markata.plugins.sitemap"),
                ConfigOverrides.NONE, WHERE);
        assertThat(ids(selection)).contains("markata.plugins.feeds");
        assertThat(selection.warnings()).isEmpty();
        assertThat(ids(builtIn.resolve(List.of("default"), List.of("markata.plugins.feeds"), ConfigOverrides.NONE, WHERE)))
                .doesNotContain("markata.plugins.feeds");
    }

    @Test
    void twoPluginsMayNotClaimOneName() {
        assertThatThrownBy(() -> PluginRegistry.of(List.of(plugin("a.b"), plugin("c.d", "a.b"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("two plugins claim the name a.b: ");
    }

    @Test
    void serviceLoaderFindsTheBuiltInPluginsAndThirdPartyOnes() throws Exception {
        List<String> ids = PluginRegistry.discover(getClass().getClassLoader()).stream().map(Plugin::id).toList();
        assertThat(ids).contains("markata.plugins.glob", "markata.plugins.load", "markata.plugins.auto_title",
                "markata.plugins.render_markdown", "markata.plugins.post_template", "markata.plugins.publish_html",
                "markata.plugins.index_page", "test.word_count");
    }
}
