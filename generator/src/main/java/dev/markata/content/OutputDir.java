package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The build's output folder. Every write goes through here, so nothing lands outside it, each
 * file is replaced atomically (temporary file in the same folder, then an atomic rename), and a
 * file whose content did not change is not touched (cheaper builds, stable timestamps).
 * Thread-safe: per-document tasks write concurrently.
 *
 * <p>It also keeps the list of the files that are this build's output ({@link #made()}): those
 * written, and those a plugin found unchanged and left as they were ({@link #keep}). After a
 * successful build, {@link OutputRecord} removes the files an earlier build made that this one
 * did not, so every plugin that leaves a file of its own alone because it is still right must
 * say so with {@code keep}, or the file is taken for one of a withdrawn post.
 */
public final class OutputDir {

    private final Path root;
    private final LongAdder written = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private final Set<String> reports = ConcurrentHashMap.newKeySet();

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

    /**
     * Notes that {@code relative} is this build's output though it was not written again: its
     * plugin found it unchanged since the build that wrote it (a skipped post's page, a cover
     * whose title did not change). A file neither written nor kept by a build is removed after
     * it when an earlier build made it.
     *
     * @throws IllegalArgumentException if it would be outside the output folder
     */
    public void keep(String relative) {
        made.add(key(relative, null));
    }

    /**
     * Notes a file of the build profiler's report, written by the profiler itself inside the
     * output folder. A build that is not profiled leaves the last profiled build's report in
     * place; a profiled one removes the files of the earlier report it did not write again
     * ({@link OutputRecord}). A file outside the output folder is not noted.
     */
    public void keepReport(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.startsWith(root) && !target.equals(root)) {
            reports.add(SitePaths.slashed(root.relativize(target)));
        }
    }

    /**
     * The files this build wrote or kept so far, relative to the output folder, with '/'
     * ("a/index.html"): a view, not a copy (10,000 names after a build).
     */
    public Set<String> made() {
        return Collections.unmodifiableSet(made);
    }

    /** The profiler's files of this build ({@link #keepReport}), as {@link #made()} names them. */
    public Set<String> reports() {
        return Collections.unmodifiableSet(reports);
    }

    /**
     * The name {@link #made()} gives {@code relative}: as it is when it is already plain (no
     * empty, "." or ".." names, no backslash or colon: inside the folder on every system), which
     * nearly every plugin's path is, without the cost of a path (10,000 skipped posts keep
     * their pages); else from the normalized path. {@code target} is its resolved path, when
     * the caller has it.
     */
    private String key(String relative, Path target) {
        if (isPlain(relative)) {
            return relative;
        }
        return SitePaths.slashed(root.relativize(target != null ? target : resolve(relative)));
    }

    private static boolean isPlain(String relative) {
        if (relative.isEmpty() || relative.indexOf('\\') >= 0 || relative.indexOf(':') >= 0
                || relative.charAt(0) == '/'
                || relative.charAt(relative.length() - 1) == '/') {
            return false;
        }
        int start = 0;
        while (start <= relative.length()) {
            int end = relative.indexOf('/', start);
            if (end < 0) {
                end = relative.length();
            }
            int length = end - start;
            if (length == 0 || length == 1 && relative.charAt(start) == '.'
                    || length == 2 && relative.charAt(start) == '.' && relative.charAt(start + 1) == '.') {
                return false;
            }
            start = end + 1;
        }
        return true;
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
        made.add(key(relative, target));
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
