package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TrimBlocks outputs what jinjava's own trim_blocks does for block tags, and keeps every line of
 * the template. After comments and {@code {% raw %}}, and a CRLF after a tag, it takes the newline
 * as Jinja does, where jinjava kept it in some places (a comment after text; of a CRLF, the CR).
 */
class TrimBlocksTest {

    private static final Jinjava TRIMMING = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true)
            .withLstripBlocks(true).build());
    private static final Jinjava PLAIN = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(false)
            .withLstripBlocks(true).build());

    private static final String[] LEAVES = {"a", "\n", "\n", "  ", "{{ 1 }}", "{%- if true -%}x{%- endif -%}"};
    private static final String[][] BLOCKS = {{"{% if true %}", "{% endif %}"}, {"{% for i in [1, 2] %}", "{% endfor %}"},
            {"  {% if false %}", "{% else %}\n", "  {% endif %}"}};

    private static String template(Random random, int depth) {
        StringBuilder out = new StringBuilder();
        int parts = random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (depth < 3 && random.nextInt(3) == 0) {
                String[] block = BLOCKS[random.nextInt(BLOCKS.length)];
                out.append(block[0]).append(random.nextBoolean() ? "\n" : "");
                for (int j = 1; j < block.length; j++) {
                    out.append(template(random, depth + 1)).append(block[j])
                            .append(random.nextBoolean() ? "\n" : "");
                }
            } else {
                out.append(LEAVES[random.nextInt(LEAVES.length)]);
            }
        }
        return out.toString();
    }

    @Test
    void outputIsJinjavasTrimBlocksOutput() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String template = template(random, 0);
            String trimmed = TrimBlocks.apply(template);
            assertThat(PLAIN.render(trimmed, Map.of())).as("%s", template.replace("\n", "\\n"))
                    .isEqualTo(TRIMMING.render(template, Map.of()));
            assertThat(trimmed.split("\n", -1).length).as("%s -> %s", template, trimmed)
                    .isEqualTo(template.split("\n", -1).length);
        }
    }

    @Test
    void examples() {
        assertThat(TrimBlocks.apply("{% if x %}\nA\n{% endif %}\n")).isEqualTo("{% if x %}{#\n#}A\n{% endif %}{#\n#}");
        assertThat(TrimBlocks.apply("{# c #}\r\nA")).isEqualTo("{# c \r\n#}A");
        assertThat(TrimBlocks.apply("{% raw %}\n{% if %}\n{% endraw %}\n")).isEqualTo("{% raw \n%}{% if %}\n{% endraw %}{#\n#}");
        assertThat(TrimBlocks.apply("{% if x +%}\nA")).isEqualTo("{% if x +%}\nA");
        assertThat(TrimBlocks.apply("no tags\n")).isEqualTo("no tags\n");
        assertThat(PLAIN.render(TrimBlocks.apply("a{# c #}\nb{% raw %}\n{{ x }}\n{% endraw %}\nc{% if true %}\r\nd{% endif %}"), Map.of()))
                .isEqualTo("ab{{ x }}\ncd");
        assertThat(TrimBlocks.apply("{#- c -#}\nA")).isEqualTo("{#- c \n-#}A");
    }
}
