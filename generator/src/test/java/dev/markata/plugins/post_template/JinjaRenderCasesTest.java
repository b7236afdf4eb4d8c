package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.markata.config.SiteConfig;
import dev.markata.plugin.PluginException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates render what Jinja2 renders: small templates of the kinds markata templates use
 * (expressions, printing, filters, tests, loops, macros, set, namespace...), rendered by Jinja2
 * in markata's environment over one context (resources/jinja/make_render_cases.py), and through
 * {@link Templates} here. Where Jinja2 refuses a template, ours must fail too.
 */
class JinjaRenderCasesTest {

    /**
     * The cases that still render differently, each with why it is not fixed. The test fails on
     * any other difference and on a case here that starts to match (then take it out).
     */
    private static final Map<String, String> KNOWN = Map.ofEntries(
    );

    @TempDir
    static Path site;

    private static Templates templates;
    private static Map<String, Object> context;

    @BeforeAll
    static void setUp() {
        templates = Templates.forSite(new SiteConfig(site, site.resolve("markout"), site.resolve(".markata.cache"),
                site.resolve("static"), site.resolve("templates"), List.of("default"), List.of(), "", "Site", "", "",
                "", "en", 1));
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) value(GoldenCases.json(GoldenCases.text("/jinja/render-context.json")));
        context = values;
    }

    /** The context as the site's posts give it: YAML's types, the theme's dates. */
    private static Object value(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1 && node.has("$date")) {
                return Templates.templateDate(LocalDate.parse(node.get("$date").asText()));
            }
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.intValue() : (Object) node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    private record Outcome(String output, String error) {
    }

    private static Outcome render(String template) {
        try {
            return new Outcome(templates.renderString("case.md", template, 1, context), null);
        } catch (PluginException | RuntimeException e) {
            return new Outcome(null, String.valueOf(e.getMessage()));
        }
    }

    @Test
    void everyCaseRendersAsJinja2() {
        List<JsonNode> cases = GoldenCases.lines("/jinja/render-cases.jsonl");
        assertThat(cases).hasSizeGreaterThan(600);
        Set<String> differing = new TreeSet<>();
        StringBuilder report = new StringBuilder();
        for (JsonNode c : cases) {
            String template = c.get("template").asText();
            Outcome ours = render(template);
            boolean same;
            String jinja;
            if (c.has("error")) {
                jinja = "error " + c.get("error").asText();
                same = ours.error() != null;
            } else {
                jinja = c.get("output").asText();
                same = jinja.equals(ours.output());
            }
            if (!same) {
                differing.add(template);
                if (!KNOWN.containsKey(template)) {
                    report.append("\n[").append(c.get("kind").asText()).append("] ").append(template)
                            .append("\n   jinja2: ").append(jinja)
                            .append("\n   ours:   ").append(ours.error() != null ? "error " + ours.error() : ours.output());
                }
            }
        }
        Set<String> nowMatching = new TreeSet<>(KNOWN.keySet());
        nowMatching.removeAll(differing);
        assertThat(report.toString()).as("cases that render differently from Jinja2").isEmpty();
        assertThat(nowMatching).as("known differences that now match Jinja2: take them out of KNOWN").isEmpty();
    }

    /** Where Jinja2 refuses a template, our error names the document and says what was wrong. */
    @Test
    void errorsNameTheDocument() {
        for (JsonNode c : GoldenCases.lines("/jinja/render-cases.jsonl")) {
            String template = c.get("template").asText();
            if (c.has("error") && !KNOWN.containsKey(template)) {
                assertThat(render(template).error()).as(template).startsWith("case.md").hasSizeGreaterThan(20);
            }
        }
    }
}
