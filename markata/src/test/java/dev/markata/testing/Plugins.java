package dev.markata.testing;

import dev.markata.Markata;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;

/** Plugin sources for tests: the real ones from the class path plus test plugins. */
public final class Plugins {

    private Plugins() {
    }

    /** The built-in plugins (fresh instances) followed by {@code extra}. */
    public static Markata.PluginSource builtInPlus(Plugin... extra) {
        return () -> {
            List<Plugin> plugins = new ArrayList<>();
            for (Plugin plugin : PluginRegistry.discover(Plugins.class.getClassLoader())) {
                if (plugin.getClass().getName().startsWith("dev.markata.plugins.")) {
                    plugins.add(plugin);
                }
            }
            plugins.addAll(List.of(extra));
            return plugins;
        };
    }
}
