package dev.markata.cli;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.config.ConfigLoader;
import dev.markata.config.ConfigOverrides;
import dev.markata.config.SiteConfig;
import dev.markata.content.BuildLock;
import dev.markata.content.ChangingTreeVisitor;
import dev.markata.content.Post;
import dev.markata.lifecycle.BuildException;
import dev.markata.plugin.BuildMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@code markata serve}: builds, serves output_dir on localhost and, with --watch, rebuilds and reloads. */
@Command(name = "serve",
        description = "Builds the site and serves output_dir on http://127.0.0.1 (first free port from 8000).")
final class ServeCommand implements Callable<Integer>, Main.WithOptions {

    @Mixin
    HelpOption help;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions options;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "First port to try (default: 8000).")
    int port = 8000;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1; 0.0.0.0 shares the site with your network).")
    String bind = "127.0.0.1";

    @Option(names = {"-w", "--watch"}, description = "Rebuild when a file of the site changes and reload open pages.")
    boolean watch;

    @Option(names = "--profile", negatable = true,
            description = "Profile each build (--no-profile: do not), whatever markata.toml says.")
    Boolean profile;

    /** Kept by plugins from one rebuild to the next (content-derived results of unchanged posts). */
    private final BuildMemory memory = new BuildMemory();

    /** The cache folder of the last build opened, whose lock a build that gave up waiting waits for. */
    private Path cacheDir;

    /** What serve says after a build that gave up waiting for another build's lock. */
    private static final String BUILDS_ONCE_IT_ENDS = "serve builds again once that build ends or a file changes";

    @Override
    public CommonOptions options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            // checked before the build: it failed after building, as an "unexpected" IllegalArgumentException
            throw new UsageException("--port " + port + ": must be a port number from 1 to 65535 (0: any free port)");
        }
        if (!watch) {
            BuildResult result = build();
            try (StaticServer server = serve(result.outputDir(), result.pathPrefix())) {
                Thread.currentThread().join();
            }
            return ExitCodes.OK;
        }
        Path siteFolder = options.directory.toAbsolutePath().normalize();
        Path outputDir;
        String pathPrefix;
        try {
            SiteConfig config = new ConfigLoader(main.environment).load(options.directory).site();
            outputDir = config.outputDir();
            pathPrefix = config.pathPrefix();
        } catch (ConfigException e) {
            // a slip in markata.toml waits for its fix, as a broken post does (the first build
            // says what it is); until the file loads, the output folder is markata's default
            outputDir = siteFolder.resolve(SiteConfig.DEFAULT_OUTPUT_DIR);
            pathPrefix = "";
        }
        // Watched before the first build: a file saved while it runs (seconds, on a big site) is
        // built right after it; watching only once it was done lost such an edit.
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Set<Path> folders = new HashSet<>();
            register(watcher, siteFolder, SiteInputs.of(siteFolder, main.environment, null, outputDir), folders);
            List<Post> posts = null;
            String failure = null;
            boolean waiting = false;
            try {
                posts = build().posts();
            } catch (BuildException | ConfigException e) {
                // the author fixes what is broken while the server waits, as after any later build
                Files.createDirectories(outputDir);
                failure = problem(e);
                waiting = gaveUpWaiting(e);
                main.err.println(failure + " (serving what " + outputDir + " holds; "
                        + (waiting ? BUILDS_ONCE_IT_ENDS : "saving a fix rebuilds") + ")");
            }
            // The address is said once its pages show the first build's error and the folders that
            // build read are watched: said before, an edit saved right away in a folder outside
            // the site (templates_dir = "../theme", a post's link) was never built.
            try (StaticServer server = listen(outputDir, pathPrefix)) {
                if (failure != null) {
                    server.failed(failure);
                }
                SiteInputs inputs = SiteInputs.of(siteFolder, main.environment, null, outputDir, posts);
                boolean there = watchSite(watcher, siteFolder, inputs, folders);
                announce(server, outputDir);
                watch(watcher, siteFolder, outputDir, folders, server, inputs, there, waiting ? cacheDir : null);
            }
        }
        return ExitCodes.OK;
    }

    /** Serves {@code outputDir} under {@code pathPrefix}, where the site's pages link each other. */
    private StaticServer serve(Path outputDir, String pathPrefix) throws IOException {
        StaticServer server = listen(outputDir, pathPrefix);
        announce(server, outputDir);
        return server;
    }

    /** Serves {@code outputDir} under {@code pathPrefix}, not saying so yet. */
    private StaticServer listen(Path outputDir, String pathPrefix) throws IOException {
        StaticServer server = StaticServer.start(outputDir, InetAddress.getByName(bind), port, watch);
        server.serveUnder(pathPrefix);
        return server;
    }

    /** Says where {@code server} serves {@code outputDir}. */
    private void announce(StaticServer server, Path outputDir) {
        main.err.printf("serving %s on http://%s:%d%s (Ctrl+C stops)%n", outputDir,
                host(), server.port(), server.top());
    }

    /** The address bound, as a URL names it ({@code [::1]}). */
    private String host() {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    private BuildResult build() throws Exception {
        Markata.Builder builder = Markata.builder(options.directory).environment(main.environment).plugins(main.plugins)
                .overrides(profile == null ? ConfigOverrides.NONE
                        : profile ? new ConfigOverrides(Set.of(BuildCommand.PROFILER), Set.of())
                        : new ConfigOverrides(Set.of(), Set.of(BuildCommand.PROFILER)))
                .reporter(new CliReporter(main.err, options.quiet, options.verbose, null, Boolean.TRUE.equals(profile)))
                .memory(memory);
        Markata markata = builder.open();
        cacheDir = markata.config().site().cacheDir();
        BuildResult result = markata.build();
        if (!options.quiet) {
            main.err.printf("built %s (%s written) in %.2f s%n", BuildCommand.posts(result.posts().size()),
                    BuildCommand.files(result.filesWritten()), result.timings().totalNanos() / 1e9);
        }
        return result;
    }

    /**
     * Rebuilds after each burst of changes to files a build reads ({@link SiteInputs}, asked
     * again after every build: the configuration may have changed what they are). A build that
     * finds {@code output_dir} changed in {@code markata.toml} moves the server and the
     * watcher's exclusion to the new folder: kept on the old one, the server showed no edit any
     * more, and the watcher took the build's own pages in the new folder for changed sources
     * and built again (with the profiler's report written on every build, for ever). A build that
     * gave up waiting for another build of the site ({@code MARKATA_LOCK_TIMEOUT}) is built again
     * once that build ends, which serve looks at every second ({@code waitingFor}, the lock's cache
     * folder): it waited for the next change of a file before.
     */
    private void watch(WatchService watcher, Path site, Path output, Set<Path> folders, StaticServer server,
                       SiteInputs firstInputs, boolean watched, Path waitingFor) throws IOException, InterruptedException {
        Set<Path> ownOutput = ownOutputFiles(site);
        SiteInputs inputs = firstInputs;
        // watched as they are after the first build; the folder may have gone since that build
        boolean gone = !watched && gone(site, server);
        while (true) {
            // while the site folder is gone, look for it every second: it may come back as another
            // folder (deleted and cloned again), which nothing watches yet; while it is there,
            // every other second, as its own move is no event (Linux's watch follows the folder)
            WatchKey first = watcher.poll(gone || waitingFor != null ? 1 : 2, TimeUnit.SECONDS);
            if (first == null && !gone && !Files.isDirectory(site)) {
                gone = gone(site, server);
                continue;
            }
            Burst burst = new Burst();
            if (first != null) {
                collect(first, watcher, output, inputs, folders, ownOutput, burst);
            }
            // let an editor finish saving, then build every change of the burst at once (Burst
            // says when: after a moment's quiet, a second's where a save may be half done)
            while (burst.any()) {
                long wait = burst.buildAt(burst.unsettled()) - System.nanoTime();
                WatchKey more = wait > 0 ? watcher.poll(wait, TimeUnit.NANOSECONDS) : null;
                if (more != null) {
                    collect(more, watcher, output, inputs, folders, ownOutput, burst);
                } else if (!takePending(watcher, output, inputs, folders, ownOutput, burst)
                        || burst.buildAt(burst.unsettled()) <= System.nanoTime()) {
                    break; // nothing came meanwhile, or Burst.LONGEST is over
                }
            }
            boolean changed = burst.any();
            if (gone && Files.isDirectory(site)) {
                gone = false;
                changed = true; // back: build what it holds now
                main.err.printf("the site folder %s is back: building it%n", site);
            }
            if (!changed && !gone && waitingFor != null && !BuildLock.held(waitingFor)) {
                changed = true;
                main.err.printf("the other build of %s ended: building%n", site);
            }
            if (!changed || gone) {
                continue;
            }
            if (!Files.isDirectory(site)) {
                gone = gone(site, server);
                continue;
            }
            Optional<Path> emptied = inputs.emptiedSettings();
            if (emptied.isPresent()) {
                // built with markata's defaults, the site had another title, glob and output folder
                String file = site.relativize(emptied.get()).toString();
                String warning = String.format("warning: %s sets nothing now (emptied, or still being saved?): the site"
                        + " is not built with markata's defaults; still serving the last good build. Saving its settings"
                        + " builds; %s", file, file.equals(ConfigLoader.MARKATA_TOML) ? "deleting it builds with the defaults"
                                : "restarting serve builds with the defaults");
                main.err.println(warning);
                server.failed(warning); // the browser too shows why an edit does not show
                continue;
            }
            List<Post> posts = null;
            waitingFor = null;
            try {
                BuildResult result = build();
                posts = result.posts();
                if (!result.outputDir().equals(output)) {
                    output = result.outputDir();
                    server.serve(output);
                    main.err.printf("output_dir is now %s: serving it%n", output);
                    server.changed();
                }
                if (!server.top().equals("/" + result.pathPrefix())) {
                    server.serveUnder(result.pathPrefix());
                    main.err.printf("path_prefix is now \"%s\": serving the site at http://%s:%d%s%n",
                            result.pathPrefix(), host(), server.port(), server.top());
                    server.changed();
                } else if (result.filesWritten() > 0 || !result.filesRemoved().isEmpty()) {
                    server.changed();
                }
                server.succeeded();
            } catch (Exception e) {
                String failure = problem(e);
                long written = e instanceof BuildException build ? build.filesWritten() : 0;
                if (gaveUpWaiting(e)) {
                    waitingFor = cacheDir;
                }
                main.err.println(failure + (written == 0 ? " (still serving the last good build" : " (serving the last good"
                        + " build with the " + BuildCommand.files(written) + " this one wrote before it failed")
                        + (waitingFor != null ? "; " + BUILDS_ONCE_IT_ENDS : "") + ")");
                if (options.verbose && !ExitCodes.isUserFacing(e)) {
                    e.printStackTrace(main.err);
                }
                server.failed(failure);
            }
            inputs = SiteInputs.of(site, main.environment, inputs, output, posts);
            // new folders, and those the configuration now reads
            if (!watchSite(watcher, site, inputs, folders)) {
                gone = gone(site, server); // moved away during the build
            }
        }
    }

    /** Whether the build did not start, as it gave up waiting for another build of the site. */
    private static boolean gaveUpWaiting(Exception e) {
        return e instanceof BuildException build && build.failure().gaveUpWaiting();
    }

    /**
     * A build's failure as serve prints it, and open pages show it: each problem of the
     * configuration on a line of its own (a joined message gave the second no "error: "), and
     * an error of markata-java itself as one ("error: null" said nothing of a bug without a message).
     */
    static String problem(Exception e) {
        if (e instanceof ConfigException config) {
            return String.join("\n", config.problems().stream().map(problem -> "error: " + problem).toList());
        }
        return ExitCodes.isUserFacing(e) ? "error: " + e.getMessage() : "error: unexpected " + e;
    }

    /**
     * Watches the site folder and the folders outside it that a build reads; false when the
     * site folder is gone (moved or deleted since it was last seen, even before the first
     * watch: serve stopped with "unexpected NoSuchFileException" for a folder moved away right
     * after the first build).
     */
    private static boolean watchSite(WatchService watcher, Path site, SiteInputs inputs, Set<Path> folders)
            throws IOException {
        registerOutside(watcher, inputs, folders);
        try {
            register(watcher, site, inputs, folders);
            return true;
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(site)) {
                throw e;
            }
            return false;
        }
    }

    /** Watches the folders a build reads outside the site folder ({@link SiteInputs#outside}) that are there. */
    private static void registerOutside(WatchService watcher, SiteInputs inputs, Set<Path> folders)
            throws IOException {
        for (Path folder : inputs.outside()) {
            try {
                register(watcher, folder, inputs, folders);
            } catch (NoSuchFileException notThere) {
                // none yet: the build uses what the other folders hold
            }
        }
    }

    /** Says that the site folder is gone, also on the pages served; true. */
    private boolean gone(Path site, StaticServer server) {
        String error = String.format("error: the site folder %s is gone (moved or deleted): serve waits for it and"
                + " builds it again once it is back", site);
        main.err.println(error);
        server.failed(error);
        return true;
    }

    /**
     * Adds to {@code burst} the events already waiting when it is time to build, and says whether
     * there were any (then the burst says again when to build). Serve's thread can be late under
     * load (its wait over before it ran again): the events that came meanwhile, built without
     * being taken, were taken after the build and started another of the same files.
     */
    private static boolean takePending(WatchService watcher, Path output, SiteInputs inputs, Set<Path> folders,
                                       Set<Path> ownOutput, Burst burst) throws IOException {
        boolean any = false;
        // once over the folders with events (a key with more events is queued again when reset):
        // a tool writing all the time does not hold the build back past Burst.LONGEST
        for (int keys = folders.size() + 1; keys > 0; keys--) {
            WatchKey pending = watcher.poll();
            if (pending == null) {
                break;
            }
            collect(pending, watcher, output, inputs, folders, ownOutput, burst);
            any = true;
        }
        return any;
    }

    /**
     * Adds to {@code burst} the key's events that change a file a build reads ({@link
     * SiteInputs}), other than one this process writes its own output to ({@link
     * #ownOutputFiles}), or remove the output folder. A folder that went
     * is known by {@code folders}, the watched ones; a new one is watched at once, as a build
     * may not follow (nothing in it is read yet) and its files would go unseen.
     */
    private static void collect(WatchKey key, WatchService watcher, Path output, SiteInputs inputs,
                                Set<Path> folders, Set<Path> ownOutput, Burst burst) throws IOException {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            long now = System.nanoTime();
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                burst.changed(now, false, null, false);
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            boolean wasFolder = event.kind() == StandardWatchEventKinds.ENTRY_DELETE && folders.remove(path);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY) {
                    continue; // a folder's own times: its files' changes come from its own key
                }
                if (inputs.watches(path)) {
                    try {
                        register(watcher, path, inputs, folders);
                    } catch (NoSuchFileException gone) {
                        // deleted again already: its deletion is the next event
                    }
                }
            }
            boolean deleted = event.kind() == StandardWatchEventKinds.ENTRY_DELETE;
            if (!ownOutput.contains(path) && inputs.reads(path, wasFolder)) {
                burst.changed(now, inputs.configures(path), path, deleted);
            } else if (deleted && output.startsWith(path)) {
                // the output folder went (markata clean): nothing to serve until a build, which makes it again
                burst.changed(now, false, path, false);
            }
        }
        key.reset();
    }

    /**
     * The files of the site folder this process's own output goes to ({@code serve --watch >
     * serve.log}, nohup's {@code nohup.out}), as the watcher spells their paths: each build's
     * lines changed such a file, which started the next build, for ever. Found through Linux's
     * {@code /proc/self/fd}; none elsewhere, nor for a pipe (as through {@code tee}).
     */
    static Set<Path> ownOutputFiles(Path site) {
        Set<Path> files = new HashSet<>();
        for (String stream : List.of("1", "2")) {
            try {
                Path realSite = site.toRealPath();
                Path target = Files.readSymbolicLink(Path.of("/proc/self/fd", stream));
                if (target.isAbsolute() && target.startsWith(realSite)) {
                    files.add(site.resolve(realSite.relativize(target)));
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not Linux, or the stream is closed: nothing to leave out
            }
        }
        return files;
    }

    private static WatchKey watch(WatchService watcher, Path dir) throws IOException {
        return dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    /**
     * Watches {@code start} and the folders under it that a build may read ({@link
     * SiteInputs#watches}: not the output folder, .markata.cache, .git or a folder .gitignore
     * leaves out; through symbolic links only where a build reads through them, {@link
     * SiteInputs#followsLink}), and adds them to {@code folders}. A folder deleted while it is walked is left
     * out: its deletion is a change the watcher sees anyway, and it stopped serve when it failed
     * the walk.
     */
    static void register(WatchService watcher, Path start, SiteInputs inputs, Set<Path> folders) throws IOException {
        Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new ChangingTreeVisitor(start) {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && (!inputs.watches(dir)
                        || Files.isSymbolicLink(dir) && !inputs.followsLink(dir))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    WatchKey key = watch(watcher, dir);
                    if (!key.watchable().equals(dir)) {
                        // a folder renamed since it was registered: Linux watches the folder, and
                        // its key went on naming its files under the old name
                        key.cancel();
                        watch(watcher, dir);
                    }
                    folders.add(dir);
                } catch (NoSuchFileException gone) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a link back up: its folders are watched already
                }
                return super.visitFileFailed(file, e);
            }
        });
    }
}
