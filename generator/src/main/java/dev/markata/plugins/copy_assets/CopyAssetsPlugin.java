package dev.markata.plugins.copy_assets;

import dev.markata.content.OutputRecord;
import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code markata.plugins.copy_assets}: copies {@code assets_dir} (default {@code static}) into
 * the output folder, keeping its layout. A file whose copy already has the same size and is not
 * older than the source is left alone; symbolic links are not followed out of the folder. An
 * asset where a post's page goes is an error. An {@code assets_dir} that is the output folder
 * is not copied (markata copies it onto itself): its files are where they go.
 */
public final class CopyAssetsPlugin implements Plugin {

    public static final String ID = "markata.plugins.copy_assets";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.PRE_RENDER, CopyAssetsPlugin::checkPostPagesAreFree);
        setup.hook(Stage.SAVE, CopyAssetsPlugin::copy);
    }

    /** The assets folder's files, listed once at pre_render for the check and the copy. */
    private record AssetFiles(List<Path> files) {
    }

    private static final StateKey<AssetFiles> FILES = new StateKey<>("asset files", AssetFiles.class);

    /**
     * An asset at a post's page (static/about/index.html and posts/about.md) is an error, as two
     * posts with one slug are: both were written to one file, the asset winning while the post
     * was unchanged and the page once it was edited. Only files named index.html can be a page.
     */
    private static void checkPostPagesAreFree(BuildContext context) throws Exception {
        Path assets = context.site().assetsDir();
        List<Path> files = files(context);
        Set<String> pages = new HashSet<>();
        for (Path file : files) {
            if (file.getFileName().toString().equals("index.html")) {
                pages.add(SitePaths.slashed(assets.relativize(file)));
            }
        }
        List<String> clashes = new ArrayList<>();
        for (Post post : context.posts()) {
            if (pages.contains(post.outputPath())) {
                clashes.add(SitePaths.slashed(context.site().directory().relativize(assets.resolve(post.outputPath())))
                        + ": is also the page of " + post.path() + " (" + post.outputPath()
                        + "), and one would overwrite the other; rename the asset, or give the post another slug in"
                        + " its front matter");
            }
        }
        if (!clashes.isEmpty()) {
            throw new PluginException(String.join("\n  ", clashes));
        }
    }

    private static void copy(BuildContext context) throws Exception {
        Path assets = context.site().assetsDir();
        context.map(files(context), f -> assets.relativize(f).toString(), file -> copyOne(context, assets, file));
    }

    /**
     * The regular files of the assets folder (links in it not followed; the folder may be one), sorted; none when there is no
     * such folder or it is the output folder. Walked once per build: the check at pre_render and
     * the copy at save read the same list (and the service worker's version, after them).
     */
    public static List<Path> files(BuildContext context) throws IOException {
        Optional<AssetFiles> known = context.get(FILES);
        if (known.isPresent()) {
            return known.get().files();
        }
        Path assets = context.site().assetsDir();
        List<Path> files = List.of();
        if (Files.isDirectory(assets) && !assets.equals(context.output().root())) {
            files = SitePaths.walk(assets).stream().filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        }
        context.put(FILES, new AssetFiles(files));
        return files;
    }

    /** What earlier builds wrote to an output folder that is also assets_dir, read once per build. */
    private record EarlierOutput(Set<String> names) {
    }

    private static final StateKey<EarlierOutput> EARLIER = new StateKey<>("earlier output", EarlierOutput.class);

    /**
     * Whether {@code relative} is a file of the author's in {@code assets_dir}. Where
     * {@code output_dir} is {@code assets_dir}, a file an earlier build wrote there (its home page,
     * its manifest.json) is the build's own, not the author's.
     */
    public static boolean isAsset(BuildContext context, String relative) {
        if (!Files.isRegularFile(context.site().assetsDir().resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!context.site().outputIsAssets()) {
            return true;
        }
        Optional<EarlierOutput> known = context.get(EARLIER);
        EarlierOutput earlier = known.orElseGet(
                () -> new EarlierOutput(OutputRecord.lastMade(context.cacheDir(), context.output().root())));
        if (known.isEmpty()) {
            context.put(EARLIER, earlier);
        }
        return !earlier.names().contains(relative);
    }

    /**
     * Fails when the assets folder holds {@code relative}, a file plugin {@code writer} makes in
     * the output folder ({@code manifest.json}, {@code service-worker.js}): the copy and the
     * plugin's file would take the same place, the one written last winning.
     */
    public static void refuseClash(BuildContext context, String relative, String writer) throws PluginException {
        Path asset = context.site().assetsDir().resolve(relative);
        if (isAsset(context, relative)) {
            throw new PluginException(SitePaths.slashed(context.site().directory().relativize(asset)) + ": is also the"
                    + " file " + writer + " writes (" + relative + "), and one would overwrite the other; remove the"
                    + " asset, or " + writer + " from hooks");
        }
    }

    private static boolean copyOne(BuildContext context, Path assets, Path file) throws IOException {
        String relative = SitePaths.slashed(assets.relativize(file));
        Path target = context.output().resolve(relative);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(file)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(file)) >= 0) {
            context.output().keep(relative); // copied by an earlier build, and still the asset
            return false;
        }
        return context.output().write(relative, Files.readAllBytes(file));
    }
}
