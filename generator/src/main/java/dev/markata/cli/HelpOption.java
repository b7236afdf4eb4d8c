package dev.markata.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h, --help} of a subcommand. Subcommands do not take picocli's standard help
 * options: those add {@code -V, --version}, which only the top command answers
 * ({@code markata build -V} printed nothing and exited 0).
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
