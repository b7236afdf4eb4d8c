package dev.markata.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sections are map keys: equal by name and reader, as a record is. */
class ConfigSectionTest {

    @Test
    void equalByNameAndReader() {
        ConfigSection.Reader<String> reader = (section, markata) -> "a";
        ConfigSection<String> one = new ConfigSection<>("glob", reader);

        assertThat(new ConfigSection<>("glob", reader)).isEqualTo(one).hasSameHashCodeAs(one);
        assertThat(new ConfigSection<>("feeds", reader)).isNotEqualTo(one);
        assertThat(new ConfigSection<>("glob", (section, markata) -> "b")).isNotEqualTo(one);
        assertThat(one).isNotEqualTo(null).isNotEqualTo("glob");
    }
}
