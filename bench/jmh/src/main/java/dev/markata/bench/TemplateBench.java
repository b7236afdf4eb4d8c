package dev.markata.bench;

import dev.markata.config.ConfigLoader;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.plugins.post_template.Templates;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One post through the built-in theme's {@code post.html} (which extends {@code base.html}), as
 * post_template does it: the post's template view, then the jinjava render.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TemplateBench {

    private Templates templates;
    private Post[] posts;
    private int next;

    @Setup
    public void setUp() throws Exception {
        templates = Templates.forSite(new ConfigLoader(Map.of()).load(Corpus.DIR).site());
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().build();
        posts = Corpus.posts(16).stream().map(file -> {
            String body = Corpus.body(file);
            String name = file.getFileName().toString().replace(".md", "");
            return new Post("posts/" + name + ".md", name, "A post called " + name, PostDate.of(LocalDate.of(2024, 5, 17)),
                    List.of("java", "performance"), true, "What " + name + " is about", null, body, Map.of(),
                    renderer.render(parser.parse(body)), null);
        }).toArray(Post[]::new);
    }

    @Benchmark
    public String renderPost() throws Exception {
        next = (next + 1) % posts.length;
        Post post = posts[next];
        Map<String, Object> view = templates.postView(post);
        return templates.render(post.path(), post.template(), Map.of("post", view, "body", view.get("article_html")));
    }
}
