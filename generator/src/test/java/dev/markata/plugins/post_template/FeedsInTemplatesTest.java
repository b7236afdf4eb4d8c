package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code markata.feeds} as markata's {@code Feeds} object serves it to templates: a feed by its
 * name ({@code markata.feeds.project_gallery}), by its slug or any name written as markata turns
 * it into one ({@code markata.feeds['project-gallery']}, {@code markata.feeds.get('project-gallery')}:
 * markata's {@code __getitem__} and {@code get} make an identifier of the key), and each feed with
 * markata's {@code first()}, {@code last()} and {@code map()} (markata.map over the feed's filter,
 * sort and reverse).
 */
class FeedsInTemplatesTest {

    @TempDir
    Path dir;

    private Site site() {
        return new Site(dir).write("markata.toml", """
                [markata]
                title = "Feeds"

                [[markata.feeds]]
                slug = "project-gallery"
                title = "Gallery"
                filter = "'gallery' in tags"
                sort = "date"

                [[markata.feeds]]
                slug = "tag/htmx"
                filter = "'htmx' in tags"
                """)
                .post("posts/a.md", "title: A\ndate: 2024-01-01\npublished: true\ntags: [gallery, htmx]", "A body.")
                .post("posts/b.md", "title: B\ndate: 2024-01-02\npublished: true\ntags: [gallery]", "B body.");
    }

    @Test
    void aFeedIsFoundByItsSlugAsMarkataMakesANameOfIt() throws Exception {
        site().post("posts/j.md", "title: J\ndate: 2024-01-03\npublished: true\njinja: true", """
                [{{ markata.feeds['project-gallery'].posts|length }}]
                [{{ markata.feeds.get('project-gallery').config.title }}]
                [{{ markata.feeds['tag/htmx'].posts|length }} {{ markata.feeds.tag_htmx.posts|length }}]
                [{{ markata.feeds.get('missing', 'none') }}]
                """);
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/j/index.html"))
                .contains("[2]\n[Gallery]\n[1 1]\n[none]");
    }

    @Test
    void aNameTheConfigurationGivesIsMadeAnIdentifierAsMarkataMakesIt() throws Exception {
        // markata's FeedConfig runs every name through to_pythonic_identifier: templates looping over
        // markata.feeds see those names, and the feed by its given name is found through them
        site().write("markata.toml", new Site(dir).read("markata.toml") + """

                [[markata.feeds]]
                name = "Python Posts"
                slug = "python"
                filter = "'python' in tags"

                [[markata.feeds]]
                slug = "2024"
                filter = "True"
                """)
                .post("posts/j.md", "title: J\ndate: 2024-01-03\npublished: true\njinja: true", """
                        [{% for name in markata.feeds %}{{ name }};{% endfor %}]
                        [{% for name, feed in markata.feeds.items() %}{{ feed.config.name }};{% endfor %}]
                        [{{ markata.feeds.python_posts.config.slug }} {{ markata.feeds['Python Posts'].config.slug }}]
                        """);
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/j/index.html")).contains(
                "[project_gallery;tag_htmx;python_posts;_2024;]\n[project_gallery;tag_htmx;python_posts;_2024;]\n"
                        + "[python python]");
    }

    @Test
    void aFeedHasMarkatasFirstLastAndMap() throws Exception {
        site().post("posts/j.md", "title: J\ndate: 2024-01-03\npublished: true\njinja: true", """
                [{{ markata.feeds.project_gallery.first().title }} {{ markata.feeds.project_gallery.last().title }}]
                [{{ markata.feeds.project_gallery.map('title')|join(',') }}]
                [{{ markata.feeds.project_gallery.map('title', reverse=True)|join(',') }}]
                [{{ markata.feeds.project_gallery.map('slug', filter='True', sort='title')|join(',') }}]
                """);
        Builds.withoutWarnings(dir);
        // the feed's posts sorted by date, oldest first (its reverse = false); map() as markata.map
        // with the feed's filter, sort and reverse, which the call's own arguments replace
        assertThat(new Site(dir).read("markout/j/index.html"))
                .contains("[A B]\n[A,B]\n[B,A]\n[a,b,j]");
    }

    @Test
    void aFeedPagesOwnFeedHasThemToo() throws Exception {
        site().write("templates/feed.html",
                "<p>{{ feed.first().title }}|{{ feed.last().title }}|{{ feed.map('title', reverse=True)|join(',') }}</p>");
        Builds.withoutWarnings(dir);
        assertThat(new Site(dir).read("markout/project-gallery/index.html")).contains("<p>A|B|B,A</p>");
    }
}
