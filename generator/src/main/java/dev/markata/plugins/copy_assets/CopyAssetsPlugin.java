package dev.markata.plugins.copy_assets;

import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code markata.plugins.copy_assets}: copies {@code assets_dir} (default {@code static}) into
 * the output folder, keeping its layout. A file whose copy already has the same size and is not
 * older than the source is left alone; symbolic links are not followed out of the folder. An
 * asset where a post's page goes is an error.
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

    /**
     * An asset at a post's page (static/about/index.html and posts/about.md) is an error, as two
     * posts with one slug are: both were written to one file, the asset winning while the post
     * was unchanged and the page once it was edited. Only files named index.html can be a page.
     */
    private static void checkPostPagesAreFree(BuildContext context) throws Exception {
        Path assets = context.site().assetsDir();
        if (!Files.isDirectory(assets) || assets.equals(context.output().root())) {
            return;
        }
        Set<String> pages = new HashSet<>();
        try (var walk = Files.walk(assets)) {
            walk.filter(f -> f.getFileName().toString().equals("index.html"))
                    .forEach(f -> pages.add(assets.relativize(f).toString().replace('\\', '/')));
        }
        List<String> clashes = new ArrayList<>();
        for (Post post : context.posts()) {
            if (pages.contains(post.outputPath())) {
                clashes.add(context.site().directory().relativize(assets.resolve(post.outputPath())).toString()
                        .replace('\\', '/') + ": is also the page of " + post.path() + " (" + post.outputPath()
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
        if (!Files.isDirectory(assets) || assets.equals(context.output().root())) {
            return;
        }
        List<Path> files;
        try (var walk = Files.walk(assets)) {
            files = walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        context.map(files, f -> assets.relativize(f).toString(), file -> copyOne(context, assets, file));
    }

    private static boolean copyOne(BuildContext context, Path assets, Path file) throws IOException {
        String relative = assets.relativize(file).toString().replace('\\', '/');
        Path target = context.output().resolve(relative);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(file)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(file)) >= 0) {
            return false;
        }
        return context.output().write(relative, Files.readAllBytes(file));
    }
}
