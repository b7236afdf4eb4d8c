package dev.markata.profiler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsArraysAndNumbersAsTheJavadocSays() {
        assertThat(JsonReader.parse("{\"a\": [1, 2.5, \"x\", true, null], \"b\": {}}"))
                .isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, "x", true, null), "b", Map.of()));
    }

    /** A damaged or hostile file is an error naming the offset, not a StackOverflowError. */
    @Test
    void nestingDeeperThanTheLimitIsAnErrorNamingTheOffset() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.parse(deep)).isInstanceOf(List.class);
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(1_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nested deeper than " + JsonReader.MAX_DEPTH + " levels at offset " + JsonReader.MAX_DEPTH);
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("nested deeper than");
    }
}
