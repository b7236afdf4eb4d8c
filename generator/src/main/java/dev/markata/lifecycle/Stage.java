package dev.markata.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The stages of a build, in markata's order; {@link #TEARDOWN} always runs, once. */
public enum Stage {
    CONFIG_MODEL, POST_MODEL, CREATE_MODELS, LOAD_CONFIG, CONFIGURE, VALIDATE_CONFIG,
    GLOB, LOAD, PRE_RENDER, RENDER, POST_RENDER, SAVE, TEARDOWN;

    private static final List<Stage> IN_ORDER = List.of(values());

    /** markata's name of the stage: "pre_render". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All stages in the order a build runs them. */
    public static List<Stage> inOrder() {
        return IN_ORDER;
    }

    public static Optional<Stage> byId(String id) {
        return IN_ORDER.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Whether this stage runs before {@code other}. */
    public boolean isBefore(Stage other) {
        return IN_ORDER.indexOf(this) < IN_ORDER.indexOf(other);
    }

    @Override
    public String toString() {
        return id();
    }
}
