package dev.markata.plugins.post_template;

import dev.markata.content.Post;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A post as listings see it ({@code markata.posts}, a feed's posts): its template view, read
 * only, whose body and description fields tell {@link PostBodies} they were read, and whose HTML comes from
 * {@link PostBodies#html} (a post the skip plugin left unrendered has none of its own).
 */
final class ListedPost extends AbstractMap<String, Object> {

    private final Post post;
    private final Map<String, Object> view;
    private final PostBodies bodies;

    ListedPost(Post post, Map<String, Object> view, PostBodies bodies) {
        this.post = post;
        this.view = view;
        this.bodies = bodies;
    }

    private static boolean isBody(Object key) {
        return "content".equals(key) || "html".equals(key) || "article_html".equals(key);
    }

    @Override
    public Object get(Object key) {
        if (!isBody(key)) {
            if (key instanceof String name && PostBodies.isDescription(name)) {
                bodies.descriptionRead(post.path());
            }
            return view.get(key);
        }
        bodies.bodyRead();
        return "content".equals(key) ? bodies.content(post) : bodies.html(post);
    }

    /** The post's own front-matter keys, as written (no field of markata-java's making). */
    Map<String, Object> frontMatter() {
        return post.extra();
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    /** The keys, which reading a field looks at (jinjava checks a map's key type): no body is read. */
    @Override
    public Set<String> keySet() {
        return Collections.unmodifiableSet(view.keySet());
    }

    /** Every entry, bodies included (as read: {@code items()}, {@code tojson}). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        bodies.bodyRead();
        bodies.descriptionRead(post.path());
        Map<String, Object> copy = new LinkedHashMap<>(view);
        String html = bodies.html(post);
        copy.put("content", bodies.content(post));
        copy.put("html", html);
        copy.put("article_html", html);
        return Collections.unmodifiableMap(copy).entrySet();
    }

    @Override
    public int size() {
        return view.size();
    }

    /** The same post as any other view of it ({@link PostView#samePost}), as in markata. */
    @Override
    public boolean equals(Object other) {
        return this == other || PostView.samePost(this, other);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(view.get("path"));
    }
}
