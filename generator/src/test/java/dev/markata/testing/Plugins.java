package dev.markata.testing;

import dev.markata.Markata;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Plugin sources for tests: the real ones from the class path plus test plugins. */
public final class Plugins {

    private Plugins() {
    }

    /**
     * The built-in plugins (fresh instances) followed by {@code extra}; an extra plugin with a
     * built-in's id replaces it (a test double for the profiler, say).
     */
    public static Markata.PluginSource builtInPlus(Plugin... extra) {
        return () -> {
            Set<String> replaced = new HashSet<>();
            for (Plugin plugin : extra) {
                replaced.add(plugin.id());
            }
            List<Plugin> plugins = new ArrayList<>();
            for (Plugin plugin : PluginRegistry.discover(Plugins.class.getClassLoader())) {
                if (plugin.getClass().getName().startsWith("dev.markata.plugins.") && !replaced.contains(plugin.id())) {
                    plugins.add(plugin);
                }
            }
            plugins.addAll(List.of(extra));
            return plugins;
        };
    }
}
