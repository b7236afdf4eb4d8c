package dev.markata;

import dev.markata.config.Config;
import dev.markata.config.SiteConfig;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildExecutor.DocumentTask;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.DocumentFailures;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Reporter;
import dev.markata.plugin.StateKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The build as one hook sees it: the shared state plus the stage and plugin it runs for. */
final class HookContext implements BuildContext {

    private final BuildState state;
    private final Stage stage;
    private final String pluginId;

    HookContext(BuildState state, Stage stage, String pluginId) {
        this.state = state;
        this.stage = stage;
        this.pluginId = pluginId;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public SiteConfig site() {
        return state.config.site();
    }

    @Override
    public Config config() {
        return state.config;
    }

    @Override
    public List<Path> sourceFiles() {
        return state.sourceFiles;
    }

    @Override
    public void setSourceFiles(List<Path> files) {
        state.sourceFiles = List.copyOf(files);
    }

    @Override
    public List<Post> posts() {
        return state.posts;
    }

    @Override
    public void setPosts(List<Post> posts) {
        state.posts = List.copyOf(posts);
    }

    @Override
    public <T, R> List<R> map(List<T> items, Function<T, String> documentOf, DocumentTask<T, R> task)
            throws DocumentFailures, InterruptedException {
        return state.executor.map(stage, pluginId, items, documentOf, task);
    }

    @Override
    public boolean keepsPages() {
        return state.keepsPages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(StateKey<T> key) {
        return Optional.ofNullable((T) state.values.get(key));
    }

    @Override
    public <T> void put(StateKey<T> key, T value) {
        state.values.put(key, key.type().cast(value));
    }

    @Override
    public OutputDir output() {
        return state.output;
    }

    @Override
    public Path cacheDir() {
        return state.cacheDir();
    }

    @Override
    public boolean writeCache(Path file, CacheWrite write) {
        if (state.cacheUnusable() != null) {
            return false; // the temporary folder in its place stays empty: a large site's caches are not put in /tmp
        }
        try {
            write.write();
            return true;
        } catch (IOException e) {
            state.cacheWriteFailed(file, e instanceof OutputDir.WriteFailed failed && failed.getCause() instanceof IOException
                    cause ? cause : e);
            return false;
        }
    }

    @Override
    public BuildTimings timings() {
        return state.timings.snapshot();
    }

    @Override
    public Optional<BuildFailure> failure() {
        return state.runner == null ? Optional.empty() : state.runner.failure();
    }

    @Override
    public Reporter reporter() {
        return state.reporter;
    }
}
