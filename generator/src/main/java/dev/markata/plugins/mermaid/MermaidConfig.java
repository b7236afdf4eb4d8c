package dev.markata.plugins.mermaid;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code [markata.mermaid]}. markata's plugin has no settings: the script that draws the
 * diagrams is its theme's {@code mermaid.html} (mermaid 11.4.1 from jsDelivr, theme
 * {@code dark}, look {@code handDrawn}), so the defaults here are that template's values.
 *
 * @param scriptUrl where mermaid's ES module is loaded from: an {@code https://} (or
 *                  {@code http://}) address, or a path from the site's root for a copy served
 *                  with the site ({@code "/mermaid/mermaid.esm.min.mjs"}); the page's only
 *                  external request when it is a CDN's
 * @param theme     mermaid's theme, or {@code auto}: {@code dark} when the page is dark (the
 *                  built-in theme's switch, else the system's setting), {@code default} otherwise
 * @param look      mermaid's look: {@code handDrawn} or {@code classic}
 */
record MermaidConfig(String scriptUrl, String theme, String look) {

    static final String DEFAULT_SCRIPT_URL = "https://cdn.jsdelivr.net/npm/mermaid@11.4.1/dist/mermaid.esm.min.mjs";
    static final String DEFAULT_THEME = "dark";
    static final String DEFAULT_LOOK = "handDrawn";
    static final String AUTO = "auto";
    static final List<String> THEMES = List.of(AUTO, "default", "neutral", "dark", "forest", "base");
    static final List<String> LOOKS = List.of("handDrawn", "classic");

    /**
     * An address the script can import: it is written into a JavaScript string inside the page,
     * so quotes, backslashes, spaces and angle brackets are refused rather than escaped.
     */
    private static final Pattern SCRIPT_URL = Pattern.compile("(https?://|/)[^\\s'\"`\\\\<>]+");

    static final ConfigSection<MermaidConfig> SECTION = new ConfigSection<>("mermaid", MermaidConfig::read);

    private static MermaidConfig read(ConfigTable table, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        String url = problems.read(() -> table.string("script_url", DEFAULT_SCRIPT_URL), DEFAULT_SCRIPT_URL);
        if (!SCRIPT_URL.matcher(url).matches()) {
            problems.add(table.error("script_url", "must be an https:// or http:// address or a path from the site's root"
                    + " (like \"/mermaid/mermaid.esm.min.mjs\" for a copy in the assets folder), without spaces,"
                    + " quotes, backslashes, < or >"));
            url = DEFAULT_SCRIPT_URL;
        }
        String theme = problems.read(() -> table.choice("theme", DEFAULT_THEME, THEMES), DEFAULT_THEME);
        String look = problems.read(() -> table.choice("look", DEFAULT_LOOK, LOOKS), DEFAULT_LOOK);
        problems.throwIfAny();
        return new MermaidConfig(url, theme, look);
    }

    /**
     * The script that draws the page's diagrams: mermaid's module, started on the page's load as
     * markata's template starts it. Pages showing several posts with diagrams hold it once per
     * post; the browser loads the module once and mermaid draws each diagram once.
     */
    String script() {
        String themeValue = theme.equals(AUTO)
                ? "(document.documentElement.getAttribute('data-theme') ? document.documentElement.getAttribute('data-theme') === 'dark'"
                        + " : matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'default'"
                : "'" + theme + "'";
        return "<script type=\"module\">\n"
                + "import mermaid from '" + scriptUrl + "';\n"
                + "mermaid.initialize({ startOnLoad: true, theme: " + themeValue + ", look: '" + look + "' });\n"
                + "</script>";
    }
}
