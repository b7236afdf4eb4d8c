package dev.markata.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One build of a site at a time, and word of a build that did not finish.
 *
 * <p>Two builds of one site at once (a {@code build} in a terminal while {@code serve --watch}
 * rebuilds, two CI steps) wrote the same pages and the same cache and record files, each
 * replacing the other's: a record of output files written by one build and read by the other
 * can name files neither made, or miss some. So a build holds a lock on
 * {@code .markata.cache/}{@value #FILE} (the operating system's, released when the process
 * ends, killed or not), and a second build waits for it, saying so.
 *
 * <p>While it holds the lock the file says the build runs, and it is emptied when the build
 * ends, failed or not. A build that finds the text there took over from one that was killed
 * (SIGKILL, the machine stopped): {@link #unfinished()}, whose temporary files the caller
 * removes ({@link Leftovers}).
 */
public final class BuildLock implements AutoCloseable {

    /** The lock's file in the cache folder, kept when the cache is emptied ({@link CacheDir#claim}). */
    public static final String FILE = "build.lock";

    /** A file lock is the process's: builds of one site on threads of one process take turns here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean unfinished;

    private BuildLock(ReentrantLock local, FileChannel channel, FileLock lock, boolean unfinished) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
        this.unfinished = unfinished;
    }

    /**
     * Takes the lock of the site in {@code siteDirectory} whose cache folder is {@code cacheDir}
     * (made if missing), waiting while another build holds it; {@code say} is told once, before
     * the wait, which build it waits for ({@code "waiting for another build of DIR (pid 1234) to
     * finish"}), so that a build and {@code clean} say it alike.
     *
     * @throws IOException when the cache folder or the lock's file cannot be made or locked
     */
    public static BuildLock acquire(Path cacheDir, Path siteDirectory, Consumer<String> say) throws IOException {
        Consumer<String> waiting = holder -> say.accept("waiting for another build of " + siteDirectory + " ("
                + holder + ") to finish");
        Files.createDirectories(cacheDir);
        Path file = cacheDir.toRealPath().resolve(FILE);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, key -> new ReentrantLock());
        boolean told = false;
        if (!local.tryLock()) {
            waiting.accept("pid " + ProcessHandle.current().pid());
            told = true;
            local.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                if (!told) {
                    waiting.accept(read(channel).orElse("another process"));
                }
                lock = channel.lock();
            }
            boolean unfinished = read(channel).isPresent();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new BuildLock(local, channel, lock, unfinished);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    /** What the file says (the holder's pid), empty when a build ended and emptied it. */
    private static Optional<String> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int n = channel.read(buffer, 0);
        String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Whether the build before this one was stopped before it ended (its text was still in the file). */
    public boolean unfinished() {
        return unfinished;
    }

    /**
     * Says the build ended, and lets the next one in. A file that cannot be emptied only makes
     * the next build look for temporary files; the lock goes with the channel, or with the process.
     */
    @Override
    public void close() {
        try (FileChannel closing = channel) {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // see above
        } finally {
            local.unlock();
        }
    }
}
