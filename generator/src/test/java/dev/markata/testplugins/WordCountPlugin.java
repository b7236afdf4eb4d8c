package dev.markata.testplugins;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;

/**
 * A third-party plugin found through META-INF/services on the test class path: counts each
 * post's words into {@code extra.words} and appends them to the page.
 */
public final class WordCountPlugin implements Plugin {

    record WordCountConfig(String label) {
        static final ConfigSection<WordCountConfig> SECTION = new ConfigSection<>("word_count",
                (table, markata) -> new WordCountConfig(table.string("label", "words")));
    }

    @Override
    public String id() {
        return "test.word_count";
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        WordCountConfig config = setup.config(WordCountConfig.SECTION);
        setup.hook(Stage.PRE_RENDER, context -> context.updatePosts(post ->
                post.withExtra("words", post.content().isBlank() ? 0 : post.content().strip().split("\\s+").length)));
        setup.hook(Stage.POST_RENDER, context -> context.updatePosts(post -> post.page() == null ? post
                : post.withPage(post.page() + "<!-- " + post.extra().get("words") + " " + config.label() + " -->")));
    }
}
