package dev.markata.reliability;

import dev.markata.Markata;
import dev.markata.cli.Main;
import dev.markata.testing.Plugins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real picocli entry point in-process, capturing what it prints and its exit code. */
record Cli(Markata.PluginSource plugins) {

    record Run(int code, String out, String err) {
        /** What a user sees, for assertion messages. */
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Cli builtIn() {
        return new Cli(Plugins.builtInPlus());
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, plugins);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Run build(Path site, String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "build";
        args[1] = "-d";
        args[2] = site.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run(args);
    }
}
