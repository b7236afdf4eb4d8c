package dev.markata.plugins.manifest;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.copy_assets.CopyAssetsPlugin;
import dev.markata.plugins.icon_resize.Icons;
import dev.markata.plugins.post_template.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.manifest}: {@code manifest.json}, the web app manifest, in the output
 * folder's root, with markata's fields in markata's order: {@code name} ({@code site_name}),
 * {@code short_name}, {@code start_url}, {@code display}, {@code background_color},
 * {@code theme_color} (as markata prints colours, {@link CssColor}), {@code description} and
 * {@code icons}: those {@code [[markata.icons]]} lists, then those
 * {@code markata.plugins.icon_resize} made (none without it, or without an {@code icon}). A key the site does not set is {@code null}, as in markata's file, and the
 * text is Python's {@code json.dump(indent=4, ensure_ascii=True)}, byte for byte.
 *
 * <p>The built-in theme links the manifest from every page ({@code <link rel="manifest">}) when
 * this plugin is in {@code hooks}, as markata's pages did; a site with its own {@code base.html}
 * adds the link itself. Written in save, once the icons are known, and only when its text changed.
 */
public final class ManifestPlugin implements Plugin {

    public static final String ID = "markata.plugins.manifest";
    static final String FILE = "manifest.json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        ManifestConfig config = setup.config(ManifestConfig.SECTION);
        setup.hook(Stage.SAVE, context -> {
            CopyAssetsPlugin.refuseClash(context, FILE, ID);
            context.output().write(FILE, manifest(context, config));
        });
    }

    static String manifest(BuildContext context, ManifestConfig config) {
        List<Object> icons = new ArrayList<>(config.icons());
        for (Icons.Icon icon : context.get(Icons.KEY).map(Icons::icons).orElse(List.of())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("src", icon.src());
            entry.put("sizes", icon.sizes());
            entry.put("type", icon.type());
            entry.put("purpose", icon.purpose());
            icons.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", config.siteName().orElse(null));
        manifest.put("short_name", config.shortName().orElse(null));
        manifest.put("start_url", config.startUrl().orElse(context.site().filePath(""))); // the site's top
        manifest.put("display", config.display());
        manifest.put("background_color", config.backgroundColor().toString());
        manifest.put("theme_color", config.themeColor().toString());
        manifest.put("description", config.description().orElse(null));
        manifest.put("icons", icons);
        return PythonJson.dumps(manifest, 4, false, false);
    }
}
