package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.collections.PyMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code markata.feeds}: the feeds by name, in configuration order, looked up as markata's Feeds
 * object looks them up: a key that is no feed's name is made a Python identifier first, as
 * markata names feeds ({@code markata.feeds['project-gallery']}, {@code .get('tag/htmx')} find the
 * feeds named {@code project_gallery} and {@code tag_htmx}, whatever their slugs).
 */
public final class FeedsView extends PyMap {

    private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^a-zA-Z0-9_]");
    private static final Pattern UNDERSCORES = Pattern.compile("_+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    FeedsView(Map<String, Object> byName) {
        super(byName);
    }

    @Override
    public Object get(Object key) {
        Object feed = super.get(key);
        if (feed != null || key == null) {
            return feed;
        }
        String wanted = identifier(key.toString());
        for (Map.Entry<String, Object> entry : entrySet()) {
            if (identifier(entry.getKey()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    @Override
    public Object get(String key, Object otherwise) {
        Object feed = get(key);
        return feed == null ? otherwise : feed;
    }

    /**
     * markata's {@code to_pythonic_identifier}: other characters than letters, digits and
     * {@code _} made {@code _}, lower case, runs of {@code _} one, none at either end, one before
     * a leading digit; {@code _unnamed} for nothing left.
     */
    public static String identifier(String name) {
        String made = NOT_IDENTIFIER.matcher(name).replaceAll("_").toLowerCase(Locale.ROOT);
        made = UNDERSCORES.matcher(made).replaceAll("_");
        made = EDGE_UNDERSCORES.matcher(made).replaceAll("");
        if (made.isEmpty()) {
            return "_unnamed";
        }
        return Character.isDigit(made.charAt(0)) ? "_" + made : made;
    }
}
