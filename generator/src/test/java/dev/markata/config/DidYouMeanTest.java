package dev.markata.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void findsCloseNamesClosestFirst() {
        List<String> known = List.of("markata.plugins.glob", "markata.plugins.load", "markata.plugins.publish_html");
        assertThat(DidYouMean.closest("markata.plugins.glbo", known, 3)).containsExactly("markata.plugins.glob");
        assertThat(DidYouMean.closest("markata.plugin.load", known, 3)).first().isEqualTo("markata.plugins.load");
        assertThat(DidYouMean.closest("something.else", known, 3)).isEmpty();
    }

    @Test
    void levenshteinDistance() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
