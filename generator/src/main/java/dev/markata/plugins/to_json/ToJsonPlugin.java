package dev.markata.plugins.to_json;

import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.profiler.io.JsonBytes;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.to_json}: writes {@code markata.json}, every post's metadata (path,
 * slug, title, date, tags, published, description and the other front-matter keys; not the
 * content), in source order.
 */
public final class ToJsonPlugin implements Plugin {

    public static final String ID = "markata.plugins.to_json";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) {
        setup.hook(Stage.SAVE, context -> {
            // Straight into UTF-8 bytes, sized for the usual ~700 bytes a post: a text built first
            // was copied three times over, and a single "…" in a description made it UTF-16.
            JsonBytes json = new JsonBytes(context.posts().size() * 768 + 64);
            json.beginArray();
            for (Post post : context.posts()) {
                json.beginObject();
                json.name("path").value(post.path());
                json.name("slug").value(post.slug());
                json.name("href").value(post.slug().equals("index") ? "/" : "/" + post.slug() + "/");
                json.name("title").value(post.displayTitle());
                json.name("date");
                if (post.date() == null) {
                    json.nullValue();
                } else {
                    json.value(post.date().date().toString()); // markata's post.date is a day
                }
                json.name("tags");
                value(json, post.tags());
                json.name("published").value(post.published());
                json.name("description").value(post.description());
                json.name("template").value(post.template());
                for (Map.Entry<String, Object> extra : post.extra().entrySet()) {
                    json.name(extra.getKey());
                    value(json, extra.getValue());
                }
                json.endObject();
            }
            json.endArray().newline();
            context.output().write("markata.json", json.toByteArray());
        });
    }

    private static void value(JsonBytes json, Object value) {
        if (value == null) {
            json.nullValue();
        } else if (value instanceof Boolean b) {
            json.value(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            json.value(((Number) value).longValue());
        } else if (value instanceof Number n) {
            json.value(n.doubleValue());
        } else if (value instanceof List<?> list) {
            json.beginArray();
            for (Object item : list) {
                value(json, item);
            }
            json.endArray();
        } else if (value instanceof Map<?, ?> map) {
            json.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.name(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.endObject();
        } else if (value instanceof TemporalAccessor) {
            json.value(value.toString());
        } else {
            json.value(String.valueOf(value));
        }
    }
}
