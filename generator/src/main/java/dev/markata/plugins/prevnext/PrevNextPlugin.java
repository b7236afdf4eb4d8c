package dev.markata.plugins.prevnext;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.content.Post;
import dev.markata.content.SitePaths;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.Skips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * {@code markata.plugins.prevnext}: links at the end of each post to the post before it and the
 * one after it in the site's feeds ({@code [markata.feeds.*]}, in their order and sort), as
 * markata's prevnext does. With {@code strategy = "first"} a post's links cycle through the first
 * feed that holds it, but for a feed's first post, whose "prev" is as markata makes it the first
 * post of the feed before; with {@code "all"} through every feed's posts one feed after the
 * other ({@link #neighbours}). A post in no feed gets no links.
 *
 * <p>The links are the template {@code prevnext.html} (the site's, else the built-in one, with
 * markata's class names {@code prevnext}, {@code prev}, {@code next}, {@code prevnext-title}),
 * which sees {@code prevnext.prev} and {@code prevnext.next} as templates see posts, and
 * {@code post}. They are added to the post's Markdown as an HTML block in render's first
 * priority, before render_markdown: markata adds them to the post's content too, so page
 * templates show them as part of {@code body}. Which post comes before or after follows from
 * every post's fields, which the skip plugin's key covers, so an unchanged post needs no links
 * again; links that show a neighbour's description make the page one that read posts'
 * descriptions ({@link PostBodies}).
 */
public final class PrevNextPlugin implements Plugin {

    public static final String ID = "markata.plugins.prevnext";
    /** Blank lines inside the links, which would end Markdown's HTML block (compiled once, not per post). */
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        PrevNextConfig config = setup.config(PrevNextConfig.SECTION);
        Templates templates = Templates.forSite(setup);
        String template = templateName(setup.site().directory(), setup.site().templatesDir(), config.template());
        // read as the section again, for the error to name markata.toml's [markata.prevnext] template
        setup.config(new ConfigSection<>(PrevNextConfig.SECTION.name(), (section, markata) -> {
            templates.requirePageTemplate(section, "template", template);
            return template;
        }));
        setup.hook(Stage.RENDER, Priority.FIRST, context -> link(context, templates, template, config.strategy()));
    }

    private static void link(BuildContext context, Templates templates, String template, String strategy)
            throws Exception {
        List<List<String>> feeds = feeds(context);
        if (feeds.isEmpty()) {
            return;
        }
        Map<String, Post> byPath = new HashMap<>();
        for (Post post : context.posts()) {
            byPath.put(post.path(), post);
        }
        Map<String, Neighbours> neighbours = neighbours(feeds, strategy);
        PostBodies bodies = PostBodies.of(context);
        PostBodies.ContentEdit withLinks = post -> {
            Neighbours around = neighbours.get(post.path());
            if (around == null) {
                return post;
            }
            // watched: links showing a neighbour's description (or text) follow its prose, which
            // the skip plugin's key of every page leaves out
            Map<String, Object> prevnext = Map.of("prev", bodies.watched(templates.postView(byPath.get(around.prev()))),
                    "next", bodies.watched(templates.postView(byPath.get(around.next()))));
            Map<String, Object> values = new HashMap<>();
            values.put("prevnext", prevnext);
            values.put("post", templates.postView(post));
            AtomicBoolean readBodies = new AtomicBoolean();
            AtomicBoolean readDescriptions = new AtomicBoolean();
            String links = bodies.noting(readBodies, readDescriptions,
                    () -> templates.render(post.path(), template, values)).strip();
            if (readBodies.get()) {
                bodies.pageReadBodies(post.path());
            }
            if (readDescriptions.get()) {
                bodies.pageReadDescriptions(post.path());
            }
            // a blank line before and none inside: Markdown passes one HTML block through as written
            return post.withContent(post.content() + "\n\n" + BLANK_LINES.matcher(links).replaceAll("\n") + "\n");
        };
        Skips.of(context).updateChanged(context, withLinks::edit);
        // a post left unrendered keeps its Markdown; a listing that shows it in full needs the links too
        // (that listing read a body: it follows every post's text already)
        bodies.editUnrendered(withLinks);
    }

    /** The posts of each feed the site configures, in order. */
    private static List<List<String>> feeds(BuildContext context) {
        List<List<String>> feeds = new ArrayList<>();
        for (SiteView.Feed feed : context.get(SiteView.FEEDS).map(SiteView.FeedList::feeds).orElse(List.of())) {
            // markata's prevnext goes through the feeds the site configures, not a built-in archive
            if (!feed.config().isEmpty() && !feed.postPaths().isEmpty()) {
                feeds.add(feed.postPaths());
            }
        }
        return feeds;
    }

    private record Neighbours(String prev, String next) {
    }

    /**
     * Each post's neighbours as markata finds them: it joins the feeds' posts into one list,
     * with "first" each feed followed by its first post again, with "all" the whole list followed
     * by its first post, and takes the posts before and after a post's first place in it (the
     * one before the list's first place is its last). So with "first" a feed's last post leads
     * back to the feed's first, and a feed's first post back to the first post of the feed before
     * it (the first feed's, to the last feed's); with "all" the first post's prev is itself.
     */
    private static Map<String, Neighbours> neighbours(List<List<String>> feeds, String strategy) {
        List<String> joined = new ArrayList<>();
        for (List<String> feed : feeds) {
            joined.addAll(feed);
            if (strategy.equals(PrevNextConfig.FIRST)) {
                joined.add(feed.get(0));
            }
        }
        if (strategy.equals(PrevNextConfig.ALL)) {
            joined.add(joined.get(0));
        }
        Map<String, Neighbours> neighbours = new HashMap<>();
        int size = joined.size();
        // the list ends with a post seen before: a post's first place is never the last
        for (int i = 0; i < size - 1; i++) {
            neighbours.putIfAbsent(joined.get(i), new Neighbours(joined.get((i - 1 + size) % size), joined.get(i + 1)));
        }
        return neighbours;
    }

    /**
     * The template's name for {@link Templates}: markata takes a path ("templates/prevnext.html"),
     * which names a file in {@code templates_dir}; a plain name is looked up as any template is.
     */
    static String templateName(Path site, Path templatesDir, String configured) {
        Path path = site.resolve(configured).normalize();
        if (path.startsWith(templatesDir.toAbsolutePath().normalize())) {
            return SitePaths.slashed(templatesDir.toAbsolutePath().normalize().relativize(path));
        }
        return configured;
    }
}
