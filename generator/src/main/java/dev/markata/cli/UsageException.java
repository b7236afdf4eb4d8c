package dev.markata.cli;

/** The command was used wrongly (a file that already exists, an unknown key): exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
