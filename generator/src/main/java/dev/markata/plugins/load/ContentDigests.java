package dev.markata.plugins.load;

import dev.markata.content.Post;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.post_template.Hashing;
import java.util.Map;
import java.util.Optional;

/**
 * Digests of the posts' Markdown as loaded, computed once per version of a source file (and
 * kept in the load cache): plugins that key their caches on a post's content (skip) would
 * otherwise hash the whole site's text on every build, the largest cost of a warm build.
 *
 * <p>A digest is given only for the very string the loader produced (compared by identity):
 * a post whose content a plugin replaced is hashed afresh, so the answer is always the digest
 * of {@code post.content()}.
 */
public final class ContentDigests {

    static final StateKey<ContentDigests> KEY = new StateKey<>("content digests", ContentDigests.class);
    private static final ContentDigests NONE = new ContentDigests(Map.of());

    /** The loaded content of a post and its digest. */
    record Known(String content, String digest) {
    }

    private final Map<String, Known> byPath;

    ContentDigests(Map<String, Known> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** The digests the load plugin recorded; none when another plugin loaded the posts. */
    public static ContentDigests of(BuildContext context) {
        return context.get(KEY).orElse(NONE);
    }

    /** The digest of {@code post.content()}. */
    public String of(Post post) {
        Known known = byPath.get(post.path());
        if (known != null && known.content() == post.content()) {
            return known.digest();
        }
        return digest(post.content());
    }

    /**
     * The digest of {@code post.content()} when it is the text the loader produced (no hashing
     * then); empty when a plugin replaced it or another plugin loaded the posts.
     */
    public Optional<String> ofUnchanged(Post post) {
        Known known = byPath.get(post.path());
        return known != null && known.content() == post.content() ? Optional.of(known.digest()) : Optional.empty();
    }

    /**
     * The digest of the body {@code post} was loaded with (of its text now when none was
     * recorded): the same at any point of the build, also after a plugin added to the post's
     * Markdown (prevnext's links, in render).
     */
    public String ofLoaded(Post post) {
        Known known = byPath.get(post.path());
        return known != null ? known.digest() : digest(post.content());
    }

    static String digest(String content) {
        return new Hashing().add(content).hex();
    }

    /**
     * {@link #digest(String)} of the text that {@code utf8} holds from {@code from} to {@code to},
     * taken from the bytes: a loaded post's body is the decoding of its file's bytes there, and
     * encoding it again only to hash it was about 5 % of a cold build's load stage.
     */
    static String digest(byte[] utf8, int from, int to) {
        return new Hashing().add(utf8, from, to - from).hex();
    }
}
