package dev.markata.plugins.subroute;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.content.Post;
import dev.markata.content.WindowsNames;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.load.LoadPlugin;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.subroute}: serves the posts under one path of the site
 * ({@code [markata] subroute = "blog"}: {@code my-post} is {@code /blog/my-post/}), as markata's
 * plugin means to. A slug already under the subroute is kept, as markata keeps it; the home page
 * ({@code index}) stays the home page. Everything after load sees the new slugs: pages, feeds,
 * wikilinks, the sitemap, prev/next links.
 *
 * <p>markata's plugin (a pydantic validator of {@code slug}) writes {@code parent/subroute/stem}
 * for a slug outside the subroute, but first asks {@code slug.relative_to(subroute)}, which raises
 * for every such slug, so a markata build with a subroute fails unless every slug is already
 * under it. Here the subroute is put in front of the whole slug ({@code tech/x} is
 * {@code blog/tech/x}, where markata's expression gives {@code tech/blog/x}).
 *
 * <p>Runs last in load, right after the slugs are made, and checks again that no two posts have
 * one slug. Warm builds: the subroute is in {@code [markata]}, which the skip plugin's key covers,
 * and the slugs are in every page's key; pages of the old places stay in the output, as markata
 * leaves pages of posts that moved.
 */
public final class SubroutePlugin implements Plugin {

    public static final String ID = "markata.plugins.subroute";

    /** Parts of a path of the site: letters, digits, {@code -}, {@code _} and {@code .}, but no {@code .} or {@code ..}. */
    private static final Pattern PART = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]+");

    /** {@code subroute} is a key of {@code [markata]} in markata, not a table: read through a name of its own. */
    static final ConfigSection<String> SECTION = new ConfigSection<>("subroute_settings", SubroutePlugin::read);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        String subroute = setup.config(SECTION);
        if (subroute.isEmpty()) {
            return;
        }
        // as a post's slug con (LoadPlugin): markata builds it, Windows cannot make its folder
        WindowsNames.reservedPart(subroute).ifPresent(part -> setup.reporter().warn("[markata] subroute = \""
                + subroute + "\": \"" + part + "\" " + WindowsNames.problem(part).orElseThrow() + ": the folder of"
                + " every post's page cannot be made there, so the site cannot be checked out or deployed from Windows"
                + " (Linux hosts serve it); if the site is ever handled on Windows, give the subroute another name"));
        setup.hook(Stage.LOAD, Priority.LAST, context -> {
            context.setPosts(context.posts().stream().map(post -> moved(post, subroute)).toList());
            LoadPlugin.checkSlugsAreUnique(context.posts());
        });
    }

    /** The subroute without slashes at its ends, "" for none. */
    private static String read(ConfigTable section, ConfigTable markata) throws ConfigException {
        String allowed = "must be a path of the site like \"blog\" or \"docs/v1\": parts of letters, digits, - _ and ."
                + " (not . or ..) between /, or \"\" for none";
        String text;
        try {
            text = markata.string("subroute", ""); // as text; MARKATA_SUBROUTE=2024 is the text "2024"
        } catch (ConfigException e) {
            throw markata.error("subroute", allowed);
        }
        String subroute = text.strip().replaceAll("^/+|/+$", "");
        if (!subroute.isEmpty() && !List.of(subroute.split("/", -1)).stream().allMatch(p -> PART.matcher(p).matches())) {
            throw markata.error("subroute", allowed);
        }
        return subroute;
    }

    /** The post with its slug under {@code subroute}: as it is when already there, or the home page. */
    static Post moved(Post post, String subroute) {
        String slug = post.slug();
        if (slug.equals("index") || slug.isEmpty() || slug.equals(subroute) || slug.startsWith(subroute + "/")) {
            return post;
        }
        return post.withSlug(subroute + "/" + slug);
    }
}
