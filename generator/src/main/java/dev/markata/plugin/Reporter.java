package dev.markata.plugin;

/** Where the build's messages for the user go (the command line prints them on stderr). */
public interface Reporter {

    /** Something the user should fix or know, that does not stop the build. */
    void warn(String message);

    /** Progress information, hidden by {@code --quiet}. */
    void info(String message);

    /**
     * Where a file the user may have asked for on the command line went (the profile's report,
     * whose place the configuration decides): information, which {@code --quiet} hides unless
     * that file was asked for on the command line ({@code -q --profile}: the one line the user
     * needs).
     */
    default void wrote(String message) {
        info(message);
    }

    /**
     * Whether the user asked for more detail ({@code --verbose}): plugins may then print their
     * full output instead of a screen-sized summary.
     */
    default boolean verbose() {
        return false;
    }

    /**
     * Whether information is hidden ({@code --quiet}): a plugin may then skip making text that
     * only {@link #info} would print (the profiler's console summary takes tens of milliseconds
     * of a large build to make).
     */
    default boolean quiet() {
        return false;
    }

    /** Prints both kinds of message on stderr. */
    Reporter STDERR = new Reporter() {
        @Override
        public void warn(String message) {
            System.err.println("warning: " + message);
        }

        @Override
        public void info(String message) {
            System.err.println(message);
        }
    };
}
