package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.markata.lifecycle.BuildException;
import dev.markata.testing.Builds;
import dev.markata.testing.Site;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of small sites made of excerpts of smaller markata sites: github.com/WaylonWalker/reader.waylonwalker.com
 * (commit 0b248cc1, its {@code markata.toml} and {@code templates/}: a reader of other people's feeds, made of feed
 * pages only, with its own feed, card and head templates), github.com/WaylonWalker/aylawalker.com (commit f4c6fbd6,
 * a site made from markata's blog starter of 2025) and github.com/WaylonWalker/learn-sql-model (commit a2b33b25, its
 * {@code markata.toml}: docs with feeds whose cards are written in the toml) and github.com/Mr-Destructive/djankata
 * (commit 8e68da1e, a Django app that writes markata's posts from a form, {@code blog/pages/}) and
 * github.com/WaylonWalker/todo (commit 305244eb, todo items as posts, shown by the markata-todoui package) and
 * github.com/Rhiannon-Walker/rhiannonwalker.com (commit 222541d0, a feed of four lines) and
 * github.com/WaylonWalker/stable-diffusion-waylonwalker-com (commit 1ada0a7b, its markata.toml) and
 * github.com/WaylonWalker/images.waylonwalker.com (commit 8e42c994, whose {@code plugins/load_json.py} takes its posts
 * from another site's {@code markata.json}). What they ask of markata must build here as with markata.
 */
class SmallSitesTest {

    @TempDir
    Path dir;

    /** Builds the site and gives its warnings. */
    private List<String> build() throws Exception {
        return Builds.warnings(dir);
    }

    /**
     * reader.waylonwalker.com's templates print {@code post.title} on every page, its feed pages
     * too, and its ten-video feed's partial page is its {@code slim-card.html}: markata renders a
     * feed's page and partial with {@code post} being the feed's settings
     * ({@code post=feed.config.model_dump()}) and {@code url} the site's, so the feed's title is
     * there, and so in the head's {@code [markata.head]} meta that say {@code {{ post.title|e }}}.
     */
    @Test
    void feedPagesSeeTheFeedsSettingsAsPost() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        url = "https://reader.waylonwalker.com"

                        [[markata.feeds]]
                        slug = 'ten-video'
                        title = "Reader - Video"
                        sort = 'date'
                        template = 'feed.html'
                        partial_template = 'slim-card.html'
                        reverse = true
                        head = 10
                        filter = "'main' in tags and 'video' in post.tags"

                        [[markata.head.meta]]
                        property = "og:title"
                        content = "{{ post.title|e }}"
                        """)
                .write("templates/feed.html", """
                        <title>{{ post.title or markata.config.title }}</title>
                        {% if post.description or markata.config.description %}<meta name="description" content="{{ post.description or markata.config.description }}" />{% endif %}
                        {% include "head.html" %}
                        <h1>{{ feed.title }}</h1>
                        """)
                .write("templates/slim-card.html",
                        "<h2>{{ post.title }}</h2><p>{{ post.date }}</p><a href=\"{{ post.link }}\">{{ url }}</a>")
                .post("posts/a.md", "title: A video - Syntax\ndate: 2024-05-02\nlink: https://youtube.com/watch?v=x\n"
                        + "tags: [video, main]", "Short summary.");

        build();

        // as Jinja2 renders them with markata's values
        assertThat(site.read("markout/ten-video/index.html")).isEqualTo("""
                <title>Reader - Video</title>
                <meta property="og:title" content="Reader - Video">
                <h1>Reader - Video</h1>
                """);
        assertThat(site.read("markout/ten-video/partial/index.html"))
                .isEqualTo("<h2>Reader - Video</h2><p></p><a href=\"\">https://reader.waylonwalker.com/</a>");
    }

    /**
     * aylawalker.com's {@code pages/index.md} (as the blog starter's pages) has empty lines
     * between its front matter and its text, and the site publishes its sources: markata's post
     * model strips {@code content} ({@code str_strip_whitespace}), so the published
     * {@code index.md} has the text right after {@code ---} and a {@code content:} field of the
     * text alone, and templates printing {@code post.content} (reader.waylonwalker.com's cards,
     * {@code {{ post.content | e | truncate }}}) show no empty lines around it.
     */
    @Test
    void postContentIsTheBodyWithoutTheBlankLinesAroundIt() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        hooks = [
                           "markata.plugins.publish_source",
                            "default"
                        ]
                        [markata.glob]
                        glob_patterns = "pages/**/*.md"
                        [markata.post_model]
                        include = ['date', 'description', 'published', 'slug', 'title', 'content']
                        [[markata.feeds]]
                        slug = "all"
                        card_template = "<li>[{{ post.content | e | truncate(20) }}]</li>"
                        """)
                .write("pages/index.md", "---\ndate: 2022-09-01 1:00:00\ntitle: Ayla Walker\npublished: True\n"
                        + "tags:\n  - home\njinja: True\n\n---\n\n\nWelcome to Ayla Walker's website\n");

        build();

        // as markata's Post.dumps() writes it: yaml.dump of the fields, then the content
        assertThat(site.read("markout/index.md")).isEqualTo("""
                ---
                content: Welcome to Ayla Walker's website
                date: 2022-09-01
                description: Welcome to Ayla Walker's website
                published: true
                slug: index
                title: Ayla Walker


                ---

                Welcome to Ayla Walker's website""");
        assertThat(site.read("markout/all/index.html")).contains("<li>[Welcome to Ayla...]</li>");
    }

    /**
     * djankata's posts are written by a Django form, which indented the first line of
     * {@code blog/pages/hello_world.md}: markata strips the whole body (Python's
     * {@code str.strip()}), indentation included, so the post starts with its heading, not with
     * a code block.
     */
    @Test
    void aFirstLineIndentedIsStrippedAsMarkataStripsTheBody() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"blog/pages/**/*.md\"\n")
                .write("blog/pages/hello_world.md", "---\ntemplateKey: blog \ntitle: hello world\n"
                        + "tags: ['python', 'django']\nstatus: published\n---\n    ## heading\n\n```python\n"
                        + "code = \"hello world\"\nprint(code)\n```\n");

        build();

        assertThat(site.read("markout/hello-world/index.html")).contains("<h2 id=\"heading\">heading</h2>")
                .doesNotContain("<pre><code>## heading");
    }

    /**
     * djankata's {@code templates/} is its Django app's, and its {@code base.html} holds Django's
     * own tags ({@code {% url 'logout' %}}, {@code {% load static %}}). markata's (and the theme's)
     * {@code post.html} extends {@code base.html}, which is then the site's, so the build fails, in
     * markata too; the error must name the file the tags are in, not the post.html that extends it.
     */
    @Test
    void anErrorInAnExtendedTemplateNamesThatTemplate() {
        new Site(dir)
                .write("blog/pages/test.md", "---\ntitle: test\n---\nA test.\n")
                .write("templates/base.html", """

                        <!DOCTYPE html>
                        <html lang="en">
                        <body>
                              {% if user.is_authenticated %}
                                <a class="nav-item nav-link" href="{% url 'logout' %}">Logout</a>
                              {% endif %}
                            {% block body %}
                            {% endblock %}
                        </body>
                        </html>
                        """);

        BuildException error = catchThrowableOfType(BuildException.class, this::build);

        // Django's tag: the hint says Jinja has none such and what markata would also know
        assertThat(error.failure().problems().get(0).message()).startsWith("blog/pages/test.md: template base.html:6:"
                + " Syntax error in '{% url 'logout' %}': Unknown tag: url (Jinja has no such tag");
    }

    /**
     * WaylonWalker/todo's hooks name the package markata-todoui, which its requirements.txt
     * installs from GitHub ({@code git+https://github.com/WaylonWalker/markata-todoui}): the
     * package is skipped with one warning, as one installed by name is, and the todo feeds build.
     */
    @Test
    void aPackageRequiredFromItsRepositoryIsSkippedWithAWarning() throws Exception {
        Site site = new Site(dir)
                .write("requirements.txt", "markata\ngit+https://github.com/WaylonWalker/markata-todoui\n")
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "tasks/**/*.md"
                        hooks = [
                            "markata_todoui",
                            "default",
                           ]

                        [markata.feeds.todo]
                        title="todo list"
                        filter="status=='todo'"
                        card_template="<li class='post'><a href='/{{ slug }}/'>{{ slug }}</a></li>"
                        """)
                .post("tasks/markata-map-posts.md", """
                        date: 2022-05-14 09:31:16
                        priority: 0
                        status: todo
                        tags:
                        - markata
                        - None
                        templateKey: task
                        title: markata map posts""", "Markata needs a way to return posts when using map.");

        List<String> warnings = build();

        assertThat(warnings).containsExactly("markata.toml: [markata] hooks: markata_todoui is skipped: it is a Python"
                + " package (requirements.txt depends on git+https://github.com/WaylonWalker/markata-todoui), which"
                + " markata-java cannot run");
        assertThat(site.read("markout/todo/index.html"))
                .contains("<li class='post'><a href='/markata-map-posts/'>markata-map-posts</a></li>");
    }

    /**
     * aylawalker.com's markata.toml (the blog starter's of 2025) ends its markdown-it plugins with
     * the task lists plugin and then a {@code [markata.markdown_it_py.plugins.config]} table, which
     * TOML makes that last plugin's config: {@code enabled = true}. markata passes it to
     * mdit-py-plugins' tasklists_plugin, whose boxes are then enabled (no {@code disabled}, the item
     * of class {@code task-list-item enabled}), so readers can tick them.
     */
    @Test
    void theTaskListsPluginsEnabledSettingMakesBoxesThatCanBeTicked() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        [markata.glob]
                        glob_patterns = "pages/**/*.md"

                        [markata.markdown_it_py]
                        config = 'gfm-like'
                        enable = ["table"]

                        [[markata.markdown_it_py.plugins]]
                        plugin = "mdit_py_plugins.anchors:anchors_plugin"
                        config = { permalink = true, permalinkSymbol = "#" }

                        [[markata.markdown_it_py.plugins]]
                        plugin = "mdit_py_plugins.tasklists:tasklists_plugin"

                        [markata.markdown_it_py.plugins.config]
                        enabled = true
                        """)
                .post("pages/blog/list.md", "title: List\ndate: 2025-07-15", "- [ ] todo\n- [x] done\n");

        assertThat(build()).isEmpty();

        // markdown-it-py: <li class="task-list-item enabled"><input class="task-list-item-checkbox" type="checkbox">
        Document page = Jsoup.parse(site.read("markout/list/index.html"));
        assertThat(page.select("li.task-list-item.enabled")).hasSize(2);
        assertThat(page.select("input.task-list-item-checkbox")).hasSize(2).noneMatch(box -> box.hasAttr("disabled"));
        assertThat(page.select("input[checked]")).hasSize(1);

        site.write("markata.toml", site.read("markata.toml").replace("enabled = true", "enabled = false"));
        assertThat(build()).isEmpty();
        page = Jsoup.parse(site.read("markout/list/index.html"));
        assertThat(page.select("li.task-list-item.enabled")).isEmpty();
        assertThat(page.select("input.task-list-item-checkbox")).hasSize(2).allMatch(box -> box.hasAttr("disabled"));
    }

    /**
     * Rhiannon-Walker/rhiannonwalker.com's markata.toml is a glob and a feed without a title,
     * {@code [markata.feeds.all-posts] filter="published==True"}; markata's FeedConfig titles
     * such a feed "All Posts" ({@code DEFAULT_TITLE}), as it does its default archive, so its page
     * and RSS say so.
     */
    @Test
    void aFeedWithoutATitleIsAllPosts() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", "[markata]\nglob_patterns = \"**/*.md\"\n[markata.feeds.all-posts]\n"
                        + "filter=\"published==True\"\n")
                .write("pages/blog.md", "---\ntitle: Raising Dobby 6 months\ndate: 6/17/2022\ntags:\n    - Medical\n"
                        + "    - Medical Alert Dog\npublished: true\n---\n\n## This is a Post ##");

        build();

        Document page = Jsoup.parse(site.read("markout/all-posts/index.html"));
        assertThat(page.select("main h1").text()).isEqualTo("All Posts");
        assertThat(site.read("markout/all-posts/rss.xml")).contains("<title>Markata Site - All Posts</title>");
        assertThat(Jsoup.parse(site.read("markout/archive/index.html")).select("main h1").text()).isEqualTo("All Posts");
    }

    /**
     * stable-diffusion-waylonwalker-com writes its style as {@code [[markata.head]] text = """<style>..."""},
     * which TOML makes a list: markata's config model wants {@code head} a table (of meta, link,
     * script and text lists) and refuses the list; here no page showed the style and nothing said
     * why. The build stops before anything is written, naming the key and the form that works.
     */
    @Test
    void aHeadWrittenAsAListSaysHowToWriteIt() {
        new Site(dir).write("markata.toml", """
                [markata]
                assets_dir = "static"
                description = "Waylon Walker's Stable Diffusions"

                [[markata.head]]
                text = \"""
                <style>
                img {
                width: 100%;
                height: auto;
                }
                </style>

                \"""
                """);

        // said once: two checks of the configuration each said it in words of their own
        assertThat(Builds.configError(dir).problems()).singleElement().asString()
                .startsWith("markata.toml: [markata] head = ")
                .endsWith(": must be a table of meta, link, script and text lists, as [[markata.head.text]]"
                        + " value = \"<style>...</style>\" makes it; [[markata.head]] makes head a list, which pages do"
                        + " not show");
    }

    /**
     * images.waylonwalker.com (and images.pype.dev) build their pages from another site's markata.json,
     * {@code requests.get(url).json()["articles"]}: markata writes {@code markata.to_dict()}, an object
     * whose {@code articles} are the posts beside the site's {@code config}, as waylonwalker.com's and
     * gh-projects' published markata.json are. A list of the posts failed that plugin.
     */
    @Test
    void markataJsonHoldsThePostsUnderArticlesAsMarkatasDoes() throws Exception {
        Site site = new Site(dir)
                .write("markata.toml", """
                        [markata]
                        glob_patterns = "gh_projects/**/*.md"
                        title = "Markata's Github projects"
                        """)
                .post("gh_projects/index.md", "title: Markata's Github projects", "Create your own.");

        Builds.withoutWarnings(dir);

        JsonObject json = JsonParser.parseString(site.read("markout/markata.json")).getAsJsonObject();
        assertThat(json.getAsJsonArray("articles")).hasSize(1);
        JsonObject article = json.getAsJsonArray("articles").get(0).getAsJsonObject();
        assertThat(article.get("slug").getAsString()).isEqualTo("index");
        assertThat(article.get("path").getAsString()).isEqualTo("gh_projects/index.md");
        assertThat(json.getAsJsonObject("config").get("glob_patterns").getAsString()).isEqualTo("gh_projects/**/*.md");
        assertThat(json.getAsJsonObject("config").get("title").getAsString()).isEqualTo("Markata's Github projects");
    }
}
