package dev.markata.plugins.profiler;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.profiler.Profiler;
import java.util.Set;

/**
 * {@code markata.plugins.pyinstrument} (alias {@code markata.plugins.profiler}): the build
 * profiler. Off unless listed in {@code hooks} or switched on with {@code markata build
 * --profile}.
 *
 * <p>It samples the build from its first stage to the end of save, marks every stage, plugin
 * hook and document as a span (documents on the worker thread that renders them), then writes
 * the reports under {@code output_dir} (by default {@code _profile/index.html}, plus the other
 * {@code formats} beside it) and prints a summary: time per stage with its CPU / waiting split,
 * the slowest hooks and documents, and the call tree. When the build fails, teardown writes
 * the profile taken so far, marked failed at that stage. See {@link ProfilerConfig} for the
 * settings.
 */
public final class ProfilerPlugin implements Plugin {

    public static final String ID = "markata.plugins.pyinstrument";
    public static final String ALIAS = "markata.plugins.profiler";

    /**
     * Starts loading the sampler in the background, for a command that knows before the
     * configuration is read that this build is profiled ({@code --profile}): the profiler then
     * starts at the first stage without first spending ~30 ms loading async-profiler there.
     */
    public static void prepare() {
        Profiler.prepare();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> aliases() {
        return Set.of(ALIAS);
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        ProfilerConfig config = setup.config(ProfilerConfig.SECTION);
        if (!config.shouldProfile()) {
            return;
        }
        ProfileRun run = new ProfileRun(config, setup.site(), setup.reporter());
        // spans first: its first stage event starts the profiler before anything else is timed
        setup.observe(run.spans());
        setup.observe(run.stats());
        setup.decorateTasks(run.spans());
        setup.hook(Stage.SAVE, Priority.LAST, run::finishAfterSave);
        setup.hook(Stage.TEARDOWN, Priority.LAST, run::finishAtTeardown);
    }
}
