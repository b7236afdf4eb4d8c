package dev.markata.cli;

import dev.markata.plugins.load.Slugs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code markata new post TITLE}. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Creates new content.",
        subcommands = NewCommand.Post.class)
final class NewCommand {

    @ParentCommand
    Main main;

    /** {@code markata new post TITLE}: writes {@code posts/<slug>.md} with front matter. */
    @Command(name = "post", mixinStandardHelpOptions = true, description = "Creates posts/<slug>.md.")
    static final class Post implements Callable<Integer>, Main.WithOptions {

        @ParentCommand
        NewCommand parent;

        @Mixin
        CommonOptions options;

        @Parameters(paramLabel = "TITLE", description = "The post's title.")
        String title;

        @Override
        public CommonOptions options() {
            return options;
        }

        @Override
        public Integer call() throws Exception {
            String slug = Slugs.slugify(title);
            if (slug.isEmpty()) {
                throw new UsageException("the title \"" + title + "\" has no letters or digits, in any script, to"
                        + " make a file name from; give a title with some and change the title in the post's front"
                        + " matter afterwards");
            }
            Path file = options.directory.resolve("posts").resolve(slug + ".md");
            if (Files.exists(file)) {
                throw new UsageException(file + " already exists; choose another title");
            }
            Files.createDirectories(file.getParent());
            String text = "---\n"
                    + "title: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                    + "date: " + LocalDate.now() + "\n"
                    + "published: false\n"
                    + "tags: []\n"
                    + "description: \"\"\n"
                    + "---\n\n"
                    + "Write here.\n";
            Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
            parent.main.out.println(file);
            return ExitCodes.OK;
        }
    }
}
