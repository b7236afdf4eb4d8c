package dev.markata.content;

import dev.markata.profiler.io.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
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
    private final FileNames made = new FileNames();
    private final FileNames reports = new FileNames();

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
        note(made, key(relative, null));
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
            note(reports, recordable(name(target)));
        }
    }

    /**
     * The files this build wrote or kept so far, relative to the output folder, with '/'
     * ("a/index.html"): a view, not a copy (10,000 names after a build). A name with a line
     * break is left out: it cannot be a line of the record, so such a file is never removed.
     */
    public Set<String> made() {
        return made.view();
    }

    /** The profiler's files of this build ({@link #keepReport}), as {@link #made()} names them. */
    public Set<String> reports() {
        return reports.view();
    }

    /** {@link #made()} with its digest. */
    FileNames madeNames() {
        return made;
    }

    /** {@link #reports()} with its digest. */
    FileNames reportNames() {
        return reports;
    }

    /**
     * The name {@link #made()} gives {@code relative}: as it is when it is already plain (no
     * empty, "." or ".." names, no backslash, colon or line break: inside the folder on every
     * system), which nearly every plugin's path is, without the cost of a path (10,000 skipped
     * posts keep their pages); else from the normalized path. {@code target} is its resolved
     * path, when the caller has it.
     */
    private String key(String relative, Path target) {
        return isPlain(relative) ? relative : recordable(name(target != null ? target : resolve(relative)));
    }

    /** The name of a path inside the folder, with '/' between its names (a backslash is a name's on Unix). */
    private String name(Path target) {
        String name = root.relativize(target).toString();
        return File.separatorChar == '/' ? name : name.replace(File.separatorChar, '/');
    }

    /** The name, or null when it holds a line break. */
    private static String recordable(String name) {
        return name.indexOf('\n') < 0 && name.indexOf('\r') < 0 ? name : null;
    }

    private static void note(FileNames names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    /** One pass over the characters (a plugin's path is no more than a slug and a file name). */
    private static boolean isPlain(String relative) {
        int length = relative.length();
        int start = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? relative.charAt(i) : '/';
            if (c == '/') {
                int name = i - start;
                if (name == 0 || relative.charAt(start) == '.' && (name == 1
                        || name == 2 && relative.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            } else if (c == '\\' || c == ':' || c == '\n' || c == '\r') {
                return false;
            }
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
        note(made, key(relative, target));
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

        /** The system's reason, in words: "No space left on device (the disk is full)". */
        public static String reason(IOException e) {
            // a FileSystemException without a reason has its path for a message, which the
            // message already names: "cannot write x: x"
            String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
            if (e instanceof FileAlreadyExistsException exists) {
                reason = exists.getFile() + " is a file, where a folder is needed";
            }
            if (e instanceof AccessDeniedException && reason == null) {
                reason = "permission denied";
            }
            if (e instanceof NoSuchFileException missing && reason == null) {
                reason = missing.getFile() + " is missing";
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

    /**
     * Files of this build's output it did not write because they were already right: compared
     * and found unchanged, or {@linkplain #keep kept} without a look (a skipped post's page). The
     * line that ends a warm build said "0 files written, 1 unchanged" of a site of 44 files.
     */
    public long unchanged() {
        return Math.max(0, made.view().size() - written.sum());
    }
}
