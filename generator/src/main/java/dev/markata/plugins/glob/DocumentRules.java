package dev.markata.plugins.glob;

import dev.markata.config.SiteConfig;
import dev.markata.content.ChangingTreeVisitor;
import dev.markata.content.SitePaths;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files of a site are its documents: those a glob pattern matches, outside hidden
 * folders, the output and cache folders and what {@code .gitignore} and {@code .markataignore}
 * exclude. One set of rules for the glob stage, which walks the site with them, and for
 * {@code serve --watch}, which asks them about one file or folder that changed.
 */
public final class DocumentRules {

    private final Path root;
    private final Path outputDir;
    private final Path cacheDir;
    private final IgnoreRules ignore;
    private final List<Pattern> matchers;

    private DocumentRules(SiteConfig site, IgnoreRules ignore, List<Pattern> matchers) {
        this.root = site.directory();
        this.outputDir = site.outputDir();
        this.cacheDir = site.cacheDir();
        this.ignore = ignore;
        this.matchers = List.copyOf(matchers);
    }

    /** The rules of {@code site} now: its ignore files are read here. */
    public static DocumentRules of(SiteConfig site, GlobConfig config) throws IOException {
        Path root = site.directory();
        List<Path> ignoreFiles = new ArrayList<>();
        if (config.useGitignore()) {
            ignoreFiles.add(root.resolve(".gitignore"));
        }
        ignoreFiles.add(root.resolve(".markataignore"));
        // Not java.nio's PathMatcher: its **/ needs at least one folder, Python's glob does not.
        List<Pattern> matchers = new ArrayList<>();
        for (String pattern : config.globPatterns()) {
            matchers.add(Globs.compile(pattern.startsWith("./") ? pattern.substring(2) : pattern));
        }
        return new DocumentRules(site, IgnoreRules.read(ignoreFiles), matchers);
    }

    /** The documents under {@code start} (the site folder, or a folder in it), relative to the site folder, sorted. */
    List<Path> under(Path start) throws IOException {
        return under(start, warning -> { });
    }

    /**
     * As {@link #under(Path)}. A symbolic link to a file is a document as the file would be
     * (markata's glob, Python's, yields linked files: posts shared between sites); a link to a
     * folder is not entered (no loops, no /usr under vendor/), and one where the patterns could
     * find documents is named to {@code warn}: its posts were left out without a word. A link
     * to nothing (Emacs's lock file {@code .#post.md}) is nothing.
     */
    List<Path> under(Path start, Consumer<String> warn) throws IOException {
        if (!start.equals(root) && (!Files.isDirectory(start) || ignore.ignores(relative(start), true))) {
            return List.of();
        }
        // Sorted by the '/'-separated text, which is at hand: comparing paths name by name was a
        // sixth of the glob of a 10,000-post site.
        TreeMap<String, Path> found = new TreeMap<>();
        Files.walkFileTree(start, new ChangingTreeVisitor(start) {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(start)) {
                    return FileVisitResult.CONTINUE;
                }
                return skipsFolder(dir, relative(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Path relativePath = relativize(root, file);
                String relative = SitePaths.slashed(relativePath);
                if (attrs.isSymbolicLink()) {
                    if (Files.isRegularFile(file) && matchesFile(relative)) {
                        found.put(relative, relativePath);
                    } else if (Files.isDirectory(file) && mayHoldDocuments(file)) {
                        warn.accept(relative + " is a link to a folder, which the glob does not enter: the documents"
                                + " in it are not built (link each file, or move the folder into the site)");
                    }
                } else if (attrs.isRegularFile() && matchesFile(relative)) {
                    found.put(relative, relativePath);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return List.copyOf(found.values());
    }

    /**
     * Whether {@code file} (absolute, in the site folder; it may be gone) is a document by its
     * name and folders: what the glob would find there if it is a regular file.
     */
    public boolean isDocument(Path file) {
        return file.startsWith(root) && !file.equals(root) && foldersRead(file.getParent())
                && matchesFile(relative(file));
    }

    /**
     * Whether folder {@code folder} (absolute, in the site folder; it may be gone) could hold
     * documents: the glob enters it and a pattern matches some path under it.
     */
    public boolean mayHoldDocuments(Path folder) {
        if (!folder.startsWith(root) || !foldersRead(folder)) {
            return false;
        }
        String prefix = folder.equals(root) ? "" : relative(folder) + "/";
        for (Pattern pattern : matchers) {
            Matcher matcher = pattern.matcher(prefix);
            if (matcher.matches() || matcher.hitEnd()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the glob enters {@code folder} and every folder between it and the site folder. */
    private boolean foldersRead(Path folder) {
        for (Path dir = folder; dir != null && !dir.equals(root); dir = dir.getParent()) {
            if (!dir.startsWith(root) || skipsFolder(dir, relative(dir))) {
                return false;
            }
        }
        return true;
    }

    private boolean skipsFolder(Path dir, String relative) {
        return dir.getFileName().toString().startsWith(".") || dir.equals(outputDir) || dir.equals(cacheDir)
                || ignore.ignores(relative, true);
    }

    private boolean matchesFile(String relative) {
        if (ignore.ignores(relative, false)) {
            return false;
        }
        for (Pattern matcher : matchers) {
            if (matcher.matcher(relative).matches()) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path path) {
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
