package dev.markata.plugins.skip;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildExecutor.DocumentTask;
import dev.markata.lifecycle.DocumentFailures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The posts the skip plugin found unchanged since the last build (same source, templates and
 * configuration, and their page still in the output folder): templates are not rendered for
 * them and their pages are not written again. Empty when the skip plugin does not run.
 */
public final class Skips {

    static final StateKey<Skips> KEY = new StateKey<>("skipped posts", Skips.class);
    private static final Skips NONE = new Skips(Set.of(), Map.of());

    private final Set<String> paths;
    private final Map<String, String> keys;

    Skips(Set<String> paths, Map<String, String> keys) {
        this.paths = Set.copyOf(paths);
        this.keys = keys;
    }

    public static Skips of(BuildContext context) {
        return context.get(KEY).orElse(NONE);
    }

    public boolean skipped(String path) {
        return paths.contains(path);
    }

    /**
     * The key the skip plugin gave the post at {@code path} in this build: what its page shows of
     * the post itself (fields, front matter, Markdown as loaded), of every post but their bodies and
     * descriptions, which posts each feed holds, the templates and settings ({@link SkipPlugin#key}).
     * Empty when the skip plugin does not run, or the post came after it.
     */
    public Optional<String> key(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    /** Whether some post of {@code posts} is not skipped (so a plugin has work to prepare for). */
    public boolean anyChanged(List<Post> posts) {
        return paths.size() < posts.size() || posts.stream().anyMatch(post -> !paths.contains(post.path()));
    }

    /**
     * Replaces every post that is not skipped by {@code update(post)}, in parallel; skipped posts
     * stay as they are and cost no task (the build's timings show 0 tasks on an unchanged site).
     */
    public void updateChanged(BuildContext context, DocumentTask<Post, Post> update)
            throws DocumentFailures, InterruptedException {
        if (paths.isEmpty()) {
            context.updatePosts(update);
            return;
        }
        context.updatePosts(post -> !paths.contains(post.path()), update);
    }

    public int size() {
        return paths.size();
    }
}
