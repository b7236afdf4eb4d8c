package dev.markata.plugins.feeds;

import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** RSS 2.0, Atom and sitemap documents, written directly (small, escaped, deterministic). */
final class FeedXml {

    /** A post's date and time with its zone (UTC when none was given), as feedgen writes markata's. */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);
    /** Seconds always, a fraction only when there is one, {@code Z} for UTC. */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final PostDate EPOCH = PostDate.of(LocalDate.of(1970, 1, 1));

    private FeedXml() {
    }

    /** The stylesheet the feeds' RSS names ({@code rss.xsl} at the top of the output folder), as markata's does. */
    static final String STYLESHEET = "rss.xsl";

    /**
     * A feed's RSS; {@code styled}: naming the feeds' stylesheet (markata's feeds' RSS does,
     * its rss plugin's does not).
     */
    static String rss(SiteConfig site, FeedConfig feed, List<Post> posts, boolean styled) {
        return new String(rss(site, feed, posts, styled, FeedEntries.NONE), StandardCharsets.UTF_8);
    }

    /**
     * {@link #rss(SiteConfig, FeedConfig, List, boolean)} in UTF-8, with the items of
     * {@code entries}: the file's bytes put together from theirs (10,000 items are ~5 MB, which a
     * builder grew, copied into a string and encoded once per file cost more than the items).
     */
    static byte[] rss(SiteConfig site, FeedConfig feed, List<Post> posts, boolean styled, FeedEntries entries) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (styled) {
            // under the path prefix, where the site serves it (markata's rss.xml names /rss.xsl, which a
            // site served under a prefix does not have)
            xml.append("<?xml-stylesheet href=\"" + site.filePath(STYLESHEET) + "\" type=\"text/xsl\"?>\n");
        }
        xml.append("<rss version=\"2.0\" "
                + "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        element(xml, "  ", "title", site.title() + (feed.name().equals(FeedConfig.ARCHIVE) ? "" : " - " + feed.title()));
        element(xml, "  ", "link", site.pageUrl(feed.slug()));
        element(xml, "  ", "description", feed.description().isEmpty() ? site.description() : feed.description());
        element(xml, "  ", "language", site.lang());
        xml.append("  <atom:link href=\"").append(escape(site.pageUrl(feed.slug()) + "rss.xml"))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        byte[][] items = new byte[posts.size()][];
        for (int i = 0; i < items.length; i++) {
            Post post = posts.get(i);
            items[i] = entries.rss(post.path(), FeedEntries.Shown.of(site, post, null), FeedXml::rssItem);
        }
        return joined(xml.toString(), items, "</channel>\n</rss>\n");
    }

    /** {@code head}, the parts and {@code tail} in UTF-8, in one array of their length. */
    private static byte[] joined(String head, byte[][] parts, String tail) {
        byte[] first = head.getBytes(StandardCharsets.UTF_8);
        byte[] last = tail.getBytes(StandardCharsets.UTF_8);
        long length = first.length + last.length;
        for (byte[] part : parts) {
            length += part.length;
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a feed of " + parts.length + " entries is over 2 GB");
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(first, 0, out, 0, first.length);
        int at = first.length;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        System.arraycopy(last, 0, out, at, last.length);
        return out;
    }

    /** A post's {@code <item>} in UTF-8: what it shows alone. */
    private static byte[] rssItem(FeedEntries.Shown post) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("  <item>\n");
        element(xml, "    ", "title", post.title());
        element(xml, "    ", "link", post.base() + post.href());
        xml.append("    <guid isPermaLink=\"true\">").append(escape(post.base() + post.href())).append("</guid>\n");
        if (post.date() != null) {
            element(xml, "    ", "pubDate", RFC_822.format(post.date().atOffset()));
        }
        element(xml, "    ", "description", post.description());
        for (String tag : post.tags()) {
            element(xml, "    ", "category", tag);
        }
        return xml.append("  </item>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static String atom(SiteConfig site, FeedConfig feed, List<Post> posts) {
        return new String(atom(site, feed, posts, FeedEntries.NONE), StandardCharsets.UTF_8);
    }

    /** {@link #atom(SiteConfig, FeedConfig, List)} in UTF-8, with the entries of {@code entries} (as {@link #rss}). */
    static byte[] atom(SiteConfig site, FeedConfig feed, List<Post> posts, FeedEntries entries) {
        PostDate updated = posts.stream().map(Post::date).filter(d -> d != null).max(PostDate::compareTo)
                .orElse(EPOCH);
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(xml, "  ", "title", site.title() + (feed.name().equals(FeedConfig.ARCHIVE) ? "" : " - " + feed.title()));
        element(xml, "  ", "id", site.pageUrl(feed.slug()));
        xml.append("  <link href=\"").append(escape(site.pageUrl(feed.slug()))).append("\"/>\n");
        xml.append("  <link rel=\"self\" href=\"").append(escape(site.pageUrl(feed.slug()) + "atom.xml"))
                .append("\"/>\n");
        element(xml, "  ", "updated", timestamp(updated));
        if (!site.authorName().isEmpty()) {
            xml.append("  <author>\n");
            element(xml, "    ", "name", site.authorName());
            xml.append("  </author>\n");
        }
        byte[][] items = new byte[posts.size()][];
        for (int i = 0; i < items.length; i++) {
            Post post = posts.get(i);
            items[i] = entries.atom(post.path(), FeedEntries.Shown.of(site, post, updated), FeedXml::atomEntry);
        }
        return joined(xml.toString(), items, "</feed>\n");
    }

    /** A post's {@code <entry>} in UTF-8: what it shows alone (a post without a date shows the feed's {@code updated}). */
    private static byte[] atomEntry(FeedEntries.Shown post) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("  <entry>\n");
        element(xml, "    ", "title", post.title());
        xml.append("    <link href=\"").append(escape(post.base() + post.href())).append("\"/>\n");
        element(xml, "    ", "id", post.base() + post.href());
        element(xml, "    ", "updated", timestamp(post.date() != null ? post.date() : post.updated()));
        if (!post.description().isEmpty()) {
            element(xml, "    ", "summary", post.description());
        }
        return xml.append("  </entry>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every post's page and every feed page. */
    static String sitemap(SiteConfig site, Collection<Post> posts, Collection<FeedConfig> feeds) {
        StringBuilder xml = new StringBuilder(128 + posts.size() * 128);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Post post : posts) {
            xml.append("  <url>\n");
            element(xml, "    ", "loc", site.pageUrl(post.slug()));
            if (post.date() != null) {
                // a day alone as before; with a time, W3C's date and time with its zone
                element(xml, "    ", "lastmod", post.date().hasTime() ? timestamp(post.date())
                        : post.date().date().toString());
            }
            xml.append("  </url>\n");
        }
        for (FeedConfig feed : feeds) {
            xml.append("  <url>\n");
            element(xml, "    ", "loc", site.pageUrl(feed.slug()));
            xml.append("  </url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    /** RFC 3339, for Atom and sitemaps: {@code 2024-05-01T00:00:00Z}, {@code 2024-05-01T10:30:00+02:00}. */
    private static String timestamp(PostDate date) {
        return RFC_3339.format(date.atOffset());
    }

    private static void element(StringBuilder xml, String indent, String name, String text) {
        xml.append(indent).append('<').append(name).append('>').append(escape(text)).append("</").append(name)
                .append(">\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 does not allow are dropped
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
