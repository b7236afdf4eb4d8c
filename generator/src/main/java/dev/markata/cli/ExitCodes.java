package dev.markata.cli;

import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;

/** The one place where errors become exit codes. */
final class ExitCodes {

    static final int OK = 0;
    static final int BUILD_FAILED = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }

    /** The exit code for an error that ended a command. */
    static int of(Throwable error) {
        if (error instanceof ConfigException || error instanceof UsageException
                || error instanceof picocli.CommandLine.ParameterException) {
            return USAGE;
        }
        return BUILD_FAILED; // BuildException, and unexpected errors (bugs) too
    }

    /** Whether the error's message is written for users, so its type name and stack add nothing. */
    static boolean isUserFacing(Throwable error) {
        return error instanceof ConfigException || error instanceof UsageException || error instanceof BuildException;
    }
}
