/**
 * The {@code markata} command line (picocli): build, list, clean, new post, config show/get.
 * Errors become exit codes in one place, {@code ExitCodes}: 0 ok, 1 build failed, 2 usage or
 * configuration error.
 */
package dev.markata.cli;
