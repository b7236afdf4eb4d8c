package dev.markata.cli;

import dev.markata.config.Config;
import dev.markata.config.ConfigException;
import dev.markata.config.ConfigLoader;
import dev.markata.config.TomlValues;
import dev.markata.plugins.glob.DocumentRules;
import dev.markata.plugins.glob.GlobConfig;
import dev.markata.plugins.load.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code markata new post TITLE} and {@code markata new blog DIR}. */
@Command(name = "new",
        description = "Creates a site (new blog DIR) or a post in one (new post TITLE).",
        subcommands = {NewCommand.Blog.class, NewCommand.Post.class})
final class NewCommand {

    @Mixin
    HelpOption help;

    @ParentCommand
    Main main;

    /**
     * {@code markata new post TITLE}: writes {@code posts/<slug>.md} with front matter, or into
     * the folder glob_patterns read when they do not read posts/ (markata's blog starter reads
     * pages/).
     */
    @Command(name = "post",
            description = "Creates posts/<slug>.md (or in the folder glob_patterns read), a draft.")
    static final class Post implements Callable<Integer>, Main.WithOptions {

        @Mixin
        HelpOption help;

        @ParentCommand
        NewCommand parent;

        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "TITLE", description = "The post's title.")
        String title;

        @Override
        public CommonOptions options() {
            return options;
        }

        @Override
        public Integer call() throws Exception {
            String slug = Slugs.slugify(title);
            if (slug.isEmpty()) {
                throw new UsageException("the title \"" + title + "\" has no letters or digits, in any script, to"
                        + " make a file name from; give a title with some and change the title in the post's front"
                        + " matter afterwards");
            }
            requireSiteFolder(options.directory);
            Placed placed = place(options.directory, slug + ".md", parent.main.environment);
            Path file = options.directory.resolve(placed.relative()).normalize();
            if (Files.exists(file)) {
                throw new UsageException(file + " already exists; choose another title");
            }
            for (Path folder = file.getParent(); folder != null; folder = folder.getParent()) {
                if (Files.exists(folder)) {
                    if (!Files.isDirectory(folder)) {
                        throw new UsageException(folder + " is a file, not a folder: the post cannot go there;"
                                + " nothing was written");
                    }
                    break;
                }
            }
            Files.createDirectories(file.getParent());
            String text = "---\n"
                    + "title: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                    + "date: " + LocalDate.now() + "\n"
                    + "published: false\n"
                    + "tags: []\n"
                    + "description: \"\"\n"
                    + "---\n\n"
                    + "Write here.\n";
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Main main = parent.main;
            main.out.println(file);
            placed.warnings().forEach(warning -> main.err.println("warning: " + warning));
            if (!options.quiet) {
                // the default home page and feeds list published posts only: without this line a
                // first build showed "No posts yet." and nothing said why
                main.err.println(placed.relative() + " is a draft (published: false): builds make its page, but leave"
                        + " it out of the home page and the feeds of published posts until it says published: true");
            }
            return ExitCodes.OK;
        }

        /**
         * The site folder must be there: {@code -d nosuch} (a typo in the site's name, or -d taken
         * for the post's own folder) made the folder and posts/ in it without a word, a post no
         * build reads.
         */
        private static void requireSiteFolder(Path directory) throws UsageException {
            if (Files.isDirectory(directory)) {
                return;
            }
            throw new UsageException(directory + ": " + (Files.exists(directory) ? "a file, not a site folder"
                    : "no such site folder") + " (-d names the site's folder, not the post's: the post goes into the"
                    + " folder the site's glob_patterns read, posts/ by default); markata new blog "
                    + Main.shellWord(directory.toString()) + " makes a new site");
        }

        /**
         * Where a new post goes, relative to the site folder, and warnings: the configuration's
         * (run in posts/, the site is the folder above), and when builds will not read it there.
         */
        record Placed(String relative, List<String> warnings) {
            Placed {
                warnings = List.copyOf(warnings);
            }
        }

        /**
         * posts/ when builds read a post there, else the first folder a glob pattern names that
         * they read it in (pages/ for {@code pages/**}{@code /*.md}); posts/ with a warning when
         * none is. A configuration that does not load leaves the post in posts/: the build
         * reports that configuration.
         */
        static Placed place(Path directory, String name, Map<String, String> environment) throws IOException {
            String usual = "posts/" + name;
            Config config;
            GlobConfig glob;
            try {
                config = new ConfigLoader(environment).load(directory);
                glob = config.section(GlobConfig.SECTION);
            } catch (ConfigException e) {
                // the build reports the configuration again; the author learns now where the post went and why
                return new Placed(usual, List.of(String.join("; ", e.problems()) + "; the post went to posts/, where"
                        + " builds of the default glob_patterns read it"));
            }
            List<String> configWarnings = new ArrayList<>(config.warnings());
            if (config.source().equals(ConfigLoader.DEFAULTS) && configWarnings.isEmpty()) {
                // no site here, and none above or beside (those warnings name it): a wrong folder,
                // or a post before new blog
                configWarnings.add(directory.toAbsolutePath().normalize() + " has no markata.toml (nor [tool.markata]"
                        + " in a pyproject.toml): builds there use markata's defaults; markata new blog makes a site"
                        + " with one");
            }
            DocumentRules rules = DocumentRules.of(config.site(), glob);
            Set<String> folders = new LinkedHashSet<>();
            folders.add("posts/");
            for (String pattern : glob.globPatterns()) {
                folders.add(literalFolder(pattern));
            }
            for (String folder : folders) {
                String relative = folder + name;
                if (rules.isDocument(config.site().directory().resolve(relative).normalize())) {
                    return new Placed(relative, configWarnings);
                }
            }
            List<String> warnings = new ArrayList<>(configWarnings);
            warnings.add("builds do not read " + usual + ": it is not matched by glob_patterns "
                    + TomlValues.show(glob.globPatterns()) + " in " + config.source()
                    + ", or .gitignore or .markataignore leave it out");
            return new Placed(usual, warnings);
        }

