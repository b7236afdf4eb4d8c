package dev.markata.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BuildFailureTest {

    private static List<BuildFailure.Problem> problems(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new BuildFailure.Problem("posts/p" + i + ".md", "posts/p" + i + ".md: template post.html:3: boom", null))
                .toList();
    }

    @Test
    void differentProblemsAreEachListed() {
        List<BuildFailure.Problem> problems = List.of(
                new BuildFailure.Problem("posts/a.md", "posts/a.md:3: front matter: mapping values are not allowed here", null),
                new BuildFailure.Problem("posts/b.md", "posts/b.md: template post.html:3: boom", null),
                new BuildFailure.Problem(null, "the output folder is not writable", null));
        String text = new BuildFailure(Stage.RENDER, "post_template", problems).describe();

        assertThat(text.lines()).containsExactly(
                "build failed in stage render, plugin post_template, document posts/a.md:",
                "  posts/a.md:3: front matter: mapping values are not allowed here",
                "  posts/b.md: template post.html:3: boom",
                "  the output folder is not writable");
    }

    /**
     * A broken shared template fails every post with the same message: it is said once, with
     * the documents it failed, instead of twenty near-identical lines that hide another problem.
     */
    @Test
    void oneProblemOfSeveralDocumentsIsSaidOnceWithTheDocuments() {
        List<BuildFailure.Problem> problems = new java.util.ArrayList<>(problems(3));
        problems.add(1, new BuildFailure.Problem("posts/x.md", "posts/x.md: template card.html:1: Unclosed tag", null));
        String text = new BuildFailure(Stage.RENDER, "post_template", problems).describe();

        assertThat(text.lines()).containsExactly(
                "build failed in stage render, plugin post_template, document posts/p1.md:",
                "  template post.html:3: boom, in posts/p1.md, posts/p2.md and posts/p3.md",
                "  posts/x.md: template card.html:1: Unclosed tag");
    }

    @Test
    void aTemplateThatBreaksEveryPostIsOneLineThatCountsThePosts() {
        List<BuildFailure.Problem> problems = new java.util.ArrayList<>(problems(10_000));
        problems.add(new BuildFailure.Problem("posts/x.md", "posts/x.md: template card.html:1: Unclosed tag", null));
        String text = new BuildFailure(Stage.RENDER, "post_template", problems).describe();

        assertThat(text.lines()).containsExactly(
                "build failed in stage render, plugin post_template, document posts/p1.md:",
                "  template post.html:3: boom, in 10000 documents: posts/p1.md, posts/p2.md, posts/p3.md and 9997 more",
                "  posts/x.md: template card.html:1: Unclosed tag");
    }

    @Test
    void manyDifferentProblemsListTheFirstTwentyAndCountTheRest() {
        List<BuildFailure.Problem> problems = IntStream.rangeClosed(1, 500)
                .mapToObj(i -> new BuildFailure.Problem("posts/p" + i + ".md", "posts/p" + i + ".md:" + i + ": bad date", null))
                .toList();
        String text = new BuildFailure(Stage.LOAD, "load", problems).describe();

        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + BuildFailure.SHOWN_PROBLEMS + 1);
        assertThat(lines.get(1)).isEqualTo("  posts/p1.md:1: bad date");
        assertThat(lines.get(BuildFailure.SHOWN_PROBLEMS)).isEqualTo("  posts/p20.md:20: bad date");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  ... and 480 more (500 in all)");
    }

    /** Ctrl-C is told apart from a failure: the console says the build was stopped, not broken. */
    @Test
    void anInterruptionIsToldApartFromAFailure() {
        assertThat(BuildFailure.interruption(Stage.RENDER).interrupted()).isTrue();
        assertThat(BuildFailure.interruption(Stage.RENDER).describe()).isEqualTo(
                "build failed in stage render, plugin markata:\n  interrupted during stage render");
        assertThat(new BuildFailure(Stage.RENDER, "w", List.of(new BuildFailure.Problem(null, "interrupted",
                new InterruptedException()))).interrupted()).as("a hook whose wait was interrupted").isTrue();
        assertThat(new BuildFailure(Stage.RENDER, "post_template", problems(1)).interrupted()).isFalse();
    }
}
