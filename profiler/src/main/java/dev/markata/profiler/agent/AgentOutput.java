package dev.markata.profiler.agent;

import dev.markata.profiler.Session;
import dev.markata.profiler.render.HtmlRenderer;
import dev.markata.profiler.render.Renderer;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.TextRenderer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Writes the agent's report in the format its file name asks for, atomically. */
final class AgentOutput {

    private AgentOutput() {
    }

    static void write(Session session, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json") && !name.endsWith(".speedscope.json")) {
            session.save(file);
            return;
        }
        Renderer renderer;
        if (name.endsWith(".html")) {
            renderer = new HtmlRenderer();
        } else if (name.endsWith(".txt")) {
            renderer = new TextRenderer(ReportOptions.defaults());
        } else {
            throw new IOException("the " + name.substring(name.indexOf('.')) + " format is not available in this build");
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                renderer.render(session, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
