package dev.markata.plugin;

import java.util.Objects;

/**
 * A typed key for build-wide values plugins share ({@link BuildContext#put} /
 * {@link BuildContext#get}); compared by identity, so keep one static instance per value.
 *
 * @param name for messages and debugging
 * @param type the value's type
 */
public record StateKey<T>(String name, Class<T> type) {

    public StateKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
