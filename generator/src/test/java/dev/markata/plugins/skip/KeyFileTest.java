package dev.markata.plugins.skip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.markata.testing.Warnings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final String SHA512 = "f".repeat(128);

    @Test
    void keysComeBackAsWrittenWhateverTheName() throws Exception {
        Path file = dir.resolve("keys.tsv");
        Map<String, String> keys = Map.of("posts/a.md", MD5, "posts/naïve ☕.md", SHA512, "with\ttab.md", MD5);
        KeyFile.write(file, keys, Map.of());
        Warnings warnings = new Warnings();

        assertThat(KeyFile.read(file, warnings)).isEqualTo(keys);
        assertThat(KeyFile.read(dir.resolve("missing.tsv"), warnings)).isEmpty();
        assertThat(warnings.messages).isEmpty();
    }

    @Test
    void theFileIsLeftAloneWhenItHoldsTheKeysAlready() throws Exception {
        Path file = dir.resolve("keys.tsv");
        Map<String, String> keys = Map.of("posts/a.md", MD5);
        KeyFile.write(file, keys, Map.of());
        Map<String, String> read = KeyFile.read(file, new Warnings());
        Files.writeString(file, "a mark a rewrite would replace");

        KeyFile.write(file, Map.of("posts/a.md", MD5), read);
        assertThat(file).hasContent("a mark a rewrite would replace");
        KeyFile.write(file, Map.of("posts/a.md", SHA512), read);
        assertThat(KeyFile.read(file, new Warnings())).containsExactly(Map.entry("posts/a.md", SHA512));
    }

    @Test
    void aDamagedFileIsIgnoredWithTheReason() throws Exception {
        Map<String, String> damaged = Map.of(
                "a\t" + MD5 + "\nb\t" + MD5.substring(3), "its last line is cut off",
                "a\t" + MD5 + "\n\n", "line 2 is not \"<name><tab><hex digest>\"",
                "a\t" + MD5.toUpperCase() + "\n", "line 1 is not",
                "a " + MD5 + "\n", "line 1 is not",
                "\t" + MD5 + "\n", "line 1 is not",
                "a\t" + MD5.substring(1) + "\n", "line 1 is not",
                "a\t" + "0".repeat(129) + "\n", "line 1 is not");
        for (Map.Entry<String, String> entry : damaged.entrySet()) {
            Path file = dir.resolve("keys.tsv");
            Files.writeString(file, entry.getKey());
            Warnings warnings = new Warnings();

            assertThat(KeyFile.read(file, warnings)).as(entry.getKey()).isEmpty();
            assertThat(warnings.messages).singleElement().asString()
                    .startsWith("ignoring the cache file " + file + ": " + entry.getValue());
        }
        Path notUtf8 = dir.resolve("bytes.tsv");
        Files.write(notUtf8, ("a\u00ff\t" + MD5 + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Warnings warnings = new Warnings();
        assertThat(KeyFile.read(notUtf8, warnings)).isEmpty();
        assertThat(warnings.messages).singleElement().asString().contains("it is not UTF-8 text");
    }
}
