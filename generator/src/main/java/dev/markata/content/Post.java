package dev.markata.content;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One document of the site, immutable. Plugins never change a post in place: they make a new
 * version with a {@code with...} method and hand the list back to the build
 * ({@code BuildContext.updatePosts}). That keeps per-document parallel work free of shared
 * mutable state: each task reads its own post and returns a new one; the executor publishes
 * the results to the next hook when the batch completes.
 *
 * @param path        source path relative to the site folder, with '/' separators ("posts/a.md")
 * @param slug        the page's URL path without slashes at the ends ("my-post", "index")
 * @param title       the title, or null until {@code auto_title} sets one
 * @param date        the publication date (with its time and zone when given), or null when the front matter has none
 * @param tags        tags, in the order written
 * @param published   whether the post is listed (markata's {@code published}, default false)
 * @param description a short description, or ""
 * @param template    the template for the page ("post.html" unless the front matter says)
 * @param content     the Markdown body, without front matter
 * @param extra       front-matter keys without a typed field, as YAML gave them (immutable)
 * @param html        the body rendered to HTML, or null before render
 * @param page        the full page from the template, or null before the template ran; once
 *                    publish_html wrote it in render (when no plugin reads pages later:
 *                    {@code PluginSetup.readsPages}) a marker that {@link #page()} refuses
 */
public record Post(String path, String slug, String title, PostDate date, List<String> tags, boolean published,
                   String description, String template, String content, Map<String, Object> extra,
                   String html, String page) {

    /** The front-matter key that chooses the page's file, as markata's publish_html reads it. */
    public static final String OUTPUT_HTML = "output_html";

    public static final String DEFAULT_TEMPLATE = "post.html";

    /**
     * Dated posts newest first (by date and time: posts of one day in the order of their times),
     * then undated ones; ties by title then path, for a stable order.
     */
    public static final Comparator<Post> NEWEST_FIRST = Comparator
            .comparing(Post::date, Comparator.nullsLast(Comparator.<PostDate>reverseOrder()))
            .thenComparing(p -> p.title() == null ? "" : p.title())
            .thenComparing(Post::path);

    public Post {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(slug, "slug");
        tags = List.copyOf(tags);
        description = description == null ? "" : description;
        template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        content = content == null ? "" : content;
        extra = freeze(extra);
    }

    public Post withTitle(String newTitle) {
        return new Post(path, slug, newTitle, date, tags, published, description, template, content, extra, html, page);
    }

    public Post withSlug(String newSlug) {
        return new Post(path, newSlug, title, date, tags, published, description, template, content, extra, html, page);
    }

    public Post withDescription(String newDescription) {
        return new Post(path, slug, title, date, tags, published, newDescription, template, content, extra, html, page);
    }

    public Post withContent(String newContent) {
        return new Post(path, slug, title, date, tags, published, description, template, newContent, extra, html, page);
    }

    public Post withHtml(String newHtml) {
        return new Post(path, slug, title, date, tags, published, description, template, content, extra, newHtml, page);
    }

    public Post withPage(String newPage) {
        return new Post(path, slug, title, date, tags, published, description, template, content, extra, html, newPage);
    }

    /** A copy with one extra value set (plugins' own per-post data: "words", "cover"...). */
    public Post withExtra(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return new Post(path, slug, title, date, tags, published, description, template, content, copy, html, page);
    }

    /**
     * What {@code page} holds once publish_html wrote the page in render and the post keeps none
     * ({@link #withPageWritten}): known by identity, never equal to a page a template made, so
     * that a read of the page the build did not keep ({@link #page}) fails instead of giving null.
     */
    @SuppressWarnings("StringOperationCanBeSimplified") // a String of its own, compared by identity
    private static final String WRITTEN = new String("(written in render, not kept)");

    /**
     * The full page from the template, or null before the template ran (or when the post has no
     * page of its own).
     *
     * @throws PageNotKept when publish_html wrote it in render and the post kept none
     *                     ({@link #pageWritten}): a plugin that reads pages after render says so
     *                     ({@code PluginSetup.readsPages}); a null here made its work silently
     *                     wrong (a search index without the pages' text)
     */
    public String page() {
        if (page == WRITTEN) {
            throw new PageNotKept(path);
        }
        return page;
    }

    /**
     * Whether publish_html wrote the post's page in render and the post keeps none: this build
     * keeps no page, as no plugin said it reads them after render ({@code PluginSetup.readsPages}).
     */
    public boolean pageWritten() {
        return page == WRITTEN;
    }

    /** A copy that says its page was written in render and is not kept ({@link #pageWritten}). */
    public Post withPageWritten() {
        return page == WRITTEN ? this : withPage(WRITTEN);
    }

    /** The page of a post was read where the build kept none ({@link #page}). */
    public static final class PageNotKept extends IllegalStateException {
        PageNotKept(String path) {
            super(path + ": its page was read after render, and this build kept no page: publish_html wrote each"
                    + " page in render, as no plugin said that it reads pages later. A plugin that reads or changes"
                    + " pages after post_template says so in its setup: setup.readsPages() (a program that reads a"
                    + " build's pages opens it with Markata.Builder.keepPages())");
        }
    }

    /** The title, or the slug when there is none yet. */
    public String displayTitle() {
        return title == null || title.isBlank() ? slug : title;
    }

    /**
     * The page's path under the output folder: "my-post/index.html", or "index.html" for the index
     * slug, or the front matter's {@code output_html} when it names a file inside the output
     * folder (markata's blog starter gives its 404.md {@code output_html: 404.html}, the page
     * hosts show for a missing address).
     */
    public String outputPath() {
        String chosen = chosenOutputPath();
        if (chosen != null) {
            return chosen;
        }
        return slug.equals("index") || slug.isEmpty() ? "index.html" : slug + "/index.html";
    }

    /**
     * The front matter's {@code output_html} as a path inside the output folder ("./" dropped),
     * or null when there is none or it is absolute, climbs out with "..", or names a folder.
     */
    String chosenOutputPath() {
        if (!(extra.get(OUTPUT_HTML) instanceof String value)) {
            return null;
        }
        String relative = value.strip().replace('\\', '/');
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        if (relative.isEmpty() || relative.startsWith("/") || relative.endsWith("/") || relative.contains(":")
                || Arrays.asList(relative.split("/")).contains("..")) {
            return null;
        }
        return relative;
    }

    /** The front matter's {@code output_html} when it is given but cannot be used, or null. */
    public String unusableOutputHtml() {
        Object value = extra.get(OUTPUT_HTML);
        return value != null && chosenOutputPath() == null ? String.valueOf(value) : null;
    }

    private static Map<String, Object> freeze(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (map instanceof FrozenExtra frozen) {
            return frozen;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freezeValue(v)));
        return new FrozenExtra(copy);
    }

    /**
     * A post's extras once {@link #freeze} has copied them, deeply unmodifiable, so that a copy of
     * the post ({@code withHtml}, {@code withPage}...) keeps the very same map instead of copying
     * it again: render and save copy every post, and {@code SiteView} knows its fingerprint of
     * the posts is unchanged only while each post's fields are the same objects (else it hashes
     * every post again, ~70 ms at 10,000 posts).
     */
    private static final class FrozenExtra extends AbstractMap<String, Object> {
        private final Map<String, Object> entries;

        FrozenExtra(Map<String, Object> entries) {
            this.entries = Collections.unmodifiableMap(entries);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public Object get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freezeValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freezeValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
