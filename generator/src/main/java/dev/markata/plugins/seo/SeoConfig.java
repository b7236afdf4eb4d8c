package dev.markata.plugins.seo;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigProblems;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.config.SiteConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys markata's seo plugin reads, all at the top of {@code [markata]} as markata has them
 * ({@code [[markata.seo]]} is a list of extra meta tags there, not a settings table). The core's
 * own keys ({@code url}, {@code title}, {@code author_name}, {@code author_email}) come from
 * {@link SiteConfig} ({@link #withSite}), which has checked them, so a wrong one is reported once.
 *
 * @param imagesUrl      where relative image paths are served from ({@code images_url}, default
 *                       {@code url}); null until {@link #withSite} when not set
 * @param siteName       {@code site_name}, default the site's {@code title}; null until {@link #withSite} when not set
 * @param authorName     {@code author_name}
 * @param authorEmail    {@code author_email}
 * @param twitterCreator {@code twitter_creator}, e.g. "@someone"
 * @param twitterCard    {@code twitter_card}, one of Twitter's card types
 * @param defaultCover   {@code default_cover}: the image of posts without a {@code cover}, or ""
 * @param coversOg       whether the covers plugin draws {@code <slug>-og.png} for every post (a
 *                       {@code [[markata.covers]]} entry named {@code -og}): markata's own {@code og:image}
 * @param extra          {@code [[markata.seo]]}: meta tags written first, each its attributes in order
 */
record SeoConfig(String imagesUrl, String siteName, String authorName, String authorEmail,
                 String twitterCreator, String twitterCard, String defaultCover, boolean coversOg,
                 List<Map<String, String>> extra) {

    static final List<String> TWITTER_CARDS = List.of("summary", "summary_large_image", "app", "player");
    /** An HTML attribute name a meta tag can carry (no quotes, spaces, '=', '<', '>' or '/'). */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]*");

    /** Read through a name of its own: {@code seo} in {@code [markata]} is markata's list of tags. */
    static final ConfigSection<SeoConfig> SECTION = new ConfigSection<>("seo_settings", SeoConfig::read);

    SeoConfig {
        extra = List.copyOf(extra);
    }

    private static SeoConfig read(ConfigTable section, ConfigTable markata) throws ConfigException {
        ConfigProblems problems = new ConfigProblems();
        SeoConfig config = new SeoConfig(problems.read(() -> markata.string("images_url", null), null),
                problems.read(() -> markata.string("site_name", null), null), "", "",
                problems.read(() -> markata.string("twitter_creator", ""), ""),
                problems.read(() -> markata.choice("twitter_card", "summary_large_image", TWITTER_CARDS),
                        "summary_large_image"),
                problems.read(() -> markata.string("default_cover", ""), "").strip(), false,
                problems.read(() -> extra(markata), List.of()));
        problems.throwIfAny();
        return config;
    }

    /** With the core's keys, the defaults that follow from them, and whether covers draws {@code -og} images. */
    SeoConfig withSite(SiteConfig site, boolean drawnOgCovers) {
        // with the path_prefix: where the pages and the images of assets_dir are served
        return new SeoConfig(imagesUrl == null ? site.servedUrl() : imagesUrl,
                siteName == null ? site.title() : siteName, site.authorName(), site.authorEmail(), twitterCreator,
                twitterCard, defaultCover, drawnOgCovers, extra);
    }

    /** {@code [[markata.seo]]}: tables of attribute names to text values. */
    private static List<Map<String, String>> extra(ConfigTable markata) throws ConfigException {
        String allowed = "must be an array of tables of meta tag attributes, like"
                + " [[markata.seo]] name = \"og:locale\", content = \"en_GB\" (names of letters, digits, - _ : .;"
                + " text values)";
        if (markata.raw("seo").isEmpty()) {
            return List.of();
        }
        List<ConfigTable> tables;
        try {
            tables = markata.tables("seo");
        } catch (ConfigException e) {
            throw markata.error("seo", allowed);
        }
        List<Map<String, String>> tags = new ArrayList<>();
        for (ConfigTable table : tables) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (Map.Entry<String, Object> attribute : table.asMap().entrySet()) {
                if (!ATTRIBUTE.matcher(attribute.getKey()).matches() || !(attribute.getValue() instanceof String value)) {
                    throw markata.error("seo", allowed + "; " + attribute.getKey() + " is not");
                }
                attributes.put(attribute.getKey(), value);
            }
            if (attributes.isEmpty()) {
                throw markata.error("seo", allowed + "; one is empty");
            }
            tags.add(attributes);
        }
        return tags;
    }
}
