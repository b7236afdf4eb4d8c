package dev.markata.plugins.wikilink_hover;

import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.plugins.post_template.Templates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds markata-go's hover data to the wikilinks of a page: on each {@code <a>} of class
 * {@code wikilink} whose {@code href} is a post's page, {@code data-preview} (the target's
 * description, cut to {@code preview_length} as markata-go cuts it), {@code data-preview-image}
 * (its {@code image}, {@code featured_image}, {@code cover_image}, {@code og_image} or
 * {@code thumbnail}, the first given) and {@code data-preview-screenshot} (the service's address
 * followed by the target's path), in that order, before the tag's {@code >}; values escaped.
 *
 * <p>A target without a description gets no {@code data-preview}: markata-go falls back on the
 * target's text, here the description is auto_description's text of its paragraphs unless the post
 * sets one. A link that already has {@code data-preview} (the author's HTML) is left as it is.
 */
final class WikilinkPreviews {

    /** A start tag of an element of class wikilink (as render_markdown writes them, quoted with "). */
    private static final Pattern WIKILINK = Pattern.compile("<a\\s[^>]*\\bclass=\"(?:[^\"]*\\s)?wikilink(?:\\s[^\"]*)?\"[^>]*>");
    private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]*)\"");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final List<String> IMAGE_KEYS = List.of("image", "featured_image", "cover_image", "og_image", "thumbnail");

    private final Map<String, Post> byHref = new HashMap<>();
    private final WikilinkHoverConfig config;
    private final SiteConfig site;

    /** @param site where wikilinks lead ({@link SiteConfig#pagePath}: "/slug/", under the path prefix) */
    WikilinkPreviews(List<Post> posts, SiteConfig site, WikilinkHoverConfig config) {
        this.config = config;
        this.site = site;
        for (Post post : posts) {
            byHref.put(site.pagePath(post.slug()), post);
        }
    }

    /** {@code page} with the previews added, or the very same string when no link gets one. */
    String add(String page) {
        return add(page, () -> { });
    }

    /**
     * {@link #add(String)}, calling {@code targetRead} when a link's target is a post, whose
     * description then decides the page (skip stores such a page under a key that covers
     * every post's descriptions).
     */
    String add(String page, Runnable targetRead) {
        if (!page.contains("wikilink")) {
            return page;
        }
        Matcher tag = WIKILINK.matcher(page);
        StringBuilder out = null;
        int copied = 0;
        while (tag.find()) {
            String attributes = attributes(tag.group(), targetRead);
            if (attributes.isEmpty()) {
                continue;
            }
            out = out == null ? new StringBuilder(page.length() + 1024) : out;
            out.append(page, copied, tag.end() - 1).append(' ').append(attributes).append('>');
            copied = tag.end();
        }
        return out == null ? page : out.append(page, copied, page.length()).toString();
    }

    /** The data attributes for one wikilink's start tag, "" for none. */
    private String attributes(String tag, Runnable targetRead) {
        Matcher href = HREF.matcher(tag);
        if (tag.contains("data-preview") || !href.find()) {
            return "";
        }
        String path = href.group(1).replace("&amp;", "&");
        int cut = path.indexOf('#');
        path = cut >= 0 ? path.substring(0, cut) : path;
        Post target = byHref.get(path);
        if (target == null) {
            target = byHref.get(path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/");
        }
        if (target == null) {
            return "";
        }
        targetRead.run();
        StringBuilder attributes = new StringBuilder();
        String description = target.description().strip();
        if (!description.isEmpty()) {
            attribute(attributes, "data-preview", truncate(description, config.previewLength()));
        }
        if (config.includeImage()) {
            for (String key : IMAGE_KEYS) {
                if (target.extra().get(key) instanceof String image && !image.isBlank()) {
                    attribute(attributes, "data-preview-image", image.strip());
                    break;
                }
            }
        }
        if (!config.screenshotService().isEmpty()) {
            attribute(attributes, "data-preview-screenshot", config.screenshotService() + site.pagePath(target.slug()));
        }
        return attributes.toString();
    }

    private static void attribute(StringBuilder attributes, String name, String value) {
        attributes.append(attributes.isEmpty() ? "" : " ").append(name).append("=\"").append(Templates.escape(value))
                .append('"');
    }

    /**
     * markata-go's cut: white space made single spaces; text longer than {@code max} characters
     * (code points) cut to them, back to the last space when it is past half of them, and
     * followed by "...".
     */
    static String truncate(String text, int max) {
        String clean = SPACES.matcher(text.strip()).replaceAll(" ");
        if (clean.codePointCount(0, clean.length()) <= max) {
            return clean;
        }
        String cut = clean.substring(0, clean.offsetByCodePoints(0, max));
        int lastSpace = cut.lastIndexOf(' ');
        if (lastSpace > max / 2) {
            cut = cut.substring(0, lastSpace);
        }
        return cut.strip() + "...";
    }
}
