package dev.markata.profiler.render;

import dev.markata.profiler.Session;

import java.io.IOException;
import java.io.Writer;

/**
 * Turns a {@link Session} into one output format. One implementation per format; options are
 * given to the implementation's constructor, so a renderer is a reusable, immutable value.
 */
public interface Renderer {

    /** Writes the whole report for {@code session} to {@code out}; does not close it. */
    void render(Session session, Writer out) throws IOException;
}
