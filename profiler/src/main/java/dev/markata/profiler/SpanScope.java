package dev.markata.profiler;

/**
 * An open span on the current thread: close it (try-with-resources or an explicit
 * {@link #close()} from an observer's "end" callback) on the thread that opened it.
 *
 * <p>When the profiler is not running, {@link Profiler#span} returns {@link #NONE}, which does
 * nothing, so marking spans costs a volatile read when nobody profiles.
 */
public interface SpanScope extends AutoCloseable {

    /** The span that is not recorded: every method does nothing. */
    SpanScope NONE = new SpanScope() {
        @Override
        public SpanScope attribute(String key, String value) {
            return this;
        }

        @Override
        public void close() {
        }
    };

    /** Adds or replaces a detail ("failed" -&gt; "true"); allowed until the span is closed. */
    SpanScope attribute(String key, String value);

    /** Ends the span now; closing twice, or after the profiler stopped, does nothing. */
    @Override
    void close();
}
