package dev.markata.plugins.glob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private final IgnoreRules rules = IgnoreRules.parse(List.of(
            "# comment", "", "drafts/", "*.tmp.md", "/root-only.md", "docs/**/private.md", "!keep.tmp.md",
            "\\#literal.md", "notes?.md", "[ab]x.md"));

    @Test
    void gitignoreSemantics() {
        assertThat(rules.ignores("drafts", true)).isTrue();
        assertThat(rules.ignores("posts/drafts", true)).isTrue();
        assertThat(rules.ignores("drafts", false)).isFalse(); // a file named drafts is not a folder
        assertThat(rules.ignores("a/b/c.tmp.md", false)).isTrue();
        assertThat(rules.ignores("keep.tmp.md", false)).isFalse();
        assertThat(rules.ignores("root-only.md", false)).isTrue();
        assertThat(rules.ignores("posts/root-only.md", false)).isFalse();
        assertThat(rules.ignores("docs/private.md", false)).isTrue();
        assertThat(rules.ignores("docs/a/b/private.md", false)).isTrue();
        assertThat(rules.ignores("#literal.md", false)).isTrue();
        assertThat(rules.ignores("notes1.md", false)).isTrue();
        assertThat(rules.ignores("notes12.md", false)).isFalse();
        assertThat(rules.ignores("ax.md", false)).isTrue();
        assertThat(rules.ignores("cx.md", false)).isFalse();
        assertThat(rules.ignores("posts/a.md", false)).isFalse();
    }

    @Test
    void globsMatchLikePythonsRecursiveGlob() {
        assertThat(Globs.compile("**/*.md").matcher("a.md").matches()).isTrue();
        assertThat(Globs.compile("**/*.md").matcher("x/y/a.md").matches()).isTrue();
        assertThat(Globs.compile("posts/*.md").matcher("posts/x/a.md").matches()).isFalse();
        assertThat(Globs.compile("*.md").matcher("x/a.md").matches()).isFalse();
        assertThat(Globs.compile("a+b.md").matcher("a+b.md").matches()).isTrue();
    }
}
