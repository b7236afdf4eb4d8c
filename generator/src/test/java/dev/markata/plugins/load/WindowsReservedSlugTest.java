package dev.markata.plugins.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slug that is a device name on Windows ({@code con}, {@code lpt1}) builds, as in markata, but
 * the folder it makes cannot be checked out or deployed from Windows: a warning names the post
 * and the slug, on warm builds too (the post then comes from the load cache).
 */
class WindowsReservedSlugTest {

    @TempDir
    Path dir;

    @Test
    void aSlugThatIsAWindowsDeviceNameIsWarnedOfWithThePostAndTheSlugAndStillBuilt() throws Exception {
        new Site(dir).write("markata.toml", "[markata]\n")
                .post("posts/con.md", "title: Con\npublished: true", "c")
                .post("posts/x.md", "title: X\nslug: Blog/LPT1\npublished: true", "x")
                .post("posts/console.md", "title: Console\npublished: true", "fine");

        for (String build : List.of("cold", "warm")) {
            List<String> warnings = Builds.warnings(dir);
            assertThat(warnings).as(build).hasSize(2);
            assertThat(warnings).as(build).anySatisfy(w -> assertThat(w)
                    .startsWith("posts/con.md: the slug \"con\" is a device name on Windows")
                    .contains("slug: con-post"));
            assertThat(warnings).as(build).anySatisfy(w -> assertThat(w)
                    .startsWith("posts/x.md: the slug \"blog/lpt1\" has \"lpt1\", which is a device name on Windows"));
            assertThat(dir.resolve("markout/con/index.html")).exists();
            assertThat(dir.resolve("markout/blog/lpt1/index.html")).exists();
        }
    }
}
