package dev.markata.plugin;

/**
 * An expected, user-facing failure of a plugin: a broken document, a missing template. Its
 * message is a complete sentence naming the file (and line) and is shown as is, without a
 * stack trace; any other exception from a hook is treated as a bug and shown with its type.
 */
public class PluginException extends Exception {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
