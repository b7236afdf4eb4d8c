package dev.markata.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in theme's templates are plain ASCII (symbols written as character references): one
 * character outside Latin-1 in a template makes every page rendered from it a two-byte-per-char
 * string in the JVM, doubling the memory a big build holds and slowing every page's encoding.
 */
class ThemeTemplatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"404.html", "base.html", "card.html", "feed.html", "head.html", "index.html", "og.html", "post.html",
            "redirect.html"})
    void builtInTemplatesAreAscii(String template) throws IOException {
        String text;
        try (InputStream in = ThemeTemplatesTest.class.getResourceAsStream("/dev/markata/theme/templates/" + template)) {
            assertThat(in).as(template).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> outside = text.lines().filter(line -> line.chars().anyMatch(c -> c > 0x7f))
                .map(line -> line.length() > 80 ? line.substring(0, 80) + "..." : line).toList();
        assertThat(outside).as("lines of %s with characters outside ASCII", template).isEmpty();
    }
}
