package dev.markata.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The core's own settings from {@code [markata]}, with markata's defaults. Plugin settings are
 * not here: each plugin reads its own {@link ConfigSection}.
 *
 * @param directory     the site's folder (absolute, normalized)
 * @param outputDir     where pages are written (absolute); never the site folder or above it
 * @param cacheDir      {@code <directory>/.markata.cache}
 * @param assetsDir     static files folder (absolute)
 * @param templatesDir  the site's templates folder (absolute), looked up before the built-in theme
 * @param hooks         the plugin selection as written ("default" not yet expanded)
 * @param disabledHooks plugins removed from the selection
 * @param workers       threads for per-document work (default: available processors)
 */
public record SiteConfig(Path directory, Path outputDir, Path cacheDir, Path assetsDir, Path templatesDir,
                         List<String> hooks, List<String> disabledHooks, String url, String title,
                         String description, String authorName, String authorEmail, String lang,
                         int workers) {

    /** markata's output folder when {@code output_dir} is not set. */
    public static final String DEFAULT_OUTPUT_DIR = "markout";

    public static final String CACHE_DIR_NAME = ".markata.cache";

    public SiteConfig {
        hooks = List.copyOf(hooks);
        disabledHooks = List.copyOf(disabledHooks);
    }

    /**
     * An address ({@code url}, {@code images_url}) to put a path after: without the space and the
     * slashes at its end, so {@code base + "/" + slug + "/"} has one slash between. markata joins
     * {@code str(url)} and {@code "/" + slug} the same way in its feeds, seo tags and dev.to
     * copies (which gives {@code https://example.com//slug/}, as pydantic's AnyUrl ends a bare host
     * with {@code /}); here every plugin that does that join uses this one rule.
     */
    public static String baseUrl(String url) {
        return url.strip().replaceFirst("/+$", "");
    }

    /** {@link #baseUrl(String)} of {@code url}. */
    public String baseUrl() {
        return baseUrl(url);
    }

    /** Reads the core settings; a wrong value is noted in {@code problems} and its default kept. */
    static SiteConfig read(Path directory, ConfigTable markata, ConfigProblems problems) {
        Path outputDir = problems.read(() -> outputDir(directory, markata), directory.resolve(DEFAULT_OUTPUT_DIR));
        int processors = Runtime.getRuntime().availableProcessors();
        long workers = problems.read(() -> markata.integer("workers", processors, w -> w >= 1 && w <= 1024,
                "must be a whole number of threads from 1 to 1024"), (long) processors);
        SiteConfig site = new SiteConfig(directory, outputDir, directory.resolve(CACHE_DIR_NAME),
                directory.resolve(problems.read(() -> markata.string("assets_dir", "static"), "static")).normalize(),
                directory.resolve(problems.read(() -> markata.string("templates_dir", "templates"), "templates"))
                        .normalize(),
                problems.read(() -> markata.stringList("hooks", List.of("default")), List.of("default")),
                problems.read(() -> markata.stringList("disabled_hooks", List.of()), List.of()),
                problems.read(() -> markata.string("url", ""), ""),
                problems.read(() -> markata.string("title", "Markata Site"), "Markata Site"),
                problems.read(() -> markata.string("description", ""), ""),
                problems.read(() -> markata.string("author_name", ""), ""),
                problems.read(() -> markata.string("author_email", ""), ""),
                problems.read(() -> markata.string("lang", "en"), "en"), (int) workers);
        // the build writes output_dir and markata clean removes it: never the site's own folders,
        // but for assets_dir itself, where image sites write their pages beside the images (as
        // markata does: it copies the folder onto itself); then the copy is nothing, and only the
        // files builds wrote there are removed (OutputRecord, markata clean)
        if (!outputDir.equals(site.assetsDir())
                && (site.assetsDir().startsWith(outputDir) || outputDir.startsWith(site.assetsDir()))) {
            problems.add(markata.error("output_dir", "is inside the assets folder (assets_dir), or holds it; the build"
                    + " writes output_dir and markata clean removes it: choose a folder of its own, like \"markout\","
                    + " or assets_dir itself"));
        }
        apart(outputDir, site.templatesDir(), "the templates folder (templates_dir)", markata, problems);
        return site;
    }

    /** Whether {@code output_dir} is {@code assets_dir}: the pages are written beside the author's assets. */
    public boolean outputIsAssets() {
        return outputDir.equals(assetsDir);
    }

    private static void apart(Path outputDir, Path own, String what, ConfigTable markata, ConfigProblems problems) {
        if (own.startsWith(outputDir) || outputDir.startsWith(own)) {
            problems.add(markata.error("output_dir", "is " + what + ", or holds or is inside it; the build writes"
                    + " output_dir and markata clean removes it: choose a folder of its own, like \"markout\""));
        }
    }

    private static Path outputDir(Path directory, ConfigTable markata) throws ConfigException {
        String output = markata.string("output_dir", DEFAULT_OUTPUT_DIR);
        if (output.isBlank()) {
            throw markata.error("output_dir", "must be a folder name, not empty");
        }
        Path outputDir = directory.resolve(output).normalize();
        if (directory.startsWith(outputDir)) {
            throw markata.error("output_dir",
                    "must be a folder inside or beside the site, not the site folder or one above it");
        }
        if (java.nio.file.Files.exists(outputDir) && !java.nio.file.Files.isDirectory(outputDir)) {
            // found here, before anything is rendered, rather than by the first write in save
            throw markata.error("output_dir", "is a file (" + outputDir + "), where the build writes the site's"
                    + " folder: move the file, or choose another output_dir");
        }
        return outputDir;
    }
}
