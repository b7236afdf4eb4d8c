package dev.markata.plugins.post_template;

import dev.markata.content.Post;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.StateKey;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * What templates see as {@code markata}: {@code markata.config}, {@code markata.posts} (every
 * post, in source order), {@code markata.articles} (the same) and {@code markata.feeds.<name>}
 * (each feed's title, slug, description, config and posts). Built once per build, after
 * pre_render, and shared by every page: a template that lists posts costs one list, not one
 * per page.
 */
public final class SiteView {

    /** One feed's posts, as the feeds plugin selected and sorted them in pre_render. */
    public record Feed(String name, String slug, String title, String description, Map<String, Object> config,
                       List<String> postPaths) {
        public Feed {
            config = Map.copyOf(config);
            postPaths = List.copyOf(postPaths);
        }
    }

    /** The feeds, by name, in configuration order (put by the feeds plugin). */
    public static final StateKey<FeedList> FEEDS = new StateKey<>("feeds", FeedList.class);

    /** Wrapper so the state key has a concrete type. */
    public record FeedList(List<Feed> feeds) {
        public FeedList {
            feeds = List.copyOf(feeds);
        }
    }

    /**
     * A hash of which posts each feed holds, in their order. It follows from the posts' fields
     * (the {@link #fingerprint}) except where a filter reads the time ({@code date_time <= now},
     * markata's way to hold back a post until its time): there a post joins its feed later in
     * the day with no file changed, so the keys of feed pages and of posts (whose prev/next links
     * and listings follow the feeds) cover this too.
     */
    public static String feedsKey(BuildContext context) {
        FeedList feeds = context.get(FEEDS).orElse(new FeedList(List.of()));
        Optional<FeedsKey> known = context.get(FEEDS_KEY);
        if (known.isPresent() && known.get().feeds() == feeds) {
            return known.get().hex(); // skip and feeds both ask: the feeds' paths are hashed once
        }
        Hashing hash = new Hashing();
        for (Feed feed : feeds.feeds()) {
            hash.add(feed.name());
            feed.postPaths().forEach(hash::add);
        }
        String hex = hash.hex();
        context.put(FEEDS_KEY, new FeedsKey(feeds, hex));
        return hex;
    }

    /** {@link #feedsKey} of one list of feeds. */
    private record FeedsKey(FeedList feeds, String hex) {
    }

    private static final StateKey<FeedsKey> FEEDS_KEY = new StateKey<>("feeds key", FeedsKey.class);

    private static final StateKey<SiteView> KEY = new StateKey<>("site view", SiteView.class);

    private final MarkataView markata;
    private final Map<String, Map<String, Object>> viewsByPath;

    private SiteView(MarkataView markata, Map<String, Map<String, Object>> viewsByPath) {
        this.markata = markata;
        this.viewsByPath = viewsByPath;
    }

    /** The build's view, made on first use (call from render or later stages). */
    public static SiteView of(BuildContext context, Templates templates) {
        return context.get(KEY).orElseGet(() -> {
            SiteView view = build(context, templates);
            context.put(KEY, view);
            return view;
        });
    }

    /** {@code markata} for templates, with markata's {@code markata.map(...)}. */
    public Map<String, Object> markata() {
        return markata;
    }

    /**
     * {@code markata} for templates, the build's view made only when a template first reads it:
     * rendering one edited post with a template that lists no posts (the built-in theme's) then
     * costs no view of every post. Safe to read from the build's threads: the first reader
     * makes the view (under a lock) while the hook's thread waits for the batch.
     */
    public static Map<String, Object> lazyMarkata(BuildContext context, Templates templates) {
        return new MarkataView(() -> of(context, templates).markata);
    }

    /** A post's view as of pre_render (no HTML), by source path. */
    public Map<String, Object> post(String path) {
        return viewsByPath.get(path);
    }

    /**
     * A hash of what pages can show of every post (path, slug, title, date, published,
     * description, tags and the rest of its front matter, which listings show too: a series, a
     * cover, an author): when it is unchanged, pages listing posts need no new render. Not the
     * posts' bodies: an edit of one post's text renders only that post (and what shows its
     * description) again. For what a few pages made of every post show (feeds' files, the
     * sitemap, the 404 page, the service worker); posts' pages use
     * {@link #fingerprintWithoutDescriptions} and are watched for the descriptions they read.
     */
    public static String fingerprint(BuildContext context) {
        return fingerprints(context).all();
    }

    /**
     * {@link #fingerprint} without the values of the posts' descriptions ({@link PostBodies#isDescription}:
     * {@code description}, {@code long_description}...), the part of what pages show of other
     * posts that follows from their prose: auto_description makes them from up to 250 or 500
     * characters of a post's paragraphs, so with them any such edit changed every page's key. A
     * page that reads another post's description is watched ({@link PostBodies}) and stored
     * under a key that covers them ({@link #descriptionsKey}). The names of description fields
     * are in: a template may test which fields a post has.
     */
    public static String fingerprintWithoutDescriptions(BuildContext context) {
        return fingerprints(context).withoutDescriptions();
    }

    /** A hash of every post's descriptions (what {@link #fingerprintWithoutDescriptions} leaves out). */
    public static String descriptionsKey(BuildContext context) {
        return fingerprints(context).descriptions();
    }

    private static Fingerprint fingerprints(BuildContext context) {
        List<Post> posts = context.posts();
        Optional<Fingerprint> known = context.get(FINGERPRINT);
        if (known.isPresent() && sameFields(known.get().posts(), posts)) {
            return known.get();
        }
        Fingerprint made = fingerprints(posts);
        context.put(FINGERPRINT, made);
        return made;
    }

    /** The fingerprints of one list of posts: without descriptions, of the descriptions, and of all. */
    private record Fingerprint(List<Post> posts, String withoutDescriptions, String descriptions, String all) {
    }

    /**
     * Whether two lists hold posts whose fingerprinted fields are the very same objects, so
     * their fingerprints are equal without hashing: render and save make new posts (with HTML,
     * with a page) and a new list, but keep every other field's object, and the fingerprint is
     * asked for again after them.
     */
    private static boolean sameFields(List<Post> before, List<Post> now) {
        if (before == now) {
            return true;
        }
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            Post a = before.get(i);
            Post b = now.get(i);
            if (a != b && (a.path() != b.path() || a.slug() != b.slug() || a.title() != b.title()
                    || a.date() != b.date() || a.published() != b.published() || a.description() != b.description()
                    || a.tags() != b.tags() || a.extra() != b.extra())) {
                return false;
            }
        }
        return true;
    }

    private static final StateKey<Fingerprint> FINGERPRINT = new StateKey<>("posts fingerprint", Fingerprint.class);

    /** {@link #fingerprint(BuildContext)} of any list of posts. */
    public static String fingerprint(List<Post> posts) {
        return fingerprints(posts).all();
    }

    /** {@link #fingerprintWithoutDescriptions(BuildContext)} of any list of posts. */
    public static String fingerprintWithoutDescriptions(List<Post> posts) {
        return fingerprints(posts).withoutDescriptions();
    }

    /** Both parts in one pass over the posts (a warm 10k build asks for all three). */
    private static Fingerprint fingerprints(List<Post> posts) {
        Hashing fields = new Hashing();
        Hashing descriptions = new Hashing();
        for (Post post : posts) {
            fields.add(post.path()).add(post.slug()).add(post.title()).add(String.valueOf(post.date()))
                    .add(String.valueOf(post.published())).addValue(post.tags());
            descriptions.add(post.path()).add(post.description());
            // the front matter as Hashing.addValue adds a map, a description's value left to the other hash
            fields.add("map").add(Integer.toString(post.extra().size()));
            for (Map.Entry<String, Object> entry : post.extra().entrySet()) {
                fields.add(entry.getKey());
                if (PostBodies.isDescription(entry.getKey())) {
                    fields.add("description");
                    descriptions.add(entry.getKey()).addValue(entry.getValue());
                } else {
                    fields.addValue(entry.getValue());
                }
            }
        }
        String without = fields.hex();
        String described = descriptions.hex();
        return new Fingerprint(posts, without, described, Hashing.of(without, described));
    }

    /**
     * {@code markata.feeds.<name>}: the feed's name, slug, title, description, config, url and
     * posts, with markata's {@code first()}, {@code last()} and {@code map()} ({@code markata} for
     * the last, asked only when a template calls it).
     */
    private static Map<String, Object> feedView(Feed feed, String url, List<Map<String, Object>> posts,
                                                Supplier<MarkataView> markata) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", feed.name());
        view.put("slug", feed.slug());
        view.put("title", feed.title());
        view.put("description", feed.description());
        view.put("config", feed.config());
        view.put("url", url);
        view.put("posts", posts);
        Object reverse = feed.config().get("reverse");
        MarkataView.MapArguments own = new MarkataView.MapArguments("post",
                String.valueOf(feed.config().getOrDefault("filter", "True")),
                String.valueOf(feed.config().getOrDefault("sort", "True")), Boolean.TRUE.equals(reverse));
        return new FeedView(Collections.unmodifiableMap(view), posts, own, markata);
    }

    /**
     * The feed {@code name} as {@code markata.feeds.<name>} shows it, without the view of every
     * post: each of its posts' views is made when first read ({@code posts}: the feed's posts in
     * its order, as the build has them now). A feed page whose template shows its cards alone
     * (the built-in theme's) then costs no view of 10,000 posts after an edit of one post's
     * prose; its cards are kept, and the one rendered again reads one view. Templates get
     * {@link #lazyMarkata} beside it, so one that reads {@code markata} has the whole view.
     */
    public static Map<String, Object> lazyFeed(BuildContext context, Templates templates, String name,
            List<Post> posts) {
        Feed feed = context.get(FEEDS).map(FeedList::feeds).orElse(List.of()).stream()
                .filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no feed " + name + " among the build's feeds"));
        return feedView(feed, templates.pagePath(feed.slug()), new LazyViews(posts, templates, PostBodies.of(context)),
                () -> of(context, templates).markata);
    }

    /** Posts' views made as they are read, each once (the build's threads may read them at once). */
    private static final class LazyViews extends AbstractList<Map<String, Object>> implements RandomAccess {
        private final List<Post> posts;
        private final Templates templates;
        private final PostBodies bodies;
        private final AtomicReferenceArray<Map<String, Object>> made;

        LazyViews(List<Post> posts, Templates templates, PostBodies bodies) {
            this.posts = List.copyOf(posts);
            this.templates = templates;
            this.bodies = bodies;
            this.made = new AtomicReferenceArray<>(this.posts.size());
        }

        @Override
        public Map<String, Object> get(int index) {
            Map<String, Object> view = made.get(index);
            if (view == null) {
                Post post = posts.get(index);
                made.compareAndSet(index, null, new ListedPost(post, templates.postView(post), bodies));
                view = made.get(index);
            }
            return view;
        }

        @Override
        public int size() {
            return posts.size();
        }
    }

    private static SiteView build(BuildContext context, Templates templates) {
        Map<String, Map<String, Object>> byPath = new HashMap<>();
        List<Map<String, Object>> all = new ArrayList<>(context.posts().size());
        PostBodies bodies = PostBodies.of(context);
        for (Post post : context.posts()) {
            Map<String, Object> view = new ListedPost(post, templates.postView(post), bodies);
            byPath.put(post.path(), view);
            all.add(view);
        }
        Map<String, Object> feeds = new LinkedHashMap<>();
        AtomicReference<MarkataView> made = new AtomicReference<>(); // the view the feeds are part of
        for (Feed feed : context.get(FEEDS).map(FeedList::feeds).orElse(List.of())) {
            List<Map<String, Object>> posts = new ArrayList<>(feed.postPaths().size());
            for (String path : feed.postPaths()) {
                posts.add(byPath.get(path));
            }
            feeds.put(feed.name(),
                    feedView(feed, templates.pagePath(feed.slug()), Collections.unmodifiableList(posts), made::get));
        }
        Map<String, Object> markata = new LinkedHashMap<>();
        markata.put("config", templates.config());
        markata.put("posts", Collections.unmodifiableList(all));
        markata.put("articles", Collections.unmodifiableList(all));
        markata.put("feeds", new FeedsView(Collections.unmodifiableMap(feeds)));
        made.set(new MarkataView(Collections.unmodifiableMap(markata), context.posts(), byPath, bodies, context.site()));
        return new SiteView(made.get(), byPath);
    }
}
