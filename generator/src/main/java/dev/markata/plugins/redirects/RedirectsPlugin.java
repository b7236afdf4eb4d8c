package dev.markata.plugins.redirects;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.post_template.SiteView;
import dev.markata.plugins.post_template.Templates;
import dev.markata.plugins.skip.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.redirects}: for each {@code /old /new [status]} line of the redirects
 * file ({@code [markata.redirects] redirects_file}, default {@code <assets_dir>/_redirects},
 * Netlify's format), writes {@code <old>/index.html} that sends the browser to {@code new}
 * (template {@code redirect.html}). Rules with wildcards or placeholders are left to the host; a
 * rule at a post's or feed's page leaves that page (as in markata, whose post pages are written
 * after the redirects'), and one that sends a page to itself writes none (it would reload
 * forever), each with a warning, as does a line that is no rule.
 * The pages are rendered again only when a rule, the templates or the settings changed, or a page is gone.
 */
public final class RedirectsPlugin implements Plugin {

    public static final String ID = "markata.plugins.redirects";

    /** The key of the pages last written, in the cache folder. */
    private static final String KEYS_FILE = "redirects.tsv";
    private static final String PAGES = "pages";

    private static final ConfigSection<String> FILE = new ConfigSection<>("redirects",
            (section, markata) -> section.string("redirects_file", ""));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        String configured = setup.config(FILE);
        Path file = configured.isEmpty() ? setup.site().assetsDir().resolve("_redirects")
                : setup.site().directory().resolve(configured).normalize();
        Templates templates = Templates.forSite(setup);
        setup.hook(Stage.SAVE, context -> write(context, file, templates));
    }

    /** One {@code /old /new [status]} rule, its line, and the page it writes. */
    private record Rule(int line, String from, String to, String status, String target) {
    }

    private static void write(BuildContext context, Path file, Templates templates) throws Exception {
        if (!Files.isRegularFile(file)) {
            return;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = context.site().directory().relativize(file).toString();
        Map<String, String> postPages = new HashMap<>();
        for (Post post : context.posts()) {
            postPages.put(post.outputPath(), post.path());
        }
        Map<String, String> feedPages = new HashMap<>();
        for (SiteView.Feed feed : context.get(SiteView.FEEDS).map(SiteView.FeedList::feeds).orElse(List.of())) {
            feedPages.put(feed.slug() + "/index.html", feed.name());
        }
        // a post's or feed's page is never replaced, and no line stops the build: markata writes
        // its post pages after the redirects' pages, and leaves out the lines it cannot read
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + ":" + (i + 1) + ": ";
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                context.reporter().warn(where + "a redirect needs \"/old /new\", got \"" + line
                        + "\": the line is left out, as markata leaves it");
                continue;
            }
            String from = parts[0];
            if (from.contains("*") || from.contains(":") || !from.startsWith("/")) {
                continue;
            }
            String folder = from.replaceAll("^/+|/+$", "");
            String target = folder.isEmpty() || folder.endsWith(".html") ? folder : folder + "/index.html";
            if (target.isEmpty() || target.contains("..")) {
                continue;
            }
            String post = postPages.get(target);
            String feed = feedPages.get(target);
            if (post != null || feed != null) {
                String owner = post != null ? "post's" : "feed's";
                context.reporter().warn(where + from + " is the page of " + (post != null ? post
                        : "the feed \"" + feed + "\"") + ": no redirect page is written over it (the " + owner
                        + " page stays, as in markata; the rule is left to a host that reads _redirects)");
                continue;
            }
            if (parts[1].startsWith("/") && parts[1].replaceAll("^/+|/+$", "").equals(folder)) {
                context.reporter().warn(where + from + " redirects to itself: no redirect page is written (it would"
                        + " reload forever)");
                continue;
            }
            rules.add(new Rule(i + 1, from, parts[1], parts.length > 2 ? parts[2] : "301", target));
        }
        // The pages show their rules through the templates and the settings they see: unchanged
        // and all still there, they are not rendered again (a warm build of markata's own site
        // spent over half its time making the template engine for its 32 unchanged redirects).
        Path keysFile = context.cacheDir().resolve(KEYS_FILE);
        Hashing hash = new Hashing().add(templates.key());
        for (Rule rule : rules) {
            hash.add(rule.target()).add(rule.from()).add(rule.to()).add(rule.status());
        }
        String key = hash.hex();
        Map<String, String> previous = KeyFile.read(keysFile, context.reporter());
        Path root = context.output().root();
        if (key.equals(previous.get(PAGES)) && rules.stream().allMatch(rule -> Files.isRegularFile(root.resolve(rule.target())))) {
            rules.forEach(rule -> context.output().keep(rule.target())); // unchanged since the build that wrote them
            return;
        }
        for (Rule rule : rules) {
            String page = templates.render(name + ":" + rule.line(), "redirect.html",
                    Map.of("original", rule.from(), "new", rule.to(), "status", rule.status()));
            context.output().write(rule.target(), page);
        }
        context.writeCache(keysFile, () -> KeyFile.write(keysFile, Map.of(PAGES, key), previous));
    }
}
