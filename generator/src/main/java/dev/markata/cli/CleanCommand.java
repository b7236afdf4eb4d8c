package dev.markata.cli;

import dev.markata.config.Config;
import dev.markata.config.ConfigLoader;
import dev.markata.config.LockTimeout;
import dev.markata.config.SiteConfig;
import dev.markata.content.BuildLock;
import dev.markata.content.CacheDir;
import dev.markata.content.Leftovers;
import dev.markata.content.OutputRecord;
import dev.markata.plugins.glob.GlobConfig;
import dev.markata.plugins.glob.GlobPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code markata clean}: removes output_dir and the cache folder. Of an output folder holding
 * files no build of markata-java wrote (by the record in the cache), only the files builds
 * wrote go: output_dir may name a folder of the author's ({@code "../shared"}, a home folder).
 */
@Command(name = "clean", description = "Removes output_dir and .markata.cache.")
final class CleanCommand implements Callable<Integer>, Main.WithOptions {

    @Mixin
    HelpOption help;

    @ParentCommand
    Main main;

    @Mixin
    CommonOptions options;

    @Option(names = "--dry-run", description = "Only say what would be removed.")
    boolean dryRun;

    @Override
    public CommonOptions options() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        Config config = new ConfigLoader(main.environment).load(options.directory);
        // run beside a site (its --directory forgotten): say which folder is the site
        config.warnings().forEach(warning -> main.err.println("warning: " + warning));
        SiteConfig site = config.site();
        // output_dir = "posts": the build never read the posts there, and clean deleted them
        Optional<Path> document = GlobPlugin.documentIn(site.outputDir(), site, config.section(GlobConfig.SECTION));
        if (document.isPresent()) {
            throw new UsageException(site.outputDir() + " (output_dir) holds documents of glob_patterns, like "
                    + document.get() + ": it is not a built site; nothing was removed");
        }
        BuildLock.Wait wait = LockTimeout.read(main.environment);
        // not while a build of the site writes (serve --watch): it went on writing into what clean removed
        try (BuildLock lock = dryRun || !Files.isDirectory(site.cacheDir()) ? null
                : BuildLock.acquire(site.cacheDir(), site.directory(), wait, main.err::println,
                        still -> main.err.println("warning: " + still))) {
            return clean(site);
        } catch (BuildLock.TimedOut e) {
            main.err.println("error: " + LockTimeout.gaveUp(e, main.environment, "nothing was removed"));
            return ExitCodes.BUILD_FAILED;
        }
    }

    private Integer clean(SiteConfig site) throws Exception {
        List<Path> folders = List.of(site.outputDir(), site.cacheDir());
        if (site.outputIsAssets()) {
            // image sites write their pages beside their images: the folder is the author's, and
            // only what builds wrote there goes (markata's clean removes the folder, images and all)
            folders = List.of(site.cacheDir());
            if (dryRun) {
                main.out.println("would remove the files builds wrote to " + site.outputDir()
                        + ", which is also assets_dir");
            } else {
                List<String> removed = OutputRecord.removeMade(site.cacheDir(), site.outputDir());
                if (!options.quiet) {
                    main.out.println("removed " + removed.size() + " files builds wrote to " + site.outputDir()
                            + ", which is also assets_dir");
                }
            }
        }
        List<String> others = site.outputIsAssets() ? List.of() : OutputRecord.unrecorded(site.cacheDir(), site.outputDir());
        if (!others.isEmpty()) {
            // output_dir = "../shared" or "/home/me" (or a site's markout whose cache was
            // deleted): removing the folder whole took files no build wrote, the author's
            folders = List.of(site.cacheDir());
            String kept = others.size() + (others.size() == 1 ? " file" : " files");
            String listed = String.join(", ", others.subList(0, Math.min(5, others.size())))
                    + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "");
            if (dryRun) {
                main.out.println("would remove the files builds wrote to " + site.outputDir() + " and keep " + kept
                        + " no build of markata-java wrote there: " + listed);
            } else {
                List<String> removed = OutputRecord.removeMade(site.cacheDir(), site.outputDir());
                Leftovers.remove(site.outputDir());
                if (!options.quiet) {
                    main.out.println("removed " + removed.size() + " files builds wrote to " + site.outputDir());
                }
                main.err.println("warning: kept " + kept + " in " + site.outputDir() + " that no build of markata-java"
                        + " wrote (" + listed + "): they may be yours; remove the folder yourself if not");
            }
        }
        if (!site.outputIsAssets() && others.isEmpty() && folders.stream().noneMatch(Files::exists)) {
            if (!options.quiet) {
                main.out.println("nothing to remove: " + site.outputDir() + " and " + site.cacheDir() + " do not exist");
            }
            return ExitCodes.OK;
        }
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            if (dryRun) {
                main.out.println("would remove " + folder);
            } else {
                CacheDir.deleteTree(folder);
                if (!options.quiet) {
                    main.out.println("removed " + folder);
                }
            }
        }
        return ExitCodes.OK;
    }
}
