package dev.markata.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What {@code bench/warm-vs-clean.sh} checks, inside a test: a copy of a site's sources (no
 * output folder, no cache) built from nothing must give the output folder the warm build left,
 * file by file, the profile's folder left out.
 */
public final class WarmVsClean {

    /** Builds the site folder it is given (the copy); fails the test when the build fails. */
    @FunctionalInterface
    public interface Build {
        void run(Path site) throws Exception;
    }

    private WarmVsClean() {
    }

    /**
     * The files of {@code site}'s output folder ({@code markout}) that differ from a clean build's
     * of a copy made at {@code copy} (emptied first): "only warm: x", "only clean: x", "differs: x".
     */
    public static List<String> differences(Path site, Path copy, Build build) throws Exception {
        new Site(copy).delete("");
        try (Stream<Path> files = Files.walk(site)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = site.relativize(file);
                if (relative.startsWith("markout") || relative.startsWith(".markata.cache")) {
                    continue;
                }
                Path target = copy.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        build.run(copy);
        Map<String, byte[]> clean = files(copy.resolve("markout"));
        Map<String, byte[]> warm = files(site.resolve("markout"));
        List<String> differ = new ArrayList<>();
        warm.forEach((name, bytes) -> {
            if (!clean.containsKey(name)) {
                differ.add("only warm: " + name);
            } else if (!Arrays.equals(bytes, clean.get(name))) {
                differ.add("differs: " + name);
            }
        });
        clean.keySet().stream().filter(name -> !warm.containsKey(name)).forEach(name -> differ.add("only clean: " + name));
        return differ;
    }

    /** Every file under {@code root} but the profile's, by its path there with '/' ("a/index.html"). */
    public static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith("_profile/")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
