package dev.markata.plugins.post_template;

import dev.markata.content.SitePaths;
import dev.markata.plugin.BuildContext;
import dev.markata.plugins.copy_assets.CopyAssetsPlugin;
import dev.markata.plugins.skip.KeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What markata's post_template writes in save: every CSS, JS and XSL template of the template
 * folders ({@code templates/css/app.css}, {@code templates/theme.js}), rendered with
 * {@code markata} and {@code __version__}, into the output folder's top by its file name
 * ({@code app.css}), where the site's pages link them; and of markata's own templates,
 * {@code highlight.css}, here the code themes' CSS ({@code config.style.*.highlight_styles}).
 * A file of the same name at the top of {@code assets_dir} ({@code static/app.css},
 * {@code static/highlight.css}) is the one the site gets when copy_assets runs, as in markata,
 * whatever the order of the plugins (markata's result follows it: the plugin listed first in
 * {@code hooks} writes last, and its default list has copy_assets first).
 * {@code rss.xsl} and {@code service-worker.js} are left to the feeds and service_worker
 * plugins, which write them from the same templates. Of two templates with one file name the
 * last in the folder's order is written, as markata writes both in turn. Rendered again only
 * when the templates or the settings they see changed (their key), else kept.
 */
final class LinkedTemplates {

    private static final List<String> SUFFIXES = List.of(".css", ".js", ".xsl");
    /** Files other plugins write from the template of that name. */
    private static final Set<String> WRITTEN_ELSEWHERE = Set.of("rss.xsl", "service-worker.js");
    /** markata's own template of that name, which the built-in theme has too. */
    static final String HIGHLIGHT = "highlight.css";
    private static final String KEYS_FILE = "linked-templates.tsv";

    private LinkedTemplates() {
    }

    /** @param copiesAssets whether copy_assets runs in this build, copying the site's assets over these files */
    static void write(BuildContext context, Templates templates, boolean copiesAssets) throws Exception {
        Map<String, String> files = files(context.site().templatesDir());
        // the built-in highlight.css, unless the site has its own, as a template or an asset
        files.putIfAbsent(HIGHLIGHT, HIGHLIGHT);
        if (copiesAssets) {
            // an asset of the same name is the file: markata's save hooks run in pluggy's order, the
            // plugin listed last first, so copy_assets (before post_template in markata's default
            // list) copies static/app.css over the templates/app.css post_template rendered
            files.keySet().removeIf(name -> CopyAssetsPlugin.isAsset(context, name));
        }
        Path keysFile = context.cacheDir().resolve(KEYS_FILE);
        Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
        Map<String, String> keys = new TreeMap<>();
        String key = templates.key();
        Map<String, Object> markata = null;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String output = file.getKey();
            keys.put(output, key);
            if (key.equals(previous.get(output)) && Files.isRegularFile(context.output().resolve(output))) {
                context.output().keep(output);
                continue;
            }
            if (markata == null) {
                markata = SiteView.lazyMarkata(context, templates);
            }
            context.output().write(output, templates.render(file.getValue(), file.getValue(), Map.of("markata", markata)));
        }
        context.writeCache(keysFile, () -> KeyFile.write(keysFile, keys, previous));
    }

    /** Output file name to template name, for the templates folder's CSS, JS and XSL files. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        for (Path file : SitePaths.walk(folder).stream().filter(Files::isRegularFile).sorted().toList()) {
            String name = file.getFileName().toString();
            if (!Templates.isEditorsFile(file) && SUFFIXES.stream().anyMatch(name::endsWith)
                    && !WRITTEN_ELSEWHERE.contains(name)) {
                files.put(name, SitePaths.slashed(folder.relativize(file)));
            }
        }
        return files;
    }
}
