package dev.markata.profiler;

import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import dev.markata.profiler.model.ThreadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Shares reported for workloads with a known split, on both samplers. Shares, not absolute
 * times, with 5 points of tolerance: the machine may be busy with other tests.
 */
class AccuracyTest {

    private static final double TOLERANCE = 5.0;

    /**
     * 5 rounds of 150 / 75 / 25 ms of work and 100 ms of sleep (each method called five times in
     * a row: the calls of one method are one stretch of its stack). Each switch from one method to the
     * next is placed to about a sampling gap, and the wake from a sleep later than that: under
     * load async-profiler's sample of the woken thread comes late (its timer thread is starved
     * too), and the idle batch of the sleep runs on until it. With 25 rounds of 30 / 15 / 5 /
     * 20 ms (100 switches, 25 wakes) that moved 5-6.5 points from sixty to sleepy in one run of
     * three at a load of 17-19 on two cores, and the test failed now and then; the same time in
     * 5 rounds (20 switches) stayed within 0.4 points on async-profiler and 1.4 on the JDK
     * sampler in three runs each at that load (scratch runs of 2026-12-06). The shares checked
     * and the tolerance are unchanged.
     *
     * <p>Each of a method's 10 ends is placed to about half a gap between two looks, and a
     * starved sampler's looks can be far apart: the JDK sampler's call for a stack took up to
     * 116-186 ms now and then at a load of 13-17 (JDK 17 and 25 alike), and a run with one such
     * gap at a switch moved 5-14 points whatever time the stack was dated at. So the shares are
     * held to 5 points, or to what this run's sampling can resolve when that is coarser (10
     * ends of half the widest gap between main's looks), as WallTimeTreeTest does.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void splitOfSixtyThirtyTenAndSleepIsReportedWithinFivePoints(SamplerChoice sampler) throws Exception {
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        long[] truth = new long[4]; // measured wall time in sixty, thirty, ten, sleepy
        profiler.start();
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Workloads.sixty();
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Workloads.thirty();
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Workloads.ten();
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                Workloads.sleepy();
            }
            long t4 = System.nanoTime();
            truth[0] += t1 - t0;
            truth[1] += t2 - t1;
            truth[2] += t3 - t2;
            truth[3] += t4 - t3;
        }
        Session session = profiler.stop();

        assertThat(session.sampler().name()).isEqualTo(sampler == SamplerChoice.JDK ? "jdk" : "async-profiler");
        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        Map<String, Long> time = Workloads.timeByMethod(session, main, Workloads.class,
                Set.of("sixty", "thirty", "ten", "sleepy"));
        long reportedAll = main.totalNanos();
        long trueAll = truth[0] + truth[1] + truth[2] + truth[3];
        long gap = main.samples().stream().mapToLong(s -> s.durationNanos() / s.count()).max().orElse(0);
        double resolution = Workloads.percent(10 * gap / 2, trueAll);
        String[] methods = {"sixty", "thirty", "ten", "sleepy"};
        for (int i = 0; i < methods.length; i++) {
            // against the measured truth: on a busy machine the work takes longer than nominal
            assertThat(Workloads.percent(time.getOrDefault(methods[i], 0L), reportedAll))
                    .as("%s share: reported %s, measured %s; widest gap between looks %d ms", methods[i], time,
                            java.util.Arrays.toString(truth), gap / 1_000_000)
                    .isCloseTo(Workloads.percent(truth[i], trueAll), within(Math.max(TOLERANCE, resolution)));
        }
        // the samples stand for the real time: they cover the session's wall time, however late
        // the sampler's first and last looks came (aThreadWatchedFromStartToStopHasTheWholeSession...)
        assertThat(Workloads.percent(reportedAll, session.duration().toNanos())).isCloseTo(100, within(0.1));
        assertThat(session.cpuTime()).isPositive();
        // the sleeping phase is seen as waiting, the work as running (async-profiler and ThreadMXBean tell)
        assertThat(main.samples()).anySatisfy(s -> assertThat(s.state()).isEqualTo(ThreadState.WAITING));
        assertThat(main.samples()).anySatisfy(s -> assertThat(s.state()).isEqualTo(ThreadState.RUNNING));
    }

    /**
     * Time in the JVM's stubs (math intrinsics, arraycopy) belongs to the Java method that
     * called them. A walker that only reads Java frames (async-profiler's {@code cstack=no})
     * finds none there and returned an empty stack for 40-90 % of such samples. Only
     * async-profiler: the JDK sampler reads stacks at safepoints, never inside a stub, and its
     * safepoint bias moves several points between these two loops on a loaded machine.
     *
     * <p>4 rounds of 200 / 100 ms (8 switches), as the 60/30/10 test above: in 20 rounds of
     * 40 / 20 ms (40 switches, each placed to about a sampling gap, 5-30 ms at a load of 15-20
     * on two cores) the shares moved past the 5 points now and then. Same time, same shares
     * and tolerance; or, as in the test above, what this run's sampling can resolve when that is
     * coarser (8 ends of half the widest gap between main's looks: at a load of about 20 on JDK
     * 25 a run put 7.8 points of arrayCopies' time into intrinsicMath).
     */
    @Test
    void timeInsideJvmStubsIsChargedToTheCallingMethod() throws Exception {
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).build();
        long[] truth = new long[2]; // measured wall time in intrinsicMath, arrayCopies
        profiler.start();
        for (int round = 0; round < 4; round++) {
            long t0 = System.nanoTime();
            Workloads.intrinsicMath(200);
            long t1 = System.nanoTime();
            Workloads.arrayCopies(100);
            long t2 = System.nanoTime();
            truth[0] += t1 - t0;
            truth[1] += t2 - t1;
        }
        Session session = profiler.stop();

