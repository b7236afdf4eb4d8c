package dev.markata.plugins.uuid;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code markata.plugins.uuid}: every post gets a {@code uuid} field in pre_render, printed as
 * Python prints a UUID ({@code 8-4-4-4-12} lower-case hex), for templates ({@code {{ post.uuid }}})
 * and {@code markata.json}.
 *
 * <p>markata draws a random one (version 4) for every post in every build. Here it is the
 * name-based UUID (version 3) of the post's path in the site: the same from build to build, so a
 * page showing it does not change when nothing else did (a warm build gives a clean build's page,
 * the skip plugin's key covers it as a field of the post) and a link by it keeps working; a post
 * whose front matter has its own {@code uuid} keeps it (markata replaces it). markata's
 * {@code article_by_uuid} lookup is not made.
 */
public final class UuidPlugin implements Plugin {

    public static final String ID = "markata.plugins.uuid";
    private static final String FIELD = "uuid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        setup.hook(Stage.PRE_RENDER, context -> context.updatePosts(post -> !post.extra().containsKey(FIELD),
                post -> post.withExtra(FIELD, UUID.nameUUIDFromBytes(post.path().getBytes(StandardCharsets.UTF_8))
                        .toString())));
    }
}
