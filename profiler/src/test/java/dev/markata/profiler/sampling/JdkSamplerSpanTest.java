package dev.markata.profiler.sampling;

import dev.markata.profiler.Profiler;
import dev.markata.profiler.model.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which span the JDK sampler files a stack under when the thread's innermost span changed while
 * the stack was being taken (under load one call takes tens of milliseconds). A worker's task
 * body was filed under no span, at the worker's root, when its task ended during the call: in
 * TaskOriginTest three such samples of 30-41 ms held a third of the task bodies' time.
 */
class JdkSamplerSpanTest {

    private static final int TASK = 7;

    /** A real stack taken inside a task the profiler decorated (ContextTasks' wrapper on it). */
    private static StackTraceElement[] insideATask() {
        Profiler profiler = Profiler.builder().sampler(dev.markata.profiler.SamplerChoice.JDK).build();
        StackTraceElement[][] seen = new StackTraceElement[1][];
        profiler.start();
        try {
            profiler.decorate((Runnable) () -> seen[0] = Thread.currentThread().getStackTrace()).run();
        } finally {
            profiler.stop();
        }
        return seen[0];
    }

    @Test
    void aStackInsideATaskIsFiledUnderTheTaskWhenItBeganOrEndedDuringTheCall() {
        StackTraceElement[] inTask = insideATask();
        assertThat(JdkSampler.spanOf(inTask, Span.NONE, TASK)).isEqualTo(TASK); // began meanwhile
        assertThat(JdkSampler.spanOf(inTask, TASK, Span.NONE)).isEqualTo(TASK); // ended meanwhile
    }

    @Test
    void otherwiseTheSpanReadAfterTheCallHolds() {
        StackTraceElement[] outside = Thread.currentThread().getStackTrace();
        assertThat(JdkSampler.spanOf(outside, TASK, Span.NONE)).isEqualTo(Span.NONE);
        assertThat(JdkSampler.spanOf(outside, Span.NONE, TASK)).isEqualTo(TASK);
        assertThat(JdkSampler.spanOf(insideATask(), 3, TASK)).isEqualTo(TASK);
        assertThat(JdkSampler.spanOf(outside, 3, 3)).isEqualTo(3);
    }
}
