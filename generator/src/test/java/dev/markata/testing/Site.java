package dev.markata.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A site folder for a test: write files, read what the build wrote. */
public record Site(Path root) {

    public Site write(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A post with front matter. */
    public Site post(String relative, String frontMatter, String body) {
        return write(relative, "---\n" + frontMatter + "\n---\n\n" + body + "\n");
    }

    public String read(String relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relative) {
        return Files.exists(root.resolve(relative));
    }

    /** The text of every file under {@code folder}, by its path there ("a/index.html"), to compare two builds. */
    public Map<String, String> files(String folder) {
        Path base = root.resolve(folder);
        try (Stream<Path> paths = Files.walk(base)) {
            Map<String, String> files = new TreeMap<>();
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(base.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file or a folder with everything in it (the output folder and cache, for a clean build). */
    public Site delete(String relative) {
        Path target = root.resolve(relative);
        if (!Files.exists(target)) {
            return this;
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
