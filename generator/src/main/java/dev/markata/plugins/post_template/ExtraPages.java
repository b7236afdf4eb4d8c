package dev.markata.plugins.post_template;

import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages a post has besides its own, from a {@code post_template} table: source path to output
 * name to HTML. publish_html writes them to {@code <slug>/<name>/index.html}, or to
 * {@code <slug>/<name>} for a name with an extension ({@link #file}).
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

    /**
     * What an output name of a {@code post_template} table may be: a folder's name, or a file's
     * name with an extension (pype.dev's {@code 'raw.md' = 'raw'}).
     */
    public static final String OUTPUT_NAME = "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*";

    /** Why an output name is refused, for the messages of the configuration and the front matter. */
    public static final String OUTPUT_NAME_RULE = "output names must be letters, digits, - or _, with an extension"
            + " for a file (raw.md)";

    /**
     * The file of output {@code name} in {@code folder} (the page's, with its slash): markata's
     * publish_html writes a name with an extension as that file beside the page
     * ({@code <slug>/raw.md}), any other as a page of its own ({@code <slug>/og/index.html}).
     */
    public static String file(String folder, String name) {
        return folder + name + (name.contains(".") ? "" : "/index.html");
    }

    /** The extra pages of the post at {@code path}, by output name. */
    public Map<String, String> of(String path) {
        return byPath.getOrDefault(path, Map.of());
    }
}
