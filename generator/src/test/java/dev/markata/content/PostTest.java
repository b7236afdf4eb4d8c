package dev.markata.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostTest {

    private static Post post(Map<String, Object> extra) {
        return new Post("posts/a.md", "a", "A", null, List.of("x"), true, "", null, "body", extra, null, null);
    }

    @Test
    void theExtraValuesAreFrozenDeeplyAndCopiedFromTheCallersMap() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", new ArrayList<>(List.of("v")));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("series", nested);
        Post post = post(extra);
        extra.put("later", 1);
        nested.put("later", 2);

        assertThat(post.extra()).containsOnlyKeys("series");
        assertThat(post.extra()).isEqualTo(Map.of("series", Map.of("k", List.of("v"))));
        assertThatThrownBy(() -> post.extra().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> series = (Map<String, Object>) post.extra().get("series");
        assertThatThrownBy(() -> series.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> values = (List<Object>) series.get("k");
        assertThatThrownBy(() -> values.add("w")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCopyWithAnotherFieldKeepsTheVeryExtraMapItHad() {
        // SiteView's fingerprint is known unchanged when every post's fields are the same
        // objects: render and save make copies with html and page, which must keep the extras
        Post post = post(new LinkedHashMap<>(Map.of("series", Map.of("k", List.of("v")), "words", 3)));

        assertThat(post.withHtml("<p>body</p>").extra()).isSameAs(post.extra());
        assertThat(post.withPage("<html></html>").extra()).isSameAs(post.extra());
        assertThat(post.withHtml("<p>body</p>").withPage("<html></html>").extra()).isSameAs(post.extra());
        assertThat(post.withTitle("B").extra()).isSameAs(post.extra());
    }

    @Test
    void aCopyWithOneMoreExtraValueHasItAndLeavesTheOriginalAsItWas() {
        Post post = post(Map.of("words", 3));
        Post more = post.withExtra("cover", "a.png");

        assertThat(more.extra()).containsExactly(Map.entry("words", 3), Map.entry("cover", "a.png"));
        assertThat(post.extra()).containsExactly(Map.entry("words", 3));
        assertThat(more.extra()).isEqualTo(Map.of("words", 3, "cover", "a.png")).hasSameHashCodeAs(Map.of("words", 3, "cover", "a.png"));
    }
}
