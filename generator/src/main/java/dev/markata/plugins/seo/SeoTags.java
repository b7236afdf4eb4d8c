package dev.markata.plugins.seo;

import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.plugin.PluginException;
import dev.markata.plugins.post_template.Templates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tags markata's seo plugin adds to a post's page, in its order: the site's
 * {@code [[markata.seo]]} tags, then {@code og:author}, {@code og:author_email},
 * {@code og:type}, {@code description}, {@code og:description}, {@code twitter:description},
 * {@code og:title} and {@code twitter:title} ("title | site name", cut to 60 characters),
 * {@code og:image}, {@code twitter:image}, {@code twitter:card}, {@code og:site_name},
 * {@code twitter:creator}, {@code title}, {@code generator}, then {@code <link rel="canonical">}
 * and {@code og:url}; each meta tag carries its key as both {@code name} and {@code property}
 * as markata writes them. Every value is escaped for an attribute: titles and descriptions are
 * authors' text.
 *
 * <p>Unlike markata, which appends them all, a tag whose key the template's head already has
 * (as {@code name} or {@code property}; a canonical link) is not added again: the template's
 * own wins, so a page never says two things. A tag with nothing to say (no author, no image,
 * no {@code twitter_creator}) is left out rather than written empty.
 */
final class SeoTags {

    /** A scheme ("https:") or a protocol-relative "//": an image address used as written. */
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|//).*", Pattern.DOTALL);
    private static final Pattern LEADING_SLASHES = Pattern.compile("^/+");
    private static final int TITLE_LIMIT = 60;
    /** The {@code [[markata.covers]]} name whose images markata's seo names: {@code <slug>-og.png}. */
    static final String OG_COVER = "-og";

    private SeoTags() {
    }

    /**
     * {@code page} with the post's tags added at the end of its head; a page without a head unchanged.
     *
     * @param address the page's address, for the canonical link and {@code og:url} ({@link SiteConfig#pageUrl})
     */
    static String add(String page, Post post, SeoConfig config, String address) throws PluginException {
        HeadTags head = HeadTags.scan(page);
        if (head.insertAt() < 0) {
            return page;
        }
        StringBuilder tags = new StringBuilder();
        Set<String> added = new HashSet<>();
        for (Map<String, String> meta : metas(post, config)) {
            // a key the head has, or an earlier tag here (a [[markata.seo]] one) has, is said once
            List<String> keys = new ArrayList<>();
            for (String attribute : List.of("name", "property")) {
                if (meta.containsKey(attribute)) {
                    keys.add(meta.get(attribute).strip().toLowerCase(Locale.ROOT));
                }
            }
            if (keys.stream().anyMatch(key -> head.has(key) || added.contains(key))) {
                continue;
            }
            added.addAll(keys);
            tags.append("<meta");
            meta.forEach((name, value) -> tags.append(' ').append(name).append("=\"")
                    .append(Templates.escape(value)).append('"'));
            tags.append(">\n");
        }
        if (!head.has(HeadTags.CANONICAL)) {
            tags.append("<link rel=\"canonical\" href=\"").append(Templates.escape(address)).append("\">\n");
        }
        if (!head.has("og:url") && !added.contains("og:url")) {
            tags.append(tag("og:url", address));
        }
        return head.insert(page, tags.toString());
    }

    /** The meta tags, in markata's order, each its attributes in order. */
    static List<Map<String, String>> metas(Post post, SeoConfig config) throws PluginException {
        List<Map<String, String>> metas = new ArrayList<>(config.extra());
        String title = post.displayTitle();
        String description = post.description().strip();
        String titled = config.siteName().isBlank() ? title : title + " | " + config.siteName();
        titled = firstCodePoints(titled, TITLE_LIMIT);
        String image = image(post, config);
        add(metas, "og:author", config.authorName());
        add(metas, "og:author_email", config.authorEmail());
        add(metas, "og:type", "website");
        add(metas, "description", description);
        add(metas, "og:description", description);
        add(metas, "twitter:description", description);
        add(metas, "og:title", titled);
        add(metas, "twitter:title", titled);
        add(metas, "og:image", image);
        add(metas, "twitter:image", image);
        add(metas, "twitter:card", config.twitterCard());
        add(metas, "og:site_name", config.siteName());
        add(metas, "twitter:creator", config.twitterCreator());
        add(metas, "title", title);
        add(metas, "generator", "markata-java");
        return metas;
    }

    private static void add(List<Map<String, String>> metas, String key, String content) {
        if (content == null || content.isBlank()) {
            return;
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", key);
        meta.put("property", key);
        meta.put("content", content);
        metas.add(meta);
    }

    private static String tag(String key, String content) {
        return "<meta name=\"" + key + "\" property=\"" + key + "\" content=\"" + Templates.escape(content) + "\">\n";
    }

    /**
     * The post's {@code cover} (front matter), else the covers plugin's {@code <slug>-og.png}
     * when it draws them, else {@code default_cover}: an address with a scheme as written, a path
     * under {@code images_url} (which is {@code url} unless set).
     */
    static String image(Post post, SeoConfig config) throws PluginException {
        Object cover = post.extra().get("cover");
        if (cover != null && !(cover instanceof String)) {
            throw new PluginException(post.path() + ": cover must be text: an image's address or its path on the"
                    + " site (\"/images/a.png\"), not " + cover);
        }
        String image = cover != null && !((String) cover).isBlank() ? ((String) cover).strip()
                : config.coversOg() ? post.slug() + OG_COVER + ".png" : config.defaultCover();
        if (image.isEmpty() || ABSOLUTE.matcher(image).matches()) {
            return image;
        }
        return SiteConfig.baseUrl(config.imagesUrl()) + "/" + LEADING_SLASHES.matcher(image).replaceFirst("");
    }

    /** Python's {@code text[:limit]}: whole code points, so an emoji is never cut in half. */
    static String firstCodePoints(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit));
    }
}
