package dev.markata.plugins.skip;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import java.util.Set;

/**
 * The posts the skip plugin found unchanged since the last build (same source, templates and
 * configuration, and their page still in the output folder): templates are not rendered for
 * them and their pages are not written again. Empty when the skip plugin does not run.
 */
public final class Skips {

    static final StateKey<Skips> KEY = new StateKey<>("skipped posts", Skips.class);
    private static final Skips NONE = new Skips(Set.of());

    private final Set<String> paths;

    Skips(Set<String> paths) {
        this.paths = Set.copyOf(paths);
    }

    public static Skips of(BuildContext context) {
        return context.get(KEY).orElse(NONE);
    }

    public boolean skipped(String path) {
        return paths.contains(path);
    }

    public int size() {
        return paths.size();
    }
}
