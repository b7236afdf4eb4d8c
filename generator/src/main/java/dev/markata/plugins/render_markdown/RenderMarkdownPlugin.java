package dev.markata.plugins.render_markdown;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.post_template.RawIncludes;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.Skips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code markata.plugins.render_markdown}: renders each post's Markdown to HTML (see
 * {@link Markdown} for the syntax), including markata's {@code md_it_wikilinks},
 * admonitions, markdown-it attributes and containers, and {@code jinja_md}: a post with
 * {@code jinja: true} is first rendered as a Jinja template with {@code post}, {@code markata}
 * and {@code config} (unless {@code [markata.jinja_md] ignore} matches its path, {@link JinjaMdConfig}).
 *
 * <p>HTML is cached in {@code .markata.cache/render_markdown} by a hash of the Markdown and
 * what else it depends on (the posts wikilinks can reach, and for Jinja posts the templates and
 * the other posts' metadata), so an unchanged post is not parsed again. Posts the skip plugin
 * found unchanged (page already written) are not rendered at all, as in markata.
 */
public final class RenderMarkdownPlugin implements Plugin {

    public static final String ID = "markata.plugins.render_markdown";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        Templates templates = Templates.forSite(setup);
        JinjaMdConfig jinjaMd = setup.config(JinjaMdConfig.SECTION);
        MarkdownItConfig markdownIt = setup.config(MarkdownItConfig.SECTION);
        markdownIt.warnings().forEach(setup.reporter()::warn);
        Settings settings = new Settings(jinjaMd, markdownIt.anchors(), markdownIt.markataDetails(), markdownIt.tasksEnabled());
        setup.hook(Stage.RENDER, context -> render(context, templates, settings));
        // what listings stored after render (HTML of posts this build did not render, when the
        // cache lacked it), written once at the end rather than a pack per post
        setup.hook(Stage.TEARDOWN, context -> context.get(CACHE).ifPresent(cache -> {
            cache.write();
            cache.reportIgnored();
        }));
    }

    private static final StateKey<RenderCache> CACHE = new StateKey<>("render cache", RenderCache.class);

    /** The site's settings a post's HTML depends on besides its Markdown. */
    private record Settings(JinjaMdConfig jinjaMd, MarkdownItConfig.Anchors anchors, boolean markataDetails,
                            boolean tasksEnabled) {
    }

    private static void render(BuildContext context, Templates templates, Settings settings) throws Exception {
        List<Post> posts = context.posts();
        Skips skips = Skips.of(context);
        RenderCache cache = RenderCache.of(context);
        context.put(CACHE, cache);
        PostHtml html = new PostHtml(context, templates, cache, ContentDigests.of(context), PostBodies.of(context),
                settings);
        // A listing that shows posts in full (a feed's page, markata.posts) may show posts this
        // build does not render: their HTML comes from the cache, with what every post needs
        // made on first such read only.
        InputsForAll forAll = new InputsForAll(context, templates, posts, settings);
        html.bodies().htmlSource(post -> html.of(forAll.get(), post));
        if (!skips.anyChanged(posts)) {
            return; // an unchanged site: no link table, no hashes
        }
        // The link table and the site view are over every post, but only posts rendered in this
        // build need them: with one post edited in `serve --watch`, making them for 10,000 posts
        // that use neither was most of this hook.
        List<Post> changed = posts.stream().filter(post -> !skips.skipped(post.path())).toList();
        Inputs inputs = Inputs.forPosts(context, templates, changed, settings);
        cache.expect(changed.stream().map(Post::path).toList());
        skips.updateChanged(context, post -> {
            try {
                warnOfJinja(context, settings, post);
                return post.withHtml(html.of(inputs, post));
            } finally {
                cache.rendered(post.path());
            }
        });
        cache.write();
        cache.reportIgnored();
    }

    /**
     * What rendering some posts needs beyond their own Markdown: the link table when one of them
     * has a wikilink or is a Jinja post, and for Jinja posts the site view and what their HTML
     * depends on (the templates, every post's fields).
     */
    private record Inputs(Markdown markdown, String linkTargets, SiteView site, String jinjaInputs) {

        static Inputs forPosts(BuildContext context, Templates templates, List<Post> rendered, Settings settings)
                throws IOException {
            List<Post> posts = context.posts();
            boolean anyJinja = rendered.stream().anyMatch(settings.jinjaMd()::renders);
            boolean anyLinks = anyJinja || rendered.stream().anyMatch(post -> post.content().contains("[["));
            List<String> feeds = context.get(SiteView.FEEDS).map(SiteView.FeedList::feeds).orElse(List.of()).stream()
                    .map(SiteView.Feed::slug).toList();
            return new Inputs(new Markdown(anyLinks ? Wikilinks.of(posts, feeds, context.site()::pagePath)
                    : Wikilinks.none(),
                    settings.anchors(), settings.markataDetails(), settings.tasksEnabled()),
                    anyLinks ? RenderMarkdownPlugin.linkTargets(posts, feeds, context.site().pathPrefix()) : "",
                    anyJinja ? SiteView.of(context, templates) : null,
                    anyJinja ? Hashing.of(templates.key(), SiteView.fingerprint(context)) : "");
        }
    }

    /** {@link Inputs} for every post, made on first use (a listing of posts in full that this build did not render). */
    private static final class InputsForAll {
        private final BuildContext context;
        private final Templates templates;
        private final List<Post> posts;
        private final Settings settings;
        private Inputs inputs;

        InputsForAll(BuildContext context, Templates templates, List<Post> posts, Settings settings) {
            this.context = context;
            this.templates = templates;
            this.posts = posts;
            this.settings = settings;
        }

        synchronized Inputs get() throws IOException {
            if (inputs == null) {
                inputs = Inputs.forPosts(context, templates, posts, settings);
            }
            return inputs;
        }
    }

    /**
     * A post's HTML: from the cache when its key is there, else rendered (and cached). What every
     * post's HTML needs of the build, made once per build.
     */
    private record PostHtml(BuildContext context, Templates templates, RenderCache cache, ContentDigests digests,
                            PostBodies bodies, Settings settings) {

        String of(Inputs inputs, Post post) throws Exception {
            boolean jinja = settings.jinjaMd().renders(post);
            Hashing keyHash = new Hashing().add(settings.anchors().toString()).add(String.valueOf(settings.markataDetails()))
                    .add(settings.tasksEnabled() ? "tasks enabled" : "")
                    .add(post.content().contains("[[") || jinja ? inputs.linkTargets() : "")
                    .add(jinja ? inputs.jinjaInputs() + post.path() + RawIncludes.key(context.site().directory(), post.content())
                            : "").add(digests.of(post));
            if (jinja) {
                // its own front matter, which its Markdown may show ({{ post.mood }}); the
                // fingerprint in jinjaInputs covers only what lists show of every post
                keyHash.addValue(post.extra());
            }
            String key = keyHash.hex();
            Optional<String> cached = cache.get(post.path(), key);
            if (cached.isPresent() && cached.get().startsWith(READS)) {
                // a Jinja post that shows other posts' bodies or descriptions: skip's key of its
                // page covers them (noted here too when the HTML comes from the cache), and the
                // HTML is cached under a key that also covers the bodies (descriptions are in the
                // site's fingerprint, in this key)
                boolean readBodies = !cached.get().equals(READS_DESCRIPTIONS);
                noteReads(post, readBodies, !cached.get().equals(READS_BODIES));
                cached = cache.get(post.path(), htmlKey(key, readBodies));
            }
            if (cached.isPresent()) {
                return cached.get();
            }
            String text = post.content();
            AtomicBoolean readBodies = new AtomicBoolean();
            AtomicBoolean readDescriptions = new AtomicBoolean();
            if (jinja) {
                Map<String, Object> values = new HashMap<>();
                values.put("post", inputs.site().post(post.path()));
                values.put("markata", inputs.site().markata());
                String markdown = text;
                text = bodies.noting(readBodies, readDescriptions,
                        () -> templates.renderString(post.path(), markdown, bodyLine(context, post), values));
            }
            String html = inputs.markdown().render(text);
            if (readBodies.get() || readDescriptions.get()) {
                noteReads(post, readBodies.get(), readDescriptions.get());
                cache.put(post.path(), key,
                        !readDescriptions.get() ? READS_BODIES : !readBodies.get() ? READS_DESCRIPTIONS : READS_BOTH);
                cache.put(post.path(), htmlKey(key, readBodies.get()), html);
            } else {
                cache.put(post.path(), key, html);
            }
            return html;
        }

        /** So skip renders the post's page again when a body or a description it showed changes. */
        private void noteReads(Post post, boolean readBodies, boolean readDescriptions) {
            if (readBodies) {
                bodies.pageReadBodies(post.path());
            }
            if (readDescriptions) {
                bodies.pageReadDescriptions(post.path());
            }
        }

        /** Where the HTML of a Jinja post whose key holds a {@link #READS} mark is cached. */
        private String htmlKey(String key, boolean readBodies) {
            return readBodies ? bodies.storedKey(key, true) : Hashing.of(key, "html");
        }
    }

    /**
     * What the cache holds under a Jinja post's key when its Markdown showed other posts' bodies
     * or descriptions (see {@link PostBodies}), starting so: which of them it read.
     */
    private static final String READS = "\u0000reads other posts' ";
    private static final String READS_BODIES = READS + "bodies";
    private static final String READS_DESCRIPTIONS = READS + "descriptions";
    private static final String READS_BOTH = READS + "bodies and descriptions";

    /**
     * Warns of a post that has Jinja statements but is not rendered as Jinja ({@link JinjaHint}),
     * naming the file's line: its page shows the template text, as markata's does since 0.8.
     */
    private static void warnOfJinja(BuildContext context, Settings settings, Post post) throws IOException {
        if (settings.jinjaMd().renders(post) || post.extra().containsKey("jinja")) {
            return; // rendered, or jinja: false said on purpose
        }
        Optional<JinjaHint.Found> found = JinjaHint.find(post.content());
        if (found.isPresent()) {
            String where = post.path() + ":" + (bodyLine(context, post) + found.get().line()) + ": "
                    + found.get().tag() + " is shown as text: this post is not rendered as Jinja (markata does so"
                    + " only since 0.8, for posts that say jinja: true); ";
            Optional<String> extension = Templates.extensionTagNote(found.get().name());
            context.reporter().warn(where + extension.orElse("add jinja: true to its front matter to run it, or put"
                    + " it in a code block to show it"));
        }
    }

    /**
     * The line of its file a post's body starts on (after the front matter), read again from the
     * file: only jinja posts need it, for template errors that name the file's line.
     */
    private static int bodyLine(BuildContext context, Post post) throws IOException {
        String text;
        try {
            text = Files.readString(context.site().directory().resolve(post.path()), StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return 1; // deleted since it was loaded: the post is built as loaded, its lines unknown
        }
        // the body ends the file, but for the white space after it (the loader strips it)
        int at = text.lastIndexOf(post.content());
        if (at < 0 || !text.substring(at + post.content().length()).isBlank()) {
            return 1;
        }
        String before = text.substring(0, at);
        return 1 + (int) before.chars().filter(c -> c == '\n').count();
    }

    private static String linkTargets(List<Post> posts, List<String> feedSlugs, String pathPrefix) {
        Hashing hash = new Hashing().add(pathPrefix);
        for (Post post : posts) {
            hash.add(post.path()).add(post.slug()).add(post.title());
        }
        for (String slug : feedSlugs) {
            hash.add("feed").add(slug);
        }
        return hash.hex();
    }
}
