package dev.markata.profiler.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The temporary file an atomic write goes through: written beside its target, then renamed
 * over it, so a reader never sees half a file.
 *
 * <p>{@link Files#createTempFile} makes files only their owner can read (0600); renamed into
 * place, a report or a site page would then be unreadable to a web server or a colleague.
 * Files made here are readable by everyone (0644), as files written the ordinary way are.
 */
public final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /**
     * A new empty file in {@code target}'s folder, named after it and hidden ({@code .name…tmp}),
     * to be renamed over {@code target} once written.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        if (POSIX) {
            Files.setPosixFilePermissions(temp, READABLE);
        }
        return temp;
    }
}
