package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A framework's task decorator ({@link HandOff}) calls {@link Profiler#decorate} for every task
 * its caller submits: the tasks are grafted at the caller, not inside the decorator.
 */
class HandOffTest {

    /** Stands for a build executor's decorator: only passes the task on. */
    static final class Decorator implements HandOff {
        private final Profiler profiler;

        Decorator(Profiler profiler) {
            this.profiler = profiler;
        }

        Runnable decorate(String name, Runnable task) {
            return profiler.decorate("task", name, task);
        }
    }

    /** Not marked: its frames stay, as any other caller's. */
    static final class Helper {
        private final Profiler profiler;

        Helper(Profiler profiler) {
            this.profiler = profiler;
        }

        Runnable decorate(String name, Runnable task) {
            return profiler.decorate("task", name, task);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void aHandOffClassIsLeftOutOfWhereTasksAreGrafted(SamplerChoice sampler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        profiler.start();
        try {
            try (SpanScope hook = profiler.span("hook", "marked")) {
                submitThroughDecorator(pool, new Decorator(profiler)::decorate);
            }
            try (SpanScope hook = profiler.span("hook", "unmarked")) {
                submitThroughHelper(pool, new Helper(profiler)::decorate);
            }
        } finally {
            profiler.stop();
            pool.shutdown();
        }
        Session session = profiler.lastSession().orElseThrow();
        int checked = 0;
        for (Span task : session.spans()) {
            if (!task.category().equals("task")) {
                continue;
            }
            String hook = session.spans().get(task.parentId()).name();
            List<String> origin = new ArrayList<>();
            for (int frame : session.stacks().framesRootFirst(task.originStackId())) {
                Frame f = session.frames().get(frame);
                origin.add(f.className().substring(f.className().lastIndexOf('.') + 1) + "." + f.methodName());
            }
            if (hook.equals("marked")) {
                assertThat(origin).as("origin %s", origin).last().isEqualTo("HandOffTest.submit");
                assertThat(origin).contains("HandOffTest.submitThroughDecorator");
                assertThat(origin).noneMatch(name -> name.startsWith("HandOffTest$Decorator"));
            } else {
                assertThat(origin).as("origin %s", origin).last().isEqualTo("HandOffTest$Helper.decorate");
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    interface Decorate {
        Runnable apply(String name, Runnable task);
    }

    private static void submitThroughDecorator(ExecutorService pool, Decorate decorate) throws Exception {
        submit(pool, decorate);
    }

    private static void submitThroughHelper(ExecutorService pool, Decorate decorate) throws Exception {
        submit(pool, decorate);
    }

    private static void submit(ExecutorService pool, Decorate decorate) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(pool.submit(decorate.apply("t" + i, () -> Workloads.spin(5))));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }
}
