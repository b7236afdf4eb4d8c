package dev.markata.plugin;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin ids markata itself ships, so that an existing markata site's {@code hooks} list
 * keeps building: an id with no Java implementation gets one warning and is skipped instead of
 * failing the build as an unknown name would.
 */
final class MarkataPluginIds {

    private MarkataPluginIds() {
    }

    /**
     * What {@code "default"} expands to: markata's default list, in its order. Ids without an
     * implementation on the class path are skipped quietly (the user did not name them).
     * {@code markata.plugins.pyinstrument} is left out on purpose: profiling is opted into with
     * {@code --profile} or by naming the plugin.
     */
    static final List<String> DEFAULT = List.of(
            "markata.plugins.mermaid",
            "markata.plugins.didyoumean",
            "markata.plugins.skip",
            "markata.plugins.md_it_wikilinks",
            "markata.plugins.copy_assets",
            "markata.plugins.glob",
            "markata.plugins.load",
            "markata.plugins.auto_title",
            "markata.plugins.render_markdown",
            "markata.plugins.feeds",
            "markata.plugins.auto_description",
            "markata.plugins.post_template",
            "markata.plugins.covers",
            "markata.plugins.publish_html",
            "markata.plugins.index_page",
            "markata.plugins.flat_slug",
            "markata.plugins.icon_resize",
            "markata.plugins.to_json",
            "markata.plugins.redirects");

    /**
     * Ids whose job has no meaning on the JVM, is built into the core, or is done by another
     * plugin here; the reason is shown. No id or alias of a plugin markata-java has may be listed.
     */
    static final Map<String, String> NOT_APPLICABLE = Map.ofEntries(
            Map.entry("markata.plugins.docs", "it documents Python modules"),
            Map.entry("markata.plugins.tui", "the terminal UI is not part of markata-java"),
            Map.entry("markata.plugins.base_cli", "the command line is built in"),
            Map.entry("markata.cli.server", "the command line is built in"),
            Map.entry("markata.cli.runner", "the command line is built in"),
            Map.entry("markata.cli.plugins", "the command line is built in"),
            Map.entry("markata.cli.summary", "the command line is built in"),
            Map.entry("markata.cli.cli", "the command line is built in"),
            Map.entry("markata.cli.header", "the command line is built in"),
            Map.entry("markata.cli.describe", "the command line is built in"),
            Map.entry("markata.cli.didyoumean", "the command line is built in"),
            // modules of markata that are no plugins: markata registers what hooks names and finds no
            // hooks in them (meetgor.com lists them all)
            Map.entry("markata.background", "it is no plugin but markata's helper to run work in threads, which "
                    + "the build does itself"),
            Map.entry("markata.hookspec", "it is no plugin but markata's hook specification"),
            Map.entry("markata.lifecycle", "it is no plugin but markata's list of stages, which are built in"),
            Map.entry("markata.errors", "it is no plugin but markata's error types"),
            Map.entry("markata.exceptions", "it is no plugin but markata's error types"),
            Map.entry("markata.standard_config", "it is no plugin but markata's reader of markata.toml, which is "
                    + "built in"),
            Map.entry("markata.plugins.setup_logging", "logging is built in"),
            Map.entry("markata.plugins.config_model", "configuration is typed by each plugin's record"),
            Map.entry("markata.plugins.post_model", "posts are typed records"),
            Map.entry("markata.plugins.create_models", "posts and configuration are typed records"),
            Map.entry("markata.plugins.flat_slug", "flat slugs are made by markata.plugins.load"),
            Map.entry("markata.plugins.datetime", "dates are parsed by markata.plugins.load"),
            Map.entry("markata.plugins.md_it_wikilinks", "[[wikilinks]] are done by markata.plugins.render_markdown"),
            Map.entry("markata.plugins.md_it_highlight_code",
                    "code is highlighted by markata.plugins.render_markdown"),
            Map.entry("markata.plugins.jinja_md", "posts with jinja: true are done by markata.plugins.render_markdown"),
            Map.entry("markata.plugins.long_description",
                    "long_description is made by markata.plugins.auto_description"),
            Map.entry("markata.plugins.pyscript", "it runs Python in the browser"),
            Map.entry("markata.plugins.config_editor", "it is a web page (FastAPI) that edits markata.toml through "
                    + "markata's Python configuration models; markata-java has no such editor (`markata config show` "
                    + "prints the configuration)"),
            Map.entry("markata.plugins.interactive", "it is a terminal UI (Textual) around markata's build and server;"
                    + " use `markata serve --watch`"),
            Map.entry("markata.plugins.fast", "it keeps markata's loaded posts in its Python cache between runs; "
                    + "loaded posts are kept in .markata.cache/load by markata.plugins.load"),
            Map.entry("markata.plugins.highlight", "it is no plugin but markata's model of Pygments' style classes; "
                    + "code is highlighted by markata.plugins.render_markdown"),
            Map.entry("markata.plugins.theme", "it is no plugin but the colour palettes of markata's [markata.style] "
                    + "themes, which templates see as config.style here too (markata.plugins.post_template makes it); "
                    + "markata-java's built-in theme has its own light and dark colours"),
            Map.entry("markata.plugins.mdit_details", "markata loads it through [markata.markdown_it_py] plugins, "
                    + "not hooks (listed there, without the admon plugin, ??? blocks get its markup); ??? and ???+ "
                    + "blocks are <details> by markata.plugins.render_markdown"),
            Map.entry("markata.plugins.analytics", "its charts (contributions_<year>.png/.svg, "
                    + "total_posts_over_time.png/.svg) are drawn by Python's matplotlib and seaborn; they are not written"));

    /**
     * Of the {@link #NOT_APPLICABLE} ids, those whose work another plugin does here: when the site
     * does not run that one, the warning says so (and what the pages lack), instead of naming a
     * plugin that is off as if it did the work.
     *
     * @param plugin  the id of the plugin that does the work here
     * @param without what the site's pages lack without it, or "" when that is plain
     */
    record DoneBy(String plugin, String without) {
    }

    static final Map<String, DoneBy> DONE_BY = Map.of(
            "markata.plugins.flat_slug", new DoneBy("markata.plugins.load", ""),
            "markata.plugins.datetime", new DoneBy("markata.plugins.load", ""),
            "markata.plugins.md_it_wikilinks", new DoneBy("markata.plugins.render_markdown", ""),
            "markata.plugins.md_it_highlight_code", new DoneBy("markata.plugins.render_markdown", ""),
            "markata.plugins.jinja_md", new DoneBy("markata.plugins.render_markdown", ""),
            "markata.plugins.mdit_details", new DoneBy("markata.plugins.render_markdown", ""),
            "markata.plugins.highlight", new DoneBy("markata.plugins.render_markdown", ""),
            "markata.plugins.fast", new DoneBy("markata.plugins.load", ""),
            "markata.plugins.long_description", new DoneBy("markata.plugins.auto_description",
                    "its posts get no long_description"));

    /**
     * Ids markata ships that markata-java does not implement (yet): none since csv, uuid, timer,
     * create_covers, publish_dev_to_source, sitemap and rss were added (and config_editor, interactive,
     * fast, highlight, theme and mdit_details listed as not applicable); kept for the next id markata adds.
     */
    static final Set<String> NOT_YET = Set.of();
}
