package dev.markata.sites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.testing.Site;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole sites built with the default plugins, checked page by page and link by link. */
class GeneratedSiteTest {

    /** On tmpfs when there is one: thousands of small files are slow on this kind of VM's disk. */
    @TempDir(factory = Tmpfs.class)
    Path dir;

    static final class Tmpfs implements org.junit.jupiter.api.io.TempDirFactory {
        @Override
        public Path createTempDirectory(org.junit.jupiter.api.extension.AnnotatedElementContext element,
                                        org.junit.jupiter.api.extension.ExtensionContext extension) throws java.io.IOException {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "markata-site-")
                    : Files.createTempDirectory("markata-site-");
        }
    }

    static BuildResult build(Path root, Map<String, String> environment) throws Exception {
        return Markata.builder(root).environment(environment).reporter(new dev.markata.testing.Warnings()).open().build();
    }

    static Set<String> linkedFromNowhere(LinkChecker.Report report) {
        // partial pages are fetched by scripts, 404 and redirect pages are reached by the server
        return report.unreachable().stream()
                .filter(p -> !p.endsWith("/partial/index.html") && !p.equals("/404.html")
                        && !p.equals("/old-home/index.html") && !p.equals("/feeds/python/index.html"))
                .collect(Collectors.toSet());
    }

    @Test
    void aMarkataBlogWithEveryFeatureBuildsWithoutABrokenLinkAndRebuildsWithoutWork() throws Exception {
        int count = 200;
        Site site = GeneratedSite.write(dir, count);
        BuildResult first = build(dir, Map.of());
        assertThat(first.posts()).hasSize(count + 1);
        Path out = first.outputDir();

        LinkChecker.Report report = LinkChecker.check(out);
        LinkChecker.requireNoProblems(report);
        assertThat(linkedFromNowhere(report)).isEmpty();
        assertThat(report.pages()).isGreaterThan(2 * count);

        Document post = Jsoup.parse(out.resolve("post-66/index.html"));
        assertThat(post.title()).isEqualTo("Notes on python number 66 | Generated Garden");
        assertThat(post.select("div.admonition.note p.admonition-title").text()).isEqualTo("Remember 66");
        assertThat(post.select("details.admonition.tip summary").text()).isEqualTo("More");
        assertThat(post.select("div.aside a.wikilink").attr("href")).isEqualTo("/post-47/#overview-47");
        assertThat(post.select("a.wikilink").first().attr("href")).isEqualTo("/post-47/");
        assertThat(post.select("a.wikilink").get(1).text()).isEqualTo("a titled link");
        assertThat(post.select("h2.section").attr("id")).isEqualTo("overview-66");
        assertThat(post.select("a.internal").attr("href")).startsWith("/post-");
        assertThat(post.select("pre.highlight code.language-python span.k").eachText()).contains("def", "return");
        assertThat(post.select("section.footnotes").text()).contains("The footnote of post 66.");
        assertThat(post.select("img[width=10]").attr("src")).isEqualTo("/img/logo.svg");
        assertThat(post.select("meta[name=theme-color]").attr("content")).isEqualTo("#0b5cad");
        assertThat(post.select("link[rel=icon]").attr("href")).isEqualTo("/img/logo.svg");
        assertThat(post.select("meta[name=x-generated]")).hasSize(1);
        assertThat(post.select("header nav a").eachText()).containsExactly("Archive", "Python", "Drafts", "Recent", "Guides");
        assertThat(post.select("span.wikilink.missing")).isEmpty();
        assertThat(site.read("markout/post-66/partial/index.html")).startsWith("<article>");

        Document jinja = Jsoup.parse(out.resolve("post-66/index.html"));
        assertThat(jinja.text()).contains("This post is called Notes on python number 66.");
        assertThat(jinja.select("article p a[href^=/post-]").size()).isGreaterThanOrEqualTo(3);
        assertThat(Jsoup.parse(out.resolve("post-26/index.html")).select("meta[name=layout]").attr("content"))
                .isEqualTo("wide");

        Document python = Jsoup.parse(out.resolve("python/index.html"));
        List<String> pythonLinks = python.select("ul.posts a.title").eachAttr("href");
        long expectedPython = java.util.stream.IntStream.rangeClosed(1, count)
                .filter(i -> i % 9 != 0 && (i % 6 == 0 || (i * 7 + 3) % 6 == 0)).count();
        assertThat(pythonLinks).hasSize((int) expectedPython).doesNotHaveDuplicates();
        assertThat(python.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        Document drafts = Jsoup.parse(out.resolve("drafts/index.html"));
        assertThat(drafts.select("ul.posts li")).hasSize(count / 9);
        assertThat(drafts.select("ul.posts li p")).isEmpty(); // the small card template
        assertThat(site.exists("markout/recent/partial/index.html")).isTrue();
        // recent is paginated: pages of 40 posts, each linked from the one before (the link check reaches them)
        assertThat(Jsoup.parse(out.resolve("recent/index.html")).select("ul.posts li")).hasSize(40);
        assertThat(Jsoup.parse(out.resolve("recent/2/index.html")).select("nav.pagination a[rel=next]").attr("href"))
                .isEqualTo("/recent/3/");
        Document guides = Jsoup.parse(out.resolve("guides/index.html"));
        assertThat(guides.select("ul.posts a.title").eachText()).anyMatch(t -> t.startsWith("A guide to"));
        Document home = Jsoup.parse(out.resolve("index.html"));
        assertThat(home.select("ul.posts li")).hasSize(count - count / 9 + 1);

        assertThat(site.read("markout/old-home/index.html")).contains("url=/");
        assertThat(site.read("markout/404.html")).contains("/post-66/");
        assertThat(site.exists("markout/img/logo.svg")).isTrue();
        assertThat(site.read("markout/markata.json")).contains("\"slug\":\"post-66\"");
        assertThat(post.select("meta[name=description]").attr("content"))
                .isEqualTo("Post 66 has its own description & an ampersand.");
        assertThat(Jsoup.parse(out.resolve("post-22/index.html")).select("meta[name=description]").attr("content"))
                .isEqualTo("First paragraph of post 22 about guide, linking post-83 and a titled link. A plain link and a"
                        + " footnote. A container with a deep link. [x] written [ ] reviewed…"); // paragraphs run on, as in markata

        BuildResult second = build(dir, Map.of());
        assertThat(second.filesWritten()).isZero();
        assertThat(tasks(second.timings(), "markata.plugins.render_markdown")).isZero();
        assertThat(tasks(second.timings(), "markata.plugins.post_template")).isZero();

        // an edit past what the post's descriptions hold (which other pages may show): its code
        site.write("posts/6/post-66.md", Files.readString(dir.resolve("posts/6/post-66.md"))
                .replace("# post 66", "# changed 66"));
        BuildResult third = build(dir, Map.of());
        assertThat(tasks(third.timings(), "markata.plugins.render_markdown")).isEqualTo(1);
        assertThat(tasks(third.timings(), "markata.plugins.post_template")).isEqualTo(1);
        assertThat(site.read("markout/post-66/index.html")).contains("changed 66");

        BuildResult noSkip = build(dir, Map.of("MARKATA_SKIP", "false"));
        assertThat(tasks(noSkip.timings(), "markata.plugins.post_template")).isEqualTo(count + 1);
        assertThat(noSkip.filesWritten()).isZero();
    }

    @Test
    void twoThousandPostsAreAllLinkedAndValid() throws Exception {
        GeneratedSite.write(dir, 2000);
        BuildResult result = build(dir, Map.of());
        LinkChecker.Report report = LinkChecker.check(result.outputDir());
        LinkChecker.requireNoProblems(report);
        assertThat(linkedFromNowhere(report)).isEmpty();
        assertThat(report.pages()).isGreaterThan(4000);
    }

    @Test
    void theExampleSiteBuildsWithEveryPageLinked() throws Exception {
        Path example = Path.of("..", "examples", "blog").toAbsolutePath().normalize();
        Path copy = dir.resolve("blog");
        try (var files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = example.relativize(file);
                if (relative.startsWith("markout") || relative.startsWith(".markata.cache")) {
                    continue;
                }
                Files.createDirectories(copy.resolve(relative).getParent());
                Files.copy(file, copy.resolve(relative));
            }
        }
        // the example switches the build profiler on; its report is not part of the site
        BuildResult result = Markata.builder(copy).environment(Map.of()).reporter(new dev.markata.testing.Warnings())
                .overrides(new dev.markata.config.ConfigOverrides(Set.of(), Set.of("markata.plugins.pyinstrument")))
                .open().build();
        LinkChecker.Report report = LinkChecker.check(result.outputDir());
        LinkChecker.requireNoProblems(report);
        // The example profiles its builds: the report sits beside the site, reached by its
        // file:// address from the console rather than by a link from the pages.
        assertThat(linkedFromNowhere(report)).as("pages no link reaches")
                .filteredOn(page -> !page.startsWith("/_profile/")).isEmpty();
    }

    private static int tasks(BuildTimings timings, String plugin) {
        return timings.hooks().stream().filter(h -> h.pluginId().equals(plugin)).mapToInt(BuildTimings.HookTiming::tasks)
                .sum();
    }
}
