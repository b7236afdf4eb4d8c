package dev.markata.plugins.profiler;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import dev.markata.cli.Main;
import dev.markata.plugin.PluginRegistry;
import dev.markata.testing.Site;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds real sites through the real command line, in this JVM, for the profiler tests. */
final class ProfiledBuilds {

    private ProfiledBuilds() {
    }

    /** What a run of the command line did. */
    record Run(int code, String out, String err) {
    }

    /** {@code markata ARGS} with the plugins ServiceLoader finds, as the real command line does. */
    static Run markata(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false,
                () -> PluginRegistry.discover(ProfiledBuilds.class.getClassLoader()));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * A blog of {@code posts} posts, each with enough Markdown (headings, tables, lists, code,
     * links) that rendering it shows up in the samples.
     *
     * @param markataLines lines for the {@code [markata]} table ({@code hooks = [...]})
     * @param moreToml     tables appended to markata.toml as they are ({@code [markata.profiler]} ...)
     */
    static Site blog(Path dir, int posts, String markataLines, String moreToml) {
        Site site = new Site(dir).write("markata.toml", "[markata]\ntitle = \"Profiled Blog\"\n" + markataLines
                + "\n" + moreToml + "\n");
        StringBuilder body = new StringBuilder();
        for (int section = 1; section <= 25; section++) {
            body.append("## Section ").append(section).append("\n\n")
                    .append("Some *emphasis*, **strong text**, `inline code` and a [link](https://example.com/")
                    .append(section).append(") in a paragraph that goes on for a while to give the parser work.\n\n")
                    .append("| name | value | note |\n|------|-------|------|\n| a | ").append(section)
                    .append(" | first |\n| b | ").append(section * 2).append(" | second |\n\n")
                    .append("- item one\n- item two with ~~strike~~\n- [ ] a task\n\n")
                    .append("```java\nint x = ").append(section).append(";\n```\n\n");
        }
        for (int i = 1; i <= posts; i++) {
            site.post(String.format("posts/post-%02d.md", i),
                    "title: Post " + i + "\ndate: 2024-01-" + String.format("%02d", (i % 28) + 1)
                            + "\npublished: true", "# Post " + i + "\n\n" + body);
        }
        return site;
    }

    private static boolean warm;

    /**
     * One profiled build of a small blog in {@code scratch}, once per test JVM: a test that compares
     * two builds made in this JVM needs both to find its code loaded and compiled, as two
     * {@code ./markata build} runs in processes of their own do (the first build in a fresh JVM
     * spends a second or more of its render stage loading and compiling the template engine).
     */
    static synchronized void warmUpOnce(Path scratch) {
        if (!warm) {
            blog(scratch, 12, "hooks = [\"default\", \"markata.plugins.pyinstrument\"]\nworkers = 2", "");
            markata("build", "--directory", scratch.toString(), "--quiet");
            warm = true;
        }
    }

    static JsonElement json(Path file) {
        try {
            JsonReader reader = new JsonReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            reader.setNestingLimit(100_000); // call trees are deep
            return JsonParser.parseReader(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, relative, sorted ("" when it does not exist). */
    static List<String> filesUnder(Path dir) {
        List<String> files = new ArrayList<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (var walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
