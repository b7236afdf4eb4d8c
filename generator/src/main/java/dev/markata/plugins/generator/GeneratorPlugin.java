package dev.markata.plugins.generator;

import dev.markata.MarkataVersion;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.seo.HeadTags;
import dev.markata.plugins.skip.Skips;

/**
 * {@code markata.plugins.generator}: a {@code <meta name="generator">} tag at the end of each
 * post's page head saying which program made it, as markata's does ({@code content="markata
 * <version>"}, attributes in its order); here {@code markata-java <version>}, the program that
 * did make the page. Posts' pages only, as markata (its render hook goes over the posts).
 *
 * <p>A head that already has a generator tag (the site's template wrote one) keeps it, where
 * markata appends a second. It runs first in post_render, before seo, whose own generator tag
 * ("markata-java", without the version) then finds this one and is left out: one tag either way.
 * markata re-serialises the whole page through BeautifulSoup to add the tag (and with
 * {@code prettify_html} indents it); here the tag is inserted and the rest of the page stays
 * byte for byte.
 *
 * <p>Warm builds: the tag follows from the version of markata-java, and the cache is emptied for
 * any other build of it; turning the plugin on or off changes {@code hooks}, which the skip
 * plugin's key covers, so every page is made again. markata's plugin has no settings.
 */
public final class GeneratorPlugin implements Plugin {

    public static final String ID = "markata.plugins.generator";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        String tag = tag(MarkataVersion.current().version());
        setup.readsPages(); // changes each page (its generator tag)
        setup.hook(Stage.POST_RENDER, Priority.FIRST, context -> Skips.of(context).updateChanged(context,
                post -> post.page() == null ? post : post.withPage(add(post.page(), tag))));
    }

    /** The tag as markata writes it (content first), for this version. */
    static String tag(String version) {
        return "<meta content=\"markata-java " + version.replace("\"", "&quot;") + "\" name=\"generator\">\n";
    }

    /** {@code page} with {@code tag} at the end of its head, unless the head has a generator tag or the page no head. */
    static String add(String page, String tag) {
        HeadTags head = HeadTags.scan(page);
        return head.has("generator") ? page : head.insert(page, tag);
    }
}
