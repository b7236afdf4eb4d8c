package dev.markata.plugins.icon_resize;

import dev.markata.plugin.StateKey;
import java.util.List;

/**
 * The resized icons of this build, as markata's {@code markata.icons} lists them for the web app
 * manifest: {@code src} (the file's name, in the output folder's root), {@code sizes}
 * ({@code "<width>x<width>"}, as markata writes it), {@code type} and {@code purpose}.
 *
 * @param icons  in size order
 * @param digest the digest of the icon's file, for keys of what shows the icons
 */
public record Icons(List<Icon> icons, String digest) {

    /** Set by {@code markata.plugins.icon_resize} in render; absent when the site has no icon. */
    public static final StateKey<Icons> KEY = new StateKey<>("icons", Icons.class);

    public Icons {
        icons = List.copyOf(icons);
    }

    /** One entry of the manifest's {@code icons}. */
    public record Icon(String src, String sizes, String type, String purpose) {
    }
}
