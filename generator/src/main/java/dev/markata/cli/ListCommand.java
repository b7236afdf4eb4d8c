package dev.markata.cli;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.config.ConfigOverrides;
import dev.markata.content.Post;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code markata list}: the posts, with slug, title, date and published, without rendering
 * anything; {@code --plugins}: the plugins there are, for {@code hooks}.
 */
@Command(name = "list", description = "Lists the posts: slug, title, date, published.")
final class ListCommand implements Callable<Integer>, Main.WithOptions {

    @Mixin
    HelpOption help;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions options;

    @Override
    public CommonOptions options() {
        return options;
    }

    @Option(names = "--plugins", description = "Lists the plugins markata-java has instead (for hooks): id,"
            + " whether \"default\" brings it in, its other names.")
    boolean plugins;

    @Override
    public Integer call() throws Exception {
        if (plugins) {
            return listPlugins();
        }
        // a listing is no build to profile: with the profiler in hooks it printed a profile after
        // the posts and wrote a report into output_dir
        BuildResult result = Markata.builder(options.directory).environment(main.environment).plugins(main.plugins)
                .overrides(new ConfigOverrides(Set.of(), Set.of(BuildCommand.PROFILER)))
                .reporter(new CliReporter(main.err, options.quiet)).open().run(Stage.PRE_RENDER);
        int slugWidth = Math.max(4, result.posts().stream().mapToInt(p -> p.slug().length()).max().orElse(0));
        int titleWidth = Math.max(5, result.posts().stream().mapToInt(p -> shown(p).length()).max().orElse(0));
        int dateWidth = Math.max(4, result.posts().stream().mapToInt(p -> date(p).length()).max().orElse(0));
        // published last: a draft (published: false) is why a post is missing from the home page
        String format = "%-" + slugWidth + "s  %-" + titleWidth + "s  %-" + dateWidth + "s  %s%n";
        main.out.printf(format, "slug", "title", "date", "published");
        for (Post post : result.posts()) {
            main.out.printf(format, post.slug(), shown(post), date(post), post.published());
        }
        return ExitCodes.OK;
    }

    /** Every plugin by id, sorted; the site is not read (its hooks may be what is wrong). */
    private Integer listPlugins() throws Exception {
        List<Plugin> all = main.plugins.plugins().stream().sorted(Comparator.comparing(Plugin::id)).toList();
        int idWidth = Math.max(6, all.stream().mapToInt(p -> p.id().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %-7s  %s";
        main.out.println(String.format(format, "plugin", "default", "also named").stripTrailing());
        for (Plugin plugin : all) {
            main.out.println(String.format(format, plugin.id(), PluginRegistry.inDefaultSet(plugin.id()) ? "yes" : "",
                    String.join(", ", new TreeSet<>(plugin.aliases()))).stripTrailing());
        }
        return ExitCodes.OK;
    }

    /** Titles longer than a line's share are cut: one long title widened every row. */
    private static final int TITLE_WIDTH = 60;

    private static String date(Post post) {
        return post.date() == null ? "" : post.date().toString();
    }

    private static String shown(Post post) {
        String title = post.displayTitle().replaceAll("\\s+", " ");
        return title.length() <= TITLE_WIDTH ? title : title.substring(0, TITLE_WIDTH - 3) + "...";
    }
}
