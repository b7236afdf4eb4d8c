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
 * @param filesRemoved   files an earlier build wrote that this one no longer makes, removed
 *                       (relative to {@code outputDir}, sorted)
 * @param pathPrefix     {@code path_prefix}: the path the output folder is served under
 *                       ({@code "project/"}, or {@code ""})
 */
public record BuildResult(Path outputDir, List<Post> posts, List<String> plugins, BuildTimings timings,
                          long filesWritten, long filesUnchanged, List<String> filesRemoved,
                          String pathPrefix) {

    public BuildResult {
        posts = List.copyOf(posts);
        plugins = List.copyOf(plugins);
        filesRemoved = List.copyOf(filesRemoved);
    }
}
