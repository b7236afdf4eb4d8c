package dev.markata.cli;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigOverrides;
import dev.markata.content.Post;
import dev.markata.plugins.feeds.FeedsPlugin;
import dev.markata.plugins.profiler.BuildStatsRecorder;
import dev.markata.plugins.profiler.ProfilerPlugin;
import dev.markata.plugins.profiler.StatsJson;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code markata build}. */
@Command(name = "build", description = "Builds the site into output_dir.")
final class BuildCommand implements Callable<Integer>, Main.WithOptions {

    @Mixin
    HelpOption help;

    /** The profiler plugin that {@code --profile} / {@code --no-profile} switch. */
    static final String PROFILER = ProfilerPlugin.ID;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions options;

    @Option(names = "--profile", negatable = true,
            description = "Profile the build (--no-profile: do not), whatever markata.toml says.")
    Boolean profile;

    @Option(names = "--stats-json", paramLabel = "FILE",
            description = "Also write stage, plugin and document timings as JSON to FILE (relative to the current"
                    + " folder), for tracking build time in CI; works with or without --profile.")
    Path statsJson;

    @Override
    public CommonOptions options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        if (statsJson != null && Files.isDirectory(statsJson)) {
            // checked before the build: it failed after building, naming a temporary file
            throw new UsageException("--stats-json " + statsJson + ": is a folder; give the file to write,"
                    + " like " + statsJson.resolve("build-stats.json"));
        }
        if (Boolean.TRUE.equals(profile)) {
            ProfilerPlugin.prepare(options.directory, main.environment); // while the configuration is read
        }
        ConfigOverrides overrides = profile == null ? ConfigOverrides.NONE
                : profile ? new ConfigOverrides(Set.of(PROFILER), Set.of())
                : new ConfigOverrides(Set.of(), Set.of(PROFILER));
        Progress progress = options.quiet ? null : new Progress(main.err, main.terminal);
        Markata.Builder builder = Markata.builder(options.directory).environment(main.environment).plugins(main.plugins)
                .overrides(overrides).reporter(new CliReporter(main.err, options.quiet, options.verbose, progress,
                        Boolean.TRUE.equals(profile)));
        if (progress != null) {
            builder.observer(progress);
        }
        BuildStatsRecorder stats = statsJson == null ? null : BuildStatsRecorder.watchingTheJvm();
        if (stats != null) {
            builder.observer(stats);
        }
        Markata markata = builder.open();
        BuildResult result = stats == null ? markata.build() : buildWithStats(markata, stats);
        if (options.verbose) {
            TimingTable.print(result.timings(), main.err);
        }
        if (!options.quiet) {
            main.err.printf("built %s into %s (%s written, %d unchanged) in %.2f s%n",
                    posts(result.posts().size()), result.outputDir(), files(result.filesWritten()),
                    result.filesUnchanged(), result.timings().totalNanos() / 1e9);
            noneListed(markata, result).ifPresent(main.err::println);
        }
        return ExitCodes.OK;
    }

    /**
     * A line when the site's default feed lists none of its posts because none says
     * {@code published: true} (markata's quickstart: posts without front matter): the home page
     * said "No posts yet." and the build nothing. Not for a site that configures its own feeds.
     */
    static Optional<String> noneListed(Markata markata, BuildResult result) {
        List<Post> posts = result.posts();
        if (posts.isEmpty() || !result.plugins().contains(FeedsPlugin.ID)
                || markata.config().markata().asMap().containsKey("feeds") || posts.stream().anyMatch(Post::published)) {
            return Optional.empty();
        }
        return Optional.of((posts.size() == 1 ? "the post does not say" : "none of the " + posts.size()
                + " posts says") + " published: true, so the archive feed (the home page, unless a post is) and the"
                + " RSS feed list none; a post's own page is built either way");
    }

    /** "1 post", "2 posts": the count in the line that ends a build. */
    static String posts(int count) {
        return count == 1 ? "1 post" : count + " posts";
    }

    /** "1 file", "2 files": the files a build wrote, in the line that ends it. */
    static String files(long count) {
        return count == 1 ? "1 file" : count + " files";
    }

    /**
     * The build, with its timings written to {@link #statsJson} whether it succeeds or fails (a
     * failed build's error stays the one reported; a file that cannot be written is then only a
     * warning).
     */
    private BuildResult buildWithStats(Markata markata, BuildStatsRecorder stats) throws Exception {
        BuildResult result;
        try {
            result = markata.build();
        } catch (Exception | Error buildError) {
            try {
                writeStats(stats);
            } catch (UsageException e) {
                main.err.println("warning: " + e.getMessage());
            }
            throw buildError;
        }
        writeStats(stats);
        return result;
    }

    private void writeStats(BuildStatsRecorder stats) throws UsageException {
        Path file = statsJson.toAbsolutePath().normalize();
        try {
            StatsJson.write(stats.snapshot(), file);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--stats-json " + statsJson + ": cannot write " + file + ": "
                    + (e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage())));
        }
        if (!options.quiet) {
            main.err.println("build timings written to " + file);
        }
    }
}
