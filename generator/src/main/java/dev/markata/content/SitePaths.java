package dev.markata.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths inside a site as markata writes them in document names, page paths and messages. */
public final class SitePaths {

    private SitePaths() {
    }

    /**
     * A relative path with '/' between its names on every system ("posts/a.md", never
     * "posts\a.md"): document names key the caches and make slugs, so they must not depend on
     * the machine that built the site.
     */
    public static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /**
     * The file name of {@code path} ({@code posts/my-post.md}, slashed) without its extension, as
     * Python's {@code Path.stem} gives it: {@code my-post}; a name whose only dot is its first
     * ({@code .notes}) is its own stem.
     */
    public static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Every path under {@code folder}, itself first, as {@link Files#walk} gives them but named
     * under {@code folder}; when {@code folder} is a symbolic link ({@code templates ->
     * ../theme/templates}, a theme shared by several sites) its paths are those of the folder it
     * names, where {@link Files#walk} gives the link alone: the assets were not copied, and the
     * pages' cache key left the templates out. Links inside are not followed, as there.
     */
    public static List<Path> walk(Path folder) throws IOException {
        if (!Files.isSymbolicLink(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                return paths.toList();
            }
        }
        Path target = folder.toRealPath();
        try (Stream<Path> paths = Files.walk(target)) {
            return paths.map(path -> folder.resolve(target.relativize(path).toString())).toList();
        }
    }
}
