package dev.markata.plugin;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.SiteConfig;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskDecorator;

/** What a plugin can do while it registers, before the build starts. */
public interface PluginSetup {

    /** The core settings ({@code [markata]}). */
    SiteConfig site();

    /**
     * This plugin's typed configuration, read from {@code [markata.<section.name()>]} and
     * validated by the section's reader. Read it here so a bad value stops the build before
     * anything runs.
     */
    <T> T config(ConfigSection<T> section) throws ConfigException;

    /**
     * Whether the plugin named {@code id} (or one of its aliases) runs in this build, for a
     * plugin whose output names another's files (seo points at the covers plugin's images).
     */
    boolean runs(String id);

    /** Runs {@code hook} in {@code stage} with normal priority. */
    default void hook(Stage stage, Hook hook) {
        hook(stage, Priority.NORMAL, hook);
    }

    /** Runs {@code hook} in {@code stage}; FIRST / LAST are markata's tryfirst / trylast. */
    void hook(Stage stage, Priority priority, Hook hook);

    /**
     * Runs {@code hook} before every other hook of {@code stage}, wherever this plugin is listed
     * in {@code hooks}: for a decision the stage's other hooks read (the skip plugin's, which
     * posts are left alone, which prevnext read before it was made when listed before
     * {@code "default"}). Such hooks of several plugins run in list order.
     */
    void hookBeforeOthers(Stage stage, Hook hook);

    /**
     * Says that this plugin's hooks read or change posts' pages ({@link dev.markata.content.Post#page})
     * after post_template made them: in a render hook that runs after it, in post_render or in
     * save (publish_source publishes each page beside its source). Unless a plugin of the build
     * says so or registers a post_render hook (whose stage is there to see the rendered pages),
     * publish_html writes each page in the render task that made it and the post keeps none: a
     * build then does not hold every page in memory from render until save (190 MB at 10,000
     * posts, copied by the collector meanwhile). A plugin that did not say so and reads a page there
     * fails the build ({@link dev.markata.content.Post.PageNotKept}) rather than reading null.
     */
    void readsPages();

    /** Receives stage, hook and per-document task events for the whole build. */
    void observe(BuildObserver observer);

    /** Wraps every task submitted to the build executor. */
    void decorateTasks(TaskDecorator decorator);

    Reporter reporter();

    /** What this process keeps between builds ({@code serve --watch}); a one-off build's own otherwise. */
    BuildMemory memory();
}
