package dev.markata.plugins.to_json;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.Templates;
import dev.markata.profiler.io.JsonBytes;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.to_json}: writes {@code markata.json} as markata writes
 * {@code markata.to_dict()}: an object with the site's {@code config} (the {@code [markata]} table as
 * the file writes it) and its {@code articles}, every post's metadata (path, slug, title, date, tags, published,
 * description and the other front-matter keys; not the content), in source order. Sites read another
 * site's posts from it ({@code requests.get(url).json()["articles"]}, images.waylonwalker.com's
 * {@code load_json} plugin), so the posts are under {@code articles}, not the file's top level.
 */
public final class ToJsonPlugin implements Plugin {

    public static final String ID = "markata.plugins.to_json";
    /**
     * The {@code [markata]} table as the site's file writes it: markata.json's {@code config}. Values
     * a run's environment set ({@code MARKATA_OUTPUT_DIR}, {@code MARKATA_SKIP}) are left out, so a
     * one-off knob does not make the published file differ from build to build.
     */
    private static final ConfigSection<Map<String, Object>> SITE_SETTINGS = new ConfigSection<>("to_json",
            (table, markata) -> {
                Map<String, Object> written = new LinkedHashMap<>(markata.asMap());
                written.keySet().removeIf(markata::fromEnvironment);
                return written;
            });

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        Map<String, Object> config = setup.config(SITE_SETTINGS);
        setup.hook(Stage.SAVE, context -> {
            // Straight into UTF-8 bytes, sized for the usual ~700 bytes a post: a text built first
            // was copied three times over, and a single "…" in a description made it UTF-16.
            JsonBytes json = new JsonBytes(context.posts().size() * 768 + 64);
            json.beginObject();
            json.name("config");
            value(json, config);
            json.name("articles").beginArray();
            for (Post post : context.posts()) {
                json.beginObject();
                json.name("path").value(post.path());
                json.name("slug").value(post.slug());
                json.name("href").value(Templates.href(post, context.site()));
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
                    if (extra.getKey().equals("href")) {
                        continue; // written above: a key twice in one object is no JSON a reader agrees on
                    }
                    json.name(extra.getKey());
                    value(json, extra.getValue());
                }
                json.endObject();
            }
            json.endArray().endObject().newline();
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
