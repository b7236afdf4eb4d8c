package dev.markata.plugins.mermaid;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.load.ContentDigests;
import dev.markata.plugins.skip.KeyFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code markata.plugins.mermaid} (in markata's default set): {@code ```mermaid} blocks become
 * diagrams. Each block is replaced in the post's Markdown by markata's
 * {@code <pre class="mermaid">} ({@link MermaidBlocks}), and a post with a diagram gets the
 * script that draws it right after its first one ({@link MermaidConfig#script()}): only pages
 * that show a diagram load mermaid, where markata's theme loads it on every page.
 *
 * <p>Runs last in pre_render: after auto_description, which reads the Markdown's paragraphs
 * and would take a diagram's lines for text once they are HTML; before render, for every post,
 * so the Markdown a listing renders of a post this build leaves unrendered (skip) holds the
 * diagram too. What the replacement makes follows from the post's text and
 * {@code [markata.mermaid]}: the first is in the render cache's key (a post with a diagram is
 * hashed as edited), the second in the skip plugin's (the whole {@code [markata]} table), so
 * turning the plugin on or off or changing a setting renders the pages again.
 */
public final class MermaidPlugin implements Plugin {

    public static final String ID = "markata.plugins.mermaid";
    /**
     * The posts whose Markdown, as loaded, has no diagram ({@code path<TAB>the loader's digest}).
     * Looking for one is a scan of every post's text, 90 ms of a warm 10,000-post build (C1 has
     * no intrinsic for {@code String.indexOf}); a text whose digest is listed is not scanned again.
     */
    static final String WITHOUT_DIAGRAMS_FILE = "mermaid.tsv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        String script = setup.config(MermaidConfig.SECTION).script();
        setup.hook(Stage.PRE_RENDER, Priority.LAST, context -> replace(context, script));
    }

    private static void replace(BuildContext context, String script) throws Exception {
        Path file = context.cacheDir().resolve(WITHOUT_DIAGRAMS_FILE);
        Map<String, String> known = KeyFile.read(file, context.reporter());
        ContentDigests digests = ContentDigests.of(context);
        Map<String, String> without = new HashMap<>();
        // most posts have no diagram: one look at each text, tasks only for the others; and a
        // text looked at before (the loader's digest of it is in the file) is not looked at again
        context.updatePosts(post -> {
            Optional<String> digest = digests.ofUnchanged(post);
            if (digest.isPresent() && digest.get().equals(known.get(post.path()))) {
                without.put(post.path(), digest.get());
                return false;
            }
            if (post.content().contains("mermaid")) {
                return true;
            }
            digest.ifPresent(d -> without.put(post.path(), d));
            return false;
        }, post -> {
            String content = MermaidBlocks.replace(post.content(), script);
            return content == post.content() ? post : post.withContent(content);
        });
        context.writeCache(file, () -> KeyFile.write(file, without, known));
    }
}
