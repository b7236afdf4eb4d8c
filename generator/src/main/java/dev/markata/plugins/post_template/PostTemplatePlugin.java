package dev.markata.plugins.post_template;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.ConfigTable;
import dev.markata.content.Post;
import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.copy_assets.CopyAssetsPlugin;
import dev.markata.plugins.skip.Skips;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code markata.plugins.post_template} (with markata's {@code jinja_env}): puts each rendered
 * post into its page template. The template is the front matter's {@code template}, else
 * {@code post_template} from {@code [markata]}, else {@code post.html}; a {@code post_template}
 * table renders one page per output name ({@code index} is the post's page,
 * {@code partial = "post_partial.html"} adds {@code <slug>/partial/index.html}; a front matter's
 * {@code template} may be such a table too). Templates see
 * {@code post}, {@code body} (the article HTML), {@code markata} and {@code config}, and the
 * post's fields by name ({@code title}, {@code slug}) as older markata gave them. Runs last
 * in render, like markata's trylast, so other render hooks have finished the post's HTML; posts
 * the skip plugin found unchanged are not rendered again.
 */
public final class PostTemplatePlugin implements Plugin {

    public static final String ID = "markata.plugins.post_template";

    /**
     * markata's built-in template {@code raw} ({@code {{ post.raw }}}): the post's file as it is,
     * which pype.dev publishes beside each page ({@code 'raw.md' = 'raw'}). {@code post.raw} is
     * read from the file for the posts that have an output with this template.
     */
    static final String RAW = "raw";

    /**
     * {@code post.raw}: the post's file as it is now, or its body as loaded when the file went
     * away since (deleted while the build runs; the post is built as it was loaded).
     */
    public static String source(BuildContext context, Post post) throws IOException {
        try {
            return Files.readString(context.site().directory().resolve(post.path()), StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return post.content();
        }
    }

    /**
     * Whether one of the post's outputs is rendered with {@link #RAW}, the post's file as it is:
     * such a page changes with any edit of the file, a comment of the front matter too, which
     * the skip plugin's key of the post's fields and body does not see.
     */
    public static boolean showsSource(TemplateSettings settings, Post post) {
        return outputs(settings, post).entrySet().stream()
                .anyMatch(output -> templateFor(post, output.getKey(), output.getValue()).equals(RAW));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("markata.plugins.jinja_env");
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        TemplateSettings settings = setup.config(TemplateSettings.SECTION);
        Templates templates = Templates.forSite(setup);
        setup.config(new ConfigSection<>("jinja_env", (section, markata) -> requireTemplates(settings, templates, markata)));
        boolean copiesAssets = setup.runs(CopyAssetsPlugin.ID);
        setup.hook(Stage.SAVE, context -> LinkedTemplates.write(context, templates, copiesAssets));
        setup.hook(Stage.RENDER, Priority.LAST, context -> {
            Map<String, Object> markata = SiteView.lazyMarkata(context, templates);
            Skips skips = Skips.of(context);
            ExtraPages extra = ExtraPages.of(context);
            PostBodies bodies = PostBodies.of(context);
            PageSink sink = PageSink.of(context).orElse(null);
            skips.updateChanged(context, post -> {
                Map<String, String> outputs = outputs(settings, post);
                Map<String, Object> view = templates.postView(post);
                if (showsSource(settings, post)) {
                    view = new HashMap<>(view);
                    view.put("raw", source(context, post));
                }
                // the post's fields also at the top, as older markata passed them: head entries
                // and templates written for it read {{ title }} and {{ slug }}
                Map<String, Object> values = new HashMap<>(view);
                values.put("post", view);
                values.put("body", view.get("article_html"));
                values.put("markata", markata);
                Map<String, Object> config = templates.configWith(post.path(), configOverrides(post));
                String page = null;
                Map<String, String> others = new LinkedHashMap<>();
                AtomicBoolean readBodies = new AtomicBoolean();
                AtomicBoolean readDescriptions = new AtomicBoolean();
                for (Map.Entry<String, String> output : outputs.entrySet()) {
                    String name = output.getKey();
                    String template = templateFor(post, name, output.getValue());
                    String html = bodies.noting(readBodies, readDescriptions,
                            () -> templates.render(post.path(), template, values, config));
                    if (name.equals("index")) {
                        page = html;
                    } else {
                        others.put(name, html);
                    }
                }
                if (readBodies.get()) {
                    bodies.pageReadBodies(post.path()); // so skip renders it again when a body changes
                }
                if (readDescriptions.get()) {
                    bodies.pageReadDescriptions(post.path()); // or when a description does
                }
                if (sink != null) {
                    // written now: the post keeps no page for save (nothing reads it there)
                    sink.take(post, page, others);
                    return page == null ? post : post.withPageWritten();
                }
                if (!others.isEmpty()) {
                    extra.put(post.path(), others);
                }
                return page == null ? post : post.withPage(page);
            });
        });
    }

    /**
     * Fails with the configuration's error when a template {@code post_template} names is
     * nowhere (read as a section, for {@code [markata]} to name the file and key; a post's own
     * {@code template:} that is nowhere stays an error of that post, in render).
     */
    private static TemplateSettings requireTemplates(TemplateSettings settings, Templates templates,
                                                     ConfigTable markata) throws ConfigException {
        for (String name : settings.postTemplates().values()) {
            templates.requirePageTemplate(markata, "post_template", name);
        }
        return settings;
    }

    /**
     * The post's outputs: {@code post_template}'s, and those of a front matter's table of outputs
     * over them ({@code template: {index: post.html, title: og.html}} adds {@code <slug>/title/}),
     * as markata merges the two.
     */
    private static Map<String, String> outputs(TemplateSettings settings, Post post) {
        if (!(post.extra().get("template") instanceof Map<?, ?> own)) {
            return settings.postTemplates();
        }
        Map<String, String> outputs = new LinkedHashMap<>(settings.postTemplates());
        own.forEach((name, template) -> {
            if (!name.equals("index")) {
                outputs.put(String.valueOf(name), String.valueOf(template));
            }
        });
        return outputs;
    }

    /** The front matter's template wins for the post's own page. */
    private static String templateFor(Post post, String output, String configured) {
        if (output.equals("index") && !post.template().equals(Post.DEFAULT_TEMPLATE)) {
            return post.template();
        }
        return configured.isEmpty() ? post.template() : configured;
    }

    /**
     * The post's {@code config_overrides} ({@link Templates#configWith}): a table of settings, as
     * markata's post model reads it.
     */
    private static Map<?, ?> configOverrides(Post post) throws PluginException {
        Object overrides = post.extra().get("config_overrides");
        if (overrides == null) {
            return Map.of();
        }
        if (!(overrides instanceof Map<?, ?> table)) {
            throw new PluginException(post.path() + ": config_overrides must be a table of settings that this post's"
                    + " page sees over [markata]'s (like config_overrides: {head: {meta: [{name: robots, content:"
                    + " noindex}]}, style: {color_bg: \"#000\"}}), not " + PythonText.repr(overrides));
        }
        return table;
    }
}
