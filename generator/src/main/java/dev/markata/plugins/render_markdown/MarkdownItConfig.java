package dev.markata.plugins.render_markdown;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * markata's {@code [markata.markdown_it_py]} (and {@code markdown_backend}): how markata sets up markdown-it-py (its preset,
 * rules to enable or disable, options, and the plugins it loads by Python name). markata-java's
 * Markdown is markata's default setup with those plugins built in; of the table it takes the
 * anchors plugin's settings ({@code min_level}, {@code max_level}, {@code permalink},
 * {@code permalinkSymbol}, {@code permalinkBefore}, {@code permalinkSpace}: markata's own site
 * gives every heading a link to itself that way) and the task lists plugin's {@code enabled}
 * (boxes a reader can tick: the blog starter's markata.toml of 2025 sets it), and says once, as a warning, what else it
 * does not do (a rule disabled, another preset, a plugin it does not have), instead of failing
 * a site that builds with markata.
 *
 * @param anchors        the anchors plugin's settings (its defaults when not listed)
 * @param markataDetails whether {@code ???} blocks are markata's details plugin's ({@code <details
 *                       class="details TAG">}, {@code <summary class="details-title">}): the site lists
 *                       it and not the admon plugin, which takes those blocks first when listed
 * @param tasksEnabled   the tasklists plugin's {@code enabled}: boxes without {@code disabled}
 * @param warnings       what of the table is not applied, one sentence each
 */
record MarkdownItConfig(Anchors anchors, boolean markataDetails, boolean tasksEnabled, List<String> warnings) {

    static final ConfigSection<MarkdownItConfig> SECTION = new ConfigSection<>("markdown_it_py", MarkdownItConfig::read);

    /**
     * mdit-py-plugins' anchors_plugin settings: ids for headings of levels {@code minLevel} to
     * {@code maxLevel} (markata-java gives the others ids too), and with {@code permalink} a link
     * to the heading, {@code <a class="header-anchor" href="#id">symbol</a>}, the symbol as raw
     * HTML, at its end ({@code before}: at its start), a space between it and the text.
     */
    record Anchors(int minLevel, int maxLevel, boolean permalink, String symbol, boolean before, boolean space) {
        static final Anchors DEFAULTS = new Anchors(1, 2, false, "\u00b6", false, true);

        /**
         * The record's own text, written by hand: it is part of every post's render-cache key, and
         * a record's own toString is linked on first use (method handles spun at run time, on
         * the first post's task) and not inlined by C1.
         */
        @Override
        public String toString() {
            return "Anchors[minLevel=" + minLevel + ", maxLevel=" + maxLevel + ", permalink=" + permalink + ", symbol="
                    + symbol + ", before=" + before + ", space=" + space + "]";
        }
    }

    /** The plugins markata-java's Markdown has, by the names markata's toml loads them with. */
    private static final Set<String> BUILT_IN = Set.of("mdit_py_plugins.admon:admon_plugin",
            "mdit_py_plugins.attrs:attrs_plugin", "mdit_py_plugins.attrs:attrs_block_plugin",
            "markata.plugins.mdit_details:details_plugin", "mdit_py_plugins.anchors:anchors_plugin",
            "markata.plugins.md_it_wikilinks:wikilinks_plugin", "mdit_py_plugins.footnote:footnote_plugin",
            "mdit_py_plugins.tasklists:tasklists_plugin", "mdit_py_plugins.container:container_plugin");
    private static final String ANCHORS = "mdit_py_plugins.anchors:anchors_plugin";
    private static final String DETAILS = "markata.plugins.mdit_details:details_plugin";
    private static final String ADMON = "mdit_py_plugins.admon:admon_plugin";
    private static final String TASKLISTS = "mdit_py_plugins.tasklists:tasklists_plugin";
    /** markdown-it rules markata-java's Markdown has on (gfm-like's). */
    private static final Set<String> ON = Set.of("table", "strikethrough", "linkify");
    private static final String MARKDOWN_IT_PY = "markdown-it-py";
    private static final String MARKATAS_HIGHLIGHT = "markata.plugins.md_it_highlight_code:highlight_code";

    private static MarkdownItConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        List<String> warnings = new ArrayList<>();
        // markata's choice of renderer: markdown-it-py (its default), Python-Markdown or markdown2
        String backend = problems.read(() -> markata.string("markdown_backend", MARKDOWN_IT_PY), MARKDOWN_IT_PY);
        if (!backend.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-').equals(MARKDOWN_IT_PY)) {
            warnings.add(said(markata, "markdown_backend", "markata-java renders Markdown as markata's markdown-it-py"
                    + " backend does (the default)"));
        }
        String preset = problems.read(() -> table.string("config", "gfm-like"), "gfm-like");
        if (!preset.equals("gfm-like")) {
            warnings.add(said(table, "config", "markata-java's Markdown is gfm-like, with markata's plugins"));
        }
        List<String> enable = problems.read(() -> table.stringList("enable", List.of()), List.of());
        if (!ON.containsAll(enable)) {
            warnings.add(said(table, "enable", "markata-java's Markdown has only " + String.join(", ", ON.stream().sorted().toList())
                    + " of these on"));
        }
        List<String> disable = problems.read(() -> table.stringList("disable", List.of()), List.of());
        if (!disable.isEmpty()) {
            warnings.add(said(table, "disable", "markata-java's Markdown keeps every rule on"
                    + (disable.contains("image") ? " (images are shown)" : "")));
        }
        ConfigTable options = problems.read(() -> table.table("options_update"), null);
        if (options != null) {
            if (!problems.read(() -> options.bool("html", true), true)) {
                warnings.add(said(options, "html", "markata-java passes the HTML of posts through"));
            }
            if (!problems.read(() -> options.bool("linkify", true), true)) {
                warnings.add(said(options, "linkify", "markata-java links bare addresses"));
            }
            String highlight = problems.read(() -> options.string("highlight", MARKATAS_HIGHLIGHT), MARKATAS_HIGHLIGHT);
            if (!highlight.equals(MARKATAS_HIGHLIGHT)) {
                warnings.add(said(options, "highlight", "code is highlighted by markata-java's own highlighter"));
            }
        }
        Anchors anchors = Anchors.DEFAULTS;
        List<String> names = new ArrayList<>();
        boolean tasksEnabled = false;
        for (ConfigTable plugin : problems.read(() -> table.tables("plugins"), List.<ConfigTable>of())) {
            String name = problems.read(() -> plugin.string("plugin", ""), "");
            names.add(name);
            if (name.equals(ANCHORS)) {
                anchors = problems.read(() -> anchors(plugin.table("config")), Anchors.DEFAULTS);
            } else if (name.equals(TASKLISTS)) {
                tasksEnabled = problems.read(() -> plugin.table("config").bool("enabled", false), false);
            } else if (!BUILT_IN.contains(name)) {
                warnings.add(said(plugin, "plugin", "markata-java's Markdown has no such plugin; its syntax stays text"));
            }
        }
        problems.throwIfAny();
        return new MarkdownItConfig(anchors, names.contains(DETAILS) && !names.contains(ADMON), tasksEnabled,
                List.copyOf(warnings));
    }

    private static Anchors anchors(ConfigTable config) throws ConfigException {
        Anchors d = Anchors.DEFAULTS;
        int min = (int) config.integer("min_level", d.minLevel(), n -> n >= 1 && n <= 6, "a heading level, 1 to 6");
        int max = (int) config.integer("max_level", d.maxLevel(), n -> n >= 1 && n <= 6, "a heading level, 1 to 6");
        return new Anchors(min, max, config.bool("permalink", d.permalink()),
                config.string("permalinkSymbol", d.symbol()), config.bool("permalinkBefore", d.before()),
                config.bool("permalinkSpace", d.space()));
    }

    /** A warning about a key, in the form of the configuration's errors ("markata.toml: [table] key = value: ..."). */
    private static String said(ConfigTable table, String key, String why) {
        return table.error(key, why).getMessage();
    }
}
