package dev.markata.cli;

import dev.markata.plugin.Reporter;
import java.io.PrintStream;

/**
 * Warnings always, information unless {@code --quiet}; both on stderr; verbose with {@code --verbose}.
 * During a build, lines go through its {@link Progress}, which clears a bar drawn on the terminal
 * first: a warning printed while the bar was drawn went after it on its line.
 */
final class CliReporter implements Reporter {

    private final PrintStream err;
    private final boolean quiet;
    private final boolean verbose;
    private final Progress progress;

    CliReporter(PrintStream err, boolean quiet) {
        this(err, quiet, false, null);
    }

    CliReporter(PrintStream err, boolean quiet, boolean verbose) {
        this(err, quiet, verbose, null);
    }

    /** @param progress the build's progress, or null when none is shown */
    CliReporter(PrintStream err, boolean quiet, boolean verbose, Progress progress) {
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
        this.progress = progress;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public void warn(String message) {
        println("warning: " + message);
    }

    @Override
    public void info(String message) {
        if (!quiet) {
            println(message);
        }
    }

    private void println(String line) {
        if (progress != null) {
            progress.println(line);
        } else {
            err.println(line);
        }
    }
}
