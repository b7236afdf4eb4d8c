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
    private final boolean filesAsked;

    CliReporter(PrintStream err, boolean quiet) {
        this(err, quiet, false, null);
    }

    CliReporter(PrintStream err, boolean quiet, boolean verbose) {
        this(err, quiet, verbose, null);
    }

    /** @param progress the build's progress, or null when none is shown */
    CliReporter(PrintStream err, boolean quiet, boolean verbose, Progress progress) {
        this(err, quiet, verbose, progress, false);
    }

    /** @param filesAsked whether the command line asked for the files {@link #wrote} names ({@code --profile}) */
    CliReporter(PrintStream err, boolean quiet, boolean verbose, Progress progress, boolean filesAsked) {
        this.err = err;
        this.quiet = quiet;
        this.verbose = verbose;
        this.progress = progress;
        this.filesAsked = filesAsked;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

    @Override
    public boolean quiet() {
        return quiet;
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

    @Override
    public void wrote(String message) {
        if (!quiet || filesAsked) {
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
