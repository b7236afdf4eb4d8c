package dev.markata.plugins.post_template;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A view of another post's fields (a filter's {@code post} in {@code markata.map}, prevnext's
 * {@code prevnext.prev}) that tells {@link PostBodies} when the page being rendered reads what an
 * edit of that post's text changes: its body or one of its descriptions. Its keys, size and other
 * fields are read freely: every page's skip key covers them.
 */
final class WatchedPost extends AbstractMap<String, Object> {

    private final Map<String, Object> fields;
    private final PostBodies bodies;

    WatchedPost(Map<String, Object> fields, PostBodies bodies) {
        this.fields = fields;
        this.bodies = bodies;
    }

    @Override
    public Object get(Object key) {
        if (key instanceof String name) {
            if (PostBodies.isDescription(name)) {
                bodies.descriptionRead();
            } else if (name.equals("content") || name.equals("html") || name.equals("article_html")) {
                bodies.bodyRead();
            }
        }
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public Set<String> keySet() {
        return fields.keySet();
    }

    @Override
    public int size() {
        return fields.size();
    }

    /** Every entry, descriptions and body among them. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        bodies.bodyRead();
        bodies.descriptionRead();
        return fields.entrySet();
    }

    /** Whether it watches a post as templates see it ({@link PostView}), which equals any view of the same post. */
    boolean isPost() {
        return PostView.isPost(fields);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return isPost() ? PostView.samePost(this, other)
                : fields.equals(other instanceof WatchedPost watched ? watched.fields : other);
    }

    @Override
    public int hashCode() {
        return isPost() ? Objects.hashCode(fields.get("path")) : fields.hashCode();
    }
}
