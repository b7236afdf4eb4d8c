package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of the built-in theme's templates, which "did you mean" offers, is the theme's folder. */
class ThemeTemplatesTest {

    @Test
    void theListedThemeTemplatesAreTheThemesFiles() throws IOException {
        Path folder = Path.of("src/main/resources/dev/markata/theme/templates");
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(Templates.THEME_TEMPLATES).containsExactlyInAnyOrderElementsOf(files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/')).toList());
        }
    }
}
