package dev.markata.config;

import java.util.Set;

/**
 * Settings the command line forces over the files: plugins to switch on or off whatever
 * {@code hooks} and {@code disabled_hooks} say ({@code --profile} enables
 * {@code markata.plugins.pyinstrument}, {@code --no-profile} disables it).
 *
 * @param enable  plugin ids (or aliases) added to the selection; wins over disabled_hooks
 * @param disable plugin ids (or aliases) removed from the selection
 */
public record ConfigOverrides(Set<String> enable, Set<String> disable) {

    public static final ConfigOverrides NONE = new ConfigOverrides(Set.of(), Set.of());

    public ConfigOverrides {
        enable = Set.copyOf(enable);
        disable = Set.copyOf(disable);
    }
}
