package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The site's {@code .markata.cache}, which belongs to the build of markata-java that wrote it.
 *
 * <p>Every cache key covers a post's inputs, not the code that turns them into pages: after an
 * upgrade that renders Markdown or templates differently, unchanged posts kept the old
 * version's pages (and its cached HTML) until they were next edited. The plugins' own key
 * versions only helped when whoever changed the output remembered to bump one. So the folder
 * carries a stamp naming the build of markata-java that wrote it ({@value #STAMP}, the text of
 * {@code MarkataVersion#stamp()}), and a build by any other one (or a folder without a stamp)
 * starts from an empty cache.
 *
 * <p>All but the records of the output folder ({@link OutputRecord#OUTLIVES_CODE}): they say
 * which files of {@code output_dir} markata-java made, not what code made of the posts, and the
 * first build after an upgrade must still remove the files of a post withdrawn before it.
 */
public final class CacheDir {

    /** The file in the cache folder naming the code that wrote the rest. */
    public static final String STAMP = "markata-java.version";

    private CacheDir() {
    }

    /**
     * Empties {@code folder} (but for the output records) unless its stamp names {@code code},
     * then stamps it. Returns the
     * other code's stamp when the folder was emptied ({@code "none"} for a folder without one),
     * empty when it was kept or did not exist.
     */
    public static Optional<String> claim(Path folder, String code) throws IOException {
        boolean existed = Files.isDirectory(folder);
        Files.createDirectories(folder); // a file in its place fails here, as the caches' own writes would
        Path stamp = folder.resolve(STAMP);
        String found = existed ? readStamp(stamp) : null;
        if (code.equals(found)) {
            return Optional.empty();
        }
        boolean emptied = false;
        // the stamp goes first: a build stopped half-way through leaves no stamp, and the next one
        // empties the folder again
        Files.deleteIfExists(stamp);
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!OutputRecord.OUTLIVES_CODE.contains(name) && !name.equals(BuildLock.FILE)) { // held by this build
                    deleteTree(entry);
                    emptied = true;
                }
            }
        }
        AtomicFiles.write(stamp, (code + "\n").getBytes(StandardCharsets.UTF_8));
        return emptied || found != null ? Optional.of(found == null ? "none" : found) : Optional.empty();
    }

    /** The stamp's text (a damaged one, not UTF-8, just differs), or null without one. */
    private static String readStamp(Path stamp) throws IOException {
        try {
            return new String(Files.readAllBytes(stamp), StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Deletes a file, or a folder and everything in it, without following symbolic links out of it. */
    public static void deleteTree(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                if (error != null) {
                    throw error;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
