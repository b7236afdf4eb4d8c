package dev.markata.profiler.sampling;

import dev.markata.profiler.TimeMode;
import dev.markata.profiler.io.AtomicFiles;
import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * async-profiler's native library, loaded once per JVM, and the one profiler it holds.
 *
 * <p>Guards: the bundled native library is extracted to the first writable folder where it
 * also loads (a {@code noexec} temp folder fails to map it, and the next folder is tried); only
 * 4.x is accepted (3.x crashes JDK 25); the native library is one per JVM, so one recording at a
 * time uses it ({@link #claim()}) and a second concurrent one falls back to the JDK sampler.
 */
final class AsyncProfilerLibrary {

    /** One load attempt per JVM: a native library loads once, and its failure is said once. */
    private static Loaded loaded;
    private static boolean failureSaid;
    /**
     * Whether a recording has the JVM's one async-profiler: the library holds one profiler per
     * process, so a second recording at the same time falls back to the JDK sampler.
     */
    private static final AtomicBoolean BUSY = new AtomicBoolean();

    /** The result of loading the native library: a sampler prototype, or why it failed. */
    record Loaded(AsyncProfilerSampler sampler, String failure) {
    }

    private AsyncProfilerLibrary() {
    }

    /** Loads the library (once per JVM); its failure is said once, when a recording asks for it. */
    static synchronized Loaded load() {
        Loaded result = loadQuietly();
        if (result.failure() != null && !failureSaid) {
            failureSaid = true;
            Warnings.warn("async-profiler unavailable, using the JDK sampler: " + result.failure());
        }
        return result;
    }

    /**
     * Loads the library (once per JVM) without saying anything: {@link Recording#prepare} loads
     * it ahead of a recording that may still fall back to the JDK sampler.
     */
    static synchronized Loaded loadQuietly() {
        if (loaded == null) {
            try {
                loaded = tryLoad();
            } catch (LinkageError e) {
                loaded = new Loaded(null, "async-profiler classes are not available: " + e);
            }
        }
        return loaded;
    }

    /** Takes the JVM's one async-profiler for a recording; false when another one has it. */
    static boolean claim() {
        return BUSY.compareAndSet(false, true);
    }

    static void release() {
        BUSY.set(false);
    }

    private static Loaded tryLoad() {
        String platform = platformTag();
        if (platform == null) {
            return new Loaded(null, "no async-profiler build for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        }
        BundledLibrary library;
        try {
            library = BundledLibrary.find(AsyncProfiler.class, "/" + platform + "/libasyncProfiler.so");
        } catch (IOException e) {
            return new Loaded(null, "cannot read the bundled library: " + e.getMessage());
        }
        if (library == null) {
            return new Loaded(null, "the async-profiler jar has no " + platform + " library");
        }
        String fileName = "libasyncProfiler-" + library.name() + ".so";
        List<String> reasons = new ArrayList<>();
        for (Path folder : candidateFolders()) {
            try {
                Path file = extract(library, folder, fileName);
                AsyncProfiler profiler = AsyncProfiler.getInstance(file.toString());
                String version = profiler.getVersion();
                if (majorVersion(version) < 4) {
                    return new Loaded(null, "async-profiler " + version + " is too old (3.x crashes JDK 25; 4.x needed)");
                }
                return new Loaded(new AsyncProfilerSampler(profiler, file.toString(), TimeMode.WALL, null), null);
            } catch (IOException | UncheckedIOException | UnsatisfiedLinkError | IllegalStateException e) {
                reasons.add(whyNotLoaded(folder, folder.resolve(fileName), e));
            }
        }
        return new Loaded(null, "cannot load the native library from any folder (" + String.join("; ", reasons) + ")");
    }

    /**
     * {@code /tmp/markata-profiler-me: failed to map segment from shared object (mounted
     * noexec?)}: the folder once and the reason. The JVM's own message names the library file
     * twice before the reason, which made the warning for three folders nine paths long.
     */
    static String whyNotLoaded(Path folder, Path file, Throwable error) {
        String message = error.getMessage();
        String prefix = file + ": ";
        while (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        if (error instanceof FileSystemException fs) { // its message is the path and the reason
            return folder + ": " + error.getClass().getSimpleName() + (fs.getReason() == null ? "" : ", " + fs.getReason());
        }
        if (message == null || message.isBlank()) {
            return folder + ": " + error.getClass().getSimpleName();
        }
        return folder + ": " + message + (message.contains("failed to map segment") ? " (mounted noexec?)" : "");
    }

    private static String platformTag() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos";
        }
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> null;
        };
    }

    /** Writable folders to extract to, in order; a noexec one fails at load and the next is tried. */
    private static List<Path> candidateFolders() {
        List<Path> folders = new ArrayList<>();
        String configured = System.getProperty("markata.profiler.libdir");
        if (configured != null && !configured.isBlank()) {
            folders.add(Path.of(configured));
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        folders.add(Path.of(System.getProperty("java.io.tmpdir"), "markata-profiler-" + user));
        folders.add(Path.of(System.getProperty("user.home"), ".cache", "markata-profiler"));
        folders.add(Path.of("/dev/shm", "markata-profiler-" + user));
        return folders;
    }

    private static Path extract(BundledLibrary library, Path folder, String fileName) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName);
        if (Files.isRegularFile(file) && Files.size(file) == library.size()) {
            return file; // content-addressed: same name, same bytes
        }
        AtomicFiles.write(file, library.bytes()); // a concurrent JVM never loads half a library
        return file;
    }

    private static int majorVersion(String version) {
        try {
            int dot = version.indexOf('.');
            return Integer.parseInt(dot < 0 ? version.trim() : version.substring(0, dot).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
