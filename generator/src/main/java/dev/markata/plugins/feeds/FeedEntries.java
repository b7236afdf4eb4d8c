package dev.markata.plugins.feeds;

import dev.markata.content.Post;
import dev.markata.config.SiteConfig;
import dev.markata.content.PostDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The RSS items and Atom entries of the built-in feed XML ({@link FeedXml}) as written (in UTF-8), by post,
 * with what each showed of its post: kept in memory across the builds of one process
 * ({@code serve --watch}), so that a feed written again after an edit of one post's description
 * (the archive's RSS and Atom list every post's) writes that post's entry and copies the others,
 * where escaping and formatting 10,000 entries twice was most of what such an edit cost in the
 * feeds. An entry is a function of what it shows alone (see {@link Shown}): one whose post shows
 * the same is the same text, so a kept one is only used when all of that is equal.
 */
final class FeedEntries {

    /**
     * What an entry shows: the site's base address, the post's displayed title, address, date,
     * description and tags, and, for an Atom entry of a post without a date, the feed's
     * {@code updated} that it shows instead (null otherwise). Equality by hand: a record's own
     * is linked at first use through method handles, and this one is compared 20,000 times a build.
     */
    record Shown(String base, String title, String href, PostDate date, String description, List<String> tags,
                 PostDate updated) {

        static Shown of(SiteConfig site, Post post, PostDate updated) {
            return new Shown(site.baseUrl(), post.displayTitle(), site.pagePath(post.slug()), post.date(), post.description(), post.tags(),
                    post.date() == null ? updated : null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shown that && base.equals(that.base) && title.equals(that.title)
                    && href.equals(that.href) && Objects.equals(date, that.date)
                    && description.equals(that.description) && tags.equals(that.tags)
                    && Objects.equals(updated, that.updated);
        }

        @Override
        public int hashCode() {
            return Objects.hash(href, title, description);
        }
    }

    private record Entry(Shown shown, byte[] text) {
    }

    /** No entries kept: each is written as asked (one-off XML such as the rss plugin's). */
    static final FeedEntries NONE = new FeedEntries(false);

    private final boolean keeps;
    private final Map<String, Entry> rss = new ConcurrentHashMap<>();
    private final Map<String, Entry> atom = new ConcurrentHashMap<>();

    FeedEntries() {
        this(true);
    }

    private FeedEntries(boolean keeps) {
        this.keeps = keeps;
    }

    /** The RSS item of a post that shows {@code shown}, kept from an earlier build or written by {@code write}. */
    byte[] rss(String path, Shown shown, Function<Shown, byte[]> write) {
        return entry(rss, path, shown, write);
    }

    /** The Atom entry of a post that shows {@code shown}, kept from an earlier build or written by {@code write}. */
    byte[] atom(String path, Shown shown, Function<Shown, byte[]> write) {
        return entry(atom, path, shown, write);
    }

    private byte[] entry(Map<String, Entry> entries, String path, Shown shown, Function<Shown, byte[]> write) {
        if (!keeps) {
            return write.apply(shown);
        }
        Entry kept = entries.get(path);
        if (kept != null && kept.shown().equals(shown)) {
            return kept.text();
        }
        byte[] text = write.apply(shown);
        entries.put(path, new Entry(shown, text));
        return text;
    }

    /**
     * Forgets the entries of posts the build no longer has (renamed, deleted) once they could be
     * as many as the site's, so memory follows the site.
     */
    void keepOnly(Set<String> paths) {
        // only when there can be more than a few: the look-ups cost more than the rare entry of a renamed post
        if (rss.size() + atom.size() > 2 * paths.size()) {
            rss.keySet().retainAll(paths);
            atom.keySet().retainAll(paths);
        }
    }
}
