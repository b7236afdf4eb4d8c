package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.config.SiteConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop that only prints its item ({@code {% for card in cards %}{{ card }}\n{% endfor %}}, the
 * feed pages' loop over their cards) is put together without walking its items through jinjava:
 * it prints what the same loop walked item by item prints, whatever the items' text, and loops
 * whose printing changes the text (autoescape) or whose items are not text are walked.
 */
class JinjaForTagTest {

    @TempDir
    static Path site;

    private static Templates templates;

    @BeforeAll
    static void setUp() {
        templates = Templates.forSite(new SiteConfig(site, site.resolve("markout"), site.resolve(".markata.cache"),
                site.resolve("static"), site.resolve("templates"), List.of("default"), List.of(), "", "Site", "", "",
                "", "en", 1, ""));
    }

    private static final List<Object> TEXTS = List.of("<li><a href=\"/a/\">A & B</a></li>", "{{ not_run }} {% if x %}",
            "back\\slash \"double\" 'single' \\n", "日本語 😀 é", "", "line\nbreak\n", "\ud800 a lone surrogate", " ");

    private static String render(String template, Object items) throws Exception {
        return templates.renderString("loop.html", template, 1, Map.of("cards", items));
    }

    /** The template with {@code {{ '' }}} after the item: a loop printing the same that is walked. */
    private static String walked(String template) {
        return template.replace("{{ card }}", "{{ card }}{{ '' }}");
    }

    @Test
    void aLoopPrintingItsTextItemsPrintsWhatWalkingThemPrints() throws Exception {
        for (String template : List.of("<ul>{% for card in cards %}{{ card }}\n{% endfor %}</ul>",
                "{% for card in cards %}{{ card }}{% endfor %}", "{% for card in cards %}{{ card }} | {% endfor %}.",
                "{% for card in cards %}\n  {{ card }}\n{% endfor %}")) {
            String printed = render(template, TEXTS);
            assertThat(printed).as(template).isEqualTo(render(walked(template), TEXTS))
                    .contains("<li><a href=\"/a/\">A & B</a></li>").contains("{{ not_run }}");
            assertThat(render(template, List.of())).as(template).isEqualTo(render(walked(template), List.of()));
        }
    }

    @Test
    void underAutoescapeTheItemsAreEscapedAsWhenWalked() throws Exception {
        String template = "{% autoescape true %}{% for card in cards %}{{ card }}\n{% endfor %}{% endautoescape %}";
        assertThat(render(template, TEXTS)).isEqualTo(render(walked(template), TEXTS)).contains("&lt;li&gt;");
    }

    @Test
    void itemsThatAreNotTextPrintAsWhenWalked() throws Exception {
        String template = "{% for card in cards %}{{ card }};{% endfor %}";
        List<Object> items = Arrays.asList("text", 1, 2.5, true, null, List.of("a", "b"), Map.of("k", 1));
        assertThat(render(template, items)).isEqualTo(render(walked(template), items)).contains("2.5;True;").contains("['a', 'b'];");
        // text loops over itself as one item, as jinjava's loop does
        assertThat(render(template, "abc")).isEqualTo(render(walked(template), "abc"));
    }
}
