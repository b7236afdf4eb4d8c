package dev.markata.plugin;

/** A plugin's work for one stage. Anything it throws fails the build at this plugin and stage. */
@FunctionalInterface
public interface Hook {

    void run(BuildContext context) throws Exception;
}
