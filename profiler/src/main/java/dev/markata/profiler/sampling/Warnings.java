package dev.markata.profiler.sampling;

/**
 * The library's warnings, through {@code System.getLogger("dev.markata.profiler")}, asked for
 * only when there is one to give. Not a logger in a static field: making one initializes the
 * JDK's {@code java.util.logging} when the class loads, which for the Java agent is before the
 * program's {@code main}, so a program that installs its own LogManager then
 * ({@code java.util.logging.manager}, as WildFly and JBoss set it in their main) got the JDK's.
 */
final class Warnings {

    private static final String LOGGER = "dev.markata.profiler";

    private Warnings() {
    }

    static void warn(String message) {
        System.getLogger(LOGGER).log(System.Logger.Level.WARNING, message);
    }
}
