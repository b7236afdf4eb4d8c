package dev.markata.plugins.render_markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post whose Markdown has Jinja statements but no {@code jinja: true}: markata's starters
 * before 0.8 rendered every post as Jinja, and their home pages loop over the posts; markata 0.8
 * on shows that text as written, and so does markata-java, but it says so, naming the file and
 * line and the front matter that turns Jinja on.
 */
class JinjaWithoutFlagTest {

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir);
        site.write("markata.toml", "[markata]\ntitle = \"T\"\n");
        return site;
    }

    @Test
    void aLoopInAPostWithoutJinjaTrueIsShownAndWarnedOfWithItsFileAndLine() throws Exception {
        Site site = site();
        site.write("posts/index.md", """
                ---
                title: Home
                ---

                # Latest

                {% for post in markata.posts %}
                - [{{ post.title }}]({{ post.slug }})
                {% endfor %}
                """);
        assertThat(Builds.warnings(dir)).singleElement().asString()
                .contains("posts/index.md:7", "{% for post in markata.posts %}", "jinja: true");
        // shown as written, as markata 0.8 on shows it
        assertThat(site.read("markout/index.html")).contains("{% for post in markata.posts %}");
    }

    /**
     * github.com/WaylonWalker/gh-projects: a post whose body is a tag of markata-gh (a Jinja
     * extension a Python package registers), on a line of its own, without jinja: true. markata 0.8
     * on shows it as text, as here; the build said nothing, and the page showed the tag.
     */
    @Test
    void aTagAloneOnItsLineIsWarnedOfAndAnExtensionsTagSaysWhose() throws Exception {
        Site site = site();
        site.write("gh_projects/index.md", """
                ---
                title: Markata's Github projects

                ---

                Create your own using the
                [gh-project](https://github.com/WaylonWalker/gh-projects/generate) template.

                {% gh_repo_list_topic "waylonwalker", "markata" %}
                """);
        site.write("markata.toml", "[markata]\nglob_patterns = \"gh_projects/**/*.md\"\n");
        assertThat(Builds.warnings(dir)).singleElement().asString()
                .startsWith("gh_projects/index.md:9: {% gh_repo_list_topic \"waylonwalker\", \"markata\" %} is shown"
                        + " as text")
                .contains("markata-gh", "cannot run it");
        assertThat(site.read("markout/index.html")).contains("{% gh_repo_list_topic");
    }

    @Test
    void jinjaInCodeOrNamedInProseOrWithJinjaTrueIsNotWarnedOf() throws Exception {
        Site site = site();
        site.post("posts/about-jinja.md", "title: About Jinja\ndate: 2024-01-01", """
                Loops look like `{% for x in xs %}` in a template:

                ```jinja
                {% for post in markata.posts %}
                {% endfor %}
                ```

                    {% if indented %}code{% endif %}

                | Syntax | Does |
                |---|---|
                | {% for p in posts %} | loops |
                """);
        site.post("posts/home.md", "title: Home\njinja: true", """
                {% for post in markata.posts %}{{ post.title }} {% endfor %}
                """);
        assertThat(Builds.warnings(dir)).isEmpty();
        assertThat(site.read("markout/home/index.html")).contains("About Jinja").doesNotContain("{%");
    }
}
