package dev.markata.cli;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --watch} and posts that are symbolic links: a build reads the file a link leads
 * to, and an edit of that file changes nothing in the folder the link is in, so no edit of it
 * was built. The folders of the files the last build's links led to are watched too.
 */
class ServeLinkedPostsTest {

    @TempDir
    Path dir;

    @Test
    void anEditOfTheFileAPostsLinkLeadsToBuildsAndShowsIt() throws Exception {
        Path site = dir.resolve("site");
        Site files = new Site(dir)
                .write("site/markata.toml", "[markata]\n[markata.glob]\nglob_patterns = [\"posts/*.md\"]\n")
                .post("site/posts/a.md", "title: A", "a")
                .post("notes/journal/outside.md", "title: Outside", "outside one")
                .post("site/drafts/inside.md", "title: Inside", "inside one");
        // one to a file outside the site folder, one to a file of the site the glob does not read
        Files.createSymbolicLink(site.resolve("posts/outside.md"), dir.resolve("notes/journal/outside.md"));
        Files.createSymbolicLink(site.resolve("posts/inside.md"), Path.of("../drafts/inside.md"));
        try (WatchedServe serve = WatchedServe.start(site)) {
            serve.getOnce("/outside/", "outside one");
            serve.getOnce("/inside/", "inside one");
            files.post("notes/journal/outside.md", "title: Outside", "outside two");
            serve.getOnce("/outside/", "outside two");
            files.post("site/drafts/inside.md", "title: Inside", "inside two");
            serve.getOnce("/inside/", "inside two");
        }
    }
}
