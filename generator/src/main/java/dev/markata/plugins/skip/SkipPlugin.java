package dev.markata.plugins.skip;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.content.Post;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.load.PydanticBool;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.post_template.PostTemplatePlugin;
import dev.markata.plugins.post_template.RawIncludes;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.TemplateSettings;
import dev.markata.plugins.post_template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code markata.plugins.skip}: a post whose inputs did not change since the last build and
 * whose page is still in the output folder is not put through its template again, and its page
 * is not rewritten. A post's key hashes its source and front matter, the templates, the
 * configuration, what pages may show of other posts (slugs, titles, dates, tags, front matter)
 * but their bodies and descriptions, and which posts each feed holds (prev/next links follow
 * them). A page whose render read other posts' bodies or descriptions is stored under a key
 * that also covers those of every post ({@link PostBodies}): descriptions follow from a post's
 * prose (auto_description reads up to 500 characters of its paragraphs), and in every page's
 * key an edit of any post's prose rendered every page again. The keys of the last successful
 * build live in {@code .markata.cache/skip.tsv}.
 * {@code MARKATA_SKIP=false} (or {@code skip = false} in {@code [markata]}) turns it off.
 */
public final class SkipPlugin implements Plugin {

    public static final String ID = "markata.plugins.skip";
    static final String KEYS_FILE = "skip.tsv";

    private static final ConfigSection<Boolean> ENABLED = new ConfigSection<>("skip_settings",
            (section, markata) -> markata.bool("skip", true));
    private static final StateKey<Keys> KEYS = new StateKey<>("skip keys", Keys.class);

    /** This build's keys, the posts skipped, and the last build's keys as the file held them. */
    private record Keys(Map<String, String> byPath, Set<String> skipped, Map<String, String> previous) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        if (!setup.config(ENABLED)) {
            return;
        }
        TemplateSettings settings = setup.config(TemplateSettings.SECTION);
        Templates templates = Templates.forSite(setup);
        // at render's start, once the feeds (pre_render, last) have chosen their posts, and before
        // any other render hook reads the decision (prevnext, listed before "default", did)
        setup.hookBeforeOthers(Stage.RENDER, context -> decide(context, templates, settings));
        setup.hook(Stage.SAVE, Priority.LAST, SkipPlugin::remember);
    }

    /** A post's key, and whether its page can be left as it is (same key as last build, page there). */
    private record Decision(String key, boolean skip) {
    }

    private static void decide(BuildContext context, Templates templates, TemplateSettings settings) throws Exception {
        String shared = Hashing.of(templates.key(), SiteView.fingerprintWithoutDescriptions(context),
                SiteView.feedsKey(context));
        Map<String, String> previous = KeyFile.read(context.cacheDir().resolve(KEYS_FILE), context.reporter());
        Path output = context.output().root();
        List<Post> posts = context.posts();
        // Hashing every post's source and looking for its page are the cost of a warm build: on
        // the build threads, each task deciding for its own post.
        ContentDigests digests = ContentDigests.of(context);
        PostBodies bodies = PostBodies.of(context);
        List<Decision> decisions = context.map(posts, Post::path, post -> {
            // a template: of the front matter naming a file of the site by its path is that file's text,
            // and a page showing the post's source (markata's raw template) shows all of the file
            String own = templates.pageTemplateKey(post.template());
            if (PydanticBool.of(post.extra().get("jinja")).orElse(false)) {
                own += RawIncludes.key(context.site().directory(), post.content()); // its include_raw files
            }
            if (PostTemplatePlugin.showsSource(settings, post)) {
                own += Hashing.of(PostTemplatePlugin.source(context, post));
            }
            String key = key(post, shared + own, digests.of(post));
            boolean skip = bodies.unchanged(key, previous.get(post.path()))
                    && Files.isRegularFile(output.resolve(post.outputPath()));
            return new Decision(key, skip);
        });
        Map<String, String> keys = new HashMap<>();
        Set<String> skipped = new HashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            Post post = posts.get(i);
            keys.put(post.path(), decisions.get(i).key());
            if (decisions.get(i).skip()) {
                skipped.add(post.path());
            }
        }
        context.put(KEYS, new Keys(keys, skipped, previous));
        context.put(Skips.KEY, new Skips(skipped, keys));
    }

    /**
     * A key of what a post's page shows of the post itself (its fields, front matter and Markdown,
     * by {@code contentDigest}), after {@code shared}; feed cards are keyed on it too ({@link Skips#key}).
     */
    public static String key(Post post, String shared, String contentDigest) {
        Hashing hash = new Hashing().add(shared).add(post.path()).add(post.slug()).add(post.title())
                .add(String.valueOf(post.date())).add(String.valueOf(post.published())).add(post.description())
                .add(post.template());
        return hash.addValue(post.tags()).addValue(post.extra()).add(contentDigest).hex();
    }

    private static void remember(BuildContext context) throws IOException {
        Keys keys = context.get(KEYS).orElse(null);
        if (keys != null) {
            // a skipped page keeps the key it was stored under; a page rendered in this build is
            // stored under one that covers every post's body when its template read bodies, and
            // every post's descriptions when it read descriptions
            PostBodies bodies = PostBodies.of(context);
            Map<String, String> stored = new HashMap<>();
            keys.byPath().forEach((path, key) -> stored.put(path, keys.skipped().contains(path) ? keys.previous().get(path)
                    : bodies.storedKey(key, bodies.pageReadsBodies(path), bodies.pageReadsDescriptions(path))));
            Path keysFile = context.cacheDir().resolve(KEYS_FILE);
            context.writeCache(keysFile, () -> KeyFile.write(keysFile, stored, keys.previous()));
        }
    }
}
