package dev.markata.plugins.publish_source;

import dev.markata.config.ConfigException;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginException;
import dev.markata.plugin.PluginSetup;
import dev.markata.plugins.post_template.ExtraPages;
import dev.markata.plugins.skip.Skips;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code markata.plugins.publish_source}: each post's source, as markata writes a post out
 * ({@link SourceText}: the fields of {@code [markata.post_model] include}, then the body), beside
 * its page, so that a page's address with {@code .md} for its trailing slash shows its source.
 * The file is markata's: the folder of the slug's parent, under {@code output_dir}, and the
 * source file's own name ({@code posts/my-post.md} with slug {@code my-post} is
 * {@code my-post.md}, with slug {@code blog/my-post} {@code blog/my-post.md}).
 *
 * <p>Written through the output folder: atomically, only when the text changed, never outside
 * it (a slug that would climb out is an error naming the post). Posts the skip plugin leaves
 * unrendered are not written again, as markata writes only posts not skipped: their file's
 * text follows from their fields, body and page, which their skip key covers, and from
 * {@code [markata.post_model]}, which is part of {@code [markata]} and so of every key. Two
 * posts with one file name in one folder write one file: the last in source order, as markata's
 * loop leaves it, with a warning.
 */
public final class PublishSourcePlugin implements Plugin {

    public static final String ID = "markata.plugins.publish_source";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void register(PluginSetup setup) throws ConfigException {
        PostModelConfig config = setup.config(PostModelConfig.SECTION);
        ThreadLocal<SourceText> texts = ThreadLocal.withInitial(SourceText::new);
        setup.readsPages(); // publishes each page beside its source, in save
        setup.hook(Stage.SAVE, context -> publish(context, config.include(), texts));
    }

    private static void publish(BuildContext context, List<String> include, ThreadLocal<SourceText> texts)
            throws Exception {
        Map<String, String> writer = writers(context);
        Skips skips = Skips.of(context);
        ExtraPages extra = ExtraPages.of(context);
        context.map(context.posts(), Post::path, post -> {
            String file = file(post);
            if (!post.path().equals(writer.get(file))) {
                return false;
            }
            if (skips.skipped(post.path())) {
                keep(context, post, file); // unchanged since the build that wrote it
                return false;
            }
            Map<String, String> html = new LinkedHashMap<>();
            if (post.page() != null) {
                html.put("index", post.page());
            }
            html.putAll(extra.of(post.path()));
            try {
                return context.output().write(file, texts.get().of(post, include, html));
            } catch (IllegalArgumentException e) {
                throw outside(post, e);
            }
        });
    }

    private static void keep(BuildContext context, Post post, String file) throws PluginException {
        try {
            context.output().keep(file);
        } catch (IllegalArgumentException e) {
            throw outside(post, e);
        }
    }

    private static PluginException outside(Post post, IllegalArgumentException e) {
        return new PluginException(post.path() + ": slug \"" + post.slug() + "\": its source's file "
                + e.getMessage() + "; a slug names a folder under output_dir");
    }

    /** The post that writes each file: the last in source order that has it. */
    private static Map<String, String> writers(BuildContext context) {
        Map<String, List<String>> posts = new LinkedHashMap<>();
        for (Post post : context.posts()) {
            posts.computeIfAbsent(file(post), f -> new ArrayList<>()).add(post.path());
        }
        Map<String, String> writer = new LinkedHashMap<>();
        posts.forEach((file, paths) -> {
            String last = paths.get(paths.size() - 1);
            writer.put(file, last);
            if (paths.size() > 1) {
                context.reporter().warn(String.join(", ", paths) + " all publish their source as " + file
                        + " (one slug folder, one file name): " + last + "'s is written, the last, as in markata");
            }
        });
        return writer;
    }

    /** markata's {@code output_dir / Path(slug).parent / Path(path).name}, relative to the output folder. */
    static String file(Post post) {
        String slug = post.slug();
        int slash = slug.lastIndexOf('/');
        String name = post.path().substring(post.path().lastIndexOf('/') + 1);
        return slash < 0 ? name : slug.substring(0, slash) + "/" + name;
    }
}
