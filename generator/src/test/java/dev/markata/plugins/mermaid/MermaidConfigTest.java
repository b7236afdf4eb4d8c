package dev.markata.plugins.mermaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigTable;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MermaidConfigTest {

    private static MermaidConfig read(Map<String, ?> values) throws ConfigException {
        ConfigTable table = new ConfigTable("markata.toml", "markata.mermaid", values, Map.of());
        return MermaidConfig.SECTION.reader().read(table, ConfigTable.empty("markata.toml", "markata"));
    }

    @Test
    void theDefaultsAreMarkatasTemplate() throws Exception {
        MermaidConfig config = read(Map.of());
        assertThat(config).isEqualTo(new MermaidConfig(
                "https://cdn.jsdelivr.net/npm/mermaid@11.4.1/dist/mermaid.esm.min.mjs", "dark", "handDrawn"));
        assertThat(config.script()).isEqualTo("""
                <script type="module">
                import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11.4.1/dist/mermaid.esm.min.mjs';
                mermaid.initialize({ startOnLoad: true, theme: 'dark', look: 'handDrawn' });
                </script>""");
    }

    @Test
    void aLocalCopyAndAutoTheme() throws Exception {
        MermaidConfig config = read(Map.of("script_url", "/mermaid/mermaid.esm.min.mjs", "theme", "auto", "look", "classic"));
        assertThat(config.script()).contains("import mermaid from '/mermaid/mermaid.esm.min.mjs';")
                .contains("matchMedia('(prefers-color-scheme: dark)')").contains("look: 'classic'");
    }

    @Test
    void everyBadValueIsNamedWithWhatIsAllowed() {
        ConfigException error = catchThrowableOfType(() -> read(Map.of("script_url", "mermaid.mjs'); alert(1); ('",
                "theme", "purple", "look", 3L)), ConfigException.class);
        assertThat(error.problems()).hasSize(3);
        assertThat(error.problems().get(0)).startsWith("markata.toml: [markata.mermaid] script_url = ")
                .contains("must be an https:// or http:// address or a path from the site's root");
        assertThat(error.problems().get(1)).isEqualTo("markata.toml: [markata.mermaid] theme = \"purple\": must be one of"
                + " \"auto\", \"default\", \"neutral\", \"dark\", \"forest\", \"base\"");
        assertThat(error.problems().get(2)).contains("look = 3").contains("\"handDrawn\", \"classic\"");
    }

    @Test
    void anAddressOfAnotherSchemeOrWithSpacesIsRefused() {
        for (String url : new String[] {"javascript:alert(1)", "mermaid.mjs", "/a b.mjs", "https://x/<y>", ""}) {
            assertThat(catchThrowableOfType(() -> read(Map.of("script_url", url)), ConfigException.class))
                    .as(url).hasMessageContaining("script_url");
        }
    }
}
