package dev.markata.plugins.service_worker;

import dev.markata.MarkataVersion;
import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.copy_assets.CopyAssetsPlugin;
import dev.markata.plugins.icon_resize.Icons;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.KeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code markata.plugins.service_worker}: {@code service-worker.js} in the output folder's root,
 * made from a template ({@code [markata.service_worker] template_file}, a path from the site
 * folder; else {@code service-worker.js} of {@code templates_dir}, else the built-in one), so
 * that the site can be installed and read offline. The built-in theme registers it from every
 * page when this plugin is in {@code hooks}, as markata's base template does.
 *
 * <p>The template sees what markata's sees: {@code output_dirhash} (the site's version, the
 * worker's cache name), {@code config} (so markata's {@code config.get('precache_urls', [])}
 * works) and {@code __version__}, plus {@code precache_urls}: the addresses stored when the
 * worker is installed, {@code [markata.service_worker] precache_urls} (default
 * {@code ["index.html", "./"]}) and the top-level {@code precache_urls}, then with
 * {@code precache_feeds} every feed's page and with {@code precache_posts} every post's,
 * each once, in that order.
 *
 * <p>markata names the version after a hash of the whole output folder, which also held the last
 * build's worker and the pages of deleted posts, so a build of unchanged sources gave a new
 * version, and a warm build another than a clean one. Here it is a digest of what the site is
 * made from: the templates and configuration, every post's source and listed fields, the feeds'
 * posts, the assets' names and contents ({@link AssetDigests}), the icon, and the build of
 * markata-java (its version and build time, as the cache is stamped: other code may write other
 * pages from the same sources). A build that changes nothing keeps the version (visitors keep
 * their cache) and a warm build gives the clean build's file. Written in save, last.
 */
public final class ServiceWorkerPlugin implements Plugin {

    public static final String ID = "markata.plugins.service_worker";
    static final String FILE = "service-worker.js";
    /** Changes when the same site should get a new version (what the digest covers changed). */
    private static final String VERSION_KEY = "sw-1";
    /** The key of the worker file the last build wrote, in {@code .markata.cache}. */
    static final String KEY_FILE = "service_worker.tsv";
    /** Changes when the same inputs give another worker file. */
    private static final String WORKER_KEY = "sw-file-1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        ServiceWorkerConfig config = setup.config(ServiceWorkerConfig.SECTION);
        Templates templates = Templates.forSite(setup);
        Optional<Path> templateFile = config.templatePath(setup.site().directory());
        setup.hook(Stage.SAVE, Priority.LAST, context -> write(context, config, templates, templateFile));
    }

    private static void write(BuildContext context, ServiceWorkerConfig config, Templates templates,
                              Optional<Path> templateFile) throws Exception {
        CopyAssetsPlugin.refuseClash(context, FILE, ID);
        String version = version(context, templates);
        Set<String> urls = precacheUrls(context, config);
        warnMissing(context, urls);
        String text = null;
        String name = null;
        if (templateFile.isPresent()) {
            Path file = templateFile.get();
            name = SitePaths.slashed(context.site().directory().relativize(file));
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PluginException(name + ": the service worker's template ([markata.service_worker]"
                        + " template_file) cannot be read: " + e.getMessage(), e);
            }
        }
        // The worker follows from the version (which covers the templates and configuration), the
        // addresses and a template file outside templates_dir: when they are the last build's and
        // the file is there, nothing is rendered, and no template engine made for it.
        String key = new Hashing().add(WORKER_KEY).add(version).addValue(List.copyOf(urls)).add(text).hex();
        Path keyFile = context.cacheDir().resolve(KEY_FILE);
        Map<String, String> previous = KeyFile.read(keyFile, context.reporter());
        if (key.equals(previous.get(FILE)) && Files.isRegularFile(context.output().resolve(FILE))) {
            context.output().keep(FILE); // unchanged since the build that wrote it
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("output_dirhash", version);
        values.put("precache_urls", List.copyOf(urls));
        String worker = text != null ? templates.renderString(name, text, 1, values)
                : templates.render(FILE, FILE, values);
        context.output().write(FILE, worker);
        context.writeCache(keyFile, () -> KeyFile.write(keyFile, Map.of(FILE, key), previous));
    }

    /** The addresses to store on install, each once, in the order the javadoc gives. */
    static Set<String> precacheUrls(BuildContext context, ServiceWorkerConfig config) {
        Set<String> urls = new LinkedHashSet<>(config.precacheUrls());
        if (config.precacheFeeds()) {
            for (SiteView.Feed feed : context.get(SiteView.FEEDS).map(SiteView.FeedList::feeds).orElse(List.of())) {
                urls.add(context.site().pagePath(feed.slug()));
            }
        }
        if (config.precachePosts()) {
            for (Post post : context.posts()) {
                urls.add(context.site().pagePath(post.slug()));
            }
        }
        return urls;
    }

    /**
     * Warns of each address of this site the worker would store that is not in the output
     * folder: a browser installs the worker only when every one of them loads, so one missing
     * file leaves the site without it, with nothing said but in the browser's console.
     */
    private static void warnMissing(BuildContext context, Set<String> urls) {
        Path root = context.output().root();
        for (String url : urls) {
            if (url.matches("(?i)^([a-z][a-z0-9+.-]*:|//).*")) {
                continue; // another site's address: the browser will tell
            }
            String path = url.replaceFirst("[?#].*$", "").replaceFirst("^(\\./)+", "");
            // from the top of the host, the output folder is at the path prefix ("/project/");
            // others are from the worker's own place, the output folder's top
            String top = context.site().filePath("");
            boolean underTop = !path.startsWith("/") || path.startsWith(top);
            path = path.startsWith("/") ? path.substring(Math.min(top.length(), path.length())) : path;
            Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
            boolean found = underTop && file.startsWith(root) && (Files.isRegularFile(file)
                    || Files.isRegularFile(file.resolve("index.html")));
            if (!found) {
                context.reporter().warn("[markata.service_worker] precache_urls: \"" + url + "\" is not a file of the"
                        + " output folder (" + root + "); browsers install the service worker only when every"
                        + " address it precaches loads, so the site would work offline nowhere");
            }
        }
    }

    /** The site's version: a digest of what its pages and files are made from (see the class). */
    static String version(BuildContext context, Templates templates) throws Exception {
        Hashing hash = new Hashing().add(VERSION_KEY).add(MarkataVersion.current().stamp()).add(templates.key())
                .add(SiteView.fingerprint(context)).add(SiteView.feedsKey(context));
        ContentDigests digests = ContentDigests.of(context);
        for (Post post : context.posts()) {
            hash.add(post.path()).add(digests.ofLoaded(post));
        }
        hash.add(AssetDigests.of(context, context.site().assetsDir(), CopyAssetsPlugin.files(context)));
        context.get(Icons.KEY).ifPresent(icons -> hash.add(icons.digest()));
        return hash.hex();
    }
}
