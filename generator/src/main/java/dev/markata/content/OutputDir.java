package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The build's output folder. Every write goes through here, so nothing lands outside it, each
 * file is replaced atomically (temporary file in the same folder, then an atomic rename), and a
 * file whose content did not change is not touched (cheaper builds, stable timestamps).
 * Thread-safe: per-document tasks write concurrently.
 */
public final class OutputDir {

    private final Path root;
    private final LongAdder written = new LongAdder();
    private final LongAdder unchanged = new LongAdder();

    public OutputDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * The absolute path of {@code relative} inside the output folder.
     *
     * @throws IllegalArgumentException if it would be outside (absolute, or climbing with "..")
     */
    public Path resolve(String relative) {
        Path target = root.resolve(relative).normalize();
        if (relative.isEmpty() || Path.of(relative).isAbsolute() || !target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("\"" + relative + "\" is not a file path inside the output folder "
                    + root);
        }
        return target;
    }

    /** Writes UTF-8 text; see {@link #write(String, byte[])}. */
    public boolean write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code relative} unless the file already holds exactly them.
     *
     * @return whether the file was written
     */
    public boolean write(String relative, byte[] bytes) throws IOException {
        Path target = resolve(relative);
        try {
            return replace(target, bytes);
        } catch (WriteFailed e) {
            throw e;
        } catch (IOException e) {
            throw new WriteFailed(target, e);
        }
    }

    private boolean replace(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            unchanged.increment();
            return false;
        }
        AtomicFiles.write(target, bytes);
        written.increment();
        return true;
    }

    /**
     * A file of the output folder or the cache could not be written (full disk, read-only
     * folder): the message names the path and the system's reason, for the author, without a
     * stack trace.
     */
    public static final class WriteFailed extends IOException {
        public WriteFailed(Path target, IOException cause) {
            super("cannot write " + target + ": " + reason(cause), cause);
        }

        private static String reason(IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : e.getMessage();
            if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
                reason = exists.getFile() + " is a file, where a folder is needed";
            }
            if (e instanceof java.nio.file.AccessDeniedException && reason == null) {
                reason = "permission denied";
            }
            if (reason == null) {
                reason = e.getClass().getSimpleName();
            }
            return reason.contains("No space left") ? reason + " (the disk is full)" : reason;
        }
    }

    /** Files written so far in this build. */
    public long written() {
        return written.sum();
    }

    /** Files left alone because their content was already right. */
    public long unchanged() {
        return unchanged.sum();
    }
}
