package dev.markata;

import dev.markata.config.Config;
import dev.markata.content.CacheDir;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildExecutor;
import dev.markata.lifecycle.StageRunner;
import dev.markata.lifecycle.TimingRecorder;
import dev.markata.plugin.Reporter;
import dev.markata.plugin.StateKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    final Map<StateKey<?>, Object> values = new ConcurrentHashMap<>();
    volatile StageRunner runner;
    volatile List<Path> sourceFiles = List.of();
    volatile List<Post> posts = List.of();
    private boolean cacheClaimed;

    BuildState(Config config, BuildExecutor executor, TimingRecorder timings, OutputDir output, Reporter reporter) {
        this.config = config;
        this.executor = executor;
        this.timings = timings;
        this.output = output;
        this.reporter = reporter;
    }

    /**
     * The site's cache folder, emptied first (once per build, when a hook first asks) if another
     * build of markata-java wrote it: see {@link CacheDir}. Asked lazily, so that a run that stops
     * before save with plugins that keep no cache ({@code markata list}) creates none; a whole
     * build records its output files there ({@link dev.markata.content.OutputRecord}).
     */
    synchronized Path cacheDir() throws IOException {
        Path cache = config.site().cacheDir();
        if (!cacheClaimed) {
            MarkataVersion code = MarkataVersion.current();
            Optional<String> other = CacheDir.claim(cache, code.stamp());
            other.ifPresent(found -> reporter.info(cache + " was written by "
                    + (found.equals("none") ? "an older markata-java" : found) + ", not by this one (" + code.stamp()
                    + "): it was emptied, and this build renders every page"));
            cacheClaimed = true;
        }
        return cache;
    }
}
