package dev.markata.plugins.load;

import dev.markata.content.Post;
import dev.markata.content.PostDate;
import dev.markata.content.SitePaths;
import dev.markata.content.Utf8;
import dev.markata.content.WindowsNames;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.ExtraPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.load}: reads every source file into a {@link Post}, in parallel on the
 * build executor. Front matter keys with a typed field ({@code title, slug, date, tags,
 * published, description, template}) are checked; all other keys are kept in
 * {@link Post#extra()}. Every broken document is reported, each with its file and line.
 *
 * <p>Slugs follow markata's {@code flat_slug}: the front matter's {@code slug}, else the file
 * name without extension, slugified. Two documents with one slug are an error.
 */
public final class LoadPlugin implements Plugin {

    public static final String ID = "markata.plugins.load";
    /** The posts of the last build, under {@code .markata.cache} (see {@link LoadCache}). */
    static final String CACHE_FOLDER = "load";
    private final ThreadLocal<FrontMatter> frontMatter = ThreadLocal.withInitial(FrontMatter::new);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.LOAD, this::load);
    }

    /** Above this size a post read from disk gets a warning (blog posts are kilobytes). */
    static final long LARGE_POST_BYTES = 5L * 1024 * 1024;

    private void load(BuildContext context) throws Exception {
        Path root = context.site().directory();
        Path cacheFolder = context.cacheDir().resolve(CACHE_FOLDER);
        // A damaged cache is only a slower build: its posts are read again and it is rewritten.
        LoadCacheShards cache = LoadCacheShards.open(cacheFolder, problem -> context.reporter().warn(
                "ignoring the load cache " + problem + " (its posts are read again; the cache is rewritten)"));
        cache.expect(context.sourceFiles().stream().map(LoadPlugin::documentName).toList());
        List<Post> posts = context.map(context.sourceFiles(), LoadPlugin::documentName, file -> {
            String document = documentName(file);
            Path path = root.resolve(file);
            // Stamped before reading: a file that changes while it is read gets a newer stamp,
            // so the next build reads it again.
            SourceStamp stamp;
            Read read;
            try {
                stamp = SourceStamp.of(path);
                Optional<Post> cached = cache.get(document, stamp);
                if (cached.isPresent()) {
                    return cached.get();
                }
                read = read(document, path, context.reporter()::warn);
            } catch (NoSuchFileException gone) {
                // an editor saving by rename, a git checkout while serve --watch builds: this build
                // is of the posts that are there; the next one (the watcher saw the change) of
                // the folder as it is then
                context.reporter().warn(document + ": was deleted after the glob found it (saved by rename, or a"
                        + " checkout, while the build ran): left out of this build; the next build sees the folder"
                        + " as it is then");
                cache.gone(document);
                return null;
            }
            Post post = read.post();
            if (stamp.size() > LARGE_POST_BYTES) {
                context.reporter().warn(String.format(Locale.ROOT, "%s is %.1f MB: a post this large holds"
                        + " several times its size in memory while it renders (a 50 MB post needs about 1 GB of heap)"
                        + " and slows every build that renders it; consider splitting it", document,
                        stamp.size() / (1024.0 * 1024.0)));
            }
            cache.put(document, stamp, post, read.contentDigest());
            return post;
        });
        if (posts.stream().anyMatch(Objects::isNull)) { // not contains(null): List.of() refuses to look for null
            List<Path> found = new ArrayList<>();
            List<Post> loaded = new ArrayList<>();
            for (int i = 0; i < posts.size(); i++) {
                if (posts.get(i) != null) {
                    found.add(context.sourceFiles().get(i));
                    loaded.add(posts.get(i));
                }
            }
            context.setSourceFiles(found);
            posts = loaded;
        }
        checkSlugsAreUnique(posts);
        warnOfWindowsNames(posts, context.reporter()::warn);
        context.setPosts(posts);
        context.put(ContentDigests.KEY, new ContentDigests(cache.digests()));
        context.writeCache(cacheFolder, cache::write);
    }

    static String documentName(Path relative) {
        return SitePaths.slashed(relative);
    }

    /** A post read from its file, and the digest of its body. */
    private record Read(Post post, String contentDigest) {
    }

    private Read read(String document, Path file, Consumer<String> warn) throws IOException, PluginException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(document, bytes);
        FrontMatter.Parts parts = frontMatter.get().split(document, text);
        FrontMatter.keysGivenTwice(document, parts).forEach(warn);
        Map<String, Object> values = new LinkedHashMap<>(parts.values());
        Fields fields = new Fields(document, parts.frontMatterLines(), parts.firstLine(), values, warn);
        String title = fields.text("title");
        String slugText = fields.text("slug");
        PostDate date = fields.date("date");
        List<String> tags = fields.tags("tags");
        boolean published = fields.bool("published", false);
        String description = fields.text("description");
        String template = fields.template("template");
        String slug = slugText != null ? Slugs.slugify(slugText) : Slugs.slugify(stem(file));
        if (slug.isEmpty()) {
            throw new PluginException(document + ": has no usable slug: the "
                    + (slugText != null ? "front matter's slug \"" + slugText : "file name \"" + stem(file))
                    + "\" has no letters or digits, in any script, which slugs are spelled from; give the post a"
                    + " slug of them in its front matter (slug: my-post)");
        }
        Post post = new Post(document, slug, title, date, tags, published, description, template, parts.body(),
                values, null, null);
        return new Read(post, ContentDigests.digest(bytes, parts.bodyStart(), parts.bodyEnd()));
    }

    private static String decode(String document, byte[] bytes) throws PluginException {
        try {
            return Utf8.decode(bytes, document, "posts are");
        } catch (Utf8.Invalid e) {
            throw new PluginException(e.getMessage());
        }
    }

    private static String stem(Path file) {
        return SitePaths.stem(file.getFileName().toString());
    }

    /** Two posts with one slug would write one page: an error naming both (the subroute plugin checks again after moving slugs). */
    public static void checkSlugsAreUnique(List<Post> posts) throws PluginException {
        Map<String, String> bySlug = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Post post : posts) {
            String other = bySlug.putIfAbsent(post.slug(), post.path());
            if (other != null) {
                clashes.add(post.path() + ": has the slug \"" + post.slug() + "\" of " + other
                        + "; give one of them another slug in its front matter");
            }
        }
        if (!clashes.isEmpty()) {
            throw new PluginException(String.join("\n  ", clashes));
        }
    }

    /**
     * A slug Windows cannot make a folder of ({@code con}, {@code blog/lpt1}) builds, as in
     * markata, and Linux hosts serve it, but a checkout or deploy of the site from Windows fails
     * on it: a warning naming the post. Checked on every build, cached posts too, so the warning
     * stays until the slug changes.
     */
    static void warnOfWindowsNames(List<Post> posts, Consumer<String> warn) {
        for (Post post : posts) {
            WindowsNames.reservedPart(post.slug()).ifPresent(part -> {
                String reason = WindowsNames.problem(part).orElseThrow();
                String where = part.equals(post.slug()) ? reason : "has \"" + part + "\", which " + reason;
                warn.accept(post.path() + ": the slug \"" + post.slug() + "\" " + where + ": its page's folder cannot"
                        + " be made there, so the site cannot be checked out or deployed from Windows (Linux hosts"
                        + " serve it); if the site is ever handled on Windows, give the post another slug in its"
                        + " front matter (slug: " + windowsSafe(post.slug()) + ")");
            });
        }
    }

    /** The slug with "-post" after each part Windows cannot make, for the warning's example. */
    private static String windowsSafe(String slug) {
        List<String> parts = new ArrayList<>();
        for (String part : slug.split("/")) {
            parts.add(WindowsNames.problem(part).isPresent() ? part + "-post" : part);
        }
        return String.join("/", parts);
    }

    /** Takes the typed keys out of the front matter, with errors naming the key's line. */
    private static final class Fields {
        private final String document;
        private final List<String> lines;
        /** The file's line of the front matter's opening {@code ---}. */
        private final int firstLine;
        private final Map<String, Object> values;
        private final Consumer<String> warn;

        Fields(String document, List<String> lines, int firstLine, Map<String, Object> values, Consumer<String> warn) {
            this.document = document;
            this.lines = lines;
            this.firstLine = firstLine;
            this.values = values;
            this.warn = warn;
        }

        String text(String key) throws PluginException {
            Object value = values.remove(key);
            if (value == null) {
                return null;
            }
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            throw problem(key, value, "must be text");
        }

        /**
         * The post's page template: text, or markata's table of outputs to templates
         * ({@code {index: post.html, og: og.html}}, one page per output). A table stays in the
         * front matter, each name and template as text, for post_template; its {@code index} (or
         * none) is the page's template.
         */
        String template(String key) throws PluginException {
            if (!(values.get(key) instanceof Map<?, ?> table)) {
                return text(key);
            }
            Map<String, String> outputs = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : table.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (!name.matches(ExtraPages.OUTPUT_NAME)) {
                    throw problem(key, table, ExtraPages.OUTPUT_NAME_RULE + " (\"" + name + "\" is not)");
                }
                if (!(entry.getValue() instanceof String file) || file.isBlank()) {
                    throw problem(key, table, "every output needs a template name, like {index: post.html, og: og.html}");
                }
                outputs.put(name, file.strip());
            }
            values.put(key, outputs);
            return outputs.get("index");
        }

        boolean bool(String key, boolean fallback) throws PluginException {
            Object value = values.remove(key);
            if (value == null) {
                return fallback;
            }
            // markata's post model is pydantic's: its bool also takes yes / no, on / off, 1 / 0
            Optional<Boolean> truth = PydanticBool.of(value);
            if (truth.isEmpty()) {
                throw problem(key, value, PydanticBool.ALLOWED);
            }
            return truth.get();
        }

        List<String> tags(String key) throws PluginException {
            Object value = values.remove(key);
            if (value == null) {
                return List.of();
            }
            List<String> tags = new ArrayList<>();
            if (value instanceof String s) {
                for (String tag : s.split(",")) {
                    if (!tag.isBlank()) {
                        tags.add(tag.strip());
                    }
                }
                return tags;
            }
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item == null) {
                        // an empty item ("- " under tags:), which a post template can leave behind
                        warn.accept(problem(key, value, "the empty tag is left out").getMessage());
                        continue;
                    }
                    if (item instanceof Map || item instanceof List) {
                        throw problem(key, value, "must be a list of words, like [java, web]");
                    }
                    tags.add(String.valueOf(item).strip());
                }
                return tags;
            }
            throw problem(key, value, "must be a list of words, like [java, web]");
        }

        PostDate date(String key) throws PluginException {
            Object value = values.remove(key);
            if (value == null) {
                return null;
            }
            try {
                return DateText.parse(value);
            } catch (DateText.Refused e) {
                throw problem(key, value, e.getMessage());
            }
        }

        private PluginException problem(String key, Object value, String allowed) {
            int line = firstLine + 1;
            Pattern keyLine = Pattern.compile("^" + Pattern.quote(key) + "\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                if (keyLine.matcher(lines.get(i)).find()) {
                    line = firstLine + 1 + i;
                    break;
                }
            }
            return new PluginException(document + ":" + line + ": front matter " + key + " = " + value + ": " + allowed);
        }
    }
}
