package dev.markata;

import dev.markata.config.Config;
import dev.markata.config.ConfigException;
import dev.markata.config.ConfigLoader;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigOverrides;
import dev.markata.config.ConfigSection;
import dev.markata.config.LockTimeout;
import dev.markata.config.SiteConfig;
import dev.markata.content.BuildLock;
import dev.markata.content.Leftovers;
import dev.markata.content.OutputDir;
import dev.markata.content.OutputRecord;
import dev.markata.lifecycle.BuildException;
import dev.markata.lifecycle.BuildExecutor;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.BuildObservers;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.ScheduledHook;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.StageRunner;
import dev.markata.lifecycle.TaskDecorator;
import dev.markata.lifecycle.TimingRecorder;
import dev.markata.plugin.BuildMemory;
import dev.markata.plugin.Hook;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginRegistry;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugin.Reporter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One build of one site: configuration loaded and checked, plugins chosen and registered, then
 * {@link #build()} runs the stages. Create it with {@link #builder(Path)}; an instance builds
 * once.
 *
 * <pre>{@code
 * BuildResult result = Markata.builder(Path.of("examples/blog")).open().build();
 * }</pre>
 */
public final class Markata {

    /** A plugin's registered hook, before scheduling. */
    private record Registration(Stage stage, Priority priority, String pluginId, int listIndex, Hook hook) {
    }

    /** Supplies fresh plugin instances for one build. */
    @FunctionalInterface
    public interface PluginSource {
        List<Plugin> plugins() throws ConfigException;
    }

    private final Config config;
    private final List<String> pluginIds;
    private final List<Registration> registrations;
    private final List<BuildObserver> observers;
    private final List<TaskDecorator> decorators;
    private final Reporter reporter;
    private final boolean removeStale;
    /** How long to wait for another build of the site ({@link LockTimeout}), and the environment that said so. */
    private final BuildLock.Wait lockWait;
    private final Map<String, String> environment;
    private final boolean keepsPages;
    private final AtomicBoolean used = new AtomicBoolean();

    /**
     * {@code [markata] remove_stale_files} (default true): after a successful build, the files an
     * earlier build wrote to the output folder that this one no longer makes are removed
     * ({@link OutputRecord}); false leaves them, as markata does.
     */
    static final ConfigSection<Boolean> REMOVE_STALE_FILES = new ConfigSection<>("remove_stale_files_setting",
            (section, markata) -> markata.bool("remove_stale_files", true));

    private Markata(Config config, List<String> pluginIds, List<Registration> registrations,
                    List<BuildObserver> observers, List<TaskDecorator> decorators, Reporter reporter,
                    boolean removeStale, BuildLock.Wait lockWait, Map<String, String> environment,
                    boolean keepsPages) {
        this.config = config;
        this.pluginIds = List.copyOf(pluginIds);
        this.registrations = List.copyOf(registrations);
        this.observers = List.copyOf(observers);
        this.decorators = List.copyOf(decorators);
        this.reporter = reporter;
        this.removeStale = removeStale;
        this.lockWait = lockWait;
        this.environment = environment;
        this.keepsPages = keepsPages;
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    public Config config() {
        return config;
    }

    /** The ids of the plugins that will run, in list order. */
    public List<String> plugins() {
        return pluginIds;
    }

    /** Runs every stage. */
    public BuildResult build() throws BuildException {
        return run(Stage.SAVE);
    }

    /**
     * Runs the stages up to and including {@code last}, then teardown ({@code markata list} stops
     * after pre_render).
     */
    public BuildResult run(Stage last) throws BuildException {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("a Markata instance builds once; create another");
        }
        SiteConfig site = config.site();
        // markata list (to pre_render) writes no page: it neither waits for a build nor makes the cache folder
        try (BuildLock lock = last == Stage.SAVE ? lock(site) : null) {
            return run(last, site);
        }
    }

    /**
     * The site's build lock, taken once another build of the site ends, and the temporary files
     * of a build that was killed removed; null (the build runs without it) when the cache folder
     * cannot be written, which the build itself then reports where it writes its caches.
     */
    private BuildLock lock(SiteConfig site) throws BuildException {
        BuildLock lock;
        try {
            lock = BuildLock.acquire(site.cacheDir(), site.directory(), lockWait, reporter::info, reporter::warn);
        } catch (BuildLock.TimedOut e) {
            BuildFailure failure = BuildFailure.beforeStages(LockTimeout.gaveUp(e, environment, "nothing was built"));
            new BuildObservers(observers).buildFailed(failure); // --stats-json says "failed", not "ok"
            throw new BuildException(failure);
        } catch (IOException e) {
            return null;
        }
        if (lock.unfinished()) {
            List<Path> removed = new ArrayList<>();
            try {
                removed.addAll(Leftovers.remove(site.outputDir()));
                removed.addAll(Leftovers.remove(site.cacheDir()));
            } catch (IOException e) {
                reporter.warn("cannot look for the temporary files the last build left: " + e.getMessage());
            }
            if (!removed.isEmpty()) {
                reporter.info("the last build of " + site.directory() + " stopped before it ended (killed, or the"
                        + " machine stopped): removed the " + removed.size() + (removed.size() == 1 ? " temporary file"
                        : " temporary files") + " of what it was writing");
            }
        }
        return lock;
    }

    private BuildResult run(Stage last, SiteConfig site) throws BuildException {
        TimingRecorder timings = new TimingRecorder();
        BuildObservers observer = new BuildObservers(observers);
        OutputDir output = new OutputDir(site.outputDir());
        try (BuildExecutor executor = new BuildExecutor(site.workers(), observer, decorators, timings)) {
            BuildState state = new BuildState(config, executor, timings, output, reporter, keepsPages);
            try {
                List<ScheduledHook> scheduled = new ArrayList<>();
                for (Registration r : registrations) {
                    HookContext context = new HookContext(state, r.stage(), r.pluginId());
                    scheduled.add(new ScheduledHook(r.stage(), r.priority(), r.pluginId(), r.listIndex(),
                            () -> r.hook().run(context)));
                }
                StageRunner runner = new StageRunner(scheduled, observer, timings);
                state.runner = runner;
                Thread onInterrupt = new Thread(runner::interrupt, "markata-teardown");
                boolean hookInstalled = installShutdownHook(onInterrupt);
                try {
                    runner.run(last);
                } catch (BuildException e) {
                    if (last == Stage.SAVE) {
                        settleOutput(state, false); // removes nothing; what it wrote stays known as the build's
                        throw saidWhatItWrote(e, output);
                    }
                    throw e;
                } finally {
                    if (hookInstalled) {
                        removeShutdownHook(onInterrupt);
                    }
                }
                // only a whole build knows every file of the site (markata list stops at pre_render)
                List<String> removed = last == Stage.SAVE ? settleOutput(state, removeStale) : List.of();
                return new BuildResult(site.outputDir(), state.posts, pluginIds, timings.snapshot(),
                        output.written(), output.unchanged(), removed, site.pathPrefix());
            } finally {
                state.close(); // the temporary cache folder of a build whose own could not be used
            }
        }
    }

    /**
     * The failure of a build that wrote files, which says how many ({@link BuildException#mixedOutput}):
     * pages are written by the render task that made them (not held until save), each whole, so
     * a build that fails in render leaves the output folder a mix of its pages and those of the
     * builds before, until one succeeds.
     */
    private static BuildException saidWhatItWrote(BuildException failed, OutputDir output) {
        long written = output.written();
        return written == 0 ? failed : new BuildException(failed.failure(), written, output.root());
    }

    /**
     * Records the files this build made in the output folder and, when {@code remove}, removes
     * those an earlier build made that it did not ({@link OutputRecord}); says how many went
     * (their names with {@code --verbose}). Returns them. Without a usable cache folder nothing
     * is recorded or removed: the warning that the build goes on without its caches says so
     * ({@link BuildState#cacheDir}).
     */
    private List<String> settleOutput(BuildState state, boolean remove) {
        Path cacheDir = state.cacheDir();
        if (state.cacheUnusable() != null) {
            return List.of(); // said when the build first asked for the folder
        }
        OutputRecord.Outcome outcome = OutputRecord.settle(state.output, cacheDir, remove);
        outcome.warnings().forEach(reporter::warn);
        List<String> removed = outcome.removed();
        if (!removed.isEmpty()) {
            StringBuilder message = new StringBuilder("removed ").append(removed.size())
                    .append(removed.size() == 1 ? " file" : " files").append(" that an earlier build wrote to ")
                    .append(state.output.root()).append(" and this one no longer makes");
            if (reporter.verbose()) {
                message.append(':');
                removed.forEach(name -> message.append("\n  ").append(name));
            } else {
                message.append(" (--verbose names them)");
            }
            reporter.info(message.toString());
        }
        return removed;
    }

    private static boolean installShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException alreadyShuttingDown) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran: teardown happens there
        }
    }

    /** Configures and opens a build. */
    public static final class Builder {

        private final Path directory;
        private Map<String, String> environment = System.getenv();
        private ConfigOverrides overrides = ConfigOverrides.NONE;
        private PluginSource plugins = () -> PluginRegistry.discover(Markata.class.getClassLoader());
        private final List<BuildObserver> observers = new ArrayList<>();
        private Reporter reporter = Reporter.STDERR;
        private BuildMemory memory = new BuildMemory();
        private boolean keepPages;

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory);
        }

        /** The environment {@code MARKATA_*} variables are read from (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder overrides(ConfigOverrides overrides) {
            this.overrides = Objects.requireNonNull(overrides);
            return this;
        }

        /** Where plugins come from (default: {@link java.util.ServiceLoader} on the class path). */
        public Builder plugins(PluginSource plugins) {
            this.plugins = Objects.requireNonNull(plugins);
            return this;
        }

        /** Watches the build, after the plugins' own observers. */
        public Builder observer(BuildObserver observer) {
            observers.add(Objects.requireNonNull(observer));
            return this;
        }

        public Builder reporter(Reporter reporter) {
            this.reporter = Objects.requireNonNull(reporter);
            return this;
        }

        /** What plugins keep between builds: pass the same memory to every rebuild of one site. */
        public Builder memory(BuildMemory memory) {
            this.memory = Objects.requireNonNull(memory);
            return this;
        }

        /**
         * Keeps every post's page on it until the build ends, for a caller that reads
         * {@link BuildResult#posts()}' pages: by default publish_html writes each page as soon as
         * it is made and drops it, unless a plugin reads pages later ({@link PluginSetup#readsPages}).
         */
        public Builder keepPages() {
            this.keepPages = true;
            return this;
        }

        /**
         * Loads the configuration, chooses the plugins and lets each register; nothing is
         * written yet.
         *
         * @throws ConfigException every configuration problem found (all plugins are checked)
         */
        public Markata open() throws ConfigException {
            // every problem of the configuration is reported in one run: core keys, hooks, plugins
            ConfigProblems problems = new ConfigProblems();
            Config config = new ConfigLoader(environment).load(directory, problems);
            SiteConfig site = config.site();
            PluginRegistry registry = PluginRegistry.of(plugins.plugins());
            PluginRegistry.Selection selection;
            try {
                selection = registry.resolve(site.hooks(), site.disabledHooks(), overrides, config.markata()::place,
                        site.directory());
            } catch (ConfigException e) {
                problems.add(e);
                problems.throwIfAny();
                throw e;
            }
            selection.warnings().forEach(reporter::warn);
            List<Plugin> selected = selection.plugins();

            List<Registration> registrations = new ArrayList<>();
            List<BuildObserver> allObservers = new ArrayList<>();
            List<TaskDecorator> decorators = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            AtomicBoolean pagesRead = new AtomicBoolean(keepPages);
            for (int index = 0; index < selection.plugins().size(); index++) {
                Plugin plugin = selection.plugins().get(index);
                ids.add(plugin.id());
                int listIndex = index;
                try {
                    plugin.register(new PluginSetup() {
                        @Override
                        public SiteConfig site() {
                            return site;
                        }

                        @Override
                        public <T> T config(ConfigSection<T> section) throws ConfigException {
                            return config.section(section);
                        }

                        @Override
                        public boolean runs(String id) {
                            return selected.stream()
                                    .anyMatch(other -> other.id().equals(id) || other.aliases().contains(id));
                        }

                        @Override
                        public void hook(Stage stage, Priority priority, Hook hook) {
                            registrations.add(new Registration(Objects.requireNonNull(stage),
                                    Objects.requireNonNull(priority), plugin.id(), listIndex,
                                    Objects.requireNonNull(hook)));
                        }

                        @Override
                        public void hookBeforeOthers(Stage stage, Hook hook) {
                            // ahead of every list position, and of each other in list order
                            registrations.add(new Registration(Objects.requireNonNull(stage), Priority.FIRST,
                                    plugin.id(), listIndex - selected.size(), Objects.requireNonNull(hook)));
                        }

                        @Override
                        public void readsPages() {
                            pagesRead.set(true);
                        }

                        @Override
                        public void observe(BuildObserver observer) {
                            allObservers.add(Objects.requireNonNull(observer));
                        }

                        @Override
                        public void decorateTasks(TaskDecorator decorator) {
                            decorators.add(Objects.requireNonNull(decorator));
                        }

                        @Override
                        public BuildMemory memory() {
                            return memory;
                        }

                        @Override
                        public Reporter reporter() {
                            return reporter;
                        }
                    });
                } catch (ConfigException e) {
                    problems.add(e);
                }
            }
            boolean removeStale = problems.read(() -> config.section(REMOVE_STALE_FILES), true);
            BuildLock.Wait lockWait = problems.read(() -> LockTimeout.read(environment), BuildLock.Wait.UNLIMITED);
            problems.throwIfAny();
            config.warnings().forEach(reporter::warn);
            config.markata().typoWarnings().forEach(reporter::warn);
            allObservers.addAll(observers);
            // a post_render hook is there to see the rendered pages, whether or not its plugin said so
            boolean keepsPages = pagesRead.get() || registrations.stream().anyMatch(r -> r.stage() == Stage.POST_RENDER);
            return new Markata(config, ids, registrations, allObservers, decorators, reporter, removeStale,
                    lockWait, environment, keepsPages);
        }
    }
}
