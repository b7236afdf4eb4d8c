package dev.markata.profiler.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Atomic writes: a file is written to a temporary file beside it, then renamed over it
 * ({@link StandardCopyOption#ATOMIC_MOVE}), so a reader, a crash or a full disk never leaves
 * half a file: the target is the old version or the new one. On failure the temporary file is
 * deleted and the target is untouched.
 *
 * <p>{@link Files#createTempFile} makes files only their owner can read (0600); renamed into
 * place, a report or a site page would then be unreadable to a web server or a colleague.
 * Files made here are readable by everyone (0644 under the usual umask), as files written the
 * ordinary way are.
 */
public final class AtomicFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<Set<PosixFilePermission>> READABLE_ATTRIBUTE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

    /** Writes a file's content to the stream it is given (which the caller closes). */
    @FunctionalInterface
    public interface Content<S> {
        void writeTo(S out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} by {@code bytes}, atomically, creating missing parent folders. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, (OutputStream out) -> out.write(bytes));
    }

    /**
     * Replaces {@code target} by what {@code content} writes to a stream, atomically, creating
     * missing parent folders.
     */
    public static void write(Path target, Content<OutputStream> content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        // createDirectories on a folder that exists throws and catches an exception inside: a
        // build writing 10,000 pages into existing folders paid that on every page.
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
        }
        Path temporary = temporarySibling(target);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Replaces {@code target} by the UTF-8 text {@code content} writes to a (buffered) writer,
     * atomically, creating missing parent folders.
     */
    public static void writeText(Path target, Content<Writer> content) throws IOException {
        write(target, (OutputStream out) -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /**
     * A new empty file in {@code target}'s folder, named after it and hidden
     * ({@code .name.<random>.tmp}), to be renamed over {@code target} once written. Prefer
     * {@link #write}, which also renames and cleans up; this is for writers that must be handed
     * a path.
     *
     * <p>Made with {@code rw-r--r--} (the process's umask still applies, as for any file it
     * writes) rather than through {@link Files#createTempFile}, whose files only their owner can
     * read and whose secure random names cost more than the write of a small page.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                if (POSIX) {
                    Files.createFile(temp, READABLE_ATTRIBUTE);
                } else {
                    Files.createFile(temp);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e; // ten random names taken: something else is wrong
                }
            }
        }
    }
}
