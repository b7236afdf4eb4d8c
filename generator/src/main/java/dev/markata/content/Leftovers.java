package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files of atomic writes ({@code .index.html.<hex>.tmp}, as
 * {@link AtomicFiles#temporarySibling} names them) that a process stopped while writing
 * (SIGKILL, the machine's power) left behind: the pages beside them are whole, old or new, but
 * the half-written copies stayed in the output folder, to be deployed with the site, through
 * every later build.
 */
public final class Leftovers {

    private static final Pattern NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private Leftovers() {
    }

    /** Whether {@code file}'s name is that of an atomic write's temporary file. */
    public static boolean is(Path file) {
        Path name = file.getFileName();
        return name != null && NAME.matcher(name.toString()).matches();
    }

    /**
     * Removes the leftovers under {@code root} (not through links); returns the paths removed.
     * Only for a folder no other process writes now: its temporary files are all left over.
     */
    public static List<Path> remove(Path root) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        List<Path> found;
        try (Stream<Path> paths = Files.walk(root)) {
            found = paths.filter(path -> is(path) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Path path : found) {
            try {
                Files.delete(path);
                removed.add(path);
            } catch (NoSuchFileException gone) {
                // removed meanwhile
            }
        }
        return removed;
    }
}
