package dev.markata.sites;

import dev.markata.testing.Site;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A markata blog written for the tests (no one's real posts): {@code count} generated posts that
 * use every feature the default plugins support: wikilinks, admonitions, containers, attributes,
 * footnotes, tables, task lists, highlighted code, Jinja in Markdown, feeds with Python filters,
 * a post_template table, [markata.head], a custom template, assets and redirects.
 */
final class GeneratedSite {

    static final String[] TOPICS = {"python", "java", "web", "testing", "guide", "notes"};
    private static final String[] DATES = {"%d-%02d-%02d", "%d/%02d/%02d"};

    private GeneratedSite() {
    }

    static Site write(Path root, int count) {
        Site site = new Site(root);
        site.write("markata.toml", """
                [markata]
                title = "Generated Garden"
                description = "A site the tests write, with every feature."
                url = "https://garden.example.org"
                author_name = "Test Writer"
                hooks = ["default", "markata.plugins.didyoumean"]
                post_template = {index = "post.html", partial = "post_partial.html"}

                [markata.glob]
                glob_patterns = ["posts/**/*.md", "pages/*.md"]

                [markata.nav]
                Archive = "/archive/"
                Python = "/python/"
                Drafts = "/drafts/"
                Recent = "/recent/"
                Guides = "/guides/"

                [[markata.head.meta]]
                name = "theme-color"
                content = "#0b5cad"

                [[markata.head.link]]
                rel = "icon"
                href = "/img/logo.svg"

                [[markata.head.text]]
                value = "<meta name='x-generated' content='yes'>"

                [[markata.feeds]]
                slug = "archive"
                title = "Archive"
                filter = "published == True"
                sort = "date"
                reverse = true

                [[markata.feeds]]
                slug = "python"
                title = "Python posts"
                filter = "published == True and 'python' in tags"
                sort = "date"
                reverse = true
                description = "Everything about Python."
                head = {meta = [{name = "robots", content = "noindex"}]}

                [[markata.feeds]]
                slug = "drafts"
                title = "Drafts"
                filter = "not published"
                sort = "title"
                card_template = "small_card.html"

                [[markata.feeds]]
                slug = "recent"
                title = "Recent"
                filter = "date is not None and date <= today and date > today - timedelta(days=36500) and published"
                sort = "date"
                reverse = true
                partial_template = "feed_partial.html"
                enabled = true
                items_per_page = 40

                [[markata.feeds]]
                slug = "guides"
                title = "Guides"
                filter = "'guide' in title.lower() or (len(tags) > 2 and str(date).startswith('2023'))"
                """);
        site.write("templates/post_partial.html", "<article>{{ body }}</article>\n");
        site.write("templates/small_card.html",
                "<li><a class=\"title\" href=\"{{ post.url|e }}\">{{ post.title|e }}</a></li>\n");
        site.write("templates/feed_partial.html",
                "<ul>{% for post in feed.posts %}<li><a href=\"{{ post.url|e }}\">{{ post.title|e }}</a></li>{% endfor %}</ul>\n");
        site.write("templates/wide.html", """
                {% extends "post.html" %}
                {% block head %}<meta name="layout" content="wide">{% endblock %}
                """);
        site.write("static/img/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n");
        site.write("static/_redirects", "# old addresses\n/old-home/ /\n/feeds/python/ /python/ 301\n");
        site.post("pages/about.md", "title: About\npublished: true\nslug: about", """
                This garden is generated. See [[post-1]] and the [archive](/archive/).
                """);
        Random random = new Random(42);
        for (int i = 1; i <= count; i++) {
            site.write("posts/" + (i % 10) + "/post-" + i + ".md", post(i, count, random));
        }
        return site;
    }

    static String title(int i) {
        return (i % 5 == 0 ? "A guide to " : "Notes on ") + TOPICS[i % TOPICS.length] + " number " + i;
    }

    private static String post(int i, int count, Random random) {
        String topic = TOPICS[i % TOPICS.length];
        String second = TOPICS[(i * 7 + 3) % TOPICS.length];
        int year = 2020 + i % 5;
        String date = String.format(DATES[i % 2], year, 1 + i % 12, 1 + i % 28);
        boolean published = i % 9 != 0;
        List<String> front = new ArrayList<>();
        front.add("title: \"" + title(i) + "\"");
        front.add("date: " + date);
        front.add("tags: [" + topic + ", " + second + (i % 4 == 0 ? ", extra" : "") + "]");
        front.add("published: " + published);
        if (i % 3 == 0) {
            front.add("description: Post " + i + " has its own description & an ampersand.");
        }
        if (i % 11 == 0) {
            front.add("jinja: true");
        }
        if (i % 13 == 0) {
            front.add("template: wide.html");
        }
        int other = 1 + (i * 31) % count;
        int another = 1 + (i * 17 + 5) % count;
        StringBuilder body = new StringBuilder();
        body.append("First paragraph of post ").append(i).append(" about **").append(topic)
                .append("**, linking [[post-").append(other).append("]] and [[").append(title(another))
                .append("|a titled link]].\n\n");
        body.append("## Overview {.section #overview-").append(i).append("}\n\n");
        body.append("A [plain link](/post-").append(another).append("/){.internal} and a footnote.[^n]\n\n");
        body.append("!!! note \"Remember ").append(i).append("\"\n    Admonitions hold *Markdown*.\n\n");
        if (i % 2 == 0) {
            body.append("??? tip \"More\"\n    Collapsed detail with `code`.\n\n");
        }
        body.append("::: aside\nA container with a [[post-").append(other).append("#overview-").append(other)
                .append("|deep link]].\n:::\n\n");
        body.append("| n | square |\n|---|---|\n| ").append(i).append(" | ").append((long) i * i).append(" |\n\n");
        body.append("- [x] written\n- [ ] reviewed\n\n");
        body.append("```python\ndef square(n):\n    return n * n  # post ").append(i).append("\n```\n\n");
        body.append("![logo](/img/logo.svg){width=10}\n\n");
        if (i % 11 == 0) {
            body.append("This post is called {{ post.title }}. Python posts: ")
                    .append("{% for p in markata.feeds.python.posts %}{% if loop.index <= 3 %}[{{ p.title }}]({{ p.url }}) ")
                    .append("{% endif %}{% endfor %}\n\n");
        }
        body.append("Random number ").append(random.nextInt(1000)).append(".\n\n");
        body.append("[^n]: The footnote of post ").append(i).append(".\n");
        return "---\n" + String.join("\n", front) + "\n---\n\n" + body;
    }
}
