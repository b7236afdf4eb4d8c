package dev.markata.plugins.post_template;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages a post has besides its own, from a {@code post_template} table: source path to output
 * name to HTML. publish_html writes them to {@code <slug>/<name>/index.html}.
 */
public final class ExtraPages {

    private static final StateKey<ExtraPages> KEY = new StateKey<>("extra pages", ExtraPages.class);

    private final Map<String, Map<String, String>> byPath = new ConcurrentHashMap<>();

    public static ExtraPages of(BuildContext context) {
        return context.get(KEY).orElseGet(() -> {
            ExtraPages pages = new ExtraPages();
            context.put(KEY, pages);
            return pages;
        });
    }

    void put(String path, Map<String, String> pages) {
        byPath.put(path, Map.copyOf(pages));
    }

    /** The extra pages of the post at {@code path}, by output name. */
    public Map<String, String> of(String path) {
        return byPath.getOrDefault(path, Map.of());
    }
}
