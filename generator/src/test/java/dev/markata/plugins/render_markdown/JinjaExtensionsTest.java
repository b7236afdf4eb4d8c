package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What markata's jinja_md gives Jinja posts beyond Jinja: {@code jinja} read as its pydantic
 * bool, its own {@code {% include_raw %}} tag, and the tags of the Python packages that register
 * Jinja extensions for it (markata-gh's {@code gh_repo_list_topic}), which cannot run here.
 */
class JinjaExtensionsTest {

    @TempDir
    Path dir;

    private Site site() {
        return new Site(dir).write("markata.toml", "[markata]\ntitle = \"T\"\n");
    }

    @Test
    void aTagOfMarkataGhIsAnErrorThatSaysWhoseItIs() {
        site().post("posts/projects.md", "title: Projects\njinja: true",
                "# Projects\n\n{% gh_repo_list_topic \"WaylonWalker\", \"markata\" %}\n");
        Throwable error = catchThrowable(() -> Builds.withoutWarnings(dir));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("posts/projects.md", ":8:", "gh_repo_list_topic", "markata-gh",
                "gh command", "cannot run");
    }

    @Test
    void anotherUnknownTagSaysItMayBeAnExtensionsTag() {
        site().post("posts/a.md", "title: A\njinja: true", "{% shout 'hi' %}\n");
        Throwable error = catchThrowable(() -> Builds.withoutWarnings(dir));
        assertThat(error).isNotNull();
        assertThat(error.getMessage()).contains("posts/a.md", "shout", "markata.jinja_md");
    }

    @Test
    void jinjaIsReadAsPydanticReadsABool() throws Exception {
        Site site = site();
        site.post("posts/a.md", "title: A\njinja: \"yes\"", "{{ 1 + 1 }}");
        site.post("posts/b.md", "title: B\njinja: 'off'", "{{ 1 + 1 }}");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/a/index.html")).contains("<p>2</p>");
        assertThat(site.read("markout/b/index.html")).contains("{{ 1 + 1 }}");
    }

    @Test
    void includeRawPutsAFilesTextInAsWritten() throws Exception {
        Site site = site();
        site.write("snippets/hello.py", "print('{{ not a template }}')\n");
        site.post("posts/a.md", "title: A\njinja: true", "```python\n{% include_raw 'snippets/hello.py' %}\n```");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/a/index.html")).contains("print(<span class=\"s\">'{{ not a template }}'</span>)");
    }

    @Test
    void aWarmBuildShowsTheFileAnIncludeRawTagNamesAsItIsNow() throws Exception {
        // the file is named in a post's or a template's text, not by a setting: warm builds kept
        // the pages with its old text (skip's keys did not cover it)
        Site site = site();
        site.write("snippets/hello.py", "print(1)\n").write("snippets/footer.txt", "footer one\n")
                .write("templates/post.html", "{{ body }}<footer>{% include_raw 'snippets/footer.txt' %}</footer>");
        site.post("posts/a.md", "title: A\njinja: true", "```python\n{% include_raw 'snippets/hello.py' %}\n```");
        site.post("posts/b.md", "title: B", "b");
        Builds.withoutWarnings(dir);
        assertThat(site.read("markout/a/index.html")).contains("<span class=\"m\">1</span>").contains("footer one");
        site.write("snippets/hello.py", "print(2)\n");
        Builds.warmMatchesClean(dir, "a post's include_raw file edited");
        assertThat(site.read("markout/a/index.html")).contains("<span class=\"m\">2</span>");
        site.write("snippets/footer.txt", "footer two\n");
        Builds.warmMatchesClean(dir, "a template's include_raw file edited");
        assertThat(site.read("markout/b/index.html")).contains("<footer>footer two\n</footer>");
    }
}
