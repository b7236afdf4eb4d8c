package dev.markata.testing;

import dev.markata.plugin.Reporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reporter that keeps warnings for assertions and prints nothing. */
public final class Warnings implements Reporter {

    public final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void warn(String message) {
        messages.add(message);
    }

    @Override
    public void info(String message) {
    }
}
