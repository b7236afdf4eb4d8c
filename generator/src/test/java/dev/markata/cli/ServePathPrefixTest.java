package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.RawHttp;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata serve} of a site with a {@code path_prefix}: its pages link each other under the
 * prefix, so serve serves the output folder there, as the site's host does (markata's serve,
 * Python's http.server on the folder, serves it at the top, where those links lead nowhere).
 */
class ServePathPrefixTest {

    @TempDir
    Path dir;

    @Test
    void theSiteIsServedUnderItsPrefixAndFollowsAnEditOfIt() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\ntitle = \"Project\"\npath_prefix = \"project/\"\n")
                .post("posts/hello.md", "title: Hello\ndate: 2024-01-02\npublished: true", "Hi [[about]].")
                .post("posts/about.md", "title: About\ndate: 2024-01-01\npublished: true", "About.");
        try (WatchedServe serve = WatchedServe.start(dir)) {
            int port = Integer.parseInt(serve.waitFor("on http://127\\.0\\.0\\.1:(\\d+)/project/ ").group(1));
            assertThat(serve.get("/project/hello/")).contains("<a href=\"/project/about/\" class=\"wikilink\">");
            assertThat(serve.get("/project/about/")).contains("About.");
            // the top of the host opens the site; pages are not at the top
            assertThat(RawHttp.get(port, "/")).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /project/\r\n");
            assertThat(RawHttp.get(port, "/hello/")).startsWith("HTTP/1.1 404");

            site.write("markata.toml", "[markata]\ntitle = \"Project\"\npath_prefix = \"docs/v2/\"\n");
            serve.waitFor("path_prefix is now \"docs/v2/\": serving the site at http://127\\.0\\.0\\.1:\\d+/docs/v2/");
            assertThat(serve.getOnce("/docs/v2/hello/", "/docs/v2/about/")).contains("Hi");
            assertThat(RawHttp.get(port, "/project/hello/")).startsWith("HTTP/1.1 404");
        }
    }
}
