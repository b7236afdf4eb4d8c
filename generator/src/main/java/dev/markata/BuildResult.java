package dev.markata;

import dev.markata.content.Post;
import dev.markata.lifecycle.BuildTimings;
import java.nio.file.Path;
import java.util.List;

/**
 * What a finished build produced.
 *
 * @param outputDir      where pages were written
 * @param posts          the posts, in source order, in their final version
 * @param plugins        the ids of the plugins that ran, in list order
 * @param timings        stage and hook times
 * @param filesWritten   files written because their content changed
 * @param filesUnchanged files left alone because their content was already right
 */
public record BuildResult(Path outputDir, List<Post> posts, List<String> plugins, BuildTimings timings,
                          long filesWritten, long filesUnchanged) {

    public BuildResult {
        posts = List.copyOf(posts);
        plugins = List.copyOf(plugins);
    }
}
