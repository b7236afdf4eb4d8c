package dev.markata.plugins.auto_title;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post without a title gets markata's: its post model's {@code path.stem.replace("-", " ").title()}
 * (Python's {@code str.title}: a letter after anything but a letter is upper case, underscores
 * stay). markata's auto_title plugin, which also replaces underscores, only sees titles that are
 * still empty after the model, which none is.
 */
class AutoTitlePluginTest {

    @TempDir
    Path dir;

    @Test
    void aPostWithoutATitleIsNamedAsMarkatasPostModelNamesIt() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n")
                .post("posts/my-first_post.md", "published: true", "x")
                .post("posts/3d-printed-x11vnc.md", "published: true\ntitle: \"\"", "x")
                .post("posts/README.md", "published: true\ntitle:", "x");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/my-first-post/index.html")).contains("<h1>My First_Post</h1>");
        assertThat(site.read("markout/3d-printed-x11vnc/index.html")).contains("<h1>3D Printed X11Vnc</h1>");
        assertThat(site.read("markout/readme/index.html")).contains("<h1>Readme</h1>");
    }
}
