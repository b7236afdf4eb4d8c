package dev.markata.plugins.covers;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.content.OutputDir;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.feeds.FeedsPlugin;
import dev.markata.plugins.load.SourceStamp;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.skip.KeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code markata.plugins.covers}: a cover image per post and per {@code [[markata.covers]]}
 * entry, the post's title drawn onto the entry's template, written to
 * {@code <output_dir>/<slug><name>.png} (and a copy per {@code resizes} width,
 * {@code <slug><name>_<w>x<h>.png}), in save, as markata's covers does. Like markata's, it sets
 * nothing on the post: templates name the file from the slug ({@code /{{ post.slug }}-og.png}).
 *
 * <p>Drawing is the expensive part (an image decoded, text set, a PNG encoded per cover), so a
 * cover is drawn again only when what it shows may have changed: its key hashes the title, the
 * second text, the entry's configuration and the bytes of its template and fonts (and the Java
 * version, whose rasterizer sets the pixels). The keys of the last build are
 * {@code .markata.cache/covers.tsv}, one line per cover file; a cover whose key is unchanged and
 * whose files are all in {@code output_dir} is left alone, so a warm build draws nothing and
 * loads no image or font. markata itself skips any cover whose file exists, and so kept a stale
 * title after an edit. Without a font file the title is set in the system's {@code SansSerif},
 * which the key cannot see: installing other fonts does not redraw covers (a clean build does).
 * The covers to draw are one task per post on the build executor, so the
 * profiler shows each document's drawing; the template and fonts are loaded once, before them.
 */
public final class CoversPlugin implements Plugin {

    public static final String ID = "markata.plugins.covers";
    static final String KEYS_FILE = "covers.tsv";
    /** The keys file's names of a template's or font's digest start with this (no cover file does). */
    private static final String FILE_KEY = "file:";

    @Override
    public String id() {
        return ID;
    }

    /**
     * Whether this build draws a cover named {@code name} ({@code [[markata.covers]] name}) for
     * every post, at {@code <slug><name>.png} under {@code output_dir}: markata's seo plugin
     * points {@code og:image} at {@code <slug>-og.png}.
     */
    public static boolean draws(PluginSetup setup, String name) throws ConfigException {
        return setup.runs(ID) && setup.config(CoversConfig.SECTION).stream().anyMatch(c -> c.name().equals(name));
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        List<CoversConfig> covers = setup.config(CoversConfig.SECTION);
        if (covers.isEmpty()) {
            return;
        }
        ConfigProblems problems = new ConfigProblems();
        for (CoversConfig cover : covers) {
            problems.read(() -> {
                cover.checkFiles(setup.site().directory());
                return null;
            }, null);
        }
        problems.throwIfAny();
        setup.hook(Stage.SAVE, context -> draw(context, covers, KEYS_FILE, Post::slug, ""));
    }

    /** A post's covers to draw: indexes into the configured covers, with the second text of each. */
    private record Job(Post post, String stem, String title, List<Integer> covers, List<String> texts) {
    }

