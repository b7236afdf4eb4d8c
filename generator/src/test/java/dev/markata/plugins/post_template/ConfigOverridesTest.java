package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post's {@code config_overrides}: markata deep-merges them over the configuration its page's
 * templates see as {@code config} (CHANGELOG 0.5.0: "DeepMerge config_overrides with config in
 * post render methods"; its post_template documents {@code config_overrides: {head: {meta: ...},
 * style: {...}}}): the blog starter's pages/jinja.md adds a style to its own head that way.
 */
class ConfigOverridesTest {

    @TempDir
    Path dir;

    private Site site() {
        Site site = new Site(dir);
        site.write("markata.toml", """
                [markata]
                title = "T"

                [[markata.head.meta]]
                name = "site-wide"
                content = "yes"

                [[markata.head.text]]
                value = "<style>.site{}</style>"

                [markata.style]
                color_bg = "#111111"
                body_width = "800px"
                """);
        site.write("templates/post.html", """
                {% extends "base.html" %}{% block content %}<p id=style>{{ config.style.color_bg }} \
                {{ config.style.body_width }}</p>{{ body }}{% endblock %}""");
        site.post("pages/jinja.md", """
                title: Jinja Variables
                config_overrides:
                  head:
                    meta:
                      - name: og-type
                        content: video
                    text:
                    - value: |
                        <style>
                            ul { list-style-type: None; }
                        </style>
                  style:
                    color_bg: "#000000"
                """, "Markata uses jinja");
        site.post("pages/plain.md", "title: Plain", "Nothing special.");
        return site;
    }

    @Test
    void thePostsOwnHeadEntriesAndStyleAreAddedToItsPageOnly() throws Exception {
        Site site = site();
        assertThat(Builds.warnings(dir)).isEmpty();

        Document page = Jsoup.parse(site.read("markout/jinja/index.html"));
        // lists are added to the site's (markata's deepmerge appends them), tables merged, values replaced
        assertThat(page.select("head meta[name=site-wide]")).hasSize(1);
        assertThat(page.select("head meta[name=og-type]").attr("content")).isEqualTo("video");
        assertThat(page.select("head style").html()).contains(".site{}", "list-style-type: None;");
        assertThat(page.select("#style").text()).isEqualTo("#000000 800px");

        Document plain = Jsoup.parse(site.read("markout/plain/index.html"));
        assertThat(plain.select("head meta[name=og-type]")).isEmpty();
        assertThat(plain.select("head").html()).doesNotContain("list-style-type");
        assertThat(plain.select("#style").text()).isEqualTo("#111111 800px");
    }

    @Test
    void warmBuildsFollowAnEditedOverride() throws Exception {
        Site site = site();
        Builds.warmMatchesClean(dir, "first build");
        site.write("pages/jinja.md", site.read("pages/jinja.md").replace("#000000", "#222222"));
        Map<String, String> warm = Builds.warmMatchesClean(dir, "override edited");
        assertThat(warm.get("jinja/index.html")).contains("#222222 800px");
        site.write("pages/jinja.md", site.read("pages/jinja.md").replaceAll("(?s)config_overrides:.*?#222222\"\n", ""));
        warm = Builds.warmMatchesClean(dir, "override removed");
        assertThat(warm.get("jinja/index.html")).contains("#111111 800px").doesNotContain("og-type");
    }

    @Test
    void anOverrideThatIsNoTableIsAnErrorNamingThePost() throws Exception {
        Site site = site();
        site.post("pages/bad.md", "title: Bad\nconfig_overrides: dark", "x");
        Throwable error = catchThrowable(() -> Builds.warnings(dir));
        assertThat(error).hasMessageContaining("pages/bad.md").hasMessageContaining("config_overrides");
    }
}
