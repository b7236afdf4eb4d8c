package dev.markata.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * @param pathPrefix    markata's {@code path_prefix}: the path the site is served under,
 *                      {@code "project/"} (no leading slash, one at the end), or {@code ""} at
 *                      the top of the host ({@link #pagePath})
 */
public record SiteConfig(Path directory, Path outputDir, Path cacheDir, Path assetsDir, Path templatesDir,
                         List<String> hooks, List<String> disabledHooks, String url, String title,
                         String description, String authorName, String authorEmail, String lang,
                         int workers, String pathPrefix) {

    /** markata's output folder when {@code output_dir} is not set. */
    public static final String DEFAULT_OUTPUT_DIR = "markout";

    public static final String CACHE_DIR_NAME = ".markata.cache";

    /** Compiled once: {@link #baseUrl()} is asked for each page's address, in every feed. */
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    /**
     * One segment of {@code path_prefix}: characters a URL path may hold as they are (RFC 3986's
     * unreserved and sub-delims, {@code @}, a {@code %} escape), so the prefix is written into
     * links and feeds without escaping.
     */
    private static final String PREFIX_SEGMENT = "[A-Za-z0-9._~!$&'()*+,;=@%-]+";

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
        return TRAILING_SLASHES.matcher(url.strip()).replaceFirst("");
    }

    /** {@link #baseUrl(String)} of {@code url}. */
    public String baseUrl() {
        return baseUrl(url);
    }

    /**
     * The address of the page of {@code slug} from the top of the host: {@code /my-post/},
     * {@code /} for the home page ({@code index}); under a {@code path_prefix} of
     * {@code "project/"}, {@code /project/my-post/} and {@code /project/}, as markata's
     * templates write {@code /{{ config.path_prefix }}{{ post.slug }}/}. Files stay where they
     * are in {@code output_dir}: the prefix is where the host serves that folder (a GitHub
     * Pages project site, {@code https://user.github.io/project/}).
     */
    public String pagePath(String slug) {
        return slug.equals("index") || slug.isEmpty() ? "/" + pathPrefix : "/" + pathPrefix + slug + "/";
    }

    /**
     * The full address of the page of {@code slug}: {@link #baseUrl()} then {@link #pagePath}
     * ({@code https://user.github.io/project/my-post/}), for canonical links, feeds and sitemaps.
     */
    public String pageUrl(String slug) {
        return baseUrl() + pagePath(slug);
    }

    /**
     * The address {@code output_dir} is served at, without a {@code /} at its end: {@link #baseUrl()}
     * followed by the {@code path_prefix} ({@code https://user.github.io/project}), for addresses
     * of pages and images that name the host (feeds, canonical links).
     */
    public String servedUrl() {
        return pathPrefix.isEmpty() ? baseUrl() : baseUrl() + "/" + pathPrefix.substring(0, pathPrefix.length() - 1);
    }

    /**
     * A warning when {@code url} already ends with {@code path_prefix}: addresses naming the host
     * are {@code url} + the prefix + the page (as markata's feed templates join them), so they
     * would name the prefix twice.
     */
    Optional<String> prefixInUrl(String source) {
        String path = baseUrl().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "") + "/";
        if (pathPrefix.isEmpty() || !path.endsWith("/" + pathPrefix)) {
            return Optional.empty();
        }
        String host = baseUrl().substring(0, baseUrl().length() - pathPrefix.length());
        return Optional.of(source + ": [markata] url = \"" + url + "\" ends with path_prefix \"" + pathPrefix
                + "\": feeds, sitemaps and canonical links put the prefix after url, so they name it twice ("
                + baseUrl() + "/" + pathPrefix + "my-post/); set url to the address without it, \"" + host + "\"");
    }

    /** The path of a file at the top of {@code output_dir} ({@code rss.xml}) from the top of the host. */
    public String filePath(String name) {
        return "/" + pathPrefix + name;
    }

    /**
     * {@code nav}, the links of every page's header, is markata's table of label = address
     * ({@code [markata.nav] About = "/about/"}), which its nav.html and the built-in theme walk
     * with {@code .items()}: a list, or markata-go's {@code [[markata.nav]]}, failed every page in
     * render with "Cannot find method items ... SizeLimitingPyList".
     */
    private static Void checkNav(ConfigTable markata) throws ConfigException {
        Object nav = markata.raw("nav").orElse(null);
        if (nav == null) {
            return null;
        }
        if (!(nav instanceof Map<?, ?> links)) {
            throw markata.error("nav", "must be a table of label = address, as markata's nav.html reads it:"
                    + " [markata.nav] About = \"/about/\"");
        }
        for (Map.Entry<?, ?> link : links.entrySet()) {
            if (!(link.getValue() instanceof String)) {
                throw markata.table("nav").error(String.valueOf(link.getKey()), "must be an address, like \"/about/\"");
            }
        }
        return null;
    }

    /**
     * {@code [markata.head]}'s meta, link and script are lists of tables, one a tag, whose keys
     * markata's head.html and the built-in theme walk with {@code .items()}: a single
     * {@code [markata.head.meta]} table, or a list of strings, failed every page in render.
     */
    private static Void checkHead(ConfigTable markata) throws ConfigException {
        Object head = markata.raw("head").orElse(null);
        if (head == null) {
            return null;
        }
        if (head instanceof List<?>) {
            // markata's config model refuses it too (head is its HeadConfig)
            throw markata.error("head", "must be a table of meta, link, script and text lists, as [[markata.head.text]]"
                    + " value = \"<style>...</style>\" makes it; [[markata.head]] makes head a list, which pages do not"
                    + " show");
        }
        if (!(head instanceof Map)) {
            throw markata.error("head", "must be a table ([markata.head] with meta, link, script and text)");
        }
        ConfigTable table = markata.table("head");
        for (String tag : List.of("meta", "link", "script")) {
            Object entries = ((Map<?, ?>) head).get(tag);
            if (entries != null && !(entries instanceof List<?> list && list.stream().allMatch(Map.class::isInstance))) {
                throw table.error(tag, "must be a list of tables, one a tag, as markata's head.html reads it: [[markata.head."
                        + tag + "]] " + (tag.equals("meta") ? "name = \"...\" content = \"...\""
                        : tag.equals("link") ? "rel = \"...\" href = \"...\"" : "src = \"...\""));
            }
        }
        return null;
    }

    /** Reads the core settings; a wrong value is noted in {@code problems} and its default kept. */
    static SiteConfig read(Path directory, ConfigTable markata, ConfigProblems problems) {
        Path outputDir = problems.read(() -> outputDir(directory, markata), directory.resolve(DEFAULT_OUTPUT_DIR));
        problems.read(() -> checkNav(markata), null);
        problems.read(() -> checkHead(markata), null);
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
                problems.read(() -> markata.string("lang", "en"), "en"), (int) workers,
                problems.read(() -> pathPrefix(markata), ""));
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

    /**
     * {@code path_prefix} as markata's templates use it, between the {@code /} and a page's slug:
     * {@code ""} or path segments each ending in {@code /} ({@code "project/"},
     * {@code "docs/v2/"}). markata takes any text and its links break with any other form
     * ({@code "/project/"} makes {@code //project/my-post/}, an address on another host;
     * {@code "project"} makes {@code /projectmy-post/}): here such a value is an error that shows
     * the form meant.
     */
    private static String pathPrefix(ConfigTable markata) throws ConfigException {
        String prefix = markata.string("path_prefix", "");
        if (prefix.isEmpty() || isPrefix(prefix)) {
            return prefix;
        }
        String meant = Arrays.stream(prefix.strip().split("/+")).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("/"));
        boolean suggest = !meant.isEmpty() && isPrefix(meant + "/");
        throw markata.error("path_prefix", "must be the path the site is served under, without a \"/\" at its start"
                + " and with one at its end, as markata writes links /{{ config.path_prefix }}{{ post.slug }}/"
                + (suggest ? ": \"" + meant + "/\" serves my-post at /" + meant + "/my-post/" : ", like \"project/\"")
                + " (\"\" for the top of the host); each part letters, digits or - . _ ~ ! $ & ' ( ) * + , ; = @ %,"
                + " not . or ..");
    }

    /** Whether {@code prefix} is path segments each ending in {@code /}, none {@code .} or {@code ..}. */
    private static boolean isPrefix(String prefix) {
        return prefix.matches("(" + PREFIX_SEGMENT + "/)+")
                && Arrays.stream(prefix.split("/")).noneMatch(s -> s.equals(".") || s.equals(".."));
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
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
            // found here, before anything is rendered, rather than by the first write in save
            throw markata.error("output_dir", "is a file (" + outputDir + "), where the build writes the site's"
                    + " folder: move the file, or choose another output_dir");
        }
        return outputDir;
    }
}
