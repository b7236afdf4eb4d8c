package dev.markata.plugins.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.Markata;
import dev.markata.testing.Site;
import dev.markata.testing.Warnings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A post's own {@code date_time} in its front matter, as markata's Post model reads it (a datetime). */
class FrontMatterDateTimeTest {

    @TempDir
    Path dir;

    @Test
    void aFeedFilterComparesAFrontMatterDateTimeWithNow() throws Exception {
        Site site = new Site(dir).write("markata.toml", """
                        [markata.feeds.blog]
                        filter = "date_time <= now"
                        """)
                .post("posts/a.md", "title: A\ndate: 2024-05-01\ndate_time: 2024-05-01 10:00", "Alpha.")
                .post("posts/b.md", "title: B\ndate: 2024-05-02\ndate_time: 2999-01-01T10:00:00+02:00", "Beta.")
                .post("posts/c.md", "title: C\ndate: 2024-05-03", "Gamma.");
        Markata.builder(dir).environment(Map.of()).reporter(new Warnings()).open().build();
        String page = site.read("markout/blog/index.html");
        assertThat(page).contains("/a/").contains("/c/").doesNotContain("/b/");
    }
}
