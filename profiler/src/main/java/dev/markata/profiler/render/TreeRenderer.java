package dev.markata.profiler.render;

import dev.markata.profiler.Session;

import java.io.IOException;
import java.io.Writer;

/**
 * A renderer that draws the session's call trees (text, pyinstrument JSON, collapsed stacks).
 * Rendered alone it builds the trees it needs; through {@link Reports} it draws the trees of the
 * session's other reports, so one session's raw tree is built once for all of them.
 */
abstract class TreeRenderer implements Renderer {

    @Override
    public final void render(Session session, Writer out) throws IOException {
        render(new ReportTrees(session), out);
    }

    /** Writes the whole report of {@code trees}' session to {@code out}; does not close it. */
    abstract void render(ReportTrees trees, Writer out) throws IOException;
}
