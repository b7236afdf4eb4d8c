package dev.markata.profiler.process;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibrariesTest {

    @Test
    void namesLibrariesFromPackages() {
        assertThat(Libraries.nameOf("java.util.HashMap")).isEqualTo("jdk");
        assertThat(Libraries.nameOf("jdk.internal.misc.Unsafe")).isEqualTo("jdk");
        assertThat(Libraries.nameOf("sun.nio.ch.FileChannelImpl")).isEqualTo("jdk");
        assertThat(Libraries.nameOf("javax.xml.parsers.SAXParser")).isEqualTo("jdk");
        assertThat(Libraries.nameOf("org.commonmark.parser.Parser")).isEqualTo("commonmark");
        assertThat(Libraries.nameOf("org.commonmark.Extension")).isEqualTo("commonmark");
        assertThat(Libraries.nameOf("com.hubspot.jinjava.Jinjava")).isEqualTo("jinjava");
        assertThat(Libraries.nameOf("org.yaml.snakeyaml.Yaml")).isEqualTo("snakeyaml");
        assertThat(Libraries.nameOf("org.tomlj.Toml")).isEqualTo("tomlj");
        assertThat(Libraries.nameOf("org.nibor.autolink.LinkExtractor")).isEqualTo("autolink");
        assertThat(Libraries.nameOf("org.apache.commons.lang3.StringUtils")).isEqualTo("commons");
        assertThat(Libraries.nameOf("com.google.common.collect.ImmutableList")).isEqualTo("common");
        assertThat(Libraries.nameOf("picocli.CommandLine")).isEqualTo("picocli");
        assertThat(Libraries.nameOf("kotlin.collections.CollectionsKt")).isEqualTo("kotlin");
        assertThat(Libraries.nameOf("Main")).isEqualTo("(default package)");
    }

    @Test
    void patternsAreGlobsOrRegexes() {
        assertThat(FramePatterns.compile("org.commonmark.*").matcher("org.commonmark.parser.Parser").matches()).isTrue();
        assertThat(FramePatterns.compile("org.commonmark.*").matcher("orgXcommonmark.Parser").matches()).isFalse();
        assertThat(FramePatterns.compile("*Parser").matcher("org.commonmark.parser.Parser").matches()).isTrue();
        assertThat(FramePatterns.compile("app.?ite").matcher("app.Site").matches()).isTrue();
        assertThat(FramePatterns.compile("re:org\\.(commonmark|tomlj)\\..*").matcher("org.tomlj.Toml").matches())
                .isTrue();
        assertThatThrownBy(() -> new FramePatterns(List.of("re:(unclosed"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("re:(unclosed");
    }
}
