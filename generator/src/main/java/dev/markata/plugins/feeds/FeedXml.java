package dev.markata.plugins.feeds;

import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.content.PostDate;
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


    static String href(Post post) {
        return post.slug().equals("index") ? "/" : "/" + post.slug() + "/";
    }

    /** The stylesheet the feeds' RSS names ({@code rss.xsl} at the top of the output folder), as markata's does. */
    static final String STYLESHEET = "rss.xsl";

    /**
     * A feed's RSS; {@code styled}: naming the feeds' stylesheet (markata's feeds' RSS does,
     * its rss plugin's does not).
     */
    static String rss(SiteConfig site, FeedConfig feed, List<Post> posts, boolean styled) {
        String base = site.baseUrl();
        StringBuilder xml = new StringBuilder(256 + posts.size() * 256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (styled) {
            // under the path prefix, where the site serves it (markata's rss.xml names /rss.xsl, which a
            // site served under a prefix does not have)
            xml.append("<?xml-stylesheet href=\"" + site.filePath(STYLESHEET) + "\" type=\"text/xsl\"?>\n");
        }
        xml.append("<rss version=\"2.0\" "
                + "xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        element(xml, "  ", "title", site.title() + (feed.name().equals(FeedConfig.ARCHIVE) ? "" : " - " + feed.title()));
        element(xml, "  ", "link", base + site.pagePath(feed.slug()));
        element(xml, "  ", "description", feed.description().isEmpty() ? site.description() : feed.description());
        element(xml, "  ", "language", site.lang());
        xml.append("  <atom:link href=\"").append(escape(base + site.pagePath(feed.slug()) + "rss.xml"))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        for (Post post : posts) {
            xml.append("  <item>\n");
            element(xml, "    ", "title", post.displayTitle());
            element(xml, "    ", "link", base + site.pagePath(post.slug()));
            xml.append("    <guid isPermaLink=\"true\">").append(escape(base + site.pagePath(post.slug())))
                    .append("</guid>\n");
            if (post.date() != null) {
                element(xml, "    ", "pubDate", RFC_822.format(post.date().atOffset()));
            }
            element(xml, "    ", "description", post.description());
            for (String tag : post.tags()) {
                element(xml, "    ", "category", tag);
            }
            xml.append("  </item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    static String atom(SiteConfig site, FeedConfig feed, List<Post> posts) {
        String base = site.baseUrl();
        PostDate updated = posts.stream().map(Post::date).filter(d -> d != null).max(PostDate::compareTo)
                .orElse(EPOCH);
        StringBuilder xml = new StringBuilder(256 + posts.size() * 256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        element(xml, "  ", "title", site.title() + (feed.name().equals(FeedConfig.ARCHIVE) ? "" : " - " + feed.title()));
        element(xml, "  ", "id", base + site.pagePath(feed.slug()));
        xml.append("  <link href=\"").append(escape(base + site.pagePath(feed.slug()))).append("\"/>\n");
        xml.append("  <link rel=\"self\" href=\"").append(escape(base + site.pagePath(feed.slug()) + "atom.xml"))
                .append("\"/>\n");
        element(xml, "  ", "updated", timestamp(updated));
        if (!site.authorName().isEmpty()) {
            xml.append("  <author>\n");
            element(xml, "    ", "name", site.authorName());
            xml.append("  </author>\n");
        }
        for (Post post : posts) {
            xml.append("  <entry>\n");
            element(xml, "    ", "title", post.displayTitle());
            xml.append("    <link href=\"").append(escape(base + site.pagePath(post.slug()))).append("\"/>\n");
            element(xml, "    ", "id", base + site.pagePath(post.slug()));
            element(xml, "    ", "updated", timestamp(post.date() != null ? post.date() : updated));
            if (!post.description().isEmpty()) {
                element(xml, "    ", "summary", post.description());
            }
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** Every post's page and every feed page. */
    static String sitemap(SiteConfig site, Collection<Post> posts, Collection<FeedConfig> feeds) {
        String base = site.baseUrl();
        StringBuilder xml = new StringBuilder(128 + posts.size() * 128);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Post post : posts) {
            xml.append("  <url>\n");
            element(xml, "    ", "loc", base + site.pagePath(post.slug()));
            if (post.date() != null) {
                // a day alone as before; with a time, W3C's date and time with its zone
                element(xml, "    ", "lastmod", post.date().hasTime() ? timestamp(post.date())
                        : post.date().date().toString());
            }
            xml.append("  </url>\n");
        }
        for (FeedConfig feed : feeds) {
            xml.append("  <url>\n");
            element(xml, "    ", "loc", base + site.pagePath(feed.slug()));
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
