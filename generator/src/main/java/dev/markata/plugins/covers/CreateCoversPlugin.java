package dev.markata.plugins.covers;

import dev.markata.config.ConfigException;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.List;

/**
 * {@code markata.plugins.create_covers}: markata's first covers plugin, which its covers plugin
 * grew out of (not another name of it: its keys and file names are its own). Every post's title
 * is drawn on {@code [markata] cover_template} in {@code cover_font} and
 * {@code cover_font_color} ({@link CoversConfig#CREATE_COVERS}), written to
 * {@code <output_dir>/<stem of the post's file>.png} ({@code posts/my-post.md} is
 * {@code my-post.png}, whatever its slug), in save, by the covers plugin's drawing: only a cover
 * whose title, template, font or colour changed is drawn again (keys in
 * {@code .markata.cache/create_covers.tsv}).
 *
 * <p>Where it differs from markata's: the colour is the one asked for (markata reads
 * {@code cover_font_color} and draws white); the title is fitted into markata's box (200 pixels in
 * from the sides, 100 from top and bottom, of the template's size) as the covers plugin fits it,
 * where markata only shrank it below 800 pixels wide, so a long title ran past the box; markata's
 * plugin measures with Pillow's {@code textsize}, which Pillow 10 removed, so it fails there.
 * Not in the default set.
 */
public final class CreateCoversPlugin implements Plugin {

    public static final String ID = "markata.plugins.create_covers";
    static final String KEYS_FILE = "create_covers.tsv";
    /** Its fonts' copies apart from the covers plugin's, which deletes the copies it does not load. */
    static final String FONTS_FOLDER = "create_covers";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        CoversConfig cover = setup.config(CoversConfig.CREATE_COVERS);
        cover.checkFiles(setup.site().directory());
        setup.hook(Stage.SAVE, context -> CoversPlugin.draw(context, List.of(cover), KEYS_FILE,
                post -> SitePaths.stem(post.path()), FONTS_FOLDER)); // markata's Path(path).stem
    }
}
