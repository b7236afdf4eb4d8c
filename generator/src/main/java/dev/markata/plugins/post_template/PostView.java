package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.collections.PyMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A post as a template sees it ({@link Templates#postView}): a map of its fields that is the
 * same post as any other view of it (a {@link ListedPost} of a feed, {@code markata.posts}),
 * by its path. In markata the page's {@code post} and a feed's posts are the same objects, so
 * {@code post in markata.feeds.pagefind.posts} is true for a post the feed holds; two views of
 * one post made at different times differ in {@code now} and in what they carry.
 */
final class PostView extends LinkedHashMap<String, Object> {

    PostView(Map<String, Object> fields) {
        super(fields);
    }

    /** Whether {@code value} is a view of a post (as templates hold it: maybe wrapped as a PyMap). */
    static boolean isPost(Object value) {
        Object unwrapped = unwrap(value);
        return unwrapped instanceof PostView || unwrapped instanceof ListedPost
                || unwrapped instanceof WatchedPost watched && watched.isPost();
    }

    /** Whether {@code a} and {@code b} are views of one post: both views, of one path. */
    static boolean samePost(Object a, Object b) {
        return isPost(a) && isPost(b) && Objects.equals(((Map<?, ?>) unwrap(a)).get("path"),
                ((Map<?, ?>) unwrap(b)).get("path"));
    }

    private static Object unwrap(Object value) {
        return value instanceof PyMap map ? map.toMap() : value;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || samePost(this, other);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(get("path"));
    }
}
