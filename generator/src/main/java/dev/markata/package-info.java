/**
 * markata-java's public face: {@link dev.markata.Markata} (one build: configuration loaded,
 * plugins chosen, stages run) and {@link dev.markata.BuildResult}.
 *
 * <p>Sub-packages: {@code config} (markata.toml, typed plugin sections, validation errors),
 * {@code lifecycle} (stages, hook order, the build executor, observers, timings, failures),
 * {@code plugin} (the plugin SPI and registry), {@code content} (posts and the output folder),
 * {@code color} (the CSS colour names plugins read from the configuration),
 * {@code plugins.*} (one package per built-in plugin) and {@code cli} (the command line).
 */
package dev.markata;