    /**
     * Draws the covers of every post that changed, each cover's files named from
     * {@code stemOf(post)} (the slug here; the source file's stem for create_covers), the keys of
     * the covers drawn kept in {@code keysFileName} of the cache, the copies of their fonts in
     * {@code fontsFolder} of it ("" for the cache itself): each plugin deletes the copies it no
     * longer loads, and would delete another's in a shared folder.
     */
    static void draw(BuildContext context, List<CoversConfig> covers, String keysFileName,
                     Function<Post, String> stemOf, String fontsFolder) throws Exception {
        Path fontsCache = fontsFolder.isEmpty() ? context.cacheDir() : context.cacheDir().resolve(fontsFolder);
        Path site = context.site().directory();
        OutputDir output = context.output();
        Path keysFile = context.cacheDir().resolve(keysFileName);
        Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
        Map<String, String> keys = new HashMap<>();
        List<String> shared = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        for (CoversConfig cover : covers) {
            shared.add(sharedKey(cover, site, previous, keys));
            // the resized copies' names hold their height, which follows the template's size
            sizes.add(cover.resizes().isEmpty() ? new int[] {1, 1} : CoverArt.size(cover, site));
        }
        Map<String, Post> drawer = drawers(context, stemOf);
        List<Job> jobs = new ArrayList<>();
        for (Post post : context.posts()) {
            String title = post.title() == null ? "" : post.title();
            String stem = stemOf.apply(post);
            if (drawer.get(stem) != post) {
                continue;
            }
            List<Integer> toDraw = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < covers.size(); i++) {
                CoversConfig cover = covers.get(i);
                String text = cover.textKey().map(field -> FeedsPlugin.fields(post, context.site()).get(field))
                        .map(String::valueOf).orElse(null);
                List<String> names = CoverArt.fileNames(cover, stem, sizes.get(i)[0], sizes.get(i)[1]);
                String key = new Hashing().add(shared.get(i)).add(stem).add(title).add(text).hex();
                keys.put(names.get(0), key);
                if (!key.equals(previous.get(names.get(0))) || !allExist(output, names)) {
                    toDraw.add(i);
                    texts.add(text);
                } else {
                    names.forEach(output::keep); // unchanged since the build that drew them
                }
            }
            if (!toDraw.isEmpty()) {
                jobs.add(new Job(post, stem, title, toDraw, texts));
            }
        }
        if (!jobs.isEmpty()) {
            List<CoverArt> art = new ArrayList<>();
            Set<Path> fontCopies = new HashSet<>();
            for (CoversConfig cover : covers) {
                CoverArt loaded = CoverArt.load(cover, site, fontsCache, context::writeCache);
                art.add(loaded);
                fontCopies.addAll(loaded.fontCopies());
            }
            context.writeCache(fontsCache, () -> CoverArt.deleteOtherFontCopies(fontsCache, fontCopies));
            context.map(jobs, job -> job.post().path(), job -> drawPost(output, art, job));
        }
        context.writeCache(keysFile, () -> KeyFile.write(keysFile, keys, previous));
    }

    /**
     * The post whose covers each file name gets: the last in source order with that name, as
     * markata's loop leaves the file (two of create_covers' posts in different folders have one
     * file stem), with a warning; drawing both, in parallel, left either one's.
     */
    private static Map<String, Post> drawers(BuildContext context, Function<Post, String> stemOf) {
        Map<String, List<Post>> byStem = new LinkedHashMap<>();
        for (Post post : context.posts()) {
            byStem.computeIfAbsent(stemOf.apply(post), stem -> new ArrayList<>()).add(post);
        }
        Map<String, Post> drawer = new HashMap<>();
        byStem.forEach((stem, posts) -> {
            Post last = posts.get(posts.size() - 1);
            drawer.put(stem, last);
            if (posts.size() > 1) {
                context.reporter().warn(String.join(", ", posts.stream().map(Post::path).toList())
                        + " all have the cover " + stem + ".png: " + last.path() + "'s is drawn, the last, as in markata");
            }
        });
        return drawer;
    }

    private static boolean drawPost(OutputDir output, List<CoverArt> art, Job job) throws Exception {
        boolean written = false;
        for (int j = 0; j < job.covers().size(); j++) {
            Map<String, byte[]> files = art.get(job.covers().get(j)).draw(job.stem(), job.title(),
                    job.texts().get(j));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                try {
                    written |= output.write(file.getKey(), file.getValue());
                } catch (IllegalArgumentException e) {
                    throw new PluginException(job.post().path() + ": the cover named \"" + job.stem()
                            + "\" " + e.getMessage());
                }
            }
        }
        return written;
    }

    private static boolean allExist(OutputDir output, List<String> names) {
        for (String name : names) {
            try {
                if (!Files.isRegularFile(output.resolve(name))) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false; // drawn, and the write names the problem
            }
        }
        return true;
    }

    /**
     * What every cover of one entry depends on besides the post: its settings and its files'
     * bytes. A file's digest is kept in the keys file under {@code file:<path>} with its
     * {@link SourceStamp}, so a warm build reads no template or font (a font is often larger than
     * all the posts: hashing one of 700 KB three times, once per entry and key naming it, was
     * 130 ms of a 690 ms warm build of the example blog with two covers).
     */
    private static String sharedKey(CoversConfig cover, Path site, Map<String, String> previous,
            Map<String, String> keys) throws IOException {
        Hashing hash = new Hashing().add(System.getProperty("java.version"))
                .add(cover.name()).addValue(cover.padding()).addValue(cover.textPadding()).addValue(cover.resizes())
                .add(Integer.toHexString(cover.fontColor().argb())).add(Integer.toHexString(cover.textFontColor().argb()))
                .add(cover.textKey().orElse(null));
        for (Optional<String> file : List.of(cover.template(), cover.font(), cover.textFont())) {
            hash.add(file.orElse(null));
            if (file.isPresent()) {
                String name = FILE_KEY + file.get();
                String stored = keys.get(name);
                if (stored == null) {
                    stored = SourceStamp.storedDigest(site.resolve(file.get()).normalize(), previous.get(name));
                    keys.put(name, stored);
                }
                hash.add(SourceStamp.contentDigest(stored));
            }
        }
        return hash.hex();
    }
}
