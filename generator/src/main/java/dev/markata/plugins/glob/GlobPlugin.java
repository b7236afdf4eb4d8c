package dev.markata.plugins.glob;

import dev.markata.config.ConfigException;
import dev.markata.config.SiteConfig;
import dev.markata.config.TomlValues;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code markata.plugins.glob}: finds the site's documents. Walks the site folder once,
 * skipping hidden folders, the output and cache folders and whatever {@code .gitignore} and
 * {@code .markataignore} exclude (ignored folders are not entered), and keeps the files that
 * match a glob pattern.
 */
public final class GlobPlugin implements Plugin {

    public static final String ID = "markata.plugins.glob";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        GlobConfig config = setup.config(GlobConfig.SECTION);
        setup.hook(Stage.GLOB, context -> context.setSourceFiles(find(context, config)));
    }

    private static List<Path> find(BuildContext context, GlobConfig config) throws IOException {
        SiteConfig site = context.site();
        List<Path> found = DocumentRules.of(site, config).under(site.directory(), context.reporter()::warn);
        if (found.isEmpty()) {
            context.reporter().warn("no documents match glob_patterns " + TomlValues.show(config.globPatterns())
                    + " in " + site.directory() + " (hidden folders, output_dir " + site.outputDir()
                    + " and ignored files are not read)");
        }
        return found;
    }

    /**
     * The first file under {@code folder} that would be a document if the build read it, though
     * it is the output folder (where a build writes no Markdown): {@code markata clean} asks
     * before it removes output_dir.
     */
    public static Optional<Path> documentIn(Path folder, SiteConfig site, GlobConfig config) throws IOException {
        return documents(site, config, folder).stream().findFirst().map(site.directory()::resolve);
    }

    /** The documents under {@code start} (the site folder, or a folder in it), relative to the site folder, sorted. */
    private static List<Path> documents(SiteConfig site, GlobConfig config, Path start) throws IOException {
        return DocumentRules.of(site, config).under(start);
    }
}
