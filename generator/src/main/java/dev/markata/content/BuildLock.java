package dev.markata.content;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
     * How long a build waits for another build of its site, and how often it says it still waits.
     *
     * @param limit how long to wait before giving up ({@link TimedOut}); empty: as long as the other build runs
     * @param every how often to say that it still waits
     */
    public record Wait(Optional<Duration> limit, Duration every) {

        /** Often enough that a CI log shows why a job is stuck, seldom enough not to fill it. */
        public static final Duration EVERY = Duration.ofSeconds(30);

        /** As long as the other build runs, saying so every {@link #EVERY}. */
        public static final Wait UNLIMITED = new Wait(Optional.empty(), EVERY);

        public Wait {
            Objects.requireNonNull(limit, "limit");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("every must be > 0: " + every);
            }
        }

        /** At most {@code limit}, saying so every {@link #EVERY}. */
        public static Wait atMost(Duration limit) {
            return new Wait(Optional.of(limit), EVERY);
        }
    }

    /** Another build still held the lock when the {@link Wait#limit} ran out. */
    public static final class TimedOut extends IOException {
        private final String holder;

        TimedOut(Path siteDirectory, String holder, Duration limit) {
            super("another build of " + siteDirectory + " (" + holder + ") still holds its lock after "
                    + seconds(limit));
            this.holder = holder;
        }

        /** The holder as the lock's file names it ({@code "pid 1234"}), for a hint to stop it. */
        public String holder() {
            return holder;
        }
    }

    /** How often a waiting build tries the other process's lock again (the first try comes at once). */
    private static final long POLL_MILLIS = 50;

    /**
     * Takes the lock of the site in {@code siteDirectory}, waiting as long as another build holds
     * it ({@link Wait#UNLIMITED}).
     *
     * @throws IOException when the cache folder or the lock's file cannot be made or locked
     */
    public static BuildLock acquire(Path cacheDir, Path siteDirectory, Consumer<String> say) throws IOException {
        return acquire(cacheDir, siteDirectory, Wait.UNLIMITED, say, say);
    }

    /**
     * Takes the lock of the site in {@code siteDirectory} whose cache folder is {@code cacheDir}
     * (made if missing), waiting while another build holds it; {@code say} is told before the
     * wait which build it waits for ({@code "waiting for another build of DIR (pid 1234) to
     * finish"}), so that a build and {@code clean} say it alike; {@code sayStill} is told again
     * every {@link Wait#every} ({@code "still waiting ...: 30 s so far"}): a build that hangs holds
     * the lock until it is stopped, and the log of a job stuck behind it says why (a build says
     * that as a warning, which {@code --quiet} shows).
     *
     * @throws TimedOut    when another build still holds the lock after {@link Wait#limit}
     * @throws IOException when the cache folder or the lock's file cannot be made or locked
     */
    public static BuildLock acquire(Path cacheDir, Path siteDirectory, Wait wait, Consumer<String> say,
                                    Consumer<String> sayStill) throws IOException {
        Files.createDirectories(cacheDir);
        Path file = cacheDir.toRealPath().resolve(FILE);
        Waiting waiting = new Waiting(siteDirectory, wait, say, sayStill);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, key -> new ReentrantLock());
        String self = "pid " + ProcessHandle.current().pid();
        try {
            while (!local.tryLock(waiting.next(self), TimeUnit.MILLISECONDS)) {
                // said by next()
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for another build of " + siteDirectory);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            // the other process's lock cannot be waited for with a limit (FileChannel.lock waits
            // until it is released): it is tried again every POLL_MILLIS
            while (lock == null) {
                String holder = read(channel).orElse("another process");
                long pause = Math.min(POLL_MILLIS, waiting.next(holder));
                Thread.sleep(pause);
                lock = channel.tryLock();
            }
            boolean unfinished = read(channel).isPresent();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new BuildLock(local, channel, lock, unfinished);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(channel, local);
            throw new InterruptedIOException("interrupted while waiting for another build of " + siteDirectory);
        } catch (IOException | RuntimeException e) {
            close(channel, local);
            throw e;
        }
    }

    /**
     * Whether a build holds the lock of the site whose cache folder is {@code cacheDir} now, without
     * waiting: for {@code serve --watch}, whose rebuild gave up waiting for that build
     * ({@link TimedOut}) and builds once it ends. Looks with this process's lock held, so that
     * no build of this process holds the file's lock while it is opened and closed here (closing
     * a file drops the process's locks of it on POSIX systems). False without a lock file, or
     * when it cannot be read: the build then says what is wrong.
     */
    public static boolean held(Path cacheDir) {
        Path file;
        try {
            file = cacheDir.toRealPath().resolve(FILE);
        } catch (IOException e) {
            return false;
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, key -> new ReentrantLock());
        if (!local.tryLock()) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            local.unlock();
        }
    }

    private static void close(FileChannel channel, ReentrantLock local) throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            local.unlock();
        }
    }

    /**
     * What a wait says, and when: at its start, then every {@link Wait#every}, naming the build
     * that holds the lock then (a third build may have taken it in between).
     */
    private static final class Waiting {
        private final Path siteDirectory;
        private final Wait wait;
        private final Consumer<String> say;
        private final Consumer<String> sayStill;
        private final long start = System.nanoTime();
        private boolean tried;
        private boolean announced;
        /** The next "still waiting" is due after this many {@link Wait#every}. */
        private long due = 1;

        Waiting(Path siteDirectory, Wait wait, Consumer<String> say, Consumer<String> sayStill) {
            this.siteDirectory = siteDirectory;
            this.wait = wait;
            this.say = say;
            this.sayStill = sayStill;
        }

        /**
         * Says what is due while {@code holder} holds the lock, and returns how long to wait
         * before the next call (milliseconds; 0 for the first try, which a free lock passes
         * without a word).
         *
         * @throws TimedOut when the limit has passed
         */
        long next(String holder) throws TimedOut {
            if (!tried) {
                tried = true;
                return 0;
            }
            long elapsed = System.nanoTime() - start;
            if (wait.limit().isPresent() && elapsed >= wait.limit().get().toNanos()) {
                throw new TimedOut(siteDirectory, holder, wait.limit().get());
            }
            String what = "another build of " + siteDirectory + " (" + holder + ") to finish";
            long every = wait.every().toNanos();
            if (!announced) {
                announced = true;
                say.accept("waiting for " + what);
            } else if (elapsed >= due * every) {
                long intervals = elapsed / every;
                sayStill.accept("still waiting for " + what + ": " + seconds(wait.every().multipliedBy(intervals))
                        + " so far" + wait.limit().map(limit -> "; giving up after " + seconds(limit)).orElse(""));
                due = intervals + 1;
            }
            long untilNotice = due * every - elapsed;
            long untilLimit = wait.limit().map(limit -> limit.toNanos() - elapsed).orElse(Long.MAX_VALUE);
            return TimeUnit.NANOSECONDS.toMillis(Math.min(untilNotice, untilLimit)) + 1;
        }
    }

    /** "30 s", "0.5 s". */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString()) + " s";
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
