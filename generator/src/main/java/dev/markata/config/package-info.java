/**
 * Configuration: {@link dev.markata.config.ConfigLoader} finds {@code markata.toml} (or
 * {@code [tool.markata]} in {@code pyproject.toml}) and applies {@code MARKATA_*} environment
 * variables; {@link dev.markata.config.SiteConfig} holds the core keys; each plugin reads its
 * own sub-table through a {@link dev.markata.config.ConfigSection} into an immutable record,
 * with {@link dev.markata.config.ConfigTable}'s typed getters producing errors like
 * {@code markata.toml: [markata.profiler] interval = -1: must be a number of seconds > 0}.
 */
package dev.markata.config;
