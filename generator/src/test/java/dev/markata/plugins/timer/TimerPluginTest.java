package dev.markata.plugins.timer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Reporter;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.plugins.timer}: after the build, where its time went, one line a stage in
 * markata's words for it ({@code "glob complete"}, as markata logs each stage) with its wall time
 * and share, and the plugin that took most of it. markata's own timer module is a stub that stops
 * the build in Python's debugger; a site listing it got "no plugin has this name" here.
 */
class TimerPluginTest {

    @TempDir
    Path dir;

    private List<String> build(String hooks) throws Exception {
        new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\nhooks = " + hooks + "\n")
                .post("posts/a.md", "title: A\npublished: true", "A.");
        List<String> said = new ArrayList<>();
        Reporter reporter = new Reporter() {
            @Override
            public void warn(String message) {
                said.add("warning: " + message);
            }

            @Override
            public void info(String message) {
                said.add(message);
            }
        };
        Markata.builder(dir).environment(Map.of()).reporter(reporter).open().build();
        return said;
    }

    @Test
    void afterTheBuildEachStageSaysItsTimeInMarkatasWords() throws Exception {
        List<String> said = build("[\"default\", \"markata.plugins.timer\"]");
        String summary = said.stream().filter(s -> s.startsWith("timer:")).findFirst().orElseThrow();
        List<String> lines = summary.lines().toList();
        assertThat(lines.get(0)).isEqualTo("timer: the build's wall time per stage");
        List<String> stages = Stage.inOrder().stream().filter(s -> s != Stage.TEARDOWN).map(Stage::id).toList();
        assertThat(lines).hasSize(stages.size() + 2);
        for (int i = 0; i < stages.size(); i++) {
            assertThat(lines.get(i + 1)).matches("  " + stages.get(i)
                    + " complete in \\d+\\.\\d ms \\( *\\d+\\.\\d%\\)( markata\\.plugins\\.\\w+ \\d+\\.\\d ms)?");
        }
        assertThat(lines).filteredOn(line -> line.startsWith("  render complete")).singleElement().asString()
                .contains(" markata.plugins.");
        assertThat(lines.get(lines.size() - 1)).matches("  build complete in \\d+\\.\\d ms");
    }

    @Test
    void withoutThePluginNothingIsSaid() throws Exception {
        assertThat(build("[\"default\"]")).noneMatch(s -> s.startsWith("timer:"));
    }
}
