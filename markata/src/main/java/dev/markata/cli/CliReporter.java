package dev.markata.cli;

import dev.markata.plugin.Reporter;
import java.io.PrintStream;

/** Warnings always, information unless {@code --quiet}; both on stderr. */
final class CliReporter implements Reporter {

    private final PrintStream err;
    private final boolean quiet;

    CliReporter(PrintStream err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
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
