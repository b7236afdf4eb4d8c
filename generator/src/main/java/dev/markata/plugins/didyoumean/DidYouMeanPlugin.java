package dev.markata.plugins.didyoumean;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.PostBodies;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.KeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code markata.plugins.didyoumean}: writes {@code 404.html}, a "not found" page that lists the
 * pages closest to the address the visitor asked for (template {@code 404.html}: the page list
 * is embedded as JSON and compared in the browser, no request leaves the page). Written also
 * when a post has the slug {@code 404}, as markata writes it: that post is a page at
 * {@code /404/}, while hosts (and {@code serve}) show {@code /404.html} for a missing address.
 * Not written when a post's {@code output_html} is {@code 404.html}: that post is the page.
 */
public final class DidYouMeanPlugin implements Plugin {

    public static final String ID = "markata.plugins.didyoumean";

    private static final String PAGE = "404.html";
    /** The key of the last 404 page written, in the cache folder. */
    static final String KEYS_FILE = "didyoumean.tsv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        Templates templates = Templates.forSite(setup);
        setup.hook(Stage.SAVE, context -> {
            // What the page can show: the page list (each post's slug and title, which the
            // posts' fingerprint covers), the site's settings and templates and today's date.
            // Unchanged and still there: not made again (at 10,000 posts the list alone was
            // most of a warm build's save). Not the posts' descriptions: the page shows none
            // (an edit of a post's first paragraph made it again, ~150-250 ms at 10,000 posts),
            // and a template that reads some through markata (its base.html listing posts) is
            // watched, its key then covering them and the bodies it read (PostBodies).
            Path keysFile = context.cacheDir().resolve(KEYS_FILE);
            String key = Hashing.of(templates.key(), SiteView.fingerprintWithoutDescriptions(context),
                    LocalDate.now().toString());
            Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
            // a post whose output_html is 404.html is the site's own "not found" page (markata's
            // blog starter has one): publish_html writes it; the key is dropped so that this page
            // is made again when that post goes
            if (context.posts().stream().anyMatch(post -> post.outputPath().equals(PAGE))) {
                context.writeCache(keysFile, () -> KeyFile.write(keysFile, Map.of(), previous));
                return;
            }
            PostBodies bodies = PostBodies.of(context);
            if (bodies.unchanged(key, previous.get(PAGE)) && Files.isRegularFile(context.output().root().resolve(PAGE))) {
                context.output().keep(PAGE); // unchanged since the build that wrote it
                return;
            }
            StringBuilder json = new StringBuilder("[");
            for (Post post : context.posts()) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append("[\"").append(jsString(context.site().pagePath(post.slug())))
                        .append("\",\"").append(jsString(post.displayTitle())).append("\"]");
            }
            json.append(']');
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("pages_json", json.toString());
            values.put("markata", SiteView.of(context, templates).markata());
            values.put("posts", List.of());
            AtomicBoolean readBodies = new AtomicBoolean();
            AtomicBoolean readDescriptions = new AtomicBoolean();
            String html = bodies.noting(readBodies, readDescriptions, () -> templates.render(PAGE, PAGE, values));
            context.output().write(PAGE, html);
            Map<String, String> keys = Map.of(PAGE, bodies.storedKey(key, readBodies.get(), readDescriptions.get()));
            context.writeCache(keysFile, () -> KeyFile.write(keysFile, keys, previous));
        });
    }

    /** Text safe inside a JSON string inside a script element. */
    static String jsString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
