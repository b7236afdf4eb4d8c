package dev.markata.plugins.icon_resize;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.config.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The keys markata's icon_resize reads from {@code [markata]}: {@code icon} (the site's icon:
 * a path from the site folder, else from {@code assets_dir}) and {@code icon_out_file} (whose
 * file name's stem and suffix name the resized files; default: the icon's). Both are top-level
 * keys, as in markata.
 *
 * @param icon    the icon as written, empty when the site has none (then the plugin does nothing)
 * @param outFile {@code icon_out_file} as written, if given
 * @param markata the table, for errors naming the key
 */
record IconConfig(Optional<String> icon, Optional<String> outFile, ConfigTable markata) {

    /** The suffixes of the resized files this plugin can write (from the suffix, as markata's Pillow does). */
    static final List<String> WRITABLE = List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp", ".ico");

    static final ConfigSection<IconConfig> SECTION = new ConfigSection<>("icon_resize", IconConfig::read);

    private static IconConfig read(ConfigTable section, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        Optional<String> icon = problems.read(() -> markata.optionalString("icon"), Optional.empty());
        Optional<String> outFile = problems.read(() -> markata.optionalString("icon_out_file"), Optional.empty());
        if (icon.isPresent() && icon.get().isBlank()) {
            problems.add(markata.error("icon", "must be the path of an image (\"static/icon.png\"), not empty"));
            icon = Optional.empty();
        }
        problems.throwIfAny();
        return new IconConfig(icon, outFile.filter(f -> !f.isBlank()), markata);
    }

    /**
     * The icon's file, as markata finds it: the path from the site folder if that file exists,
     * else from {@code assets_dir}.
     *
     * @throws ConfigException naming both places when neither holds the file
     */
    Path iconFile(SiteConfig site) throws ConfigException {
        String written = icon.orElseThrow();
        Path fromSite = site.directory().resolve(written).normalize();
        if (Files.isRegularFile(fromSite)) {
            return fromSite;
        }
        Path fromAssets = site.assetsDir().resolve(written).normalize();
        if (Files.isRegularFile(fromAssets)) {
            return fromAssets;
        }
        throw markata.error("icon", "no such file: looked for " + fromSite + " and " + fromAssets
                + "; the icon is a path from the site folder or from assets_dir");
    }

    /**
     * The file name the resized icons are named after ({@code <stem>_<w>x<h><suffix>}): that of
     * {@code icon_out_file}, else the icon's; its suffix says the format written.
     *
     * @throws ConfigException when the suffix is not one this plugin can write
     */
    OutName outName() throws ConfigException {
        String key = outFile.isPresent() ? "icon_out_file" : "icon";
        String name = Path.of(outFile.orElseGet(icon::orElseThrow)).getFileName().toString();
        int dot = name.lastIndexOf('.');
        String suffix = dot > 0 ? name.substring(dot) : "";
        if (!WRITABLE.contains(suffix.toLowerCase(Locale.ROOT))) {
            throw markata.error(key, key.equals("icon")
                    ? "markata-java resizes icons that are " + String.join(", ", WRITABLE) + " files (the resized"
                            + " ones keep the icon's format); use a copy of the icon in one of them"
                    : "its suffix names the format of the resized icons, and markata-java writes "
                            + String.join(", ", WRITABLE));
        }
        return new OutName(name.substring(0, dot), suffix);
    }

    /** The stem and suffix of the resized icons' names ({@code icon}, {@code .png}). */
    record OutName(String stem, String suffix) {

        String file(int width, int height) {
            return stem + "_" + width + "x" + height + suffix;
        }

        /** The suffix in lower case without its dot: the format to write. */
        String format() {
            String format = suffix.substring(1).toLowerCase(Locale.ROOT);
            return format.equals("jpg") ? "jpeg" : format;
        }
    }
}
