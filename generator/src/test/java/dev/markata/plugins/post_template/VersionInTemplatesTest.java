package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.MarkataVersion;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * markata renders its templates (a post's, a feed's, a {@code jinja: true} post's body) with
 * {@code __version__}, its own version (CHANGELOG 0.5.0: "Expose markata.__version__ to templates
 * as __version__"); sites print it in a generator tag or a footer.
 */
class VersionInTemplatesTest {

    @TempDir
    Path dir;

    @Test
    void templatesAndJinjaPostsPrintTheVersionOfMarkataJava() throws Exception {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\n");
        site.write("templates/post.html", "<p id=post>v={{ __version__ }}</p>{{ body }}");
        site.write("templates/feed.html", "<p id=feed>v={{ __version__ }}</p>");
        site.post("a.md", "title: A\ndate: 2024-01-02\npublished: true\njinja: true", "built by {{ __version__ }}");
        Markata.builder(dir).environment(Map.of()).reporter(new dev.markata.testing.Warnings()).open().build();

        String version = MarkataVersion.current().version();
        assertThat(version).isNotBlank().isNotEqualTo("unknown");
        assertThat(site.read("markout/a/index.html")).contains("<p id=post>v=" + version + "</p>")
                .contains("built by " + version);
        assertThat(site.read("markout/archive/index.html")).contains("<p id=feed>v=" + version + "</p>");
    }
}
