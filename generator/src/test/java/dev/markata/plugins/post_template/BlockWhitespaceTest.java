package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BlockWhitespace gives jinjava Jinja's trim_blocks and lstrip_blocks, and keeps every line of the template. */
class BlockWhitespaceTest {

    private static final Jinjava TRIMMING = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true)
            .withLstripBlocks(true).build());
    private static final Jinjava PLAIN = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(false)
            .withLstripBlocks(false).build());

    private record Case(String template, String jinja) {
    }

    private static List<Case> cases(String resource) {
        return GoldenCases.lines(resource).stream()
                .map(c -> new Case(c.get("template").asText(), c.get("output").asText())).toList();
    }

    private static String render(String template) {
        return PLAIN.render(BlockWhitespace.apply(template), Map.of());
    }

    /**
     * Templates rendered by Jinja2 with markata's settings (resources/jinja/make_whitespace_cases.py):
     * the same text. jinjava's own trim_blocks and lstrip_blocks differed from Jinja in about half.
     */
    @Test
    void outputIsJinjasOutput() throws Exception {
        List<Case> cases = cases("/jinja/whitespace-cases.jsonl");
        assertThat(cases).hasSize(800);
        assertThat(cases).allSatisfy(c -> assertThat(render(c.template())).as("%s", c.template()).isEqualTo(c.jinja()));
        // and the template keeps its lines, so errors name the right one
        assertThat(cases).allSatisfy(c -> assertThat(BlockWhitespace.apply(c.template()).split("\n", -1))
                .hasSameSizeAs(c.template().split("\n", -1)));
    }

    /**
     * With {@code {%-} and {@code -%}} marks, jinjava's whitespace control differs from Jinja's in
     * places; wherever jinjava's own trim_blocks and lstrip_blocks gave Jinja's text, this does too.
     */
    @Test
    void withWhitespaceMarksTheOutputIsJinjasWhereverJinjavasOwnWas() throws Exception {
        List<Case> cases = cases("/jinja/whitespace-marks-cases.jsonl");
        assertThat(cases).hasSize(800);
        assertThat(cases).filteredOn(c -> TRIMMING.render(c.template(), Map.of()).equals(c.jinja()))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(render(c.template())).as("%s", c.template()).isEqualTo(c.jinja()));
    }

    @Test
    void examples() {
        assertThat(BlockWhitespace.apply("{% if x %}\nA\n{% endif %}\n")).isEqualTo("{% if x %}{#\n#}A\n{% endif %}{#\n#}");
        assertThat(BlockWhitespace.apply("{# c #}\r\nA")).isEqualTo("{# c \r\n#}A");
        assertThat(BlockWhitespace.apply("{% raw %}\n{% if %}\n{% endraw %}\n")).isEqualTo("{% raw \n%}{% if %}\n{% endraw %}{#\n#}");
        assertThat(BlockWhitespace.apply("{% if x +%}\nA")).isEqualTo("{% if x +%}\nA");
        assertThat(BlockWhitespace.apply("no tags\n")).isEqualTo("no tags\n");
        assertThat(render("<p>Posted {% if true %}today{% endif %}</p>\n  {% if true %}\n  x\n{% endif %}"))
                .isEqualTo("<p>Posted today</p>\n  x\n");
        assertThat(render("a{# c #}\nb{% raw %}\n{{ x }}\n{% endraw %}\nc{% if true %}\r\nd{% endif %}"))
                .isEqualTo("ab{{ x }}\ncd");
        assertThat(BlockWhitespace.apply("{#- c -#}\nA")).isEqualTo("{#- c \n-#}A");
    }
}
