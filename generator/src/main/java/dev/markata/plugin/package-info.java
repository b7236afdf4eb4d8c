/**
 * The plugin SPI.
 *
 * <p>A plugin implements {@link dev.markata.plugin.Plugin} and is listed in
 * {@code META-INF/services/dev.markata.plugin.Plugin}. For each build the registry loads fresh
 * instances with {@link java.util.ServiceLoader}, resolves {@code hooks} / {@code disabled_hooks}
 * (with aliases, the {@code "default"} set and command-line overrides) and calls
 * {@link dev.markata.plugin.Plugin#register} on each selected plugin, in list order. There the
 * plugin reads its typed configuration ({@link dev.markata.plugin.PluginSetup#config}),
 * registers hooks per stage with a priority, and may register
 * {@link dev.markata.lifecycle.BuildObserver}s and {@link dev.markata.lifecycle.TaskDecorator}s.
 * Hooks receive a {@link dev.markata.plugin.BuildContext}; expected failures are
 * {@link dev.markata.plugin.PluginException}s whose message names the file.
 */
package dev.markata.plugin;
