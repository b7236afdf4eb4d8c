package dev.markata.plugin;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What plugins keep from one build to the next in the same process: {@code serve --watch}
 * rebuilds the site after every edit, and work that depends only on a post's content need not
 * be done again for the posts that did not change. A one-off build has a memory of its own that
 * ends with it. Values are shared by the build's threads: they must be safe to use concurrently.
 */
public final class BuildMemory {

    private final Map<StateKey<?>, Object> values = new ConcurrentHashMap<>();

    /** The value kept under {@code key}, made by {@code make} the first time. */
    public <T> T get(StateKey<T> key, Supplier<T> make) {
        Objects.requireNonNull(make);
        return key.type().cast(values.computeIfAbsent(key, k -> Objects.requireNonNull(make.get(), "made null")));
    }
}
