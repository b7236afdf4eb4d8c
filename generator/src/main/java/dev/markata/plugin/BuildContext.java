package dev.markata.plugin;

import dev.markata.config.Config;
import dev.markata.config.SiteConfig;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildExecutor.DocumentTask;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildTimings;
import dev.markata.lifecycle.DocumentFailures;
import dev.markata.lifecycle.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a hook sees of the build: the stage and plugin it runs for, the configuration, the
 * source files and posts, the build executor for per-document work, the output folder, and the
 * build's timings and failure.
 *
 * <p>Posts are immutable {@link Post} values; a hook that changes posts produces new versions
 * and hands the new list back ({@link #setPosts}, or {@link #updatePosts} which does both in
 * parallel). Hooks run one at a time on the main thread, so the list needs no locking.
 */
public interface BuildContext {

    Stage stage();

    /** The id of the plugin this hook belongs to. */
    String pluginId();

    SiteConfig site();

    /** The whole configuration, for sections ({@code config().section(...)}) and raw keys. */
    Config config();

    /** Source files found by glob, relative to the site folder, sorted. */
    List<Path> sourceFiles();

    void setSourceFiles(List<Path> files);

    /** The posts, in source-file order. */
    List<Post> posts();

    void setPosts(List<Post> posts);

    /**
     * Replaces every post by {@code update(post)}, in parallel on the build executor (each task
     * known by stage, this plugin and the post's path). Every post is tried; failures are
     * reported together.
     */
    default void updatePosts(DocumentTask<Post, Post> update) throws DocumentFailures, InterruptedException {
        setPosts(map(posts(), Post::path, update));
    }

    /**
     * Replaces the posts {@code which} accepts by {@code update(post)}, in parallel; the others
     * stay as they are and cost no task (a plugin with work for a few posts shows a few tasks).
     */
    default void updatePosts(Predicate<Post> which, DocumentTask<Post, Post> update)
            throws DocumentFailures, InterruptedException {
        List<Post> posts = posts();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            if (which.test(posts.get(i))) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            return;
        }
        List<Post> updated = map(chosen.stream().map(posts::get).toList(), Post::path, update);
        List<Post> all = new ArrayList<>(posts);
        for (int i = 0; i < chosen.size(); i++) {
            all.set(chosen.get(i), updated.get(i));
        }
        setPosts(all);
    }

    /**
     * Per-document work on the build executor: applies {@code task} to every item in parallel
     * and returns the results in order. Observers and task decorators see each task with this
     * stage, this plugin and {@code documentOf(item)}.
     */
    <T, R> List<R> map(List<T> items, Function<T, String> documentOf, DocumentTask<T, R> task)
            throws DocumentFailures, InterruptedException;

    /**
     * Whether posts keep their pages after post_template made them, for hooks that read them
     * later: a plugin said so ({@link PluginSetup#readsPages}), registered a post_render hook, or
     * the build was opened to keep them ({@code Markata.Builder.keepPages}). When not, publish_html
     * writes each page as soon as it is made.
     */
    boolean keepsPages();

    /** A build-wide value another plugin stored. */
    <T> Optional<T> get(StateKey<T> key);

    <T> void put(StateKey<T> key, T value);

    /**
     * Writes pages under {@code output_dir}, only when their content changed. A file an earlier
     * build wrote that a plugin leaves alone because it is still right must be noted with
     * {@link OutputDir#keep}: after the build, files an earlier build made and this one neither
     * wrote nor kept are removed as those of withdrawn posts.
     */
    OutputDir output();

    /**
     * {@code .markata.cache} in the site folder, created on first call; emptied then when another
     * build of markata-java wrote it ({@link dev.markata.content.CacheDir}). Where it cannot be
     * made or written, an empty temporary folder, after one warning: the build goes on without
     * its caches. Write its files with {@link #writeCache}.
     */
    Path cacheDir();

    /**
     * Writes a cache file under {@link #cacheDir} with {@code write}. A cache only saves work,
     * so a write that fails (a full disk, a read-only folder, a folder in the file's place) does
     * not fail the build: the first such failure of a build is said in one warning naming the
     * cache folder and the reason, later ones are not, and the build goes on; the next build does
     * the work again. Returns whether the file was written.
     */
    boolean writeCache(Path file, CacheWrite write);

    /** A write of a cache file ({@link #writeCache}). */
    @FunctionalInterface
    interface CacheWrite {
        void write() throws IOException;
    }

    /** Stage and hook times measured so far. */
    BuildTimings timings();

    /** Why the build failed, if it did (teardown hooks read this). */
    Optional<BuildFailure> failure();

    Reporter reporter();
}
