package dev.markata.plugins.feeds;

import dev.markata.plugin.BuildContext;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A feed's {@code rss_template}, {@code sitemap_template} and {@code xsl_template}, as markata's
 * FeedConfig has them (defaults {@code rss.xml}, {@code sitemap.xml}, {@code rss.xsl}, looked up
 * as markata's jinja_env does: by name in the template folders, then as a file's path, then as
 * the template's own text). markata renders a feed's {@code rss.xml} and {@code sitemap.xml}
 * from them with {@code markata} and {@code feed}, and the site's one {@code rss.xsl} from the
 * {@code xsl_template} of the feed it wrote last, with {@code markata}, {@code config},
 * {@code today} and {@code __version__}. A feed whose RSS or sitemap template is the default and
 * the site has no template of that name gets markata-java's own XML ({@link FeedXml}: dates in
 * RFC 822 and 3339, escaped as XML, an Atom self link), as markata's default templates make much
 * the same files. markata's default {@code rss.xml} names its stylesheet {@code /rss.xsl}, from
 * the top of the host, which a site served under a {@code path_prefix} does not have there; the
 * built-in RSS names it under the prefix ({@code /project/rss.xsl}), where the site has it.
 */
final class XmlTemplates {

    static final String RSS = "rss_template";
    static final String SITEMAP = "sitemap_template";
    static final String XSL = "xsl_template";
    static final Map<String, String> DEFAULTS = Map.of(RSS, "rss.xml", SITEMAP, "sitemap.xml", XSL, FeedXml.STYLESHEET);

    private final BuildContext context;
    private final Templates templates;
    private SiteView site;

    XmlTemplates(BuildContext context, Templates templates) {
        this.context = context;
        this.templates = templates;
    }

    /** The template a feed's setting names, as written, or its default. */
    static String named(FeedConfig feed, String key) {
        return feed.raw().get(key) instanceof String name && !name.isBlank() ? name.strip() : DEFAULTS.get(key);
    }

    /**
     * The feed's RSS ({@link #RSS}) or sitemap ({@link #SITEMAP}) from its template, or
     * {@code builtIn}'s XML when the feed names the default and the site has no such template
     * (or the feed has no page, the site's rss.xml of a site without an archive feed).
     */
    String render(FeedConfig feed, String key, Callable<String> builtIn) throws Exception {
        String name = named(feed, key);
        if (isBuiltIn(feed, key)) {
            return builtIn.call();
        }
        Optional<Object> view = feedView(feed);
        if (view.isEmpty()) {
            return builtIn.call();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("markata", site().markata());
        values.put("feed", view.get());
        return templates.render("feed " + feed.name(), name, values);
    }

    /**
     * Whether the feed's {@link #RSS} or {@link #SITEMAP} is markata-java's own XML: the feed
     * names the default template and the site has none of that name.
     */
    boolean isBuiltIn(FeedConfig feed, String key) {
        String name = named(feed, key);
        return name.equals(DEFAULTS.get(key)) && !Files.isRegularFile(context.site().templatesDir().resolve(name));
    }

    /** {@code rss.xsl} from the last feed's {@link #XSL} (the built-in theme's {@code rss.xsl} by default). */
    String stylesheet(List<FeedConfig> feeds) throws Exception {
        String name = feeds.isEmpty() ? FeedXml.STYLESHEET : named(feeds.get(feeds.size() - 1), XSL);
        Map<String, Object> values = new HashMap<>();
        // the view of every post only if the stylesheet reads it (the built-in one reads config alone)
        values.put("markata", SiteView.lazyMarkata(context, templates));
        values.put("today", LocalDate.now().toString());
        return templates.render(FeedXml.STYLESHEET, name, values);
    }

    @SuppressWarnings("unchecked")
    private Optional<Object> feedView(FeedConfig feed) throws Exception {
        Object feeds = site().markata().get("feeds");
        return feeds instanceof Map<?, ?> map ? Optional.ofNullable(((Map<String, Object>) map).get(feed.name()))
                : Optional.empty();
    }

    /** Made on first need: a build whose feed files are all unchanged renders none. */
    private SiteView site() throws Exception {
        if (site == null) {
            site = SiteView.of(context, templates);
        }
        return site;
    }
}
