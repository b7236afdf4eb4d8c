package dev.markata.testplugins;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;

/**
 * A third-party plugin that makes the render stage slower by a known amount: each post's task
 * sleeps {@code [markata.slow_render] millis} (default 100). For tests of what a profiled build
 * says about the build before it: a change that makes one stage slower, whatever the machine's load.
 */
public final class SlowRenderPlugin implements Plugin {

    record SlowRenderConfig(long millis) {
        static final ConfigSection<SlowRenderConfig> SECTION = new ConfigSection<>("slow_render",
                (table, markata) -> new SlowRenderConfig(table.integer("millis", 100, n -> n >= 0, "0 or more milliseconds")));
    }

    @Override
    public String id() {
        return "test.slow_render";
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        SlowRenderConfig config = setup.config(SlowRenderConfig.SECTION);
        setup.hook(Stage.RENDER, context -> context.updatePosts(post -> {
            Thread.sleep(config.millis());
            return post;
        }));
    }
}
