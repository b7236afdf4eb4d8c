package dev.markata.cli;

import dev.markata.config.Config;
import dev.markata.config.ConfigException;
import dev.markata.config.ConfigLoader;
import dev.markata.config.ConfigProblems;
import dev.markata.config.SiteConfig;
import dev.markata.content.ChangingTreeVisitor;
import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.plugins.glob.DocumentRules;
import dev.markata.plugins.glob.GlobConfig;
import dev.markata.plugins.load.PydanticBool;
import dev.markata.plugins.post_template.RawIncludes;
import dev.markata.plugins.post_template.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The files of a site a build reads, as {@code serve --watch} asks about a file that changed:
 * {@code markata.toml}, {@code pyproject.toml} and the ignore files; the documents (the glob's
 * own rules, {@link DocumentRules}); everything in {@code templates_dir} and {@code assets_dir},
 * also where they are outside the site folder ({@link #outside});
 * and every file the configuration names (a cover's font or template, the icon, the service
 * worker's template, the redirects file; also one that is not there yet, and one outside the
 * site folder, watched where it is); and the template file a post names in its front matter
 * ({@code template: layouts/special.html}), known from the last build; and the files the
 * {@code include_raw} tags of the templates and of the last build's posts show
 * ({@link RawIncludes}). Anything else (a log the server's output goes
 * to through {@code tee}, an editor's swap or backup file, a note beside the posts) is no reason
 * to build: rebuilding for it looped for ever when the build's own messages went to such a file.
 * Where file events are coarse (macOS's watcher polls, and reports a folder whose times changed)
 * only an input's change builds too. Nothing under {@code output_dir} or {@code .markata.cache}
 * is ever an input.
 */
final class SiteInputs {

    /** The site-folder files that configure the build, whatever the configuration says. */
    private static final List<String> CONFIG_FILES = List.of(ConfigLoader.MARKATA_TOML, ConfigLoader.PYPROJECT_TOML,
            ".gitignore", ".markataignore");

    private final Path site;
    private final Path outputDir;
    private final Path cacheDir;
    /** Folders read whole (templates, assets). */
    private final List<Path> folders;
    /** The templates folder (one of {@link #folders}), or null when the configuration never loaded. */
    private final Path templatesDir;
    /** Files the configuration names, in the site folder or outside it, and the posts' template files. */
    private final Set<Path> named;
    /** The {@code template} of each post of the last build that had posts to ask (kept while builds fail). */
    private final Set<String> postTemplates;
    /**
     * The files the {@code include_raw} tags of those posts show ({@link RawIncludes}), and those
     * the posts that are symbolic links lead to ({@link #linkTarget}); kept alike.
     */
    private final Set<Path> postIncludes;
    /** The folders outside the site folder to watch ({@link #outside}). */
    private final List<Path> outside;
    /** The glob's rules; null when the configuration does not load (only its files matter then). */
    private final DocumentRules documents;
    /** The file the site's settings came from ({@code markata.toml}, {@code pyproject.toml}); null: none set any. */
    private final Path settingsFile;

    /** {@code folders}: the templates folder first, then the assets folder; none when not known. */
    private SiteInputs(Path site, Path outputDir, List<Path> folders, Set<Path> named, Set<String> postTemplates,
                       Set<Path> postIncludes, DocumentRules documents, Path settingsFile) {
        this.site = site;
        this.outputDir = outputDir;
        this.cacheDir = site.resolve(SiteConfig.CACHE_DIR_NAME);
        this.folders = List.copyOf(folders);
        this.templatesDir = folders.isEmpty() ? null : folders.get(0);
        this.named = Set.copyOf(named);
        this.postTemplates = Set.copyOf(postTemplates);
        this.postIncludes = Set.copyOf(postIncludes);
        this.documents = documents;
        this.settingsFile = settingsFile;
        this.outside = outsideFolders(site, this.folders, this.named);
    }

    /**
     * The inputs of the site in {@code site} as its configuration is now, before any build has
     * told which posts there are.
     */
    static SiteInputs of(Path site, Map<String, String> environment, SiteInputs previous, Path outputDir) {
        return of(site, environment, previous, outputDir, null);
    }

    /**
     * The inputs of the site in {@code site} as its configuration is now, with the template
     * files that {@code posts} (those of the build just done; null when it failed) name in their
     * front matter ({@code template: layouts/special.html}, read from the site folder as markata
     * reads it), else those {@code previous} knew. When the configuration does not load (a slip
     * being fixed), the inputs of {@code previous} (null: only the configuration's files, which
     * are all a fix can change), with {@code outputDir} still left out.
     */
    static SiteInputs of(Path site, Map<String, String> environment, SiteInputs previous, Path outputDir,
                         List<Post> posts) {
        Path folder = site.toAbsolutePath().normalize();
        Set<String> postTemplates = new HashSet<>();
        Set<Path> postIncludes = new HashSet<>();
        if (posts != null) {
            posts.stream().map(Post::template).filter(Objects::nonNull).forEach(postTemplates::add);
            posts.stream().filter(post -> PydanticBool.of(post.extra().get("jinja")).orElse(false))
                    .forEach(post -> postIncludes.addAll(RawIncludes.files(folder, post.content())));
            posts.forEach(post -> linkTarget(folder.resolve(post.path())).ifPresent(postIncludes::add));
        } else if (previous != null) {
            postTemplates.addAll(previous.postTemplates);
            postIncludes.addAll(previous.postIncludes);
        }
        try {
            Config config = new ConfigLoader(environment).load(folder);
            SiteConfig siteConfig = config.site();
            Set<Path> named = new HashSet<>();
            collectNamed(siteConfig.directory(), config.markata().asMap().values(), named);
            collectNamed(siteConfig.directory(), postTemplates, named);
            named.addAll(postIncludes);
            named.addAll(templateIncludes(siteConfig.directory(), siteConfig.templatesDir(), named));
            Path settings = settingsFile(folder);
            if (settings == null && previous != null && previous.settingsFile != null
                    && Files.isRegularFile(previous.settingsFile)) {
                // emptied while the build ran (these inputs are found after it): still the file
                // the settings come from, so that the next build waits for them and does not take
                // markata's defaults; deleted, it is none
                settings = previous.settingsFile;
            }
            return new SiteInputs(siteConfig.directory(), siteConfig.outputDir(),
                    List.of(siteConfig.templatesDir(), siteConfig.assetsDir()), named, postTemplates, postIncludes,
                    DocumentRules.of(siteConfig, config.section(GlobConfig.SECTION)), settings);
        } catch (ConfigException | IOException e) {
            if (previous != null && previous.outputDir.equals(outputDir) && posts == null) {
                return previous;
            }
            if (previous == null) {
                return new SiteInputs(folder, outputDir, List.of(), postIncludes, postTemplates, postIncludes, null,
                        null);
            }
            Set<Path> named = new HashSet<>(previous.named);
            collectNamed(previous.site, postTemplates, named);
            named.addAll(postIncludes);
            return new SiteInputs(previous.site, outputDir, previous.folders, named, postTemplates, postIncludes,
                    previous.documents, previous.settingsFile);
        }
    }

    /**
     * The file a post that is a symbolic link leads to (through every link on the way), which a
     * build reads: an edit of it changes nothing in the folder the link is in, so its own folder
     * is watched too (outside the site folder, or one of the site the glob does not enter).
     * Empty for a post that is no link, or a link to nothing now.
     */
    private static Optional<Path> linkTarget(Path post) {
        if (!Files.isSymbolicLink(post)) {
            return Optional.empty();
        }
        try {
            return Optional.of(post.toRealPath());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    /**
     * The configuration file a build would read now that sets nothing (empty, or comments only),
     * where the site's settings came from a file when these inputs were found: an editor that
     * truncates {@code markata.toml} and writes it a moment later, or one still being typed. A
     * build now would be one with markata's defaults, which the author never asked for (into
     * another output folder, with another title and glob). Empty otherwise: also when the file
     * was deleted (the settings are then {@code pyproject.toml}'s or the defaults, as a build
     * takes them) or does not load (the build says where it is wrong).
     */
    Optional<Path> emptiedSettings() {
        if (settingsFile == null) {
            return Optional.empty();
        }
        Config now;
        try {
            now = new ConfigLoader(Map.of()).load(site, new ConfigProblems());
        } catch (ConfigException e) {
            return Optional.empty();
        }
        if (!now.markata().keys().isEmpty()) {
            return Optional.empty();
        }
        // "defaults": pyproject.toml without [tool.markata], or no file at all
        Path read = now.source().equals(ConfigLoader.DEFAULTS) ? settingsFile : site.resolve(now.source());
        return Files.isRegularFile(read) ? Optional.of(read) : Optional.empty();
    }

    /**
     * The file the settings of the site in {@code folder} come from, without the environment's
     * ({@code MARKATA_TITLE} sets a key without any file); null when no file sets any.
     */
    private static Path settingsFile(Path folder) throws ConfigException {
        Config config = new ConfigLoader(Map.of()).load(folder, new ConfigProblems());
        return config.markata().keys().isEmpty() ? null : folder.resolve(config.source());
    }

    /**
     * Whether {@code path} is one of the files that configure the build, whatever the
     * configuration says ({@code markata.toml}, {@code pyproject.toml}, the ignore files).
     */
    boolean configures(Path path) {
        return site.equals(path.getParent()) && CONFIG_FILES.contains(path.getFileName().toString());
    }

    /**
     * Whether a build reads {@code path} (absolute, in the site folder) or, for a folder, a file
     * under it. {@code wasFolder}: the path was a watched folder (it is gone, or was moved).
     */
    boolean reads(Path path, boolean wasFolder) {
        if (!path.startsWith(site) && outside().stream().noneMatch(path::startsWith)
                || path.startsWith(outputDir) || path.startsWith(cacheDir)) {
            return false;
        }
        if (!wasFolder && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return holdsInput(path);
        }
        // a watched folder that went (a new one of its name may be there already: what the
        // old one held is gone all the same)
        boolean folder = wasFolder;
        if (configures(path)) {
            return true;
        }
        for (Path read : folders) {
            if (path.startsWith(read) && !(read.equals(templatesDir) && Templates.isEditorsFile(path))
                    || folder && read.startsWith(path)) {
                return true;
            }
        }
        for (Path file : named) {
            if (path.startsWith(file) || folder && file.startsWith(path)) {
                return true;
            }
        }
        if (documents == null) {
            return false;
        }
        if (!folder) {
            // a link to nothing (Emacs's lock file .#post.md) is no document, one to a file is, as the glob sees them
            return documents.isDocument(path) && (!Files.isSymbolicLink(path) || Files.isRegularFile(path));
        }
        return documents.mayHoldDocuments(path); // gone: what it held is not known
    }

    /**
     * Whether folder {@code dir} (in the site folder or one of {@link #outside}) may hold a file
     * a build reads, so that it is watched: the site folder, templates_dir and assets_dir with
     * their folders (hidden ones too: assets are copied as they are), the folders on the way to
     * them and to the files the configuration names, and the folders the glob enters where a
     * pattern may match. Not a folder .gitignore leaves out ({@code node_modules}: thousands of
     * watches, walked after every build, past the system's limit at worst), nor a hidden one
     * outside those two ({@code .git}).
     */
    boolean watches(Path dir) {
        if (dir.equals(site)) {
            return true;
        }
        if (dir.startsWith(outputDir) || dir.startsWith(cacheDir)) {
            return false;
        }
        for (Path read : folders) {
            if (dir.startsWith(read) || read.startsWith(dir)) {
                return true;
            }
        }
        for (Path file : named) {
            if (file.startsWith(dir)) {
                return true;
            }
        }
        return documents != null && documents.mayHoldDocuments(dir);
    }

    /**
     * Whether {@code link}, a folder that is a symbolic link, is entered to watch what it holds:
     * templates_dir and assets_dir, one of them being a link or holding one (a theme shared by
     * several sites), as a build reads their files through links; and the way to a file the
     * configuration names. Not a link among the documents' folders: the glob follows none (as
     * Python's pathlib), and one to a big tree ({@code vendor -> /usr}) would be thousands of
     * watches.
     */
    boolean followsLink(Path link) {
        for (Path read : folders) {
            if (link.startsWith(read) || read.startsWith(link)) {
                return true;
            }
        }
        return named.stream().anyMatch(file -> file.startsWith(link));
    }

    /**
     * The folders outside the site folder to watch besides it: those read whole ({@code
     * templates_dir = "../theme"} shared by several sites; not one the site folder is in), and
     * the folder of each file outside it the configuration names ({@code redirects_file =
     * "../shared/_redirects"}, a cover's font in {@code /usr/share/fonts/...}), or the nearest
     * folder above it that is there when that folder is not yet (never the file system's root).
     */
    List<Path> outside() {
        return outside;
    }

    private static List<Path> outsideFolders(Path site, List<Path> folders, Set<Path> named) {
        Set<Path> outside = new LinkedHashSet<>();
        for (Path folder : folders) {
            if (!folder.startsWith(site) && !site.startsWith(folder)) {
                outside.add(folder);
            }
        }
        for (Path file : named) {
            if (file.startsWith(site)) {
                continue;
            }
            Path folder = file.getParent();
            while (folder != null && !Files.isDirectory(folder)) {
                folder = folder.getParent();
            }
            if (folder != null && folder.getParent() != null) {
                outside.add(folder);
            }
        }
        return List.copyOf(outside);
    }

    /**
     * Whether an existing folder (moved in, created with its files, or made empty) holds a file
     * a build reads: a new empty folder among the templates built the site for nothing, and its
     * first file built it again. A file saved in it after it is watched is an event of its own;
     * one saved before is found here. Only folders that may hold one are entered ({@link #watches}).
     */
    private boolean holdsInput(Path folder) {
        if (!watches(folder)) {
            return false;
        }
        boolean[] found = {false};
        try {
            Files.walkFileTree(folder, new ChangingTreeVisitor(folder) {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(folder) || watches(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    found[0] = !attrs.isDirectory() && reads(file, false);
                    return found[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return true; // changing while it is read: build, the build sees what it holds
        }
        return found[0];
    }

    /**
     * The files the {@code include_raw} tags of the templates show ({@link RawIncludes}): those of
     * the templates folder, and the page templates among {@code named} (a post's
     * {@code template: layouts/special.html}, {@code post_template} by its path).
     */
    private static Set<Path> templateIncludes(Path site, Path templatesDir, Set<Path> named) throws IOException {
        Set<Path> templates = new LinkedHashSet<>(named);
        if (Files.isDirectory(templatesDir)) {
            for (Path file : SitePaths.walk(templatesDir)) {
                if (Files.isRegularFile(file) && !Templates.isEditorsFile(file)) {
                    templates.add(file);
                }
            }
        }
        Set<Path> included = new HashSet<>();
        for (Path file : templates) {
            try {
                if (Files.isRegularFile(file) && Files.size(file) < 1 << 20) {
                    included.addAll(RawIncludes.files(site, Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException | UncheckedIOException e) {
                // changing, or not text (an image the configuration names): no tag to find
            }
        }
        return included;
    }

    /**
     * The files that the configuration's text values name, in tables and lists: paths from the
     * site folder, in it or outside it ({@code "../shared/_redirects"}), and absolute paths of
     * files that are there (a system font); an absolute path of nothing is a page's address
     * ({@code "/archive/"}, {@code "/rss.xml"}), which names no file.
     */
    private static void collectNamed(Path site, Collection<?> values, Set<Path> named) {
        for (Object value : values) {
            if (value instanceof Map<?, ?> table) {
                collectNamed(site, table.values(), named);
            } else if (value instanceof Collection<?> list) {
                collectNamed(site, list, named);
            } else if (value instanceof String text && !text.isBlank() && !text.contains("://")
                    && text.length() < 1024 && !text.contains("\n")) {
                try {
                    Path path = site.resolve(text).normalize();
                    boolean file = path.startsWith(site) || !Path.of(text).isAbsolute() || Files.isRegularFile(path);
                    // a folder named (a feed's slug "blog", a title "posts") is rarely one read whole
                    if (file && !site.startsWith(path) && !Files.isDirectory(path)) {
                        named.add(path);
                    }
                } catch (InvalidPathException notAPath) {
                    // text that is no path on this system names no file
                }
            }
        }
    }
}
