package dev.markata.plugins.copy_assets;

import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code markata.plugins.copy_assets}: copies {@code assets_dir} (default {@code static}) into
 * the output folder, keeping its layout. A file whose copy already has the same size and is not
 * older than the source is left alone; symbolic links are not followed out of the folder.
 */
public final class CopyAssetsPlugin implements Plugin {

    public static final String ID = "markata.plugins.copy_assets";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.SAVE, CopyAssetsPlugin::copy);
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
