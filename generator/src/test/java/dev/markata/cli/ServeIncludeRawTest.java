package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} and the files {@code {% include_raw %}} tags show: named in a template's or
 * a post's text, not by a setting, so no file event of theirs built the site.
 */
class ServeIncludeRawTest {

    @TempDir
    Path dir;

    @Test
    void anEditOfAFileATemplateOrAPostIncludesRawBuildsAndShowsIt() throws Exception {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Raw\"\n")
                .write("snippets/footer.txt", "footer one").write("snippets/code.py", "print(1)")
                .write("templates/post.html", "{{ body }}<footer>{% include_raw 'snippets/footer.txt' %}</footer>")
                .post("posts/a.md", "title: A\njinja: true", "<pre>{% include_raw 'snippets/code.py' %}</pre>");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            assertThat(serve.getOnce("/a/", "footer one")).contains("print(1)");
            site.write("snippets/footer.txt", "footer two");
            serve.getOnce("/a/", "footer two");
            site.write("snippets/code.py", "print(2)");
            serve.getOnce("/a/", "print(2)");
        }
    }
}
