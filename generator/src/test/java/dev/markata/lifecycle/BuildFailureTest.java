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
    void aFewProblemsAreAllListed() {
        String text = new BuildFailure(Stage.RENDER, "post_template", problems(3)).describe();

        assertThat(text.lines()).containsExactly(
                "build failed in stage render, plugin post_template, document posts/p1.md:",
                "  posts/p1.md: template post.html:3: boom",
                "  posts/p2.md: template post.html:3: boom",
                "  posts/p3.md: template post.html:3: boom");
    }

    @Test
    void aTemplateThatBreaksEveryPostListsTheFirstTwentyAndCountsTheRest() {
        String text = new BuildFailure(Stage.RENDER, "post_template", problems(10_000)).describe();

        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(1 + BuildFailure.SHOWN_PROBLEMS + 1);
        assertThat(lines.get(1)).isEqualTo("  posts/p1.md: template post.html:3: boom");
        assertThat(lines.get(BuildFailure.SHOWN_PROBLEMS)).isEqualTo("  posts/p20.md: template post.html:3: boom");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  ... and 9980 more (10000 in all)");
    }
}
