package dev.markata.cli;

import dev.markata.Markata;
import dev.markata.config.ConfigException;
import dev.markata.lifecycle.BuildException;
import dev.markata.plugin.PluginRegistry;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code markata} command line. */
@Command(name = "markata", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds a static site from Markdown, compatible with markata.toml.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the build failed", "2:wrong usage or configuration",
            "130:interrupted (Ctrl-C)"})
public final class Main implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** {@code markata} without a command: the usage, as an error. */
    @Override
    public Integer call() {
        err.println("error: a command is missing");
        spec.commandLine().usage(err);
        return ExitCodes.USAGE;
    }

    /** Implemented by commands, so errors know whether to show stack traces. */
    interface WithOptions {
        CommonOptions options();
    }

    final PrintStream out;
    final PrintStream err;
    final Map<String, String> environment;
    final boolean terminal;
    final Markata.PluginSource plugins;

    Main(PrintStream out, PrintStream err, Map<String, String> environment, boolean terminal,
         Markata.PluginSource plugins) {
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
        this.plugins = plugins;
    }

    public static void main(String[] args) {
        // jinjava logs through SLF4J; without a backend SLF4J would print a warning on every run
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err, System.getenv(), System.console() != null,
                () -> PluginRegistry.discover(Main.class.getClassLoader())));
    }

    /**
     * Runs the command line and returns its exit code (tests call this directly).
     *
     * @param plugins where plugins come from (the command line uses ServiceLoader)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment,
                          boolean terminal, Markata.PluginSource plugins) {
        Main main = new Main(out, err, environment, terminal, plugins);
        CommandLine commandLine = new CommandLine(main);
        for (Object command : commandsFor(args)) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        commandLine.setParameterExceptionHandler((error, ignored) -> main.usageError(error));
        commandLine.setExecutionExceptionHandler((error, failed, parseResult) -> {
            boolean verbose = failed.getCommand() instanceof WithOptions command && command.options().verbose;
            main.report(error, verbose);
            return ExitCodes.of(error);
        });
        return commandLine.execute(args);
    }

    /**
     * The subcommands to register: only the one named first when it is one of ours, else all
     * (for usage, help and "did you mean"). picocli reads every registered command's annotations
     * when it is added, and its classes are too old for the launcher's class-data archive, so
     * building all six command models cost each run a tenth of a second.
     */
    static List<Object> commandsFor(String[] args) {
        Object named = switch (args.length > 0 ? args[0] : "") {
            case "build" -> new BuildCommand();
            case "list" -> new ListCommand();
            case "clean" -> new CleanCommand();
            case "new" -> new NewCommand();
            case "config" -> new ConfigCommand();
            case "serve" -> new ServeCommand();
            default -> null;
        };
        if (named != null) {
            return List.of(named);
        }
        return List.of(new BuildCommand(), new ListCommand(), new CleanCommand(), new NewCommand(),
                new ConfigCommand(), new ServeCommand(), new CommandLine.HelpCommand());
    }

    /**
     * A command line picocli could not read: "error: " and its message, as every other error,
     * then its suggestions or the command's usage. A site folder given as an argument
     * ({@code markata build mysite}) is told how to give it instead.
     */
    private int usageError(CommandLine.ParameterException error) {
        CommandLine failed = error.getCommandLine();
        if (error instanceof CommandLine.UnmatchedArgumentException unmatched
                && failed.getCommandSpec().findOption("--directory") != null
                && unmatched.getUnmatched().size() == 1
                && isFolder(unmatched.getUnmatched().get(0))) {
            String folder = shellWord(unmatched.getUnmatched().get(0));
            err.println("error: " + failed.getCommandSpec().qualifiedName() + " takes the site folder as an option:"
                    + " --directory " + folder + " (or -d " + folder + ")");
            return ExitCodes.USAGE;
        }
        err.println("error: " + error.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(error, err)) {
            failed.usage(err);
        }
        return ExitCodes.USAGE;
    }

    private static boolean isFolder(String argument) {
        try {
            return Files.isDirectory(Path.of(argument));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }

    /** {@code text} as a shell reads it back: quoted when it holds anything but plain path characters. */
    static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./@%+=:,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private void report(Exception error, boolean verbose) {
        if (error instanceof ConfigException config) {
            config.problems().forEach(problem -> err.println("error: " + problem));
        } else if (error instanceof BuildException build) {
            err.println("error: " + build.getMessage());
            if (verbose) {
                build.failure().problems().stream().filter(p -> p.cause() != null)
                        .forEach(p -> p.cause().printStackTrace(err));
            }
            build.mixedOutput().ifPresent(mixed -> err.println("warning: " + mixed));
        } else if (ExitCodes.isUserFacing(error)) {
            err.println("error: " + error.getMessage());
        } else {
            err.println("error: unexpected " + error);
            if (verbose) {
                error.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
        }
    }
}
