package dev.markata.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The generated corpus the benchmarks read: {@code -Dmarkata.bench.corpus=DIR} (default
 * {@code /dev/shm/markata-bench/corpus-1000}), made by {@code bench/GenCorpus.java};
 * {@code bench/jmh/run.sh} makes it when missing.
 */
final class Corpus {

    static final Path DIR = Path.of(System.getProperty("markata.bench.corpus", "/dev/shm/markata-bench/corpus-1000"));

    private Corpus() {
    }

    /** The first {@code count} posts' files, in name order. */
    static List<Path> posts(int count) {
        Path posts = DIR.resolve("posts");
        if (!Files.isDirectory(posts)) {
            throw new IllegalStateException("no corpus at " + DIR + ": run java bench/GenCorpus.java --n 1000 --out "
                    + DIR + " (or bench/jmh/run.sh, which does)");
        }
        try (Stream<Path> files = Files.list(posts)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown body of a post file (after its front matter). */
    static String body(Path post) {
        try {
            String text = Files.readString(post);
            if (text.startsWith("---")) {
                int end = text.indexOf("\n---", 3);
                return text.substring(text.indexOf('\n', end + 1) + 1);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
