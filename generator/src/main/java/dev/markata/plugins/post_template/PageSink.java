package dev.markata.plugins.post_template;

import dev.markata.content.Post;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import java.util.Map;
import java.util.Optional;

/**
 * Where post_template hands a post's pages in the render task that made them, instead of keeping
 * them on the post until save: publish_html puts one in the build when no plugin reads pages
 * after render ({@link BuildContext#keepsPages}), and writes each page at once.
 */
public interface PageSink {

    /**
     * Takes the pages of {@code post}: {@code page} its own (null when its outputs have no
     * {@code index}), {@code others} its other outputs by name.
     */
    void take(Post post, String page, Map<String, String> others) throws Exception;

    /** Makes {@code sink} the build's: post_template's render hook then hands it every page. */
    static void use(BuildContext context, PageSink sink) {
        context.put(Key.KEY, sink);
    }

    /** The build's sink, if a plugin put one. */
    static Optional<PageSink> of(BuildContext context) {
        return context.get(Key.KEY);
    }

    /** Holds the key out of the interface's public face. */
    final class Key {
        private static final StateKey<PageSink> KEY = new StateKey<>("page sink", PageSink.class);

        private Key() {
        }
    }
}
