package dev.markata.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", description = "The site folder (default: the current folder).")
    Path directory = Path.of(".");

    @Option(names = {"-v", "--verbose"},
            description = "More detail: stack traces of errors, and the stage and plugin timings of commands that build.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Only warnings and errors.")
    boolean quiet;
}
