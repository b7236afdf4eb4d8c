package dev.markata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which changed files serve --watch builds for: those a build reads, and nothing else. */
class SiteInputsTest {

    @TempDir
    Path dir;

    private SiteInputs inputs() {
        new Site(dir).write("markata.toml", """
                [markata]
                title = "Inputs"
                [markata.glob]
                glob_patterns = ["posts/**/*.md", "pages/*.md"]
                [[markata.covers]]
                name = "-og"
                template = "art/cover.png"
                font = "fonts/title.ttf"
                """)
                .write(".gitignore", "posts/drafts/\n")
                .post("posts/a.md", "title: A", "a")
                .post("posts/2024/b.md", "title: B", "b")
                .post("pages/about.md", "title: About", "about")
                .write("templates/post.html", "{{ body }}")
                .write("static/style.css", "body {}")
                .write("art/cover.png", "png")
                .write("notes/todo.md", "not a post");
        return SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
    }

    private boolean reads(SiteInputs inputs, String relative) {
        return inputs.reads(dir.resolve(relative), false);
    }

    @Test
    void theFilesABuildReadsAreInputs() {
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "markata.toml")).isTrue();
        assertThat(reads(inputs, "pyproject.toml")).isTrue();
        assertThat(reads(inputs, ".gitignore")).isTrue();
        assertThat(reads(inputs, ".markataignore")).isTrue();
        assertThat(reads(inputs, "posts/a.md")).isTrue();
        assertThat(reads(inputs, "posts/new.md")).as("a post saved for the first time").isTrue();
        assertThat(reads(inputs, "posts/2024/b.md")).isTrue();
        assertThat(reads(inputs, "pages/about.md")).isTrue();
        assertThat(reads(inputs, "templates/post.html")).isTrue();
        assertThat(reads(inputs, "templates/partials/new.html")).isTrue();
        assertThat(reads(inputs, "static/style.css")).isTrue();
        assertThat(reads(inputs, "art/cover.png")).as("named by [[markata.covers]] template").isTrue();
        assertThat(reads(inputs, "fonts/title.ttf")).as("named, though not there yet").isTrue();
    }

    @Test
    void filesNoBuildReadsAreNot() {
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "serve.log")).as("serve --watch | tee serve.log").isFalse();
        assertThat(reads(inputs, "posts/serve.log")).isFalse();
        assertThat(reads(inputs, "posts/.a.md.swp")).as("vim's swap file").isFalse();
        assertThat(reads(inputs, "posts/a.md~")).as("an editor's backup").isFalse();
        assertThat(reads(inputs, "posts/4913")).as("vim's test of the folder").isFalse();
        assertThat(reads(inputs, "notes/todo.md")).as("matches no glob pattern").isFalse();
        assertThat(reads(inputs, "pages/deep/x.md")).as("pages/*.md is one folder deep").isFalse();
        assertThat(reads(inputs, "posts/drafts/c.md")).as("in a folder .gitignore excludes").isFalse();
        assertThat(reads(inputs, ".git/index")).isFalse();
        assertThat(reads(inputs, "markout/a/index.html")).isFalse();
        assertThat(reads(inputs, "markout/posts/a.md")).as("in output_dir, though it matches").isFalse();
        assertThat(reads(inputs, ".markata.cache/load/0")).isFalse();
    }

    @Test
    void anEditorsSwapOrBackupFileInTheTemplatesFolderIsNoInput() {
        // vim rewrites templates/.post.html.swp every few seconds while a template is edited, and
        // each write built the whole site again (re-rendering every page) before it was saved
        SiteInputs inputs = inputs();
        assertThat(reads(inputs, "templates/.post.html.swp")).isFalse();
        assertThat(reads(inputs, "templates/partials/.nav.html.swx")).isFalse();
        assertThat(reads(inputs, "templates/post.html~")).isFalse();
        assertThat(reads(inputs, "templates/post.html")).isTrue();
        // assets are copied as they are, hidden ones too (.well-known/, .htaccess)
        assertThat(reads(inputs, "static/.htaccess")).isTrue();
        assertThat(reads(inputs, "static/.well-known/security.txt")).isTrue();
    }

    @Test
    void aFolderIsAnInputWhenItHeldOrHoldsWhatABuildReads() throws Exception {
        SiteInputs inputs = inputs();
        // gone (renamed away, deleted): known only as a watched folder
        assertThat(inputs.reads(dir.resolve("posts/2023"), true)).isTrue();
        assertThat(inputs.reads(dir.resolve("templates"), true)).isTrue();
        assertThat(inputs.reads(dir.resolve("art"), true)).as("held the cover's template").isTrue();
        assertThat(inputs.reads(dir.resolve("logs"), true)).isFalse();
        assertThat(inputs.reads(dir.resolve("posts/drafts"), true)).isFalse();
        // moved in with its files, or made empty
        new Site(dir).post("posts/moved/c.md", "title: C", "c").write("posts/tmp/notes.txt", "x");
        Files.createDirectories(dir.resolve("posts/empty"));
        assertThat(inputs.reads(dir.resolve("posts/moved"), false)).isTrue();
        assertThat(inputs.reads(dir.resolve("posts/tmp"), false)).isFalse();
        assertThat(inputs.reads(dir.resolve("posts/empty"), false)).isFalse();
    }

    @Test
    void aConfigurationThatDoesNotLoadKeepsTheLastInputs() {
        SiteInputs before = inputs();
        new Site(dir).write("markata.toml", "[markata\n");
        SiteInputs broken = SiteInputs.of(dir, Map.of(), before, dir.resolve("markout"));
        assertThat(reads(broken, "posts/a.md")).isTrue();
        assertThat(reads(broken, "serve.log")).isFalse();
        SiteInputs brokenAtStart = SiteInputs.of(dir, Map.of(), null, dir.resolve("markout"));
        assertThat(reads(brokenAtStart, "markata.toml")).as("only its fix can make a build work").isTrue();
        assertThat(reads(brokenAtStart, "serve.log")).isFalse();
    }
}
