package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tasks on virtual threads (JDK 21+) handed over through a wrapped executor, with
 * async-profiler. It samples the OS threads, so a virtual thread's code is seen on whichever
 * carrier it is mounted on, and the samples belong to that carrier.
 */
class VirtualThreadTest {

    /**
     * A virtual thread that registered itself noted its carrier's OS id as its own, and every
     * later sample of that carrier (other virtual threads' tasks, the carrier's idle time) was
     * filed under that one virtual thread, inside its task span: the report showed two
     * nameless {@code [thread ]} entries and grafted other tasks' time under the submitter at
     * the wrong times. The carrier's samples are now the carrier's own.
     */
    @Test
    void aCarriersSamplesAreFiledUnderTheCarrierNotUnderOneVirtualThread() throws Exception {
        Set<Long> virtualIds = ConcurrentHashMap.newKeySet();
        Session session = runOnVirtualThreads(40, i -> {
            virtualIds.add(Thread.currentThread().getId());
            Workloads.spin(5);
        });
        assertThat(virtualIds).hasSize(40);
        assertThat(session.threads()).extracting(ThreadProfile::threadId).doesNotContainAnyElementsOf(virtualIds);
        List<ThreadProfile> spinning = session.threads().stream().filter(t -> spinNanos(session, t) > 0).toList();
        assertThat(spinning).isNotEmpty().allSatisfy(t -> assertThat(t.name()).isNotEmpty());
    }

    /**
     * A virtual thread that parked and runs again has only its top frames thawed; the JVM leaves
     * the rest frozen behind a return barrier, where async-profiler's walk stops. Every sample of
     * the spin after the sleep began at the task's method ({@code spinSleepSpin}), not at the
     * carrier's root: the carrier's tree had the task's code under two roots, and most of its
     * time under the one without the thread and the task that ran it. Those samples now go
     * under the stack the task's method was seen under before its park: the only one it has.
     */
    @Test
    void samplesAfterAParkAreUnderTheCallersFrozenAtThePark() throws Exception {
        Session session = runOnVirtualThreads(60, i -> spinSleepSpin());
        List<List<String>> spinning = stacksThrough(session, "spin");
        assertThat(spinning).hasSizeGreaterThan(20).allSatisfy(stack -> {
            assertThat(stack).as("a whole stack: the carrier, the continuation, the task").contains(
                    "jdk.internal.vm.Continuation.enter0", "java.lang.VirtualThread.run",
                    VirtualThreadTest.class.getName() + ".spinSleepSpin");
            assertThat(stack.get(stack.indexOf(VirtualThreadTest.class.getName() + ".spinSleepSpin") - 1))
                    .as("spinSleepSpin's caller").startsWith(VirtualThreadTest.class.getName() + ".lambda$");
        });
    }

    /**
     * Where the method a cut stack begins with was seen under two callers, which one the frozen
     * frames hold cannot be known: the sample goes under what both callers' stacks share, with a
     * synthetic frame for the rest, never under one of the two.
     */
    @Test
    void framesThatCannotBeKnownAreOneSyntheticFrameNotAnInventedCaller() throws Exception {
        Session session = runOnVirtualThreads(60, i -> {
            if (i % 2 == 0) {
                viaA();
            } else {
                viaB();
            }
        });
        String shared = VirtualThreadTest.class.getName() + ".shared";
        List<List<String>> spinning = stacksThrough(session, "spin");
        assertThat(spinning).hasSizeGreaterThan(20).allSatisfy(stack -> {
            assertThat(stack).contains("jdk.internal.vm.Continuation.enter0", shared);
            assertThat(stack.get(stack.indexOf(shared) - 1)).isIn(VirtualThreadTest.class.getName() + ".viaA",
                    VirtualThreadTest.class.getName() + ".viaB", "[callers frozen at a virtual thread's park]");
        });
        assertThat(spinning).as("samples after the park, under the synthetic frame")
                .anySatisfy(stack -> assertThat(stack).contains("[callers frozen at a virtual thread's park]"));
    }

    static void spinSleepSpin() {
        Workloads.spin(8);
        sleep(20);
        Workloads.spin(8);
    }

    static void viaA() {
        shared();
    }

    static void viaB() {
        shared();
    }

    static void shared() {
        Workloads.spin(8);
        sleep(20);
        Workloads.spin(8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code tasks} tasks on a wrapped virtual-thread executor under async-profiler. */
    private static Session runOnVirtualThreads(int tasks, IntConsumer task) throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads");
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).build();
        ExecutorService wrapped = profiler.wrap(virtual);
        profiler.start();
        Session session;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int n = i;
                futures.add(wrapped.submit(() -> task.accept(n)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            session = profiler.stop();
            virtual.shutdown();
        }
        assertThat(session.sampler().name()).isEqualTo("async-profiler");
        return session;
    }

    /** The stacks (root first, {@code Class.method}) of every sample whose leaf part runs through {@code Workloads.<method>}. */
    private static List<List<String>> stacksThrough(Session session, String method) {
        StackTable stacks = session.stacks();
        List<List<String>> out = new ArrayList<>();
        for (ThreadProfile thread : session.threads()) {
            for (Sample sample : thread.samples()) {
                List<String> names = new ArrayList<>();
                boolean through = false;
                for (int s = sample.stackId(); s != StackTable.EMPTY; s = stacks.parentId(s)) {
                    Frame frame = session.frames().get(stacks.frameId(s));
                    names.add(0, frame.methodName().isEmpty() ? frame.className()
                            : frame.shownClassName() + "." + frame.methodName());
                    through |= frame.className().equals(Workloads.class.getName()) && frame.methodName().equals(method);
                }
                if (through) {
                    out.add(names);
                }
            }
        }
        return out;
    }

    /** Time of {@code thread}'s samples whose stack runs through {@link Workloads#spin}. */
    private static long spinNanos(Session session, ThreadProfile thread) {
        StackTable stacks = session.stacks();
        long nanos = 0;
        for (Sample sample : thread.samples()) {
            for (int s = sample.stackId(); s != StackTable.EMPTY; s = stacks.parentId(s)) {
                Frame frame = session.frames().get(stacks.frameId(s));
                if (frame.className().equals(Workloads.class.getName()) && frame.methodName().equals("spin")) {
                    nanos += sample.durationNanos();
                    break;
                }
            }
        }
        return nanos;
    }
}
