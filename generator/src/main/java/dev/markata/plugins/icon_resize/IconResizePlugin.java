package dev.markata.plugins.icon_resize;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.SiteConfig;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.StateKey;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.skip.KeyFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.icon_resize}: the site's icon ({@code [markata] icon}, a path from the
 * site folder or from {@code assets_dir}) resized to markata's widths, 48, 72, 96, 144, 192, 256,
 * 384 and 512 pixels, its height following its shape, and written to the output folder's root as
 * {@code <stem>_<width>x<height><suffix>}, the stem and suffix those of {@code icon_out_file}
 * (default: the icon's own name; {@code icon.png} gives {@code icon_48x48.png}...). The suffix
 * says the format, as with markata's Pillow: {@code .png}, {@code .jpg}, {@code .gif},
 * {@code .bmp} or {@code .ico} (an ICO holding PNG images of 16 to 256 pixels). The icon may be
 * a PNG, JPEG, GIF, BMP or ICO file. A site without {@code icon} gets nothing, as in markata.
 *
 * <p>In render the icons are listed ({@link Icons}) for the web app manifest, and templates see
 * them in {@code config.icons} ({@link #configIcons}), as markata's render appends them there; in
 * save they are written. Only what changed is made again: each file's key (the
 * icon's digest and the file's name) is kept in {@code .markata.cache/icon_resize.tsv}, and a
 * file whose key is unchanged and which is still in the output folder is not decoded, resized or
 * written, so a warm build reads the icon's bytes and nothing more. markata writes a file only
 * when it is missing, so a replaced icon kept its old sizes until the output folder was
 * removed; here a replaced icon is resized again.
 */
public final class IconResizePlugin implements Plugin {

    public static final String ID = "markata.plugins.icon_resize";

    /** markata's widths, in its order. */
    static final List<Integer> WIDTHS = List.of(48, 72, 96, 144, 192, 256, 384, 512);
    /** markata states every icon fit for any use and for masking. */
    static final String PURPOSE = "any maskable";
    /** The largest icon resized (sides in pixels): its pixels are held in memory a few times over. */
    static final int MAX_SIDE = 4096;
    static final String KEYS_FILE = "icon_resize.tsv";

    /** The icon's bytes and name (as messages show it), what render found, and the format to write. */
    private record Plan(byte[] bytes, String name, String digest, String format, List<Output> outputs) {
    }

    /** One file to write: its name and size. */
    private record Output(String file, int width, int height) {
    }

    private static final StateKey<Plan> PLAN = new StateKey<>("icon_resize plan", Plan.class);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        IconConfig config = setup.config(IconConfig.SECTION);
        if (config.icon().isEmpty()) {
            return;
        }
        Path icon = config.iconFile(setup.site());
        IconConfig.OutName out = config.outName();
        setup.hook(Stage.RENDER, context -> list(context, icon, out));
        setup.hook(Stage.SAVE, IconResizePlugin::save);
    }

    private static void list(BuildContext context, Path icon, IconConfig.OutName out) throws PluginException {
        String name = shown(context, icon);
        byte[] bytes;
        IconImages.Header header;
        try {
            bytes = Files.readAllBytes(icon);
        } catch (IOException e) {
            throw new PluginException(name + ": the icon ([markata] icon) cannot be read: " + e.getMessage(), e);
        }
        try {
            header = IconImages.header(bytes);
        } catch (IOException | RuntimeException e) {
            throw unreadable(name, e);
        }
        if (header.width() > MAX_SIDE || header.height() > MAX_SIDE) {
            throw new PluginException(name + ": the icon is " + header.width() + " x " + header.height()
                    + " pixels; markata-java resizes icons of up to " + MAX_SIDE + " x " + MAX_SIDE
                    + " (the largest it writes is 512 wide): use a smaller copy");
        }
        List<Output> outputs = new ArrayList<>();
        for (int width : WIDTHS) {
            int height = height(header, width);
            if (height < 1) {
                throw new PluginException(name + ": the icon is " + header.width() + " x " + header.height()
                        + " pixels, too wide for its height to be a pixel at " + width + " wide; use an icon about"
                        + " as high as it is wide");
            }
            outputs.add(new Output(out.file(width, height), width, height));
        }
        List<Icons.Icon> icons = icons(header, out);
        String digest = new Hashing().add(bytes).hex();
        context.put(PLAN, new Plan(bytes, name, digest, out.format(), outputs));
        context.put(Icons.KEY, new Icons(icons, digest));
    }

    /** markata's {@code int(height * (width / w))}: the same double arithmetic, truncated. */
    private static int height(IconImages.Header header, int width) {
        return (int) ((double) header.height() * ((double) width / (double) header.width()));
    }

    /** The resized icons as markata lists them: {@code sizes} is {@code <width>x<width>}, as markata writes it. */
    private static List<Icons.Icon> icons(IconImages.Header header, IconConfig.OutName out) {
        String type = "image/" + (out.format().equals("ico") ? "x-icon" : out.format());
        List<Icons.Icon> icons = new ArrayList<>();
        for (int width : WIDTHS) {
            icons.add(new Icons.Icon(out.file(width, height(header, width)), width + "x" + width, type, PURPOSE));
        }
        return icons;
    }

    /**
     * The resized icons as templates see them in {@code config.icons}, after the site's own
     * {@code [[markata.icons]]}: markata's icon_resize appends them there in render, so pages
     * (rendered last in render, and the feeds in save) loop over every size. Each entry a table
     * of {@code src}, {@code sizes}, {@code type} and {@code purpose}, in markata's order. None
     * when the plugin does not run or the site has no icon; none either for an icon that is no
     * image, which the plugin's render names.
     */
    public static List<Map<String, String>> configIcons(PluginSetup setup) throws ConfigException {
        if (!setup.runs(ID)) {
            return List.of();
        }
        return setup.config(CONFIG_ICONS).get(setup.site(), setup);
    }

    /**
     * {@link #configIcons} of one build, made on first ask: a section is read once per build, so
     * the icon's header is read once however many plugins make templates (the holder is compared
     * by identity: a record holding the site would hash it through ObjectMethods on every build's
     * first use, a cost the project keeps out of start-up).
     */
    private static final ConfigSection<ConfigIcons> CONFIG_ICONS = new ConfigSection<>("icon_resize",
            (section, markata) -> new ConfigIcons());

    private static final class ConfigIcons {
        private List<Map<String, String>> entries;

        synchronized List<Map<String, String>> get(SiteConfig site, PluginSetup setup) {
            if (entries == null) {
                entries = read(site, setup);
            }
            return entries;
        }

        /** What is wrong with the settings or the file, the plugin's own register or render says. */
        private static List<Map<String, String>> read(SiteConfig site, PluginSetup setup) {
            IconImages.Header header;
            IconConfig.OutName out;
            try {
                IconConfig config = setup.config(IconConfig.SECTION);
                if (config.icon().isEmpty()) {
                    return List.of();
                }
                out = config.outName();
                header = IconImages.header(Files.readAllBytes(config.iconFile(site)));
            } catch (ConfigException | IOException | RuntimeException e) {
                return List.of();
            }
            if (header.width() < 1 || header.width() > MAX_SIDE || header.height() > MAX_SIDE
                    || height(header, WIDTHS.get(0)) < 1) {
                return List.of();
            }
            List<Map<String, String>> entries = new ArrayList<>();
            for (Icons.Icon icon : icons(header, out)) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("src", icon.src());
                entry.put("sizes", icon.sizes());
                entry.put("type", icon.type());
                entry.put("purpose", icon.purpose());
                entries.add(Collections.unmodifiableMap(entry));
            }
            return List.copyOf(entries);
        }
    }

    private static void save(BuildContext context) throws Exception {
        Plan plan = context.get(PLAN).orElse(null);
        if (plan == null) {
            return;
        }
        Path keysFile = context.cacheDir().resolve(KEYS_FILE);
        Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
        Map<String, String> keys = new HashMap<>();
        List<Output> todo = new ArrayList<>();
        for (Output output : plan.outputs()) {
            String key = Hashing.of(plan.digest(), output.file());
            keys.put(output.file(), key);
            if (!key.equals(previous.get(output.file())) || !Files.isRegularFile(context.output().resolve(output.file()))) {
                todo.add(output);
            } else {
                context.output().keep(output.file()); // unchanged since the build that resized it
            }
        }
        if (!todo.isEmpty()) {
            BufferedImage image = decode(plan); // once; then each size on the build threads
            context.map(todo, Output::file, output -> {
                BufferedImage resized = Lanczos.resize(image, output.width(), output.height());
                byte[] encoded;
                try {
                    encoded = IconImages.encode(resized, plan.format());
                } catch (IOException e) {
                    throw new PluginException(plan.name() + ": the icon could not be written as " + output.file()
                            + ": " + e.getMessage(), e);
                }
                return context.output().write(output.file(), encoded);
            });
        }
        context.writeCache(keysFile, () -> KeyFile.write(keysFile, keys, previous));
    }

    private static BufferedImage decode(Plan plan) throws PluginException {
        try {
            BufferedImage image = IconImages.decode(plan.bytes());
            if (image == null) {
                throw new IOException("it holds no image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw unreadable(plan.name(), e);
        }
    }

    private static PluginException unreadable(String name, Exception e) {
        return new PluginException(name + ": the icon ([markata] icon) cannot be read as an image: " + e.getMessage()
                + "; markata-java reads " + IconImages.READABLE + " files", e);
    }

    /** The icon's path as messages show it: from the site folder when it is inside. */
    private static String shown(BuildContext context, Path icon) {
        Path site = context.site().directory();
        return icon.startsWith(site) ? SitePaths.slashed(site.relativize(icon)) : icon.toString();
    }
}
