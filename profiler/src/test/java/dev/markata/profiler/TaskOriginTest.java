package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.process.CallNode;
import dev.markata.profiler.process.CallTrees;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where handed-over work is grafted, with the real samplers: a hook does preparation work in one
 * method, then submits tasks from another and waits for them; a second hook, shorter than one
 * sampling interval, submits and returns. The tasks' samples must end up under the submitting
 * methods, never under the preparation.
 */
class TaskOriginTest {

    private static final int TASKS = 6;

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void tasksAreGraftedUnderTheMethodThatSubmittedThemNotUnderThePreparation(SamplerChoice sampler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        List<Future<?>> quickOnes;
        try {
            try (SpanScope hook = profiler.span("hook", "render")) {
                prepare();
                submitAndWait(wrapped);
            }
            try (SpanScope hook = profiler.span("hook", "quick")) {
                quickOnes = quickSubmit(wrapped);
            }
            for (Future<?> future : quickOnes) {
                future.get();
            }
        } finally {
            profiler.stop();
            pool.shutdown();
        }
        Session session = profiler.lastSession().orElseThrow();

        Span render = spanNamed(session, "render");
        Span quick = spanNamed(session, "quick");
        List<Span> tasks = session.spans().stream().filter(s -> s.category().equals("task")).toList();
        assertThat(tasks).hasSize(2 * TASKS);
        for (Span task : tasks) {
            String expected = task.parentId() == render.id() ? "submitAndWait" : "quickSubmit";
            assertThat(task.parentId()).isIn(render.id(), quick.id());
            assertThat(leafMethod(session, task.originStackId()))
                    .as("origin of %s: %s", task, describe(session, task.originStackId()))
                    .isEqualTo(expected);
            assertThat(Workloads.stackContains(session, task.originStackId(), TaskOriginTest.class, "prepare")).isFalse();
        }

        // each thread's samples are its own: the submitter never runs a task body, a worker never prepares
        long main = Thread.currentThread().getId();
        for (ThreadProfile thread : session.threads()) {
            for (Sample sample : thread.samples()) {
                String forbidden = thread.threadId() == main ? "taskBody" : "prepare";
                assertThat(Workloads.stackContains(session, sample.stackId(), TaskOriginTest.class, forbidden))
                        .as("thread %s sample %s", thread.name(), describe(session, sample.stackId())).isFalse();
            }
        }

        // in the call tree every task body hangs under its submitting method, none under prepare (the
        // raw tree: the processed one leaves out frames of dev.markata.profiler, this test's package)
        CallNode root = CallTrees.build(session, false);
        List<Placed> bodies = placesOf(root, "taskBody");
        // once (JDK sampler, load 14) no sample held a task body; not seen again in 90 runs at a
        // load of 7-27, so the message says what the sampler saw, to explain the next one
        assertThat(bodies).as("task bodies in the tree; %s", samplingSeen(session)).isNotEmpty();
        assertThat(bodies).allSatisfy(body -> assertThat(body.path()).doesNotContain("prepare"));
        long all = bodies.stream().mapToLong(Placed::nanos).sum();
        long grafted = bodies.stream().filter(b -> b.path().contains("submitAndWait") || b.path().contains("quickSubmit"))
                .mapToLong(Placed::nanos).sum();
        // a sample at a task's very edge can miss its span (the JDK sampler reads a stack and the
        // open span a moment apart, and on a loaded machine its ticks come late, so each sample
        // stands for a longer stretch) and stays at the worker's root; broken grafting would put none
        assertThat(Workloads.percent(grafted, all)).as("task body time under the submitting methods: %s", bodies)
                .isGreaterThan(70);
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void invokeAllTasksAreChildrenOfTheSubmittersSpanAndGraftedUnderTheInvokingMethod(SamplerChoice sampler)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        try {
            try (SpanScope hook = profiler.span("hook", "render")) {
                prepare();
                invokeAllOfThem(wrapped);
            }
        } finally {
            profiler.stop();
            pool.shutdown();
        }
        Session session = profiler.lastSession().orElseThrow();

        Span render = spanNamed(session, "render");
        List<Span> tasks = session.spans().stream().filter(s -> s.category().equals("task")).toList();
        assertThat(tasks).hasSize(TASKS).allSatisfy(task -> {
            assertThat(task.parentId()).isEqualTo(render.id());
            assertThat(leafMethod(session, task.originStackId()))
                    .as("origin of %s: %s", task, describe(session, task.originStackId())).isEqualTo("invokeAllOfThem");
        });
        assertThat(session.spans()).anySatisfy(s -> {
            assertThat(s.category()).isEqualTo("await");
            assertThat(s.name()).isEqualTo("invokeAll");
            assertThat(s.parentId()).isEqualTo(render.id());
        });
    }

    private static void invokeAllOfThem(ExecutorService wrapped) throws Exception {
        List<java.util.concurrent.Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(java.util.concurrent.Executors.callable(TaskOriginTest::taskBody));
        }
        for (Future<Object> future : wrapped.invokeAll(tasks)) {
            future.get();
        }
    }

    private static void prepare() {
        Workloads.spin(40);
    }

    private static void submitAndWait(ExecutorService wrapped) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            futures.add(wrapped.submit(TaskOriginTest::taskBody));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    private static List<Future<?>> quickSubmit(ExecutorService wrapped) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            futures.add(wrapped.submit(TaskOriginTest::taskBody));
        }
        return futures;
    }

    /** Long enough that the blur at a task's edges (see below) is a small part of it. */
    private static void taskBody() {
        Workloads.spin(25);
    }

    /** Per thread, its samples, their looks and the widest look's span; whether sampling stopped early. */
    private static String samplingSeen(Session session) {
        StringBuilder seen = new StringBuilder("sampler " + session.sampler().name());
        for (ThreadProfile thread : session.threads()) {
            long looks = thread.samples().stream().mapToLong(Sample::count).sum();
            long widest = thread.samples().stream().mapToLong(s -> s.durationNanos() / s.count()).max().orElse(0);
            seen.append(String.format("; %s: %d samples, %d looks, widest %d ms", thread.name(),
                    thread.samples().size(), looks, widest / 1_000_000));
        }
        seen.append("; stopped early: ").append(session.metadata().getOrDefault("sampling.stopped", "no"));
        return seen.toString();
    }

    private static Span spanNamed(Session session, String name) {
        return session.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String leafMethod(Session session, int stackId) {
        return stackId == StackTable.EMPTY ? "" : session.frames().get(session.stacks().frameId(stackId)).methodName();
    }

    private static String describe(Session session, int stackId) {
        if (stackId == StackTable.EMPTY) {
            return "(empty)";
        }
        List<String> names = new ArrayList<>();
        for (int frame : session.stacks().framesRootFirst(stackId)) {
            Frame f = session.frames().get(frame);
            names.add(f.displayName());
        }
        return String.join(";", names);
    }

    /** A node of one method: the method names from the root down to it, and its total time. */
    private record Placed(List<String> path, long nanos) {
    }

    private static List<Placed> placesOf(CallNode root, String method) {
        List<Placed> found = new ArrayList<>();
        walk(root, method, new ArrayDeque<>(), found);
        return found;
    }

    private static void walk(CallNode node, String method, Deque<String> path, List<Placed> found) {
        path.addLast(node.frame().methodName());
        if (node.frame().methodName().equals(method) && node.frame().className().equals(TaskOriginTest.class.getName())) {
            found.add(new Placed(List.copyOf(path), node.totalNanos()));
        }
        for (CallNode child : node.children()) {
            walk(child, method, path, found);
        }
        path.removeLast();
    }
}
