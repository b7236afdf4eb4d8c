package dev.markata.plugins.publish_source;

import dev.markata.config.ConfigException;
import dev.markata.config.ConfigSection;
import dev.markata.config.SiteConfig;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.skip.Skips;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code markata.plugins.publish_dev_to_source}: each post's source for dev.to, at
 * {@code <output_dir>/<slug>/dev.md}, as markata writes it ({@link SourceText#devTo}): the front
 * matter dev.to reads ({@code title}, {@code published}, {@code description}, {@code tags},
 * {@code series}, {@code canonical_url}, {@code cover_image}; the post's, where it has them),
 * {@code canonical_url} the post's page ({@code url/slug/}) and {@code cover_image}
 * {@code images_url/slug.png} ({@code images_url} is {@code url} unless set) when the front
 * matter has none, then the body with its lines joined (dev.to shows a line break inside a
 * paragraph).
 *
 * <p>markata joins {@code url} printed as pydantic's {@code AnyUrl} (a bare host ends with
 * {@code /}) and the slug with another {@code /}: {@code https://example.com//my-post/}; here the
 * address has one. Written through the output folder (atomically, only when changed); posts the
 * skip plugin leaves unrendered keep their file, as markata writes only posts not skipped (the
 * file follows from their fields and body, which their key covers, and from {@code [markata]}).
 * Not in the default set.
 */
public final class PublishDevToSourcePlugin implements Plugin {

    public static final String ID = "markata.plugins.publish_dev_to_source";
    private static final String FILE = "/dev.md";

    /**
     * @param site      for the canonical address of a post's page ({@link SiteConfig#pageUrl})
     * @param imagesUrl where its images are served from, without a trailing {@code /}
     */
    private record Addresses(SiteConfig site, String imagesUrl) {
    }

    /** {@code images_url} as written, if set (read as a section, for an error to name the key). */
    private static final ConfigSection<Optional<String>> IMAGES_URL = new ConfigSection<>(
            "publish_dev_to_source_images_url", (section, markata) -> markata.optionalString("images_url"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        // images default to the site's address with its path_prefix, where its assets are served
        Addresses addresses = new Addresses(setup.site(),
                setup.config(IMAGES_URL).map(SiteConfig::baseUrl).orElse(setup.site().servedUrl()));
        ThreadLocal<SourceText> texts = ThreadLocal.withInitial(() -> new SourceText(true));
        setup.hook(Stage.SAVE, context -> {
            Skips skips = Skips.of(context);
            context.map(context.posts(), Post::path, post -> {
                String file = post.slug() + FILE;
                try {
                    if (skips.skipped(post.path())) {
                        context.output().keep(file); // unchanged since the build that wrote it
                        return false;
                    }
                    // the body as python-frontmatter gives it to markata: stripped
                    return context.output().write(file,
                            texts.get().devTo(fields(post, addresses), post.content().strip()));
                } catch (IllegalArgumentException e) {
                    throw new PluginException(post.path() + ": slug \"" + post.slug() + "\": its dev.md "
                            + e.getMessage() + "; a slug names a folder under output_dir");
                }
            });
        });
    }

    private static Map<String, Object> fields(Post post, Addresses addresses) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (post.title() != null) {
            fields.put("title", post.title());
        }
        fields.put("published", post.published());
        if (post.description() != null && !post.description().isEmpty()) {
            fields.put("description", post.description());
        }
        if (!post.tags().isEmpty()) {
            fields.put("tags", post.tags());
        }
        for (String key : List.of("series", "canonical_url", "cover_image")) {
            if (post.extra().get(key) != null) {
                fields.put(key, post.extra().get(key));
            }
        }
        fields.putIfAbsent("canonical_url", addresses.site().pageUrl(post.slug()));
        fields.putIfAbsent("cover_image", addresses.imagesUrl() + "/" + post.slug() + ".png");
        return fields;
    }
}
