package dev.markata.plugins.profiler;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.config.ConfigLoader;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
     * Starts getting the profiler ready in the background, for a command that knows before the
     * configuration of the site in {@code directory} is read that this build is profiled
     * ({@code --profile}): the profiler then starts at the first stage without first spending
     * ~30 ms loading async-profiler there. The library is loaded only when the configuration
     * cannot pick the JDK sampler ({@link #samplerBeforeConfiguration}); otherwise the plugin
     * loads it when it registers, if the configuration then asks for it.
     */
    public static void prepare(Path directory, Map<String, String> environment) {
        Profiler.prepare(samplerBeforeConfiguration(directory, environment));
    }

    /**
     * The sampler to get ready before the configuration is read. Its {@code sampler} key is known
     * only once markata.toml is parsed (most of the time before the first stage, which the
     * library's loading would otherwise overlap); a configuration that does not contain the word
     * {@code sampler} (markata.toml, pyproject.toml, a {@code MARKATA_} variable: where
     * {@link dev.markata.config.ConfigLoader} reads it) leaves the default, so {@code AUTO}:
     * async-profiler's library too. Otherwise {@code JDK}: only the JDK's part, the library
     * waiting for the configuration.
     */
    static SamplerChoice samplerBeforeConfiguration(Path directory, Map<String, String> environment) {
        for (String file : List.of(ConfigLoader.MARKATA_TOML, ConfigLoader.PYPROJECT_TOML)) {
            try {
                Path path = directory.resolve(file);
                if (Files.isRegularFile(path) && Files.readString(path).contains(SAMPLER_KEY)) {
                    return SamplerChoice.JDK;
                }
            } catch (IOException | RuntimeException e) {
                return SamplerChoice.JDK; // the configuration's reading will say what is wrong
            }
        }
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            if (variable.getKey().startsWith("MARKATA_") && variable.getValue().contains(SAMPLER_KEY)) {
                return SamplerChoice.JDK;
            }
        }
        return SamplerChoice.AUTO;
    }

    private static final String SAMPLER_KEY = "sampler";

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
