package dev.markata.plugins.glob;

import dev.markata.config.ConfigException;
import dev.markata.config.SiteConfig;
import dev.markata.config.TomlValues;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

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
        List<Path> found = documents(site, config, site.directory());
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
        Path root = site.directory();
        List<Path> ignoreFiles = new ArrayList<>();
        if (config.useGitignore()) {
            ignoreFiles.add(root.resolve(".gitignore"));
        }
        ignoreFiles.add(root.resolve(".markataignore"));
        IgnoreRules ignore = IgnoreRules.read(ignoreFiles);
        // Not java.nio's PathMatcher: its **/ needs at least one folder, Python's glob does not.
        List<Pattern> matchers = new ArrayList<>();
        for (String pattern : config.globPatterns()) {
            matchers.add(Globs.compile(pattern.startsWith("./") ? pattern.substring(2) : pattern));
        }
        if (!start.equals(root) && (!Files.isDirectory(start) || ignore.ignores(relative(root, start), true))) {
            return List.of();
        }
        // Sorted by the '/'-separated text, which is at hand: comparing paths name by name was a
        // sixth of the glob of a 10,000-post site.
        TreeMap<String, Path> found = new TreeMap<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(start)) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = relative(root, dir);
                boolean skip = dir.getFileName().toString().startsWith(".") || dir.equals(site.outputDir())
                        || dir.equals(site.cacheDir()) || ignore.ignores(relative, true);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path relativePath = relativize(root, file);
                String relative = SitePaths.slashed(relativePath);
                if (attrs.isRegularFile() && !ignore.ignores(relative, false) && matchesAny(matchers, relative)) {
                    found.put(relative, relativePath);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return List.copyOf(found.values());
    }

    private static boolean matchesAny(List<Pattern> matchers, String relative) {
        for (Pattern matcher : matchers) {
            if (matcher.matcher(relative).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path root, Path path) {
        return SitePaths.slashed(relativize(root, path));
    }

    /**
     * {@code path} relative to {@code root}, which the walk started from, so {@code path} is
     * {@code root}, a separator and the rest. Cut from the path's text: {@link Path#relativize}
     * builds a path per name on the way (a third of the glob of a 10,000-post site).
     */
    private static Path relativize(Path root, Path path) {
        String rootText = root.toString();
        String separator = root.getFileSystem().getSeparator();
        String prefix = rootText.endsWith(separator) ? rootText : rootText + separator;
        String pathText = path.toString();
        if (rootText.isEmpty() || !pathText.startsWith(prefix) || pathText.length() == prefix.length()) {
            return root.relativize(path); // not the shape a walk from root gives: the general way
        }
        return root.getFileSystem().getPath(pathText.substring(prefix.length()));
    }
}
