package dev.markata.plugins.feeds;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.DidYouMean;
import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.content.WindowsNames;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.index_page.IndexPagePlugin;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.load.DateText;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.KeyFile;
import dev.markata.plugins.skip.SkipPlugin;
import dev.markata.plugins.skip.Skips;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code markata.plugins.feeds}: selects and sorts each feed's posts once in pre_render (so
 * templates can list {@code markata.feeds.<name>.posts}), then in save writes each feed's page
 * ({@code <slug>/index.html}, and {@code <slug>/partial/index.html}, the feed without the page
 * around it), {@code rss.xml}, {@code atom.xml} and {@code sitemap.xml}, the stylesheet its RSS
 * names ({@code rss.xsl}), the site's {@code sitemap.xml}, root {@code rss.xml} and
 * {@code atom.xml} from the archive feed (without one, from the posts it would hold), and the
 * archive as {@code index.html} when neither a post nor an asset is the home page. A feed with
 * markata's {@code enabled = true} is pages of {@code items_per_page} posts instead, as markata's
 * {@code create_paginated_feed} writes them: {@code <slug>/}, {@code <slug>/2/}..., each with its
 * partial from {@code feed_items_partial.html}; pages an earlier build wrote past the last are
 * left out of this build's files, and so removed. A feed page whose posts, templates and configuration did not change since the
 * last build is not rendered again; one that is, is assembled from the cards of earlier builds
 * whose key still holds ({@link FeedCards}): an edit of one post's prose renders its card alone.
 */
public final class FeedsPlugin implements Plugin {

    public static final String ID = "markata.plugins.feeds";
    private static final String KEYS_FILE = "feeds.tsv";
    /** The sitemap's file, and its entry among the feeds' keys. */
    static final String SITEMAP = "sitemap.xml";
    /** The key of the site's rss.xml and atom.xml among the feeds' keys, when no feed makes them. */
    private static final String SITE_XML = "rss.xml";

    private record Selected(FeedConfig config, List<Post> posts) {
    }

    /**
     * The configured feeds, and the posts of the site's own {@code rss.xml} and {@code atom.xml}:
     * the archive feed's, or, for a site whose feeds have none, those the default archive would
     * hold (every published post, newest first: what markata's rss plugin wrote), which then has
     * no page.
     */
    private record SelectedFeeds(List<Selected> feeds, Selected site, Set<String> pagesOfFeeds) {
    }

    private static final StateKey<SelectedFeeds> SELECTED = new StateKey<>("selected feeds", SelectedFeeds.class);
    private static final StateKey<FeedCards> CARDS = new StateKey<>("feed cards", FeedCards.class);
    private static final StateKey<FeedEntries> ENTRIES = new StateKey<>("feed entries", FeedEntries.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        List<FeedConfig> feeds = setup.config(FeedConfig.SECTION);
        Templates templates = Templates.forSite(setup);
        setup.config(new ConfigSection<>("feeds_templates", (section, markata) -> {
            FeedConfig.requireTemplates(markata, templates);
            return feeds;
        }));
        for (FeedConfig feed : feeds) {
            WindowsNames.reservedPart(feed.slug()).ifPresent(part -> setup.reporter().warn("[markata.feeds] feed \""
                    + feed.name() + "\": the slug \"" + feed.slug() + "\" "
                    + (part.equals(feed.slug()) ? "" : "has \"" + part + "\", which ")
                    + WindowsNames.problem(part).orElseThrow() + ": its folder cannot be made there, so the site"
                    + " cannot be checked out or deployed from Windows (Linux hosts serve it); if the site is ever"
                    + " handled on Windows, give the feed another slug"));
            FeedConfig.Pagination pagination = feed.pagination();
            if (pagination.enabled() && !FeedConfig.Pagination.TYPES.contains(pagination.type())) {
                // markata takes any text, and its templates then show the pages' links alone
                setup.reporter().warn("[markata.feeds] feed \"" + feed.name() + "\": pagination_type = \""
                        + pagination.type() + "\" is none of markata's (htmx, manual or js): its pages link to each"
                        + " other, as with manual");
            }
            if (pagination.enabled() && feed.raw().containsKey("per_page") && !feed.raw().containsKey("items_per_page")) {
                setup.reporter().warn("[markata.feeds] feed \"" + feed.name() + "\": per_page = " + pagination.perPage()
                        + " is not read, as markata reads items_per_page (" + FeedConfig.DEFAULT_PER_PAGE
                        + " unless set) for the posts of a page: write items_per_page = " + pagination.perPage());
            }
        }
        setup.hook(Stage.PRE_RENDER, Priority.LAST, context -> select(context, feeds));
        FeedCards cards = setup.memory().get(CARDS, FeedCards::new);
        FeedEntries entries = setup.memory().get(ENTRIES, FeedEntries::new);
        setup.hook(Stage.SAVE, context -> write(context, templates, cards, entries));
    }

