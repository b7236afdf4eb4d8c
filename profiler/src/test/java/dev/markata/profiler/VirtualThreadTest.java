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
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads");
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).build();
        ExecutorService wrapped = profiler.wrap(virtual);
        Set<Long> virtualIds = ConcurrentHashMap.newKeySet();
        profiler.start();
        Session session;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(wrapped.submit(() -> {
                    virtualIds.add(Thread.currentThread().getId());
                    Workloads.spin(5);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            session = profiler.stop();
            virtual.shutdown();
        }
        assertThat(session.sampler().name()).isEqualTo("async-profiler");
        assertThat(virtualIds).hasSize(40);
        assertThat(session.threads()).extracting(ThreadProfile::threadId).doesNotContainAnyElementsOf(virtualIds);
        List<ThreadProfile> spinning = session.threads().stream().filter(t -> spinNanos(session, t) > 0).toList();
        assertThat(spinning).isNotEmpty().allSatisfy(t -> assertThat(t.name()).isNotEmpty());
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
