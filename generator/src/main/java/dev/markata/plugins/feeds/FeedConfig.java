package dev.markata.plugins.feeds;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.plugins.load.PydanticBool;
import dev.markata.plugins.load.Slugs;
import dev.markata.plugins.post_template.FeedsView;
import dev.markata.plugins.post_template.Templates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One feed of {@code [[markata.feeds]]} (or markata's older {@code [markata.feeds.<name>]}
 * tables): which posts ({@code filter}, a Python expression over post fields), in which order
 * ({@code sort} field, {@code reverse}), how its page looks ({@code template},
 * {@code card_template}, {@code partial_template}, {@code head}, {@code title},
 * {@code description}), whether it has an RSS and a sitemap of its own ({@code rss},
 * {@code sitemap}, both on as in markata) and whether its page is pages ({@link Pagination}). A number as {@code head} (or {@code tail}) is markata's: the feed keeps
 * its first (last) that many posts ({@link #first}, {@link #last}; both: those first, then those
 * last); a table as {@code head} is the page's head tags. A site that configures no feeds gets
 * {@code archive}: published posts, newest first; one with {@code [[markata.feeds]]} gets only
 * those, as in markata, and one with {@code [markata.feeds.<name>]} tables (markata's form before
 * 0.8) gets {@code archive} beside them unless a table has that name, as markata did then.
 */
record FeedConfig(String name, String slug, String title, String description, FilterExpression filter,
                  String sort, boolean reverse, String template, String cardTemplate, String partialTemplate,
                  Map<String, Object> head, int first, int last, boolean rss, boolean sitemap,
                  Pagination pagination, Map<String, Object> raw) {

    /**
     * markata's pagination settings of a feed: {@code enabled} makes the feed pages of
     * {@code items_per_page} posts (its {@code create_paginated_feed}), {@code pagination_type}
     * ({@code htmx}, {@code manual}, {@code js}) is what the templates do with them, and
     * {@code per_page}, which markata declares for older sites, is shown to templates but sets
     * nothing (markata reads {@code items_per_page}, whose default always exists, so neither does
     * this).
     */
    record Pagination(boolean enabled, int itemsPerPage, String type, long perPage) {
        static final Pagination OFF = new Pagination(false, DEFAULT_PER_PAGE, "htmx", DEFAULT_PER_PAGE);

        /** The types markata's templates know. */
        static final List<String> TYPES = List.of("htmx", "manual", "js");

        /** The number of pages of {@code posts} posts: one for none, as markata still writes an empty page. */
        int pages(int posts) {
            return Math.max(1, (posts + itemsPerPage - 1) / itemsPerPage);
        }
    }

    /** markata's FeedConfig.items_per_page (and per_page) default. */
    static final int DEFAULT_PER_PAGE = 10;

    /** markata's FeedConfig.partial_template: the feed without the page around it, at {@code <slug>/partial/}. */
    static final String DEFAULT_PARTIAL = "feed_partial.html";

    /** {@link #first} or {@link #last} when the feed keeps all its posts. */
    static final int ALL = -1;

    static final String ARCHIVE = "archive";

    static final String DEFAULT_ARCHIVE_FILTER = "published == True";

    /** markata's FeedConfig.DEFAULT_TITLE: the title of a feed that sets none, its default archive's too. */
    static final String DEFAULT_TITLE = "All Posts";

    /**
     * What templates see as {@code feed.config}: markata's FeedConfig fields, set or defaulted
     * as there ({@code {% include feed.config.card_template %}} works for a feed that sets no
     * card template), then every other key the feed's table has. A field that is None in markata
     * ({@code head}, {@code tail} unset) is left out.
     */
    Map<String, Object> templateConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("title", title);
        config.put("slug", slug);
        config.put("description", description);
        config.put("name", name);
        config.put("filter", filter.source());
        config.put("sort", sort);
        config.put("reverse", reverse);
        if (first != ALL) {
            config.put("head", (long) first);
        }
        if (last != ALL) {
            config.put("tail", (long) last);
        }
        config.put("rss", rss);
        config.put("card_template", cardTemplate);
        config.put("template", template);
        config.put("partial_template", partialTemplate);
        config.put("sitemap", sitemap);
        config.put("enabled", pagination.enabled());
        config.put("items_per_page", (long) pagination.itemsPerPage());
        config.put("pagination_type", pagination.type());
        config.put("per_page", pagination.perPage());
        XmlTemplates.DEFAULTS.keySet().stream().sorted().forEach(key -> config.put(key, XmlTemplates.named(this, key)));
        raw.forEach(config::putIfAbsent);
        return config;
    }

    /** Read through "feeds_config": markata's {@code feeds} key may be an array, not a table. */
    static final ConfigSection<List<FeedConfig>> SECTION = new ConfigSection<>("feeds_config", FeedConfig::readAll);

    private static List<FeedConfig> readAll(ConfigTable section, ConfigTable markata) throws ConfigException {
        List<FeedConfig> feeds = new ArrayList<>();
        // every feed's problems at once, not only the first feed's
        List<String> problems = new ArrayList<>();
        // markata's default feed: since 0.8 the default of its feeds list, which the site's own
        // [[markata.feeds]] replace; before 0.8 added to the [markata.feeds.<name>] tables
        // unless one was named archive (markata 0.8 on rejects tables, which are read here as before)
        boolean addArchive = !(markata.raw("feeds").orElse(null) instanceof List<?>);
        eachTable(markata, (table, key) -> read(table, key, feeds, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Set<String> slugs = new HashSet<>();
        for (FeedConfig feed : feeds) {
            if (!slugs.add(feed.slug())) {
                throw markata.error("feeds", "two feeds have the slug \"" + feed.slug() + "\"; slugs must differ");
            }
        }
        if (addArchive && feeds.stream().noneMatch(f -> f.name().equals(ARCHIVE))) {
            feeds.add(0, archive());
        }
        return List.copyOf(feeds);
    }

    /** The keys of a feed that name templates. */
    private static final List<String> TEMPLATE_KEYS = List.of("template", "card_template", "partial_template");

    /** What is done with each feed's table: {@code key} is its name in [markata.feeds.<name>], null in [[markata.feeds]]. */
    @FunctionalInterface
    private interface TableVisitor {
        void visit(ConfigTable table, String key) throws ConfigException;
    }

    /** Each feed's table as the site writes them: [[markata.feeds]] entries, or the older [markata.feeds.<name>] tables. */
    private static void eachTable(ConfigTable markata, TableVisitor visitor) throws ConfigException {
        Object value = markata.raw("feeds").orElse(null);
        if (value instanceof List<?>) {
            for (ConfigTable table : markata.tables("feeds")) {
                visitor.visit(table, null);
            }
        } else if (value instanceof Map<?, ?> map) {
            ConfigTable all = markata.table("feeds");
            for (Object key : map.keySet()) {
                String name = String.valueOf(key);
                if (map.get(key) instanceof Map) {
                    visitor.visit(all.table(name), name);
                }
            }
        } else if (value != null) {
            throw markata.error("feeds", "must be an array of tables ([[markata.feeds]] with slug and filter)");
        }
    }

    /**
     * Fails with the configuration's error when a template a feed names ({@code template},
     * {@code card_template}, {@code partial_template}) is nowhere, every such key of every feed at
     * once: found in save, it stopped the build after every post was rendered, blamed on a post.
     */
    static void requireTemplates(ConfigTable markata, Templates templates) throws ConfigException {
        List<String> problems = new ArrayList<>();
        eachTable(markata, (table, key) -> {
            for (String templateKey : TEMPLATE_KEYS) {
                Optional<String> name = table.optionalString(templateKey);
                if (name.isPresent()) {
                    try {
                        templates.requirePageTemplate(table, templateKey, name.get());
                    } catch (ConfigException e) {
                        problems.addAll(e.problems());
                    }
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    static FeedConfig archive() {
        try {
            return new FeedConfig(ARCHIVE, ARCHIVE, DEFAULT_TITLE, "", FilterExpression.parse(DEFAULT_ARCHIVE_FILTER),
                    "date", true, "feed.html", "card.html", DEFAULT_PARTIAL, Map.of(), ALL, ALL, true, true, Pagination.OFF,
                    Map.of());
        } catch (FilterExpression.FilterException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(ConfigTable table, String key, List<FeedConfig> feeds, List<String> problems) {
        try {
            feeds.add(read(table, key));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
    }

    private static FeedConfig read(ConfigTable table, String key) throws ConfigException {
        String slugText = table.optionalString("slug").orElse(key);
        if (slugText == null || Slugs.slugify(slugText).isEmpty()) {
            throw table.error("slug", "every feed needs a slug (letters, digits, -), like slug = \"python\"");
        }
        String slug = Slugs.slugify(slugText);
        // markata's FeedConfig makes every name (given, or its slug) a Python identifier, which is what
        // templates looping over markata.feeds see; a [markata.feeds.<name>] table of markata before
        // pydantic is named by its key as written
        String name = table.optionalString("name").map(FeedsView::identifier)
                .orElse(key != null ? key : FeedsView.identifier(slug));
        String filterText = table.string("filter", "True");
        FilterExpression filter;
        try {
            filter = FilterExpression.parse(filterText);
        } catch (FilterExpression.FilterException e) {
            throw table.error("filter", "feed \"" + name + "\": the filter is not a valid expression "
                    + e.getMessage() + " (filters are Python expressions over post fields, like "
                    + "\"published == True and 'python' in tags\")");
        }
        Object head = table.raw("head").orElse(Map.of());
        String headAllowed = "must be a number of posts (head = 10: the feed's first ten) or a table with meta,"
                + " link or text entries";
        int first = ALL;
        if (head instanceof Number) {
            first = (int) table.integer("head", 0, n -> n >= 0 && n <= Integer.MAX_VALUE, headAllowed);
            head = Map.of();
        } else if (!(head instanceof Map<?, ?>)) {
            throw table.error("head", headAllowed);
        }
        int last = table.raw("tail").isPresent() ? (int) table.integer("tail", 0,
                n -> n >= 0 && n <= Integer.MAX_VALUE, "must be a number of posts (tail = 10: the feed's last ten)") : ALL;
        @SuppressWarnings("unchecked")
        Map<String, Object> headMap = (Map<String, Object>) head;
        return new FeedConfig(name, slug, table.string("title", DEFAULT_TITLE),
                table.string("description", ""), filter, table.string("sort", "date"), table.bool("reverse", false),
                table.string("template", "feed.html"), table.string("card_template", "card.html"),
                table.string("partial_template", DEFAULT_PARTIAL), headMap, first, last, table.bool("rss", true),
                table.bool("sitemap", true), pagination(table), table.asMap());
    }

    private static Pagination pagination(ConfigTable table) throws ConfigException {
        Object enabledValue = table.raw("enabled").orElse(false);
        boolean enabled = PydanticBool.of(enabledValue).orElseThrow(() -> table.error("enabled", PydanticBool.ALLOWED
                + " (true makes the feed pages of items_per_page posts, as markata's pagination)"));
        // markata refuses a number below 1 only when it makes the pages
        long perPage = table.integer("items_per_page", DEFAULT_PER_PAGE,
                n -> n <= Integer.MAX_VALUE && (n >= 1 || !enabled),
                "must be a whole number of posts of 1 or more (the posts of each page of the feed)");
        long oldPerPage = table.integer("per_page", DEFAULT_PER_PAGE, n -> true, "must be a whole number");
        return new Pagination(enabled, (int) perPage, table.string("pagination_type", "htmx"), oldPerPage);
    }
}