        /** The folders a glob pattern names before its first wildcard, with a trailing '/' ("" for none). */
        private static String literalFolder(String pattern) {
            String[] parts = (pattern.startsWith("./") ? pattern.substring(2) : pattern).split("/");
            StringBuilder folder = new StringBuilder();
            for (int i = 0; i < parts.length - 1 && !parts[i].matches(".*[*?\\[{].*"); i++) {
                folder.append(parts[i]).append('/');
            }
            return folder.toString();
        }
    }

    /**
     * {@code markata new blog DIR} (also {@code new site}), as in markata: a site that builds, with
     * a markata.toml that names the settings a newcomer changes first, one published post, so the
     * first build's home page lists it, and a .gitignore for what builds write. markata copies a
     * starter repository with copier; this needs no network.
     */
    @Command(name = "blog", aliases = "site",
            description = "Creates a new site in DIR, with a first post.")
    static final class Blog implements Callable<Integer> {

        @Mixin
        HelpOption help;

        @ParentCommand
        NewCommand parent;

        @Parameters(paramLabel = "DIR", description = "The folder of the new site (made if missing).")
        Path directory;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new UsageException(directory + " is a file; give a folder for the new site");
            }
            for (Path above = directory.toAbsolutePath().normalize().getParent(); above != null; above = above.getParent()) {
                if (Files.exists(above)) {
                    if (!Files.isDirectory(above)) {
                        throw new UsageException(directory + " cannot be made: " + above + " is a file, not a folder;"
                                + " nothing was written");
                    }
                    break;
                }
            }
            if (Files.exists(directory.resolve(ConfigLoader.MARKATA_TOML))) {
                throw new UsageException(directory + " is a site already (it has a markata.toml); nothing was written");
            }
            Path absolute = directory.toAbsolutePath().normalize();
            String title = absolute.getFileName() == null ? "My Site" : absolute.getFileName().toString();
            Map<Path, String> files = new LinkedHashMap<>();
            files.put(directory.resolve(ConfigLoader.MARKATA_TOML), markataToml(title, directory));
            files.put(directory.resolve("posts/hello-world.md"), firstPost());
            files.put(directory.resolve(".gitignore"), "markout/\n.markata.cache/\n");
            for (Path file : files.keySet()) {
                if (Files.exists(file)) {
                    throw new UsageException(file + " exists already; nothing was written");
                }
            }
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Files.createDirectories(file.getKey().toAbsolutePath().getParent());
                Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            }
            Main main = parent.main;
            String folder = Main.shellWord(directory.toString());
            main.out.println("created a site in " + directory + ":");
            files.keySet().forEach(file -> main.out.println("  " + file));
            main.out.println("next:");
            main.out.println("  markata build --directory " + folder + "     then open "
                    + directory.resolve("markout/index.html").toAbsolutePath().normalize().toUri() + " in a browser");
            main.out.println("  markata new post \"A Title\" --directory " + folder);
            return ExitCodes.OK;
        }

        private static String markataToml(String title, Path directory) {
            return "# The site's settings, read as Python markata reads them. Build the site with\n"
                    + "#   markata build --directory " + Main.shellWord(directory.toString()) + "\n"
                    + "[markata]\n"
                    + "title = " + TomlValues.show(title) + "\n"
                    + "description = \"\"\n"
                    + "# the site's address: feeds, the sitemap and shared links use it\n"
                    + "url = \"https://example.com\"\n"
                    + "# where builds write the site, and the folder copied into it as it is (images, CSS)\n"
                    + "output_dir = \"markout\"\n"
                    + "assets_dir = \"static\"\n"
                    + "# the build profiler: a report in markout/_profile/ of where each build spent its time\n"
                    + "# hooks = [\"default\", \"markata.plugins.pyinstrument\"]\n"
                    + "\n"
                    + "[markata.glob]\n"
                    + "glob_patterns = [\"posts/**/*.md\"]\n"
                    + "\n"
                    + "# the links in the header of every page (label = address)\n"
                    + "[markata.nav]\n"
                    + "Home = \"/\"\n"
                    + "Archive = \"/archive/\"\n";
        }

        private static String firstPost() {
            return "---\n"
                    + "title: \"Hello, World\"\n"
                    + "date: " + LocalDate.now() + "\n"
                    + "published: true\n"
                    + "tags: [hello]\n"
                    + "description: \"The first post of this site.\"\n"
                    + "---\n\n"
                    + "The first post. Edit it in `posts/hello-world.md`, or write another with\n\n"
                    + "    markata new post \"My Second Post\"\n\n"
                    + "which starts as a draft (`published: false`): set `published: true` when it is ready,\n"
                    + "and build again.\n";
        }
    }
}
