package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.PyWrapper;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A feed as templates see it ({@code markata.feeds.<name>}, a feed page's {@code feed}): its
 * name, slug, title, description, config, url and posts by key, and markata's Feed methods
 * {@code first()}, {@code last()} and {@code map()}.
 */
final class FeedView extends AbstractMap<String, Object> implements PyWrapper {

    private final Map<String, Object> keys;
    private final List<?> posts;
    private final MarkataView.MapArguments own;
    private final Supplier<MarkataView> markata;

    /**
     * @param keys    what the feed shows by key ({@code posts} among them)
     * @param posts   the feed's posts, in its order
     * @param own     the feed's filter, sort and reverse: what its {@code map} selects by default
     * @param markata the site's view, for {@code map} (asked only when a template calls it)
     */
    FeedView(Map<String, Object> keys, List<?> posts, MarkataView.MapArguments own, Supplier<MarkataView> markata) {
        this.keys = keys;
        this.posts = posts;
        this.own = own;
        this.markata = markata;
    }

    @Override
    public Object get(Object key) {
        return keys.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return keys.entrySet();
    }

    /** markata's {@code feed.first()}: the feed's first post (nothing for an empty feed, where Python fails). */
    public Object first() {
        return posts.isEmpty() ? null : posts.get(0);
    }

    /** markata's {@code feed.last()}: the feed's last post (nothing for an empty feed). */
    public Object last() {
        return posts.isEmpty() ? null : posts.get(posts.size() - 1);
    }

    /**
     * markata's {@code feed.map(func='post', **args)}: {@code markata.map} with the feed's
     * filter, sort and reverse, each replaced by the call's own (all of the site's posts that
     * the filter takes: head and tail do not apply, as in markata).
     */
    public List<Object> map(Object... args) {
        return markata.get().map(MarkataView.MapArguments.read(args, own, "feed.map"));
    }
}
