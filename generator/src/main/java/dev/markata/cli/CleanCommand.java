package dev.markata.cli;

import dev.markata.config.Config;
import dev.markata.config.ConfigLoader;
import dev.markata.config.SiteConfig;
import dev.markata.plugins.glob.GlobConfig;
import dev.markata.plugins.glob.GlobPlugin;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code markata clean}: removes output_dir and the cache folder. */
@Command(name = "clean", mixinStandardHelpOptions = true, description = "Removes output_dir and .markata.cache.")
final class CleanCommand implements Callable<Integer>, Main.WithOptions {

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
        SiteConfig site = config.site();
        // output_dir = "posts": the build never read the posts there, and clean deleted them
        Optional<Path> document = GlobPlugin.documentIn(site.outputDir(), site, config.section(GlobConfig.SECTION));
        if (document.isPresent()) {
            throw new UsageException(site.outputDir() + " (output_dir) holds documents of glob_patterns, like "
                    + document.get() + ": it is not a built site; nothing was removed");
        }
        for (Path folder : List.of(site.outputDir(), site.cacheDir())) {
            if (!Files.exists(folder)) {
                continue;
            }
            if (dryRun) {
                main.out.println("would remove " + folder);
            } else {
                deleteTree(folder);
                if (!options.quiet) {
                    main.out.println("removed " + folder);
                }
            }
        }
        return ExitCodes.OK;
    }

    /** Deletes a folder and everything in it, without following symbolic links out of it. */
    private static void deleteTree(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException error) throws IOException {
                if (error != null) {
                    throw error;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
