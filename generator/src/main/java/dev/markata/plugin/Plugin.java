package dev.markata.plugin;

import dev.markata.config.ConfigException;
import java.util.Set;

/**
 * A markata plugin: a named class that registers the hooks it implements.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.markata.plugin.Plugin} of any jar on the class path. Every build
 * creates fresh instances (the registry is built per build), so a plugin may keep per-build
 * state in its fields; hooks of one build run one after another on the build's main thread,
 * while per-document work submitted through {@link BuildContext#map} runs on worker threads.
 *
 * <pre>{@code
 * public final class WordCount implements Plugin {
 *     public String id() { return "example.word_count"; }
 *     public void register(PluginSetup setup) throws ConfigException {
 *         WordCountConfig config = setup.config(WordCountConfig.SECTION); // [markata.word_count]
 *         setup.hook(Stage.PRE_RENDER, ctx -> ctx.updatePosts(post ->
 *                 post.withExtra("words", post.content().split("\\s+").length)));
 *     }
 * }
 * }</pre>
 */
public interface Plugin {

    /** markata's dotted id, as written in {@code hooks}: "markata.plugins.glob". */
    String id();

    /** Other ids that name this plugin ("markata.plugins.profiler" for the pyinstrument plugin). */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Reads and validates this plugin's configuration and registers its hooks, observers and
     * task decorators. Called once per build, before any stage runs, only if the plugin is
     * selected by {@code hooks}. A {@link ConfigException} stops the build before anything is
     * written (exit code 2).
     */
    void register(PluginSetup setup) throws ConfigException;
}
