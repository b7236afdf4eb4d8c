package dev.markata.profiler.sampling;

import dev.markata.profiler.SpanScope;

import java.util.LinkedHashMap;
import java.util.Map;

/** A span while it is recorded; becomes a {@link dev.markata.profiler.model.Span} at stop. */
final class SpanRecord implements SpanScope {

    static final long OPEN = -1;

    private final Recording recording;
    final ThreadContext owner;
    final int id;
    final int parentId;
    final String category;
    final String name;
    final long startNanos;
    /** For handed-over work: the submitting thread and when it submitted; otherwise -1. */
    final long originThreadId;
    final long originNanos;
    volatile long endNanos = OPEN;
    /**
     * Where this span's thread first handed work over inside it (leaf first), walked once per
     * span, not per task; null until then. Written and first read by the owning thread.
     */
    volatile StackTraceElement[] submitStack;
    private volatile Map<String, String> attributes;

    SpanRecord(Recording recording, ThreadContext owner, int id, int parentId, String category, String name,
               long startNanos, long originThreadId, long originNanos, Map<String, String> attributes) {
        this.recording = recording;
        this.owner = owner;
        this.id = id;
        this.parentId = parentId;
        this.category = category;
        this.name = name;
        this.startNanos = startNanos;
        this.originThreadId = originThreadId;
        this.originNanos = originNanos;
        this.attributes = Map.copyOf(attributes);
    }

    Map<String, String> attributes() {
        return attributes;
    }

    @Override
    public synchronized SpanScope attribute(String key, String value) {
        if (endNanos == OPEN) {
            var copy = new LinkedHashMap<>(attributes);
            copy.put(key, value);
            attributes = Map.copyOf(copy);
        }
        return this;
    }

    @Override
    public void close() {
        recording.end(this);
    }

    @Override
    public String toString() {
        return category + ":" + name;
    }
}
