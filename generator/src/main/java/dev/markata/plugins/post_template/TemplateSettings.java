package dev.markata.plugins.post_template;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template settings markata keeps in {@code [markata]}: {@code post_template} (a template
 * name, or a table of output names to templates: {@code {index = "post.html", partial =
 * "post_partial.html"}}), plus the whole {@code [markata]} table, which templates see as
 * {@code config} ({@code config.head}, {@code config.nav}, any key a site adds), its
 * {@code style} as markata's Style model makes it ({@link StyleConfig}).
 *
 * @param postTemplates output name to template; "index" is the post's own page
 * @param markata       the {@code [markata]} table, {@code style} with markata's defaults
 */
public record TemplateSettings(Map<String, String> postTemplates, Map<String, Object> markata) {

    /** Read through the {@code jinja_env} section name: markata's post_template key may be a string. */
    public static final ConfigSection<TemplateSettings> SECTION = new ConfigSection<>("jinja_env", TemplateSettings::read);

    public TemplateSettings {
        postTemplates = Map.copyOf(postTemplates);
    }

    private static TemplateSettings read(ConfigTable section, ConfigTable markata) throws ConfigException {
        Map<String, String> templates = new LinkedHashMap<>();
        Object value = markata.raw("post_template").orElse(null);
        if (value == null) {
            templates.put("index", null);
        } else if (value instanceof String s && !s.isBlank()) {
            templates.put("index", s.strip());
        } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof String t) || t.isBlank()) {
                    throw markata.error("post_template", "every output of the table needs a template name, like"
                            + " {index = \"post.html\", partial = \"post_partial.html\"}");
                }
                if (!name.matches(ExtraPages.OUTPUT_NAME)) {
                    throw markata.error("post_template", ExtraPages.OUTPUT_NAME_RULE + " (\"" + name + "\" is not)");
                }
                templates.put(name, t.strip());
            }
        } else {
            throw markata.error("post_template",
                    "must be a template name (\"post.html\") or a table of output names to templates");
        }
        Map<String, Object> seen = new LinkedHashMap<>(markata.asMap());
        // markata's Style model: the theme's palettes under the site's colours
        seen.put("style", StyleConfig.read(markata));
        return new TemplateSettings(nullsAllowed(templates), Collections.unmodifiableMap(seen));
    }

    private static Map<String, String> nullsAllowed(Map<String, String> templates) {
        // Map.copyOf rejects nulls: "index" without a template means the post's own template
        Map<String, String> copy = new LinkedHashMap<>();
        templates.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return copy;
    }
}
