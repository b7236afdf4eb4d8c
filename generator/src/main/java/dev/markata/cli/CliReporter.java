package dev.markata.cli;

import dev.markata.plugin.Reporter;
import java.io.PrintStream;

/** Warnings always, information unless {@code --quiet}; both on stderr; verbose with {@code --verbose}. */
final class CliReporter implements Reporter {

    private final PrintStream err;
    private final boolean quiet;
    private final boolean verbose;

    CliReporter(PrintStream err, boolean quiet) {
        this(err, quiet, false);
    }

    CliReporter(PrintStream err, boolean quiet, boolean verbose) {
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public void warn(String message) {
        err.println("warning: " + message);
    }

    @Override
    public void info(String message) {
        if (!quiet) {
            err.println(message);
        }
    }
}
