package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's template that extends the theme's {@code base.html} fills the blocks markata's own
 * {@code base.html} has: {@code head}, {@code body}, and in it {@code content} and {@code footer}
 * ({@code {% block body %}{% block content %}{% endblock %}{% block footer %}{% endblock %}{% endblock %}}).
 * A {@code footer} or {@code body} block of such a template was dropped without a word: the theme's
 * base had no block of that name.
 */
class ThemeBlocksTest {

    @TempDir
    Path dir;

    private Site site(String postTemplate) {
        return new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"pages/*.md\"\ntemplates_dir = \"templates\"\n")
                .write("templates/post.html", postTemplate)
                .post("pages/a.md", "title: A", "Hello.");
    }

    @Test
    void aFooterBlockReplacesTheThemesFooter() throws Exception {
        site("""
                {% extends "base.html" %}
                {% block content %}<article id="mine">{{ body }}</article>{% endblock %}
                {% block footer %}<footer id="own">Thanks for reading</footer>{% endblock %}
                """);
        Builds.withoutWarnings(dir);

        Document page = Jsoup.parse(dir.resolve("markout/a/index.html").toFile());
        assertThat(page.select("#mine p").text()).isEqualTo("Hello.");
        assertThat(page.select("footer").eachAttr("id")).containsExactly("own");
        // the theme's header and style stay
        assertThat(page.select("header.site")).hasSize(1);
    }

    @Test
    void aBodyBlockReplacesAllOfTheBody() throws Exception {
        site("""
                {% extends "base.html" %}
                {% block body %}<div id="whole">{{ body }}</div>{% endblock %}
                """);
        Builds.withoutWarnings(dir);

        Document page = Jsoup.parse(dir.resolve("markout/a/index.html").toFile());
        assertThat(page.body().children()).hasSize(1);
        assertThat(page.select("body > #whole p").text()).isEqualTo("Hello.");
        assertThat(page.title()).isEqualTo("Markata Site");
    }
}
