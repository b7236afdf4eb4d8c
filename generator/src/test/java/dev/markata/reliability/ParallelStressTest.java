package dev.markata.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel render under stress writes byte for byte the site a serial build writes. 2,000
 * small posts and 16 workers by default (suite time); {@code -Dmarkata.test.stressPosts=10000}
 * runs the 10,000.
 */
class ParallelStressTest {

    @TempDir
    Path dir;

    @Test
    void manyThreadsWriteExactlyWhatOneThreadWrites() throws IOException {
        int posts = Integer.getInteger("markata.test.stressPosts", 2000);
        for (int i = 0; i < posts; i++) {
            Path file = dir.resolve("posts/p" + (i % 20) + "/post-" + i + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\ntitle: Post " + i + " <&>\ndate: 20" + (10 + i % 15) + "-" + (1 + i % 12) + "-"
                    + (1 + i % 28) + "\npublished: " + (i % 4 != 0) + "\ntags: [t" + (i % 7) + "]\n---\n\n# Part " + i
                    + "\n\nSome *text* and a [link](/post-" + (i + 1) + "/).\n\n| a | b |\n|---|---|\n| " + i + " | x |\n",
                    StandardCharsets.UTF_8);
        }
        write("serial", 1);
        write("parallel", 16);
        Map<String, byte[]> serial = new TreeMap<>(SiteFiles.of(dir.resolve("serial")));
        Map<String, byte[]> parallel = new TreeMap<>(SiteFiles.of(dir.resolve("parallel")));
        assertThat(serial.keySet()).as("every post's page").filteredOn(f -> f.startsWith("post-")).hasSize(posts);
        // markata.json's config is the [markata] table, which differs here (output_dir, workers); its posts may not
        assertThat(articles(parallel.remove("markata.json"))).isEqualTo(articles(serial.remove("markata.json")));
        SiteFiles.assertSame(parallel, serial);
    }

    /** The bytes of markata.json from its {@code "articles"} on. */
    private static String articles(byte[] markataJson) {
        String json = new String(markataJson, StandardCharsets.UTF_8);
        assertThat(json).contains("\"articles\":[{");
        return json.substring(json.indexOf("\"articles\":"));
    }

    private void write(String output, int workers) throws IOException {
        Files.writeString(dir.resolve("markata.toml"), "[markata]\noutput_dir = \"" + output + "\"\nworkers = "
                + workers + "\n");
        Cli.Run run = Cli.builtIn().build(dir, "-q");
        assertThat(run.code()).as(run.toString()).isZero();
    }
}
