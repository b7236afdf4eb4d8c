package dev.markata.profiler.model;

import java.util.Map;
import java.util.Objects;

/**
 * A named interval of work, marked by the profiled program (a build stage, a plugin hook, one
 * document) or by the profiler itself (a task handed to another thread).
 *
 * <p>The profiler knows nothing of what a span means: {@code category} and {@code name} are the
 * caller's words ("stage"/"render", "document"/"posts/a.md"). Reports group time by them.
 *
 * @param id            this span's index in {@link Session#spans()}
 * @param parentId      the enclosing span, or {@link #NONE}
 * @param category      what kind of interval this is ("stage", "hook", "document", "task"...)
 * @param name          which one ("render", "markata.plugins.glob", "posts/a.md")
 * @param threadId      the thread the span ran on
 * @param startNanos    start, in nanoseconds since the session started
 * @param endNanos      end, in nanoseconds since the session started; a span still open when
 *                      the profiler stopped ends at the session's end
 * @param originStackId for work handed to another thread: the submitter's stack when it handed
 *                      it over, under which reports graft this span's samples; otherwise
 *                      {@link StackTable#EMPTY}
 * @param attributes    free-form details ("stage" -&gt; "render", "failed" -&gt; "true")
 */
public record Span(int id, int parentId, String category, String name, long threadId,
                   long startNanos, long endNanos, int originStackId, Map<String, String> attributes) {

    /** The id of "no span". */
    public static final int NONE = -1;

    public Span {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        attributes = Map.copyOf(attributes);
        if (endNanos < startNanos) {
            throw new IllegalArgumentException("span " + name + " ends before it starts");
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
