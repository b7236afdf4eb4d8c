package dev.markata.plugin;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigOverrides;
import dev.markata.config.DidYouMean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The plugins available to one build, by id and alias, and the resolution of the site's
 * {@code hooks} / {@code disabled_hooks} into the ordered list of plugins that run. Built per
 * build (fresh plugin instances each time); there is no global registry.
 */
public final class PluginRegistry {

    /** The result of resolving the selection: plugins in list order, and warnings to show. */
    public record Selection(List<Plugin> plugins, List<String> warnings) {
        public Selection {
            plugins = List.copyOf(plugins);
            warnings = List.copyOf(warnings);
        }
    }

    private static final String SKIPPED = " is skipped: ";

    private final Map<String, Plugin> byName;

    private PluginRegistry(Map<String, Plugin> byName) {
        this.byName = byName;
    }

    /** The plugins {@link ServiceLoader} finds on {@code loader}'s class path, as fresh instances. */
    public static List<Plugin> discover(ClassLoader loader) throws ConfigException {
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                plugins.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigException("a plugin on the class path cannot be loaded: " + e.getMessage());
        }
        return plugins;
    }

    /**
     * A registry of {@code plugins}.
     *
     * @throws ConfigException if two plugins claim the same id or alias
     */
    public static PluginRegistry of(List<Plugin> plugins) throws ConfigException {
        Map<String, Plugin> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Plugin plugin : plugins) {
            Set<String> names = new LinkedHashSet<>();
            names.add(plugin.id());
            names.addAll(plugin.aliases());
            for (String name : names) {
                Plugin other = byName.putIfAbsent(name, plugin);
                if (other != null && other != plugin) {
                    problems.add("two plugins claim the name " + name + ": " + other.getClass().getName()
                            + " and " + plugin.getClass().getName() + "; remove one of them from the class path");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new PluginRegistry(byName);
    }

    /** Every id and alias known here. */
    /** Whether {@code "default"} in {@code hooks} brings in the plugin of this id. */
    public static boolean inDefaultSet(String id) {
        return MarkataPluginIds.DEFAULT.contains(id);
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * Resolves the selection: {@code "default"} expands to the default set, names and aliases
     * map to their plugin (each plugin once, at its first place), {@code disabled_hooks} and
     * the overrides' disable set remove plugins, the overrides' enable set adds them (and wins
     * over {@code disabled_hooks}).
     *
     * @param where how messages name the hooks keys ("markata.toml: [markata]")
     * @throws ConfigException naming every unknown plugin with the closest known names
     */
    public Selection resolve(List<String> hooks, List<String> disabledHooks, ConfigOverrides overrides, String where)
            throws ConfigException {
        return resolve(hooks, disabledHooks, overrides, where, null);
    }

    /**
     * As {@link #resolve(List, List, ConfigOverrides, String)}, where a name that is a Python
     * module of the site's own ({@code plugins.thoughts}: {@code plugins/thoughts.py} or
     * {@code plugins/thoughts/__init__.py} under {@code siteDirectory}, which markata imports
     * from the folder it runs in) is skipped with one warning in {@code hooks} and quietly in
     * {@code disabled_hooks}: real sites list a dozen of them, and they cannot run here.
     *
     * @param siteDirectory the site's folder, or null to treat every unknown name as an error
     */
    public Selection resolve(List<String> hooks, List<String> disabledHooks, ConfigOverrides overrides, String where,
                             Path siteDirectory) throws ConfigException {
        return resolve(hooks, disabledHooks, overrides, key -> where + " " + key, siteDirectory);
    }

    /**
     * As {@link #resolve(List, List, ConfigOverrides, String, Path)}, with messages naming each
     * key as {@code place} does ({@link dev.markata.config.ConfigTable#place}: a list set by
     * {@code MARKATA_HOOKS} is named as that variable, not as markata.toml's key).
     */
    public Selection resolve(List<String> hooks, List<String> disabledHooks, ConfigOverrides overrides,
                             UnaryOperator<String> place, Path siteDirectory) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Plugin> forcedOn = new LinkedHashSet<>(
                pluginsNamed(overrides.enable(), "hooks", place, warnings, problems, siteDirectory));
        Set<Plugin> removed = new LinkedHashSet<>(
                pluginsNamed(disabledHooks, "disabled_hooks", place, null, problems, siteDirectory));
        removed.addAll(pluginsNamed(overrides.disable(), "disabled_hooks", place, null, problems, siteDirectory));
        removed.removeAll(forcedOn);

        Set<Plugin> selected = new LinkedHashSet<>();
        for (String name : hooks) {
            if (name.equals("default")) {
                for (String id : MarkataPluginIds.DEFAULT) {
                    Plugin plugin = byName.get(id);
                    if (plugin != null) {
                        selected.add(plugin);
                    }
                }
            } else {
                selected.addAll(pluginsNamed(List.of(name), "hooks", place, warnings, problems, siteDirectory));
            }
        }
        selected.addAll(forcedOn);
        selected.removeAll(removed);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Selection(new ArrayList<>(selected), whereTheWorkIsNotDone(warnings, selected));
    }

    /**
     * {@code warnings} with those about an id whose work another plugin does here
     * ({@link MarkataPluginIds#DONE_BY}) saying when the site does not run that plugin: they named it
     * as if it did the work for a site that had it off.
     */
    private List<String> whereTheWorkIsNotDone(List<String> warnings, Set<Plugin> selected) {
        List<String> said = new ArrayList<>(warnings.size());
        for (String warning : warnings) {
            String amended = warning;
            for (Map.Entry<String, MarkataPluginIds.DoneBy> entry : MarkataPluginIds.DONE_BY.entrySet()) {
                MarkataPluginIds.DoneBy doneBy = entry.getValue();
                if (warning.endsWith(": " + entry.getKey() + SKIPPED + MarkataPluginIds.NOT_APPLICABLE.get(entry.getKey()))
                        && !selected.contains(byName.get(doneBy.plugin()))) {
                    amended = warning + ", which this site does not run (add it to hooks, or take it out of "
                            + "disabled_hooks)" + (doneBy.without().isEmpty() ? "" : ": " + doneBy.without());
                }
            }
            said.add(amended);
        }
        return said;
    }

    /**
     * The plugins {@code names} name. Names markata ships but that have no plugin here add a
     * warning (when {@code warnings} is given) and are skipped; other names are problems.
     */
    private List<Plugin> pluginsNamed(Iterable<String> names, String key, UnaryOperator<String> place,
                                      List<String> warnings,
                                      List<String> problems, Path siteDirectory) {
        List<Plugin> plugins = new ArrayList<>();
        for (String name : names) {
            if (name.equals("default")) {
                continue;
            }
            Plugin plugin = byName.get(name);
            if (plugin != null) {
                plugins.add(plugin);
            } else if (MarkataPluginIds.NOT_APPLICABLE.containsKey(name)) {
                if (warnings != null) {
                    warnings.add(place.apply(key) + ": " + name + SKIPPED + MarkataPluginIds.NOT_APPLICABLE.get(name));
                }
            } else if (sitePythonModule(siteDirectory, name) != null) {
                if (warnings != null) {
                    String namesake = "markata.plugins." + name.substring(name.lastIndexOf('.') + 1);
                    warnings.add(place.apply(key) + ": " + name + " is skipped: it is the site's own Python module "
                            + sitePythonModule(siteDirectory, name) + ", which markata-java cannot run"
                            + (byName.containsKey(namesake) ? " (" + namesake + " is built in)" : ""));
                }
            } else if (PythonDependencies.of(siteDirectory, name) != null) {
                if (warnings != null) {
                    warnings.add(place.apply(key) + ": " + name + " is skipped: it is a Python package ("
                            + PythonDependencies.of(siteDirectory, name) + "), which markata-java cannot run");
                }
            } else if (MarkataPluginIds.NOT_YET.contains(name)) {
                if (warnings != null) {
                    warnings.add(place.apply(key) + ": " + name + " is skipped: markata-java has no such plugin yet");
                }
            } else {
                Set<String> known = new TreeSet<>(byName.keySet());
                known.addAll(MarkataPluginIds.NOT_YET);
                List<String> closest = DidYouMean.closest(name, known, 3);
                // not the list itself: every id, 38 of them, on the error's line
                problems.add(place.apply(key) + " = \"" + name + "\": no plugin has this name"
                        + (!closest.isEmpty() ? "; did you mean " + String.join(" or ", closest) + "?"
                        : "; markata list --plugins lists the plugins markata-java has"));
            }
        }
        return plugins;
    }

    /**
     * The site's Python file that module {@code name} is, as written relative to the site, or
     * null: a module in a folder ({@code plugins.thoughts}) or at the top ({@code markata_slides},
     * the package of markata-slides' own repository, which builds its pages with it).
     */
    private static String sitePythonModule(Path siteDirectory, String name) {
        if (siteDirectory == null || name.startsWith("markata.")
                || !name.matches("[A-Za-z_]\\w*(\\.[A-Za-z_]\\w*)*")) {
            return null;
        }
        String path = name.replace('.', '/');
        for (String file : List.of(path + ".py", path + "/__init__.py")) {
            if (Files.isRegularFile(siteDirectory.resolve(file))) {
                return file;
            }
        }
        return null;
    }
}