    /**
     * What a feed's filter and sort see of a post: its front matter, under the post's own fields
     * (path, slug, title, date, tags, published, description, template, content, href; and
     * date_time unless the front matter has its own). A view, read by key: a filter reads a field
     * or two, and copying every post's front matter into a map of its own for each build was a
     * quarter of the feeds' selection.
     */
    public static Map<String, Object> fields(Post post, SiteConfig site) {
        return new PostFields(post, site);
    }

    private static final class PostFields extends AbstractMap<String, Object> {
        private final Post post;
        /** For {@code href}: the page's address under the path prefix, as {@code post.url} gives it. */
        private final SiteConfig site;

        PostFields(Post post, SiteConfig site) {
            this.post = post;
            this.site = site;
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String name)) {
                return null;
            }
            return switch (name) {
                case "path" -> post.path();
                case "slug" -> post.slug();
                case "title" -> post.displayTitle();
                case "date" -> post.date() == null ? null : post.date().date(); // a day, as markata's
                case "date_time" -> post.extra().containsKey(name) ? frontMatterDateTime(post.extra().get(name))
                        : dateTime(post.date());
                case "tags" -> post.tags();
                case "published" -> post.published();
                case "description" -> post.description();
                case "template" -> post.template();
                case "content" -> post.content();
                case "href" -> Templates.href(post, site);
                default -> post.extra().get(name);
            };
        }

        @Override
        public boolean containsKey(Object key) {
            // Set.of and the post's frozen map refuse a null key; this map just does not hold one
            return key instanceof String name && (OWN_FIELDS.contains(name) || post.extra().containsKey(name));
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new HashMap<>(post.extra());
            for (String name : OWN_FIELDS) {
                all.put(name, get(name));
            }
            return all.entrySet();
        }
    }

    /**
     * markata's {@code date_time}, for filters such as {@code date_time <= now}: the date and time
     * as written, or, when the front matter gave a zone, the same moment on this machine's clock,
     * which {@code now} reads (markata compares a zoned one with {@code now} not at all: a Python
     * TypeError).
     */
    private static LocalDateTime dateTime(PostDate date) {
        if (date == null || date.offset() == null) {
            return date == null ? null : date.local();
        }
        return LocalDateTime.ofInstant(date.instant(), ZoneId.systemDefault());
    }

    /**
     * A {@code date_time} of the post's own front matter, read as the {@code date} is (markata's
     * Post model makes it a datetime); a value that is no date stays as written, and a filter
     * comparing it with {@code now} says so.
     */
    private static Object frontMatterDateTime(Object value) {
        return DateText.read(value).<Object>map(FeedsPlugin::dateTime).orElse(value);
    }

    private static final Set<String> OWN_FIELDS = Set.of("path", "slug", "title", "date", "date_time", "tags",
            "published", "description", "template", "content", "href");

    private static void select(BuildContext context, List<FeedConfig> feeds) throws PluginException {
        Set<String> pagesOfFeeds = postsWithAFeedsSlug(context, context.posts(), feeds);
        LocalDate today = LocalDate.now();
        LocalDateTime now = LocalDateTime.now();
        List<Post> posts = context.posts();
        List<FilterExpression.Scope> scopes = new ArrayList<>(posts.size());
        for (Post post : posts) {
            scopes.add(new FilterExpression.Scope(fields(post, context.site()), today, now));
        }
        List<Selected> selected = new ArrayList<>();
        List<SiteView.Feed> views = new ArrayList<>();
        Selected site = null;
        for (FeedConfig feed : feeds) {
            List<Post> chosen = choose(feed, posts, scopes);
            warnOfUnknownFields(context, feed, scopes, chosen.size());
            selected.add(new Selected(feed, chosen));
            if (feed.name().equals(FeedConfig.ARCHIVE)) {
                site = selected.get(selected.size() - 1);
            }
            views.add(new SiteView.Feed(feed.name(), feed.slug(), feed.title(), feed.description(), feed.templateConfig(),
                    chosen.stream().map(Post::path).toList()));
        }
        if (site == null) {
            FeedConfig archive = FeedConfig.archive();
            site = new Selected(archive, choose(archive, posts, scopes));
        }
        context.put(SELECTED, new SelectedFeeds(selected, site, pagesOfFeeds));
        context.put(SiteView.FEEDS, new SiteView.FeedList(views));
    }

    /**
     * A filter that names a field no post has reads it as None, as markata's {@code post.get}
     * would: legal, but mostly a typo that leaves the feed quietly empty or too full.
     */
    private static void warnOfUnknownFields(BuildContext context, FeedConfig feed, List<FilterExpression.Scope> scopes,
                                            int chosen) {
        if (scopes.isEmpty()) {
            return; // no posts: every name is unknown, and nothing is wrong with the filter
        }
        for (String name : feed.filter().fieldNames()) {
            // most names are found in the first post: the union of every post's fields is made
            // only for a name no post has, where the warning wants the closest name
            if (scopes.stream().noneMatch(scope -> scope.fields().containsKey(name))) {
                Set<String> postFields = new HashSet<>();
                for (FilterExpression.Scope scope : scopes) {
                    postFields.addAll(scope.fields().keySet());
                }
                String guess = DidYouMean.closest(name, postFields).map(g -> " (did you mean " + g + "?)").orElse("");
                context.reporter().warn("feed \"" + feed.name() + "\": its filter names " + name
                        + ", which no post has" + guess + "; the feed holds " + chosen + " posts");
            }
        }
    }

    /** The posts a feed holds, in its order. */
    private static List<Post> choose(FeedConfig feed, List<Post> posts, List<FilterExpression.Scope> scopes)
            throws PluginException {
        // Each chosen post with its sort value, looked up once: a sort of 10,000 posts makes
        // ~130,000 comparisons, and looking the values up in them was half of this hook.
        List<Ranked> in = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            try {
                if (feed.filter().test(scopes.get(i))) {
                    in.add(new Ranked(scopes.get(i).fields().get(feed.sort()), posts.get(i)));
                }
            } catch (FilterExpression.FilterException e) {
                throw new PluginException("feed \"" + feed.name() + "\": filter \"" + feed.filter().source()
                        + "\" fails on " + posts.get(i).path() + ": " + e.getMessage());
            }
        }
        in.sort((a, b) -> {
            int order = compareField(a.value(), b.value(), feed.reverse());
            order = order != 0 ? order : compareDates(a.post(), b.post(), feed.reverse());
            return order != 0 ? order : a.post().path().compareTo(b.post().path());
        });
        return firstAndLast(in.stream().map(Ranked::post).toList(), feed);
    }

    /**
     * The posts whose slug is a feed's, by path, each named in a warning: markata's feeds save
     * after publish_html and write the feed's page over the post's, so the feed has the page and
     * the post none (the post is still in feeds, markata.json...). An error here stopped sites
     * that build with markata; the warning says what markata does without a word.
     */
    private static Set<String> postsWithAFeedsSlug(BuildContext context, List<Post> posts, List<FeedConfig> feeds) {
        Map<String, FeedConfig> bySlug = new HashMap<>();
        for (FeedConfig feed : feeds) {
            bySlug.put(feed.slug(), feed);
        }
        Set<String> paths = new HashSet<>();
        for (Post post : posts) {
            FeedConfig feed = bySlug.get(post.slug());
            if (feed != null) {
                paths.add(post.path());
                boolean builtIn = feed.raw().isEmpty() && feed.name().equals(FeedConfig.ARCHIVE);
                context.reporter().warn(post.path() + ": has the slug \"" + post.slug() + "\" of the "
                        + (builtIn ? "built-in " : "") + "feed \"" + feed.name() + "\", whose page " + feed.slug()
                        + "/index.html is the feed's, as in markata: the post has no page of its own; give it another"
                        + " slug in its front matter, or the feed one of its own with "
                        + (builtIn ? "[markata.feeds.archive] " : "") + "slug = \"...\"");
            }
        }
        return Set.copyOf(paths);
    }

    /**
     * Whether the post at {@code path} has a feed's slug, so that the feed writes the page and
     * publish_html leaves it (and the post's other pages beside it) alone.
     */
    public static boolean pageIsAFeeds(BuildContext context, String path) {
        return context.get(SELECTED).map(feeds -> feeds.pagesOfFeeds().contains(path)).orElse(false);
    }

    /**
     * The sorted posts a feed keeps: all, or its {@code head} first ones, its {@code tail} last
     * ones, or both lists one after the other (as markata's {@code Feed.posts} slices them).
     */
    private static List<Post> firstAndLast(List<Post> sorted, FeedConfig feed) {
        if (feed.first() == FeedConfig.ALL && feed.last() == FeedConfig.ALL) {
            return sorted;
        }
        List<Post> kept = new ArrayList<>();
        if (feed.first() != FeedConfig.ALL) {
            kept.addAll(sorted.subList(0, Math.min(feed.first(), sorted.size())));
        }
        if (feed.last() != FeedConfig.ALL) {
            kept.addAll(sorted.subList(Math.max(0, sorted.size() - feed.last()), sorted.size()));
        }
        return List.copyOf(kept);
    }

    /** A post a feed chose, with the value of the field the feed sorts by. */
    private record Ranked(Object value, Post post) {
    }

    /** Values of one field, missing ones last whatever the direction. */
    private static int compareField(Object a, Object b, boolean reverse) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        int order = compareValues(a, b);
        return reverse ? -order : order;
    }

    /**
     * Posts whose sort values tie (markata's {@code date} is a day: two posts of one day) in the
     * order of their dates and times, in the sort's direction, undated ones last: markata leaves
     * them in the order it found the files, which is no order a reader can see.
     */
    public static int compareDates(Post a, Post b, boolean reverse) {
        return compareField(a.date(), b.date(), reverse);
    }

    /**
     * Two present values of a sort field: numbers by value, values of one comparable kind (dates,
     * text) in their order, others by their text. Feeds and {@code markata.map} sort alike.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static void write(BuildContext context, Templates templates, FeedCards cards, FeedEntries entries)
            throws Exception {
        SelectedFeeds feeds = context.get(SELECTED).orElseThrow(() -> new PluginException(
                "feeds were not selected in pre_render"));
        Map<String, Post> byPath = new HashMap<>();
        for (Post post : context.posts()) {
            byPath.put(post.path(), post);
        }
        Path keysFile = context.cacheDir().resolve(KEYS_FILE);
        Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
        Map<String, String> keys = new TreeMap<>();
        String shared = Hashing.of(templates.key(), LocalDate.now().toString(), SiteView.feedsKey(context));
        boolean home = !IndexPagePlugin.homeIsTaken(context);
        PostBodies bodies = PostBodies.of(context);
        XmlTemplates xml = new XmlTemplates(context, templates);
        cards.startBuild(context.cacheDir().resolve(FeedCards.FILE), context.reporter());
        CardKeys cardKeys = new CardKeys(shared, Skips.of(context), ContentDigests.of(context));
        boolean homeWritten = false;
        for (Selected feed : feeds.feeds()) {
            // the final posts (after render) for descriptions and titles
            List<Post> posts = finalPosts(feed, byPath);
            FeedConfig config = feed.config();
            boolean isHome = home && config.name().equals(FeedConfig.ARCHIVE);
            homeWritten |= isHome;
            // The site's fingerprint, not one of the feed's posts: which posts a feed holds and
            // what it shows of them follow from every post's fields (and today's date, in
            // shared), and a feed page's template can list any post (markata.posts). Hashing
            // each feed's posts again cost 25 ms of a warm 10,000-post build once the
            // fingerprint covered the front matter; whenever the site's fingerprint changes,
            // every post page is rendered again anyway.
            String key = new Hashing().add(shared).addValue(new TreeMap<>(config.raw())).add(config.name())
                    .add(String.valueOf(isHome)).add(SiteView.fingerprint(context)).hex();
            String stored = previous.get(config.slug());
            // the page and its partial, or each page's of a paginated feed (whose count follows
            // from the feed's posts and settings, both in the key: pages past the last that an
            // earlier build wrote are left out of this build's files, and so removed)
            List<String> pageFiles = new ArrayList<>();
            for (int number = 1; number <= pageCount(config, posts); number++) {
                pageFiles.add(pageFolder(config, number) + "index.html");
                pageFiles.add(pageFolder(config, number) + "partial/index.html");
            }
            if (isHome) {
                pageFiles.add("index.html");
            }
            boolean unchanged = bodies.unchanged(key, stored) && exist(context, pageFiles.toArray(String[]::new));
            if (unchanged) {
                keys.put(config.slug(), stored);
                // unchanged since the build that wrote them: still pages of this build
                pageFiles.forEach(context.output()::keep);
            } else {
                AtomicBoolean readBodies = new AtomicBoolean();
                renderPages(context, templates, config, isHome, bodies, readBodies, cards, cardKeys, posts);
                // a page that shows posts' bodies (latest posts in full) is rendered again when one changes
                keys.put(config.slug(), bodies.storedKey(key, readBodies.get()));
            }
            // The key covers what the XML shows (the site's settings are in the templates' config,
            // the posts' titles, dates and tags in their fingerprint): an unchanged feed whose
            // files are there is not built again (10,000 entries cost a third of a second). The
            // built-in XML shows each post's description, not the longer ones auto_description
            // makes from the same paragraphs: its key has the feed's posts' descriptions and the
            // fingerprint without any, so an edit of a post's prose that leaves its description
            // (one of its front matter, or a paragraph past it) leaves the XML too. A template of
            // the site's may show anything: it follows the page's key.
            List<String> xmlFiles = new ArrayList<>();
            if (config.rss()) {
                xmlFiles.addAll(List.of(config.slug() + "/rss.xml", config.slug() + "/atom.xml"));
            }
            if (feeds.site() == feed) {
                xmlFiles.addAll(List.of("rss.xml", "atom.xml"));
            }
            boolean xmlUnchanged = unchanged;
            if (xml.isBuiltIn(config, XmlTemplates.RSS)) {
                Hashing hashing = new Hashing().add(shared).addValue(new TreeMap<>(config.raw())).add(config.name())
                        .add("rss and atom").add(SiteView.fingerprintWithoutDescriptions(context));
                for (Post post : posts) {
                    hashing.add(post.description());
                }
                String xmlKey = hashing.hex();
                String xmlSlot = config.slug() + "/rss.xml";
                keys.put(xmlSlot, xmlKey);
                xmlUnchanged = xmlKey.equals(previous.get(xmlSlot));
            }
            writeXml(context, xml, entries, config, posts, xmlUnchanged, xmlFiles.toArray(String[]::new));
            if (config.sitemap()) {
                // the feed's own sitemap, of its posts, as markata writes one per feed; the
                // built-in one shows their addresses and dates, not their descriptions, so it is
                // kept through an edit of a post's first paragraph (a template of the site's may
                // show anything: it follows the page's key)
                String sitemap = config.slug() + "/" + SITEMAP;
                String sitemapKey = !xml.isBuiltIn(config, XmlTemplates.SITEMAP) ? key
                        : new Hashing().add(shared).addValue(new TreeMap<>(config.raw())).add(config.name())
                                .add(SITEMAP).add(SiteView.fingerprintWithoutDescriptions(context)).hex();
                keys.put(sitemap, sitemapKey);
                if (sitemapKey.equals(previous.get(sitemap)) && exist(context, sitemap)) {
                    context.output().keep(sitemap);
                } else {
                    context.output().write(sitemap, xml.render(config, XmlTemplates.SITEMAP,
                            () -> FeedXml.sitemap(context.site(), posts, List.of())));
                }
            }
        }
        // the stylesheet the feeds' RSS names (the last feed's xsl_template, by default the site's
        // rss.xsl template, else the built-in one),
        // rendered with the site's settings when they or the templates changed (a warm build that
        // renders nothing else makes no template engine for it)
        String stylesheetKey = Hashing.of(templates.key());
        keys.put(FeedXml.STYLESHEET, stylesheetKey);
        if (stylesheetKey.equals(previous.get(FeedXml.STYLESHEET)) && exist(context, FeedXml.STYLESHEET)) {
            context.output().keep(FeedXml.STYLESHEET);
        } else {
            context.output().write(FeedXml.STYLESHEET, xml.stylesheet(feeds.feeds().stream().map(Selected::config).toList()));
        }
        // the same feed, not an equal one: a record's equals is linked on first call (~5 ms of a
        // cold build's main thread, java.lang.runtime.ObjectMethods) and compares every post of
        // the feeds it meets before the archive
        if (feeds.feeds().stream().noneMatch(feed -> feed == feeds.site())) {
            // no archive feed: the site's rss.xml and atom.xml alone, kept while nothing they show changed
            String key = new Hashing().add(shared).add(SiteView.fingerprint(context)).hex();
            keys.put(SITE_XML, key);
            writeXml(context, xml, entries, feeds.site().config(), finalPosts(feeds.site(), byPath),
                    key.equals(previous.get(SITE_XML)), "rss.xml", "atom.xml");
        }
        List<FeedConfig> configs = feeds.feeds().stream().map(Selected::config).toList();
        // the posts' addresses and dates, and the feeds' pages: not the descriptions
        String sitemapKey = new Hashing().add(shared).add(SiteView.fingerprintWithoutDescriptions(context))
                .addValue(configs.stream().map(c -> new TreeMap<>(c.raw())).toList()).hex();
        keys.put(SITEMAP, sitemapKey);
        if (!(sitemapKey.equals(previous.get(SITEMAP)) && exist(context, SITEMAP))) {
            context.output().write(SITEMAP, FeedXml.sitemap(context.site(), context.posts(), configs));
        } else {
            context.output().keep(SITEMAP);
        }
        if (homeWritten) {
            context.put(IndexPagePlugin.HOME_WRITTEN, Boolean.TRUE);
        }
        Set<String> cardTemplates = new HashSet<>();
        for (Selected feed : feeds.feeds()) {
            cardTemplates.add(Hashing.of(feed.config().cardTemplate()));
        }
        cards.finishBuild(byPath.keySet(), cardTemplates, context);
        entries.keepOnly(byPath.keySet());
        context.writeCache(keysFile, () -> KeyFile.write(keysFile, keys, previous));
    }

    /**
     * The part of a card's key that follows from its post: the skip plugin's key of its page,
     * which covers its fields and Markdown as loaded (and what every page depends on: templates,
     * settings, what pages show of every post but descriptions, which posts each feed holds);
     * made here when skip does not run (as skip makes it), once per post for every feed listing
     * it. {@code shared}: the templates' key, the day and which posts each feed holds.
     */
    private record CardKeys(String shared, Skips skips, ContentDigests digests, Map<String, String> made) {
        CardKeys(String shared, Skips skips, ContentDigests digests) {
            this(shared, skips, digests, new ConcurrentHashMap<>());
        }

        String of(Post post) {
            Optional<String> skips = skips().key(post.path());
            return skips.isPresent() ? skips.get()
                    : made.computeIfAbsent(post.path(), path -> SkipPlugin.key(post, "", digests.ofLoaded(post)));
        }
    }

    /** A feed's posts as they are after render (their descriptions and titles). */
    private static List<Post> finalPosts(Selected feed, Map<String, Post> byPath) {
        return feed.posts().stream().map(p -> byPath.getOrDefault(p.path(), p)).toList();
    }

    /**
     * A feed's RSS and Atom files ({@code files}: pairs of an RSS and an Atom file's name), unless
     * the feed is unchanged and they are there (then kept). The archive's are also the site's
     * {@code rss.xml} and {@code atom.xml}: made once for both (10,000 entries, a tenth of a second each).
     * The built-in XML's entries come from {@code entries} where their post shows what it showed
     * (an edit of one post's description writes its entries alone).
     */
    private static void writeXml(BuildContext context, XmlTemplates xml, FeedEntries entries, FeedConfig config,
                                 List<Post> posts, boolean unchanged, String... files) throws Exception {
        byte[] rss = null;
        byte[] atom = null;
        for (int i = 0; i < files.length; i += 2) {
            if (unchanged && exist(context, files[i], files[i + 1])) {
                context.output().keep(files[i]);
                context.output().keep(files[i + 1]);
                continue;
            }
            if (rss == null) {
                rss = xml.isBuiltIn(config, XmlTemplates.RSS) ? FeedXml.rss(context.site(), config, posts, true, entries)
                        : xml.render(config, XmlTemplates.RSS, () -> FeedXml.rss(context.site(), config, posts, true))
                                .getBytes(StandardCharsets.UTF_8);
                atom = FeedXml.atom(context.site(), config, posts, entries);
            }
            context.output().write(files[i], rss);
            context.output().write(files[i + 1], atom);
        }
    }

    private static boolean exist(BuildContext context, String... files) {
        for (String file : files) {
            if (!Files.isRegularFile(context.output().root().resolve(file))) {
                return false;
            }
        }
        return true;
    }

    private static void renderPages(BuildContext context, Templates templates, FeedConfig config,
                                    boolean isHome, PostBodies bodies, AtomicBoolean readBodies, FeedCards cache,
                                    CardKeys cardKeys, List<Post> feedPosts) throws Exception {
        // The feed's view with its posts' views made as they are read, and markata made when a
        // template first reads it: the view of every post was a tenth of a warm 10,000-post
        // build's save stage, and the built-in theme's feed page and kept cards read neither.
        Map<String, Object> feedView = SiteView.lazyFeed(context, templates, config.name(), feedPosts);
        Map<String, Object> markata = SiteView.lazyMarkata(context, templates);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> posts = (List<Map<String, Object>>) feedView.get("posts");
        String document = "feed " + config.name();
        // One card per post, kept from earlier builds (and other feeds of this one) while its key
        // holds: after an edit of one post's prose only its card is rendered again, where the
        // 10,000 cards of an archive were most of what the edit cost.
        String templateId = Hashing.of(config.cardTemplate());
        String cardShared = new Hashing().add(cardKeys.shared()).add(SiteView.fingerprintWithoutDescriptions(context))
                .add("card").add(config.cardTemplate()).hex();
        cache.prepare();
        String[] cards = new String[posts.size()];
        String[] slots = new String[posts.size()];
        String[] keys = new String[posts.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = feedPosts.get(i);
            String postKey = cardKeys.of(post);
            slots[i] = FeedCards.slot(templateId, post.path());
            FeedCards.Card card = cache.find(slots[i]);
            if (card != null && !card.madeOf(cardShared, postKey)) {
                // not known to hold from the parts of its key: hashed, and compared
                keys[i] = Hashing.of(cardShared, postKey);
                card = card.storedKey().equals(bodies.storedKey(keys[i], card.readBodies(), card.readDescriptions()))
                        ? card.madeOf(cardShared, postKey, keys[i]) : null;
            }
            if (card != null) {
                cards[i] = card.html();
                cache.use(slots[i], card, false);
                if (card.readBodies()) {
                    readBodies.set(true);
                }
            } else {
                keys[i] = keys[i] != null ? keys[i] : Hashing.of(cardShared, postKey);
                missing.add(i);
            }
        }
        // The others are rendered on the build's threads (each task is its post's work) and put in place here.
        List<FeedCards.Card> rendered = context.map(missing, i -> String.valueOf(posts.get(i).get("path")), i -> {
            Map<String, Object> post = posts.get(i);
            String path = feedPosts.get(i).path();
            AtomicBoolean cardReadBodies = new AtomicBoolean();
            AtomicBoolean cardReadDescriptions = new AtomicBoolean();
            // the post's own descriptions are in the card's key; other posts' are noted, and so are bodies
            String html = bodies.notingOthers(path, cardReadBodies, cardReadDescriptions, () -> {
                Map<String, Object> card = templates.cardValues(config.cardTemplate(), post);
                card.put("markata", markata);
                return templates.render(document, config.cardTemplate(), card);
            });
            // a body read (its own post's HTML among them) may show what other posts' descriptions
            // made (prevnext's links, a Jinja post): such a card follows every post's text
            boolean readDescriptions = cardReadDescriptions.get() || cardReadBodies.get();
            return new FeedCards.Card(bodies.storedKey(keys[i], cardReadBodies.get(), readDescriptions),
                    cardReadBodies.get(), readDescriptions, html).madeOf(cardShared, cardKeys.of(feedPosts.get(i)),
                    keys[i]);
        });
        for (int m = 0; m < missing.size(); m++) {
            int i = missing.get(m);
            FeedCards.Card card = rendered.get(m);
            cards[i] = card.html();
            cache.use(slots[i], card, true);
            if (card.readBodies()) {
                readBodies.set(true);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        // markata renders a feed's page and partial with post=feed.config.model_dump() and the
        // site's url: templates written for post pages ({{ post.title }} in a head or a card used
        // as partial, as reader.waylonwalker.com's) show the feed's title there
        values.put("post", feedView.get("config"));
        values.put("url", templates.config().get("url"));
        values.put("feed", feedView);
        values.put("posts", posts);
        values.put("cards", List.of(cards));
        values.put("title", config.title());
        values.put("description", config.description());
        // as a post page sees its slug by name: a [markata.head] entry that is a template
        // ("{{ config.url }}/{{ slug }}/", the blog starter's canonical link) is the feed's page
        values.put("slug", config.slug());
        values.put("head", config.head());
        values.put("markata", markata);
        if (!config.pagination().enabled()) {
            String html = bodies.noting(readBodies, () -> templates.render(document, config.template(), values));
            context.output().write(config.slug() + "/index.html", html);
            context.output().write(config.slug() + "/partial/index.html",
                    bodies.noting(readBodies, () -> templates.render(document, config.partialTemplate(), values)));
            if (isHome) {
                context.output().write("index.html", html);
            }
            return;
        }
        FeedConfig.Pagination pagination = config.pagination();
        int perPage = pagination.itemsPerPage();
        int pageCount = pageCount(config, feedPosts);
        for (int number = 1; number <= pageCount; number++) {
            int from = Math.min(posts.size(), (number - 1) * perPage);
            int to = Math.min(posts.size(), from + perPage);
            Map<String, Object> page = new LinkedHashMap<>(values);
            page.putAll(paginationValues(config, number, pageCount, posts.size()));
            page.put("posts", posts.subList(from, to));
            page.put("page_posts", posts.subList(from, to));
            page.put("cards", List.of(cards).subList(from, to));
            String html = bodies.noting(readBodies, () -> templates.render(document, config.template(), page));
            String folder = pageFolder(config, number);
            context.output().write(folder + "index.html", html);
            // as markata: the page's cards alone (and what the template adds, htmx's trigger of
            // the next page), from feed_items_partial.html whatever partial_template says
            page.put("card_template", config.cardTemplate());
            context.output().write(folder + "partial/index.html",
                    bodies.noting(readBodies, () -> templates.render(document, ITEMS_PARTIAL, page)));
            if (isHome && number == 1) {
                context.output().write("index.html", html);
            }
        }
    }

    /** The template of a paginated feed's partials, as markata names it. */
    static final String ITEMS_PARTIAL = "feed_items_partial.html";

    /** The number of pages a feed of {@code posts} makes: one when it is not paginated. */
    private static int pageCount(FeedConfig config, List<Post> posts) {
        return config.pagination().enabled() ? config.pagination().pages(posts.size()) : 1;
    }

    /** The folder of a feed's page {@code number}, with its '/': {@code python/}, {@code python/2/}. */
    private static String pageFolder(FeedConfig config, int number) {
        return config.slug() + "/" + (number == 1 ? "" : number + "/");
    }

    /**
     * What markata's {@code create_paginated_feed} gives a page's template besides the feed's own
     * values: the page's number and the neighbours' (None past either end), the counts, the feed's
     * slug as {@code feed_name}, and all of them again as {@code pagination_context} (also named
     * {@code pagination_config}, as its older templates read it).
     */
    private static Map<String, Object> paginationValues(FeedConfig config, int number, int pageCount, int postCount) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("current_page", number);
        context.put("total_pages", pageCount);
        context.put("total_posts", postCount);
        context.put("per_page", config.pagination().itemsPerPage());
        context.put("has_prev", number > 1);
        context.put("has_next", number < pageCount);
        context.put("prev_page", number > 1 ? number - 1 : null);
        context.put("next_page", number < pageCount ? number + 1 : null);
        context.put("pagination_type", config.pagination().type());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("pagination_enabled", true);
        values.put("pagination_config", context);
        values.put("pagination_context", context);
        values.put("page", number);
        values.put("total_pages", pageCount);
        values.put("total_posts", postCount);
        values.put("has_next", context.get("has_next"));
        values.put("has_prev", context.get("has_prev"));
        values.put("next_page", context.get("next_page"));
        values.put("prev_page", context.get("prev_page"));
        values.put("feed_name", config.slug());
        // markata's js type names a script it writes (window.paginationData of the last page it
        // rendered) beside one of its package; neither is made here, so the name is None
        values.put("pagination_js_url", null);
        return values;
    }
}
