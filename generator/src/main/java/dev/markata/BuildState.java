package dev.markata;

import dev.markata.config.Config;
import dev.markata.content.CacheDir;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.BuildExecutor;
import dev.markata.lifecycle.StageRunner;
import dev.markata.lifecycle.TimingRecorder;
import dev.markata.plugin.Reporter;
import dev.markata.plugin.StateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The mutable heart of one build, shared by every hook's context. Lists are replaced, never
 * changed in place; fields are volatile so a teardown run from a shutdown hook sees them.
 */
final class BuildState {

    final Config config;
    final BuildExecutor executor;
    final TimingRecorder timings;
    final OutputDir output;
    final Reporter reporter;
    final boolean keepsPages;
    final Map<StateKey<?>, Object> values = new ConcurrentHashMap<>();
    volatile StageRunner runner;
    volatile List<Path> sourceFiles = List.of();
    volatile List<Post> posts = List.of();
    /** The cache folder of this build, once a hook asked for it. */
    private Path cache;
    /** A temporary folder in place of the site's, which could not be used ({@link #cacheDir}). */
    private Path temporaryCache;
    private String cacheUnusable;
    private final AtomicBoolean cacheWriteFailed = new AtomicBoolean();

    BuildState(Config config, BuildExecutor executor, TimingRecorder timings, OutputDir output, Reporter reporter,
               boolean keepsPages) {
        this.config = config;
        this.executor = executor;
        this.timings = timings;
        this.output = output;
        this.reporter = reporter;
        this.keepsPages = keepsPages;
    }

    /**
     * The site's cache folder, emptied first (once per build, when a hook first asks) if another
     * build of markata-java wrote it: see {@link CacheDir}. Asked lazily, so that a run that stops
     * before save with plugins that keep no cache ({@code markata list}) creates none; a whole
     * build records its output files there ({@link dev.markata.content.OutputRecord}).
     *
     * <p>A folder that cannot be made or claimed (a file in its place, a full disk, a read-only
     * folder) does not fail the build: a cache only saves work. The build says so once and hands
     * the plugins an empty temporary folder instead, removed when it ends ({@link #close}), so
     * every plugin finds no cache and does all its work; their writes are skipped
     * ({@link HookContext#writeCache}), so the folder stays empty.
     * {@link #cacheUnusable} then says why, for the record of output files, which goes nowhere.
     */
    synchronized Path cacheDir() {
        if (cache != null) {
            return cache;
        }
        Path folder = config.site().cacheDir();
        try {
            MarkataVersion code = MarkataVersion.current();
            Optional<String> other = CacheDir.claim(folder, code.stamp());
            other.ifPresent(found -> reporter.info(folder + " was written by "
                    + (found.equals("none") ? "an older markata-java" : found) + ", not by this one (" + code.stamp()
                    + "): it was emptied, and this build renders every page"));
            cache = folder;
        } catch (IOException e) {
            cacheUnusable = OutputDir.WriteFailed.reason(e);
            reporter.warn("cannot write the cache folder " + folder + " (" + cacheUnusable + "): this build goes on"
                    + " without its caches (every page is made again, and the files it writes to " + output.root()
                    + " are not recorded, so none that an earlier build made is removed)");
            try {
                temporaryCache = Files.createTempDirectory("markata-cache-");
                cache = temporaryCache;
            } catch (IOException noTemporary) {
                // then the plugins' own reads and writes fail, each as a damaged cache
                cache = folder;
            }
        }
        return cache;
    }

    /** Why the site's cache folder could not be used in this build, or null when it could (or was not asked for). */
    synchronized String cacheUnusable() {
        return cacheUnusable;
    }

    /**
     * A cache file could not be written: the first time in a build a warning naming the folder
     * and the reason, then nothing (a full disk fails every write after the first).
     */
    void cacheWriteFailed(Path file, IOException error) {
        if (cacheUnusable() == null && cacheWriteFailed.compareAndSet(false, true)) {
            Path folder = config.site().cacheDir();
            String name = file.startsWith(folder) ? SitePaths.slashed(folder.relativize(file)) : file.toString();
            reporter.warn("cannot write the cache in " + folder + " (" + name + ": " + OutputDir.WriteFailed.reason(error)
                    + "): this build goes on without writing its caches; the next build does again the work they"
                    + " would have saved");
        }
    }

    /** Removes the temporary cache folder of a build whose own could not be used. */
    synchronized void close() {
        if (temporaryCache != null) {
            try {
                CacheDir.deleteTree(temporaryCache);
            } catch (IOException e) {
                reporter.warn("cannot remove the temporary cache folder " + temporaryCache + ": " + e.getMessage());
            }
            temporaryCache = null;
        }
    }
}
