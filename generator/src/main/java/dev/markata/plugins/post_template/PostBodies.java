package dev.markata.plugins.post_template;

import dev.markata.content.Post;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.skip.Skips;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts' bodies and descriptions as pages that list posts show them ({@code p.content},
 * {@code p.article_html}, {@code p.description}, {@code p.long_description} of
 * {@code markata.posts} or a feed's posts): a home page with the latest posts in full or with
 * their descriptions.
 *
 * <p>Both follow from a post's text (auto_description makes descriptions from its paragraphs,
 * up to 250 or 500 characters of them), and the keys of posts' pages (skip) leave them out on
 * purpose: with them, an edit of one post's prose would render every page again. So a page's
 * render is watched ({@link #noting}); a page that read another post's body is stored under a
 * key that also covers every post's body, one that read a description ({@link #isDescription})
 * under a key that also covers every post's descriptions ({@link #storedKey}), and it is
 * rendered again when any of them changes ({@link #unchanged}). Pages that read none keep the
 * cheap key; a page showing descriptions is not rendered again for an edit past them. (Feeds'
 * pages are keyed on every post's descriptions: they watch bodies only. Their cards are keyed
 * on their own post, descriptions included, and watched for other posts': {@link #notingOthers}.)
 *
 * <p>A post the skip plugin left unrendered has no HTML in this build; a listing that shows it
 * gets it from {@link #html}, which render_markdown backs with its cache.
 */
public final class PostBodies {

    /** HTML of a post that was not rendered in this build (from the render cache, or rendered). */
    @FunctionalInterface
    public interface HtmlSource {
        String html(Post post) throws Exception;
    }

    /** A change a plugin makes to posts' Markdown before render_markdown (prevnext's links). */
    @FunctionalInterface
    public interface ContentEdit {
        Post edit(Post post) throws Exception;
    }

    /** What a page's render does, watched for reads of posts' bodies. */
    @FunctionalInterface
    public interface Render<T> {
        T call() throws Exception;
    }

    private static final StateKey<PostBodies> KEY = new StateKey<>("post bodies", PostBodies.class);

    private final BuildContext context;
    /**
     * One render's watch: what it read (descriptions null: the caller's key covers them; reads
     * of the descriptions of the post at {@code own}, when not null, are not noted either).
     */
    private record Watch(AtomicBoolean bodies, AtomicBoolean descriptions, String own) {
    }

    private final ThreadLocal<Watch> watching = new ThreadLocal<>();
    private final Set<String> pagesReadingBodies = ConcurrentHashMap.newKeySet();
    private final Set<String> pagesReadingDescriptions = ConcurrentHashMap.newKeySet();
    private volatile String descriptionsKey;
    private final ConcurrentHashMap<String, String> htmlByPath = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Post> editedByPath = new ConcurrentHashMap<>();
    private volatile HtmlSource htmlSource;
    private final List<ContentEdit> unrenderedEdits = new CopyOnWriteArrayList<>();
    private volatile String bodiesKey;

    private PostBodies(BuildContext context) {
        this.context = context;
    }

    /** The build's instance (call on the hook's thread: the first call makes it). */
    public static PostBodies of(BuildContext context) {
        return context.get(KEY).orElseGet(() -> {
            PostBodies bodies = new PostBodies(context);
            context.put(KEY, bodies);
            return bodies;
        });
    }

    /**
     * Runs {@code render}, noting in {@code readBodies} whether it read a post's body through
     * {@code markata} or a {@link #watched} view; for a page whose key covers every post's
     * descriptions (feeds' pages: the site's whole fingerprint).
     */
    public <T> T noting(AtomicBoolean readBodies, Render<T> render) throws Exception {
        return noting(new Watch(readBodies, null, null), render);
    }

    /**
     * Runs {@code render}, noting in {@code readBodies} whether it read a post's body and in
     * {@code readDescriptions} whether it read a post's description, through {@code markata} or
     * a {@link #watched} view. Renders nest (a listing makes the HTML of a post this build did
     * not render, a Jinja post's among them): what the inner one read is noted in the outer
     * one too, whose page shows what the inner one made.
     */
    public <T> T noting(AtomicBoolean readBodies, AtomicBoolean readDescriptions, Render<T> render) throws Exception {
        return noting(new Watch(readBodies, readDescriptions, null), render);
    }

    /**
     * As {@link #noting(AtomicBoolean, AtomicBoolean, Render)}, for the render of what shows the
     * post at {@code own} (a feed's card), whose key covers that post's descriptions: reads of
     * its descriptions are not noted, those of other posts are.
     */
    public <T> T notingOthers(String own, AtomicBoolean readBodies, AtomicBoolean readDescriptions, Render<T> render)
            throws Exception {
        return noting(new Watch(readBodies, readDescriptions, own), render);
    }

    private <T> T noting(Watch watch, Render<T> render) throws Exception {
        Watch outer = watching.get();
        watching.set(watch);
        try {
            return render.call();
        } finally {
            if (outer == null) {
                watching.remove();
            } else {
                watching.set(outer);
                if (watch.bodies().get()) {
                    outer.bodies().set(true);
                }
                if (watch.descriptions() != null && watch.descriptions().get() && outer.descriptions() != null) {
                    outer.descriptions().set(true);
                }
            }
        }
    }

    /**
     * Whether a post's field is one of its descriptions: {@code description}, and the front matter's
     * and auto_description's {@code long_description}, {@code super_description} or any other name
     * ending so. A description auto_description makes under another name stays in every page's key
     * (correct, only slower after an edit of prose).
     */
    public static boolean isDescription(String name) {
        return name.endsWith("description");
    }

    /**
     * Another post's fields (a plugin's view of it for a template) that note a read of its body
     * or descriptions in the render being watched ({@link #noting}).
     */
    public Map<String, Object> watched(Map<String, Object> fields) {
        return new WatchedPost(fields, this);
    }

    /** Called by the views of listed posts when a template reads a body. */
    void bodyRead() {
        Watch watch = watching.get();
        if (watch != null) {
            watch.bodies().set(true);
        }
    }

    /** Called by the views of listed posts when a template reads a description. */
    void descriptionRead() {
        descriptionRead(null);
    }

    /** Called by the view of the post at {@code path} when a template reads one of its descriptions. */
    void descriptionRead(String path) {
        Watch watch = watching.get();
        if (watch != null && watch.descriptions() != null && (path == null || !path.equals(watch.own()))) {
            watch.descriptions().set(true);
        }
    }

    /** Remembers that the page of the post at {@code path} read posts' bodies (see skip). */
    public void pageReadBodies(String path) {
        pagesReadingBodies.add(path);
    }

    /** Remembers that the page of the post at {@code path} read other posts' descriptions (see skip). */
    public void pageReadDescriptions(String path) {
        pagesReadingDescriptions.add(path);
    }

    /** Whether the page of the post at {@code path}, rendered in this build, read posts' bodies. */
    public boolean pageReadsBodies(String path) {
        return pagesReadingBodies.contains(path);
    }

    /** Whether the page of the post at {@code path}, rendered in this build, read posts' descriptions. */
    public boolean pageReadsDescriptions(String path) {
        return pagesReadingDescriptions.contains(path);
    }

    /**
     * The key to remember for a page rendered in this build under {@code key}: the key itself,
     * or, when its render read posts' bodies, one that also covers every post's body.
     */
    public String storedKey(String key, boolean readBodies) {
        return storedKey(key, readBodies, false);
    }

    /**
     * The key to remember for a page rendered in this build under {@code key}: one that also
     * covers every post's body when its render read bodies, and every post's descriptions when
     * it read descriptions (each kind of page its own key, so that an unchanged page is found by
     * trying the four).
     */
    public String storedKey(String key, boolean readBodies, boolean readDescriptions) {
        if (readDescriptions) {
            return Hashing.of(key, readBodies ? bodiesKey() : "no bodies", "descriptions", descriptionsKey());
        }
        return readBodies ? Hashing.of(key, bodiesKey()) : key;
    }

    /** Whether a page stored under {@code stored} by an earlier build is still what {@code key} renders. */
    public boolean unchanged(String key, String stored) {
        // a stored key is the page's key, or one that also covers what the page read
        return stored != null && (stored.equals(key) || stored.equals(storedKey(key, true, false))
                || stored.equals(storedKey(key, false, true)) || stored.equals(storedKey(key, true, true)));
    }

    /** Provides HTML for posts not rendered in this build (render_markdown sets it in render). */
    public void htmlSource(HtmlSource source) {
        htmlSource = source;
    }

    /**
     * Registers a change a plugin makes to the Markdown of the posts rendered in this build, to be
     * made also to a post left unrendered before a listing's HTML of it is made: the cached HTML
     * is keyed on the Markdown as rendered, so without it the listing showed the post without
     * what the plugin adds (prevnext's links).
     */
    public void editUnrendered(ContentEdit edit) {
        unrenderedEdits.add(edit);
    }

    /**
     * The post's Markdown as this build has it: its own when it was rendered in this build, else
     * with the plugins' edits ({@link #editUnrendered}) made, as a full build shows it.
     */
    String content(Post post) {
        return edited(post).content();
    }

    /** The post's HTML: its own when it was rendered in this build, else from the source. */
    String html(Post post) {
        if (post.html() != null) {
            return post.html();
        }
        String known = htmlByPath.get(post.path());
        if (known != null) {
            return known;
        }
        HtmlSource source = htmlSource;
        if (source == null) {
            return "";
        }
        String html = forListing(post, "HTML", () -> source.html(edited(post)));
        htmlByPath.put(post.path(), html);
        return html;
    }

    /**
     * The post as this build renders it: a post rendered in this build as it is (the plugins
     * edited it before render), one the skip plugin left unrendered with the edits made (once).
     */
    private Post edited(Post post) {
        if (unrenderedEdits.isEmpty() || !Skips.of(context).skipped(post.path())) {
            return post;
        }
        return editedByPath.computeIfAbsent(post.path(), path -> forListing(post, "Markdown", () -> {
            Post edited = post;
            for (ContentEdit edit : unrenderedEdits) {
                edited = edit.edit(edited);
            }
            return edited;
        }));
    }

    /** {@code work} for a listing of {@code post}, its checked failure named for the post (templates call in unchecked). */
    private static <T> T forListing(Post post, String what, Render<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(post.path() + ": its " + what + " for a listing failed: " + e.getMessage(), e);
        }
    }

    /**
     * A hash of every post's body as loaded, made on first need (rendered HTML follows from it,
     * the templates' key and the site's fingerprint). As loaded: skip asks for it at render's
     * start, feeds in save, and prevnext adds its links to the Markdown between the two, so a
     * hash of the text at first need differed from one build to the next.
     */
    /** {@link SiteView#descriptionsKey}, once per build (asked once per page whose key changed). */
    private String descriptionsKey() {
        String known = descriptionsKey;
        if (known == null) {
            known = SiteView.descriptionsKey(context);
            descriptionsKey = known;
        }
        return known;
    }

    private String bodiesKey() {
        String known = bodiesKey;
        if (known == null) {
            synchronized (this) {
                known = bodiesKey;
                if (known == null) {
                    List<Post> posts = context.posts();
                    ContentDigests digests = ContentDigests.of(context);
                    Hashing hash = new Hashing();
                    for (Post post : posts) {
                        hash.add(post.path()).add(digests.ofLoaded(post));
                    }
                    known = hash.hex();
                    bodiesKey = known;
                }
            }
        }
        return known;
    }
}
