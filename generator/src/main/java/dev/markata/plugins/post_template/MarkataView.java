package dev.markata.plugins.post_template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.objects.PyWrapper;
import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.plugins.feeds.FeedsPlugin;
import dev.markata.plugins.feeds.FilterExpression;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What templates see as {@code markata}: its keys ({@code markata.posts}, {@code markata.feeds})
 * and markata's {@code markata.map(func, filter, sort, reverse)}, by position or by name, which
 * sites use to list posts in templates and {@code jinja: true} posts:
 * {@code markata.map('post', filter='published and "python" in tags', sort='date')}. Its
 * expressions are the feeds' filter language over each post's fields; {@code func = 'post'}
 * gives the post as templates see it. As in markata, {@code sort = 'True'} keeps the posts'
 * order and {@code reverse} is true unless given. A PyWrapper, so jinjava leaves it as it is
 * (a plain map would be wrapped in one without {@code map}).
 */
public final class MarkataView extends AbstractMap<String, Object> implements PyWrapper {

    private final Map<String, Object> keys;
    private final List<Post> posts;
    private final Map<String, Map<String, Object>> viewsByPath;
    private final PostBodies bodies;
    /** For the posts' {@code href}, the page under the path prefix. */
    private final SiteConfig site;
    private final Map<String, FilterExpression> parsed = new ConcurrentHashMap<>();
    /** For a view made on first use: where it comes from, and once made, the view. */
    private final Supplier<MarkataView> source;
    private MarkataView made;

    MarkataView(Map<String, Object> keys, List<Post> posts, Map<String, Map<String, Object>> viewsByPath,
                PostBodies bodies, SiteConfig site) {
        this.keys = keys;
        this.posts = posts;
        this.viewsByPath = viewsByPath;
        this.bodies = bodies;
        this.site = site;
        this.source = null;
    }

    /** A view made by {@code source} when a template first reads it. */
    MarkataView(Supplier<MarkataView> source) {
        this.keys = null;
        this.posts = null;
        this.viewsByPath = null;
        this.bodies = null;
        this.site = null;
        this.source = source;
    }

    private synchronized MarkataView view() {
        if (source == null) {
            return this;
        }
        if (made == null) {
            made = source.get();
        }
        return made;
    }

    @Override
    public Object get(Object key) {
        return view().keys.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view().keys.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return view().keys.entrySet();
    }

    /** markata's {@code map(func='title', filter='True', sort='True', reverse=True)}. */
    public List<Object> map(Object... args) {
        return view().map(MapArguments.read(args, MapArguments.MARKATA, "markata.map"));
    }

    /**
     * The arguments of markata's {@code map}, each as written or its default.
     *
     * @param func    an expression over a post's fields, or {@code post}: the post itself
     * @param filter  which posts
     * @param sort    an expression to sort by, or {@code True}: source order
     * @param reverse whether the sort is descending
     */
    record MapArguments(String func, String filter, String sort, boolean reverse) {

        /** markata's own defaults. */
        static final MapArguments MARKATA = new MapArguments("title", "True", "True", true);

        private static final String[] NAMES = {"func", "filter", "sort", "reverse"};

        /**
         * {@code defaults} with what a template's call gives: by position in markata's order
         * ({@code func}, {@code filter}, {@code sort}, {@code reverse}) or by name.
         */
        static MapArguments read(Object[] args, MapArguments defaults, String method) {
            String func = defaults.func();
            String filter = defaults.filter();
            String sort = defaults.sort();
            boolean reverse = defaults.reverse();
            for (int i = 0; i < args.length; i++) {
                String name = i < NAMES.length ? NAMES[i] : "";
                Object value = args[i];
                if (value instanceof NamedParameter named) {
                    name = named.getName();
                    value = named.getValue();
                }
                switch (name) {
                    case "func" -> func = String.valueOf(value);
                    case "filter" -> filter = String.valueOf(value);
                    case "sort" -> sort = String.valueOf(value);
                    case "reverse" -> reverse = value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
                    default -> throw new IllegalArgumentException(method + " takes func, filter, sort and reverse, not "
                            + (name.isEmpty() ? "a " + (i + 1) + "th argument" : name));
                }
            }
            return new MapArguments(func, filter, sort, reverse);
        }
    }

    /** markata's {@code map} with these arguments (a feed's {@code map} gives its own defaults). */
    List<Object> map(MapArguments arguments) {
        if (source != null) {
            return view().map(arguments);
        }
        String func = arguments.func();
        String filter = arguments.filter();
        String sort = arguments.sort();
        boolean reverse = arguments.reverse();
        if (func.contains("content") || filter.contains("content") || sort.contains("content")) {
            bodies.bodyRead(); // the expressions see a post's content (a word count, a search)
        }
        FilterExpression select = expression("filter", filter);
        FilterExpression value = func.equals("post") ? null : expression("func", func);
        FilterExpression order = sort.equals("True") ? null : expression("sort", sort);
        LocalDate today = LocalDate.now();
        LocalDateTime now = LocalDateTime.now();
        record Chosen(Object sortValue, Post post, Object item) {
        }
        List<Chosen> chosen = new ArrayList<>();
        for (Post post : posts) {
            // watched: an expression reading a description (func 'description', a filter
            // on it) makes the page follow every post's text, as a template reading one does
            FilterExpression.Scope scope = new FilterExpression.Scope(bodies.watched(FeedsPlugin.fields(post, site)), today, now);
            try {
                if (select.test(scope)) {
                    Object item = value == null ? viewsByPath.get(post.path()) : value.evaluate(scope);
                    chosen.add(new Chosen(order == null ? null : order.evaluate(scope), post, item));
                }
            } catch (FilterExpression.FilterException e) {
                throw new IllegalArgumentException("markata.map: \"" + func + "\", filter \"" + filter + "\", sort \""
                        + sort + "\" fail on " + post.path() + ": " + e.getMessage());
            }
        }
        if (order != null) {
            Comparator<Object> byValue = FeedsPlugin::compareValues;
            boolean descending = reverse;
            chosen.sort(Comparator.comparing(Chosen::sortValue,
                    Comparator.nullsLast(reverse ? byValue.reversed() : byValue))
                    .thenComparing((a, b) -> FeedsPlugin.compareDates(a.post(), b.post(), descending)));
        }
        return chosen.stream().map(Chosen::item).toList();
    }

    private FilterExpression expression(String argument, String source) {
        FilterExpression known = parsed.get(source);
        if (known == null) {
            try {
                known = FilterExpression.parse(source);
            } catch (FilterExpression.FilterException e) {
                throw new IllegalArgumentException("markata.map: " + argument + " \"" + source
                        + "\" is not a valid expression " + e.getMessage()
                        + " (Python expressions over post fields, like \"published and 'python' in tags\")");
            }
            parsed.put(source, known);
        }
        return known;
    }
}