        assertThat(session.sampler().name()).isEqualTo("async-profiler");
        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        Map<String, Long> time = Workloads.timeByMethod(session, main, Workloads.class,
                Set.of("intrinsicMath", "arrayCopies"));
        long reportedAll = main.totalNanos();
        long trueAll = truth[0] + truth[1];
        long withoutStack = main.samples().stream().filter(s -> s.stackId() == StackTable.EMPTY)
                .mapToLong(Sample::durationNanos).sum();
        assertThat(Workloads.percent(withoutStack, reportedAll)).as("share of time without a stack: %s", time)
                .isLessThan(TOLERANCE);
        long gap = main.samples().stream().mapToLong(s -> s.durationNanos() / s.count()).max().orElse(0);
        double tolerance = Math.max(TOLERANCE, Workloads.percent(8 * gap / 2, trueAll));
        String found = String.format("%s; widest gap between looks %d ms", time, gap / 1_000_000);
        assertThat(Workloads.percent(time.getOrDefault("intrinsicMath", 0L), reportedAll)).as(found)
                .isCloseTo(Workloads.percent(truth[0], trueAll), within(tolerance));
        assertThat(Workloads.percent(time.getOrDefault("arrayCopies", 0L), reportedAll)).as(found)
                .isCloseTo(Workloads.percent(truth[1], trueAll), within(tolerance));
        // the stubs and native code the walker went through are not frames of the profile
        assertThat(session.frames()).noneMatch(frame -> frame.className().isEmpty()
                || frame.className().matches(".*\\.so(\\.\\d+)*"));
    }

    /**
     * Threads of a few milliseconds each (a pool's burst of threads, a short task thread),
     * started one after another while every thread is profiled: each is found and its time is in
     * the session. New threads were found by a watcher that looked every 10 ms, so a thread that
     * started and ended between two looks was never sampled and the first part of every other
     * was lost: these 5 ms threads came out at 20-25 % of their time, 20-27 of 60 threads seen.
     *
     * <p>Not the 5 points of the tests above: those are shares of threads that run throughout,
     * while a thread of 5 ms is 5 samples, and where each starts and ends is known to about one
     * sampling gap (async-profiler found some threads 1-4 ms late at a load of 2-3; the JDK
     * sampler on JDK 17, one safepoint per tick, took 3-8 ms between ticks, finding a thread
     * at one tick and its end at a later one). Measured after the fix, at a load of 2-5:
     * async-profiler 80-97 % of the threads' time, 59-60 threads (JDK 17 and 25); the JDK
     * sampler 115-143 % and 52-60 threads on JDK 17, 107-120 % and 57-59 on JDK 25.
     *
     * <p>At a load of 18-21 on two cores the fixed bounds failed now and then (52-59 % of the
     * time on async-profiler, 35 threads seen on the JDK sampler): each 5 ms of spinning took
     * about 20 ms of wall time, and the samplers' threads were starved as much, one sample per
     * 11-21 ms of the threads' time. The bounds now follow that spacing, measured in the run: the
     * threads a sample could fall in (a thread living less than the spacing, in that share), and
     * one spacing of error at each end of each thread when that is more than the 40 % / 60 %
     * above (async-profiler reported 50-55 % of the time, 57 of 60 threads seen, at one sample per
     * 4.6-5.8 ms: a new thread's first sample comes late, as its timer thread is starved). On a quiet
     * machine (one sample per ~1 ms) they are the fixed ones; the old watcher's loss (20-27
     * threads seen of 60, at 1 ms) still fails.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void shortLivedThreadsAreSampledWhenEveryThreadIsProfiled(SamplerChoice sampler) throws Exception {
        Profiler profiler = Profiler.builder().sampler(sampler).threads(ThreadSelection.allThreads()).build();
        int count = 60;
        long[] lived = new long[count]; // measured wall time of each thread's work
        profiler.start();
        for (int i = 0; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                long t0 = System.nanoTime();
                shortLived();
                lived[index] = System.nanoTime() - t0;
            }, "short-" + i);
            thread.start();
            thread.join();
        }
        Session session = profiler.stop();

        long truth = java.util.Arrays.stream(lived).sum();
        long reported = 0;
        int threadsSeen = 0;
        long rawSamples = 0; // samples taken in the threads' work, before runs of one stack were merged
        for (ThreadProfile thread : session.threads()) {
            long inWork = 0;
            for (Sample sample : thread.samples()) {
                if (Workloads.stackContains(session, sample.stackId(), AccuracyTest.class, "shortLived")) {
                    inWork += sample.durationNanos();
                    rawSamples += sample.count();
                }
            }
            if (inWork > 0) {
                assertThat(thread.name()).startsWith("short-"); // thread names are kept
                threadsSeen++;
                reported += inWork;
            }
        }
        // How much of the threads' measured time one of their samples stood for in this run: 1 ms
        // on a quiet machine, 10-20 ms at a load of 15-20 on two cores, where each thread's 5 ms
        // of spinning took 20 ms of wall time and the samplers' own threads were starved too
        double gap = (double) truth / Math.max(1, rawSamples);
        double expectedSeen = 0; // a thread is seen when a sample falls in its life
        for (long life : lived) {
            expectedSeen += Math.min(1.0, life / gap);
        }
        String found = String.format("reported %d us, measured %d us, in %d of %d threads; %d samples, one per"
                + " %.1f ms of the threads' time, %.1f threads expected seen", reported / 1000, truth / 1000,
                threadsSeen, count, rawSamples, gap / 1e6, expectedSeen);
        // each of a thread's two ends is placed to about one gap: 60-160 % of the truth, or that much more
        double slack = 2 * count * gap;
        assertThat((double) reported).as(found).isBetween(Math.min(0.6 * truth, truth - slack),
                Math.max(1.6 * truth, truth + slack));
        assertThat((double) threadsSeen).as(found).isGreaterThanOrEqualTo(Math.floor(expectedSeen * 2 / 3));
        assertThat(session.threads()).extracting(ThreadProfile::name)
                .doesNotContain("Reference Handler", "Signal Dispatcher", "Finalizer", "Common-Cleaner",
                        "Notification Thread", "Async-profiler Timer", "DestroyJavaVM")
                .noneMatch(name -> name.startsWith("markata-profiler-"));
    }

    /**
     * A thread's time ends with its code: after {@code run} returns, the JVM takes the thread
     * apart (it waits for a lock the threads being started hold), and async-profiler samples
     * it meanwhile, without a Java frame. In an agent run of a program forking 2,000 threads of
     * 1 ms, 8 at a time, those samples were 8.2 s of the forked threads' 10.2 s: a 1 ms thread
     * showed as 25 ms of [self], some as an empty thread. A thread that ended keeps no samples
     * after its last one with a Java frame.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void anEndedThreadsTimeEndsWithItsLastJavaFrame(SamplerChoice sampler) throws Exception {
        Profiler profiler = Profiler.builder().sampler(sampler).threads(ThreadSelection.allThreads()).build();
        profiler.start();
        for (int batch = 0; batch < 50; batch++) {
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Thread thread = new Thread(() -> Workloads.spin(1), "fork-" + batch + "-" + i);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        Session session = profiler.stop();

        List<ThreadProfile> forks = session.threads().stream().filter(t -> t.name().startsWith("fork-")).toList();
        assertThat(forks).filteredOn(thread -> !thread.samples().isEmpty()).isNotEmpty();
        assertThat(forks).filteredOn(thread -> !thread.samples().isEmpty()).allSatisfy(thread -> {
            Sample last = thread.samples().get(thread.samples().size() - 1);
            assertThat(last.stackId()).as("%s's last sample, %d us long", thread.name(), last.durationNanos() / 1000)
                    .isNotEqualTo(StackTable.EMPTY);
        });
    }

    /**
     * A run shorter than the interval: its one sample stood for half an interval either side,
     * so an agent run of a 2 ms program at a 1 s interval said "duration 2.24 ms" in its header
     * and 0.500 s for its main thread in the tree (async-profiler, every thread profiled: it
     * samples once at its start). A thread cannot have more time than the session lasted.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void noThreadHasMoreTimeThanTheSessionLasted(SamplerChoice sampler) {
        Profiler profiler = Profiler.builder().sampler(sampler).interval(Duration.ofSeconds(1))
                .threads(ThreadSelection.allThreads()).build();
        profiler.start();
        Workloads.spin(50);
        Session session = profiler.stop();

        assertThat(session.threads()).allSatisfy(thread -> assertThat(thread.totalNanos()).as(thread.name())
                .isLessThanOrEqualTo(session.duration().toNanos()));
    }

    /**
     * The sampler looks at the interval asked for, not more often: a bound no load can break,
     * since a starved sampler only looks less often (both skip the looks they missed). The
     * 60/30/10 test above asked for more than 500 samples of its 1.75 s instead, which a
     * machine loaded enough to starve the sampler broke (the JDK sampler took 412, at ticks
     * 3-8 ms apart on JDK 17, a safepoint each); too few samples there shows as wrong shares.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void theSamplerLooksNoMoreOftenThanTheIntervalAskedFor(SamplerChoice sampler) {
        Profiler profiler = Profiler.builder().sampler(sampler).interval(Duration.ofMillis(20)).build();
        profiler.start();
        Workloads.spin(400);
        Session session = profiler.stop();

        // one look per 20 ms, one at the start (async-profiler), one under way at the stop
        long looks = session.duration().toMillis() / 20 + 2;
        assertThat(session.sampleCount()).as("samples in %d ms at 20 ms", session.duration().toMillis())
                .isBetween(1L, looks);
    }

    /**
     * A thread watched from the start to the stop has samples for all of it, however late the
     * sampler's first and last looks fall: under load the sampler's thread is starved like the
     * rest, and the stretches before a thread's first sample and after its last were in no
     * sample (async-profiler's samples of the 60/30/10 test's main thread once covered 88.5 % of
     * the session). An interval of 300 ms puts such a stretch there on any machine: the last
     * sample, at 600 ms of an 800 ms session, stood until 750 ms.
     */
    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void aThreadWatchedFromStartToStopHasTheWholeSessionInItsSamples(SamplerChoice sampler) {
        Profiler profiler = Profiler.builder().sampler(sampler).interval(Duration.ofMillis(300)).build();
        profiler.start();
        Workloads.spin(800);
        Session session = profiler.stop();

        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        assertThat(main.samples()).isNotEmpty();
        assertThat(main.samples().get(0).startNanos()).isZero();
        assertThat(main.samples().get(main.samples().size() - 1).endNanos()).isEqualTo(session.duration().toNanos());
        assertThat(main.totalNanos()).isEqualTo(session.duration().toNanos());
    }

    private static void shortLived() {
        Workloads.spin(5);
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void workHandedToAPoolIsSampledInsideTaskSpansUnderTheSubmitter(SamplerChoice sampler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        try (SpanScope stage = profiler.span("stage", "render")) {
            submitAndWait(wrapped);
        }
        Session session = profiler.stop();
        pool.shutdown();

        List<Span> tasks = session.spans().stream().filter(s -> s.category().equals("task")).toList();
        assertThat(tasks).hasSize(20);
        Span stage = session.spans().stream().filter(s -> s.name().equals("render")).findFirst().orElseThrow();
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.parentId()).isEqualTo(stage.id());
            assertThat(task.threadId()).isNotEqualTo(Thread.currentThread().getId());
            assertThat(task.originStackId()).isNotEqualTo(StackTable.EMPTY);
            assertThat(Workloads.stackContains(session, task.originStackId(), AccuracyTest.class, "submitAndWait")).isTrue();
        });
        // the originStack ends at the submitting application frame, not in the executor's code
        int origin = tasks.get(0).originStackId();
        assertThat(session.frames().get(session.stacks().frameId(origin)).kind()).isEqualTo(FrameKind.APPLICATION);

        // workers were sampled, and their spinning falls inside task spans
        long taskSpinNanos = 0;
        long workerSpinNanos = 0;
        long workerNanos = 0;
        for (ThreadProfile thread : session.threads()) {
            if (thread.threadId() == Thread.currentThread().getId()) {
                continue;
            }
            for (Sample sample : thread.samples()) {
                workerNanos += sample.durationNanos();
                if (Workloads.stackContains(session, sample.stackId(), Workloads.class, "spin")) {
                    workerSpinNanos += sample.durationNanos();
                }
                if (sample.spanId() != Span.NONE && session.spans().get(sample.spanId()).category().equals("task")
                        && Workloads.stackContains(session, sample.stackId(), Workloads.class, "spin")) {
                    taskSpinNanos += sample.durationNanos();
                }
            }
        }
        assertThat(session.threads()).hasSizeGreaterThanOrEqualTo(3);
        long taskSpanNanos = tasks.stream().mapToLong(Span::durationNanos).sum();
        // the workers' spinning is seen inside task spans, and adds up to about the tasks' time
        // (a machine too busy to run the sampler on time blurs the edges of each task: the JDK
        // sampler reads a thread's stack and its open span a moment apart, so under a load of
        // 20 on 2 cores about 10% of spin samples land just outside their task; broken
        // attribution would put almost none inside)
        assertThat(Workloads.percent(taskSpinNanos, workerSpinNanos)).isGreaterThan(80);
        assertThat(Workloads.percent(taskSpinNanos, taskSpanNanos)).isBetween(50.0, 150.0);
        assertThat(workerNanos).isGreaterThanOrEqualTo(taskSpinNanos);

        // the submitter's waiting is inside await spans
        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        long awaitNanos = 0;
        for (Sample sample : main.samples()) {
            if (sample.spanId() != Span.NONE && session.spans().get(sample.spanId()).category().equals("await")) {
                awaitNanos += sample.durationNanos();
            }
        }
        assertThat(Workloads.percent(awaitNanos, main.totalNanos())).isGreaterThan(70);
    }

    private static void submitAndWait(ExecutorService wrapped) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(wrapped.submit(() -> Workloads.spin(50)));
        }
        for (Future<?> future : futures) {
            future.get();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void deepRecursionKeepsTheWholeStack(SamplerChoice sampler) {
        Profiler profiler = Profiler.builder().sampler(sampler).build();
        profiler.start();
        recurse(2000);
        Session session = profiler.stop();

        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        int deepest = main.samples().stream().mapToInt(Sample::stackId).boxed()
                .max((a, b) -> Integer.compare(session.stacks().depth(a), session.stacks().depth(b))).orElseThrow();
        assertThat(session.stacks().depth(deepest)).isGreaterThan(2000);
        // the root side is there too: the test method that started the recursion
        assertThat(Workloads.stackContains(session, deepest, AccuracyTest.class, "deepRecursionKeepsTheWholeStack")).isTrue();
        long deepNanos = main.samples().stream().filter(s -> session.stacks().depth(s.stackId()) > 2000)
                .mapToLong(Sample::durationNanos).sum();
        // most of the time is spent at the bottom (walking 2,000-frame stacks makes the sampler
        // itself slow on a busy machine, so only "a large share" is asserted)
        assertThat(Workloads.percent(deepNanos, main.totalNanos())).isGreaterThan(40);
    }

    private static void recurse(int depth) {
        if (depth == 0) {
            Workloads.spin(400);
        } else {
            recurse(depth - 1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SamplerChoice.class, names = {"ASYNC_PROFILER", "JDK"})
    void cpuModeIgnoresSleep(SamplerChoice sampler) throws Exception {
        Profiler profiler = Profiler.builder().sampler(sampler).timeMode(TimeMode.CPU).build();
        profiler.start();
        for (int round = 0; round < 30; round++) {
            Workloads.thirty();
            Thread.sleep(6);
        }
        Session session = profiler.stop();
        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        Map<String, Long> time = Workloads.timeByMethod(session, main, Workloads.class, Set.of("thirty"));
        assertThat(Workloads.percent(time.getOrDefault("thirty", 0L), main.totalNanos())).isGreaterThan(85);
        assertThat(session.timeMode()).isEqualTo(TimeMode.CPU);
        // the 30 sleeps of 6 ms are not counted: at least half of that time is missing from the
        // total (a share of the duration would not do: on a quiet machine the spinning alone is
        // over 70% of it, on a loaded one much less)
        assertThat(Duration.ofNanos(main.totalNanos())).isLessThan(session.duration().minus(Duration.ofMillis(30 * 6 / 2)));
    }
}
