package dev.markata.profiler;

import dev.markata.profiler.model.Frame;
import dev.markata.profiler.model.FrameKind;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.Span;
import dev.markata.profiler.model.StackTable;
import dev.markata.profiler.model.ThreadProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilerTest {

    @Test
    void startingTwiceIsAnErrorThatSaysWhatToDo() {
        try (Profiler profiler = Profiler.builder().build().start()) {
            assertThat(profiler.isRunning()).isTrue();
            assertThatThrownBy(profiler::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running").hasMessageContaining("stop()");
        }
    }

    @Test
    void stopOnAStoppedProfilerReturnsTheLastSession() {
        Profiler profiler = Profiler.builder().build();
        assertThatThrownBy(profiler::stop).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never started");
        profiler.start();
        Workloads.spin(20);
        Session first = profiler.stop();
        assertThat(profiler.isRunning()).isFalse();
        assertThat(profiler.stop()).isSameAs(first);
        assertThat(profiler.lastSession()).containsSame(first);
    }

    @Test
    void closeStopsAndKeepsTheSession() {
        Profiler profiler = Profiler.builder().build();
        try (Profiler running = profiler.start()) {
            Workloads.spin(20);
        }
        assertThat(profiler.isRunning()).isFalse();
        assertThat(profiler.lastSession()).isPresent();
    }

    @Test
    void spansAreNoOpsWhenNotProfiling() {
        Profiler profiler = Profiler.builder().build();
        assertThat(profiler.span("stage", "render")).isSameAs(SpanScope.NONE);
        profiler.endSpan(); // nothing open, not running: nothing happens
        Runnable task = () -> { };
        assertThat(profiler.decorate(task)).isSameAs(task);
    }

    @Test
    void sessionHeaderDescribesTheRecording() {
        Profiler profiler = Profiler.builder().interval(Duration.ofMillis(2)).target("unit test").build();
        profiler.start();
        Workloads.spin(50);
        Session session = profiler.stop();
        assertThat(session.interval()).isEqualTo(Duration.ofMillis(2));
        assertThat(session.targetDescription()).isEqualTo("unit test");
        assertThat(session.asyncMode()).isEqualTo(AsyncMode.ENABLED);
        assertThat(session.timeMode()).isEqualTo(TimeMode.WALL);
        assertThat(session.sampler().detail()).isNotBlank();
        assertThat(session.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(session.startedAt()).isBefore(java.time.Instant.now());
        assertThat(session.metadata()).containsKeys("jdk", "threads");
    }

    @Test
    void anIntervalBelowTheFloorIsRaisedToIt() {
        Profiler profiler = Profiler.builder().interval(Duration.ofNanos(10_000)).build();
        profiler.start();
        Workloads.spin(10);
        Session session = profiler.stop();
        assertThat(session.interval()).isEqualTo(Profiler.MIN_INTERVAL);
        assertThat(session.metadata()).containsEntry("interval.requested", "10000ns");
        assertThatThrownBy(() -> Profiler.builder().interval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void spansNestRecordAttributesAndTagTheSamplesInside() {
        Profiler profiler = Profiler.builder().build();
        profiler.start();
        try (SpanScope stage = profiler.span("stage", "render")) {
            Workloads.spin(30);
            SpanScope doc = profiler.span("document", "posts/a.md", Map.of("plugin", "markdown"));
            // Long against the gaps a starved sampler leaves at the span's two ends (a sample
            // straddling an end is split at the midpoint, so a 35 ms gap misplaces ~17 ms): on
            // a machine loaded 10 deep, a 60 ms span kept only 42-68 % of its time.
            Workloads.spin(250);
            doc.attribute("failed", "true");
            profiler.endSpan(); // closes the document span, as an observer's end callback would
            stage.attribute("posts", "1");
        }
        // Long against a starved sampler's gaps too: after 20 ms outside the spans, at a load of
        // 15-20 on two cores, main's last sample came 40 ms before the stop, taken inside the
        // document span, and no sample was left outside every span.
        Workloads.spin(100);
        Session session = profiler.stop();

        assertThat(session.spans()).hasSize(2);
        Span stage = session.spans().get(0);
        Span doc = session.spans().get(1);
        assertThat(stage.id()).isZero();
        assertThat(stage.parentId()).isEqualTo(Span.NONE);
        assertThat(doc.id()).isEqualTo(1);
        assertThat(doc.parentId()).isEqualTo(stage.id());
        assertThat(doc.attributes()).containsEntry("plugin", "markdown").containsEntry("failed", "true");
        assertThat(stage.attributes()).containsEntry("posts", "1");
        assertThat(doc.startNanos()).isGreaterThanOrEqualTo(stage.startNanos());
        assertThat(doc.endNanos()).isLessThanOrEqualTo(stage.endNanos());
        assertThat(doc.durationNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());

        ThreadProfile main = Workloads.thread(session, Thread.currentThread().getId());
        long inDoc = main.samples().stream().filter(s -> s.spanId() == doc.id()).mapToLong(Sample::durationNanos).sum();
        // within 30 % of the span, or of its ends as placed by this run's sampling if that is
        // coarser: at a load of 15-20 on two cores async-profiler sampled main every 5-30 ms
        // (its timer thread starved too), and the span's start fell 8 ms off (52 ms of 60)
        long gap = 0; // the widest spacing of main's samples (a row of n samples over d: d / n)
        for (Sample sample : main.samples()) {
            gap = Math.max(gap, sample.durationNanos() / sample.count());
        }
        long slack = Math.max(doc.durationNanos() * 3 / 10, 2 * gap + Duration.ofMillis(5).toNanos());
        assertThat(inDoc).as("widest sampling gap %d ms", gap / 1_000_000)
                .isBetween(doc.durationNanos() - slack, doc.durationNanos() + slack);
        assertThat(main.samples()).anySatisfy(s -> assertThat(s.spanId()).isEqualTo(Span.NONE));
    }

    @Test
    void aSpanStillOpenAtStopEndsWithTheSession() {
        Profiler profiler = Profiler.builder().build();
        profiler.start();
        SpanScope open = profiler.span("stage", "never closed");
        Workloads.spin(10);
        Session session = profiler.stop();
        open.close(); // after stop: nothing happens
        assertThat(session.spans().get(0).endNanos()).isEqualTo(session.duration().toNanos());
    }

    @Test
    void aSpanMustBeClosedOnTheThreadThatOpenedIt() throws Exception {
        Profiler profiler = Profiler.builder().build();
        profiler.start();
        try {
            SpanScope span = profiler.span("stage", "render");
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<?> closing = other.submit(span::close);
            assertThatThrownBy(closing::get).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must be closed there");
            other.shutdown();
            span.close();
        } finally {
            profiler.stop();
        }
    }

    @Test
    void disabledAsyncModeSamplesOnlyTheStartingThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().asyncMode(AsyncMode.DISABLED).build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        List<Future<?>> futures = new ArrayList<>();
        java.util.Set<Long> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 4; i++) {
            futures.add(wrapped.submit(() -> {
                workers.add(Thread.currentThread().getId());
                Workloads.spin(20);
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        Session session = profiler.stop();
        pool.shutdown();
        // the workers spun 80 ms and are not in the session. The starting thread is, when the
        // sampler looked at all: the session lasts some 40 ms, and under load async-profiler's
        // first sample of a thread has come 200 ms late (a run at a load of 17 on JDK 25 had none)
        assertThat(workers).isNotEmpty().doesNotContain(Thread.currentThread().getId());
        assertThat(session.threads()).extracting(ThreadProfile::threadId)
                .doesNotContainAnyElementsOf(workers).allMatch(id -> id == Thread.currentThread().getId());
        assertThat(session.spans()).filteredOn(s -> s.category().equals("task")).hasSize(4);
    }

    @Test
    void aDecoratedTaskSpanCarriesItsDetailsAndTheTaskCanAddToIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Profiler profiler = Profiler.builder().build();
        profiler.start();
        List<SpanScope> seenOutside = new ArrayList<>(); // on the starting thread only
        seenOutside.add(profiler.currentTask()); // the starting thread runs no task
        try (SpanScope hook = profiler.span("hook", "render")) {
            Future<?> ok = pool.submit(profiler.decorate("document", "a.md", Map.of("plugin", "p"), () -> {
                try (SpanScope inner = profiler.span("step", "parse")) {
                    // a span opened inside the task does not hide it
                    profiler.currentTask().attribute("failed", "true");
                }
            }));
            ok.get();
            seenOutside.add(profiler.currentTask()); // inside a plain span, still no task
        }
        Session session = profiler.stop();
        pool.shutdown();

        assertThat(seenOutside).containsOnly(SpanScope.NONE).hasSize(2);
        Span hook = session.spans().stream().filter(s -> s.category().equals("hook")).findFirst().orElseThrow();
        Span task = session.spans().stream().filter(s -> s.category().equals("document")).findFirst().orElseThrow();
        assertThat(task.name()).isEqualTo("a.md");
        assertThat(task.parentId()).isEqualTo(hook.id());
        assertThat(task.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("plugin", "p", "failed", "true"));
        Span step = session.spans().stream().filter(s -> s.category().equals("step")).findFirst().orElseThrow();
        assertThat(step.parentId()).isEqualTo(task.id());
        assertThat(step.attributes()).isEmpty();
        assertThat(profiler.currentTask()).as("not recording").isSameAs(SpanScope.NONE);
    }

    /**
     * STRICT with every thread sampled (the agent's {@code async=strict}): a thread that never
     * ran a handed-over task keeps the synthetic frame as its stack, which the text, collapsed
     * and speedscope reports printed as {@code [out-of-context].}, a class with an empty method.
     */
    @Test
    void anOutOfContextThreadThatRanNoTaskIsNamedWithoutADot() throws Exception {
        Profiler profiler = Profiler.builder().asyncMode(AsyncMode.STRICT)
                .threads(ThreadSelection.matching("the helper", t -> t.getName().equals("strict-helper"))).build();
        profiler.start();
        // long against the watcher's 10 ms looks, which a machine loaded 10 deep starved past
        // 60 ms: the helper had ended unseen and the session had no thread (ThreadSelection.matching)
        Thread helper = new Thread(() -> Workloads.spin(300), "strict-helper");
        helper.start();
        helper.join();
        Session session = profiler.stop();

        assertThat(session.threads()).extracting(ThreadProfile::name).contains("strict-helper");
        for (var format : List.of(dev.markata.profiler.render.ReportFormat.TEXT,
                dev.markata.profiler.render.ReportFormat.COLLAPSED, dev.markata.profiler.render.ReportFormat.SPEEDSCOPE)) {
            String report = dev.markata.profiler.render.Reports.of(session).render(format,
                    dev.markata.profiler.render.ReportOptions.defaults());
            assertThat(report).as(format.name()).contains("[out-of-context]").doesNotContain("[out-of-context].");
        }
    }

    /**
     * A helper thread's samples inside a handed-over task keep their stacks; outside every task
     * they are one {@code [out-of-context]} frame. How much of each there is is checked against
     * what the worker measured it spent in each, to within one sampling gap at each end, not
     * against nominal times with fixed bounds (inside over 20 ms of a 40 ms task): under a load
     * of 18-25 on two cores (2026-12-06) the worker ran a 40 ms spin in 40-97 ms, async-profiler
     * took its first sample of a newly registered worker up to 26 ms after its first task began
     * (its timer thread, starved too, picks the thread up late: "inside" came out at 14 ms), and
     * with our own busy loops added it took 2-4 samples of the worker in 300 ms. So the worker
     * is registered by a first decorated task before the measured one, idles after the unrelated
     * work (a stop right after it lost the work's unsampled end: 55 of 80 ms), and the bound is
     * the sampler's own resolution in this run: on a quiet machine a few milliseconds, tighter
     * than before.
     */
    @Test
    void strictModeKeepsHelperSamplesOutsideTasksApart() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Profiler profiler = Profiler.builder().asyncMode(AsyncMode.STRICT).build();
        profiler.start();
        long[] measured = new long[2]; // the worker's own measure of the task and of the unrelated work
        // a first task registers the worker with the sampler; it idles in the pool meanwhile
        pool.submit(profiler.decorate(() -> { })).get();
        Thread.sleep(100);
        // one task carries the context; afterwards the same thread does unrelated work
        pool.submit(profiler.decorate(() -> {
            long t0 = System.nanoTime();
            Workloads.spin(80);
            measured[0] = System.nanoTime() - t0;
            started.countDown();
        }));
        Future<?> unrelated = pool.submit(() -> {
            long t0 = System.nanoTime();
            Workloads.spin(80);
            measured[1] = System.nanoTime() - t0;
        });
        started.await();
        unrelated.get();
        Thread.sleep(50); // the worker idles before the stop: the work's end is between two samples
        Session session = profiler.stop();
        pool.shutdown();

        assertThat(session.asyncMode()).isEqualTo(AsyncMode.STRICT);
        ThreadProfile worker = session.threads().stream()
                .filter(t -> t.threadId() != Thread.currentThread().getId()).findFirst().orElseThrow();
        long outside = 0;
        long inside = 0;
        for (Sample sample : worker.samples()) {
            if (sample.spanId() == Span.NONE) {
                Frame leaf = session.frames().get(session.stacks().frameId(sample.stackId()));
                assertThat(leaf.className()).isEqualTo("[out-of-context]");
                assertThat(leaf.kind()).isEqualTo(FrameKind.SYNTHETIC);
                assertThat(session.stacks().parentId(sample.stackId())).isEqualTo(StackTable.EMPTY);
                outside += sample.durationNanos();
            } else {
                inside += sample.durationNanos();
            }
        }
        // the task is inside, as long as the worker measured it, to within where the sampler can
        // place a boundary (one sampling gap either side); the unrelated work is outside (with
        // the worker's idle time in the pool)
        long gap = 0; // the widest spacing of the worker's samples as it ran (a row of n samples over d: d / n)
        for (Sample sample : worker.samples()) {
            if (sample.state() == dev.markata.profiler.model.ThreadState.RUNNING) {
                gap = Math.max(gap, sample.durationNanos() / sample.count());
            }
        }
        long slack = 2 * gap + Duration.ofMillis(5).toNanos();
        String found = String.format("inside %d ms, outside %d ms; the worker measured the task %d ms, the"
                + " unrelated work %d ms; widest sampling gap %d ms", inside / 1_000_000, outside / 1_000_000,
                measured[0] / 1_000_000, measured[1] / 1_000_000, gap / 1_000_000);
        assertThat(inside).as(found).isBetween(measured[0] - slack, measured[0] + slack);
        assertThat(outside).as(found).isGreaterThan(measured[1] - slack);
    }

    @Test
    void callableDecoratorCarriesTheContextAndItsCategory() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Profiler profiler = Profiler.builder().build();
        profiler.start();
        Callable<Integer> task = profiler.decorate("hook", "glob", () -> {
            Workloads.spin(100); // long enough to be sampled even when a busy machine delays the sampler
            return 42;
        });
        assertThat(pool.submit(task).get()).isEqualTo(42);
        Session session = profiler.stop();
        pool.shutdown();
        assertThat(session.spans()).singleElement().satisfies(span -> {
            assertThat(span.category()).isEqualTo("hook");
            assertThat(span.name()).isEqualTo("glob");
        });
        assertThat(session.threads()).as("sampler %s", session.sampler()).hasSize(2);
    }

    @Test
    void allThreadsPicksUpThreadsStartedWhileProfilingAndSkipsServiceThreads() throws Exception {
        Profiler profiler = Profiler.builder().threads(ThreadSelection.allThreads()).build();
        profiler.start();
        Thread late = new Thread(() -> Workloads.spin(150), "late-worker");
        late.start();
        late.join();
        Session session = profiler.stop();
        assertThat(session.threads()).extracting(ThreadProfile::name).contains("late-worker")
                .doesNotContain("Reference Handler", "Signal Dispatcher", "Finalizer", "markata-profiler-sampler");
    }

    /**
     * {@link Profiler#prepare(SamplerChoice)} loads async-profiler ahead, on a thread of its own: a start
     * after it records with async-profiler as any start does, the preparing thread is never
     * one of the session's threads, and preparing again does nothing.
     */
    @Test
    void aPreparedProfilerStartsWithAsyncProfilerAndDoesNotSampleThePreparation() throws Exception {
        Profiler.prepare(SamplerChoice.AUTO);
        Profiler.prepare(SamplerChoice.AUTO);
        Profiler profiler = Profiler.builder().threads(ThreadSelection.allThreads()).build();
        profiler.start();
        Workloads.spin(50);
        Session session = profiler.stop();
        assertThat(session.sampler().name()).isEqualTo("async-profiler");
        assertThat(session.threads()).extracting(ThreadProfile::name).contains("main")
                .noneMatch(name -> name.startsWith("markata-profiler-"));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .filteredOn(name -> name.equals("markata-profiler-prepare")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void predicateSelectsThreadsByName() throws Exception {
        Profiler profiler = Profiler.builder()
                .threads(ThreadSelection.matching("chosen-*", t -> t.getName().startsWith("chosen-"))).build();
        profiler.start();
        // long against the watcher's 10 ms looks, which a loaded machine starves (see above)
        Thread chosen = new Thread(() -> Workloads.spin(300), "chosen-1");
        Thread ignored = new Thread(() -> Workloads.spin(300), "ignored-1");
        chosen.start();
        ignored.start();
        chosen.join();
        ignored.join();
        Session session = profiler.stop();
        // flaked once at load 17, unexplained (not again in 110 runs at load 15-25): the message
        // says what the session had, with the sampler and its metadata
        assertThat(session.threads()).extracting(ThreadProfile::name)
                .as("threads sampled (samples each): %s; sampler %s; %s", session.threads().stream()
                        .map(t -> t.name() + " (" + t.samples().size() + ")").toList(), session.sampler().name(),
                        session.metadata())
                .contains("chosen-1").doesNotContain("ignored-1");
        assertThat(session.metadata()).containsEntry("threads", "chosen-*");
    }

    @Test
    void framesAreApplicationCodeOrLibraryByWhereTheirClassCameFrom() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Profiler profiler = Profiler.builder().build();
        ExecutorService wrapped = profiler.wrap(pool);
        profiler.start();
        wrapped.submit(() -> Workloads.spin(60)).get();
        Session session = profiler.stop();
        pool.shutdown();
        // test classes come from a class folder: application; the JDK and jars: library
        assertThat(session.frames()).filteredOn(f -> f.className().equals(Workloads.class.getName()))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.APPLICATION));
        assertThat(session.frames()).filteredOn(f -> f.className().startsWith("java."))
                .isNotEmpty().allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.LIBRARY));
        assertThat(session.frames()).filteredOn(f -> f.className().startsWith("org.junit."))
                .allSatisfy(f -> assertThat(f.kind()).isEqualTo(FrameKind.LIBRARY));
    }

    @Test
    void theAsyncProfilerRecordingCanAlsoBeKeptAsAJfrFile(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("out/profile.jfr");
        recordKeepingJfr(jfr);
        assertThat(jfr).isRegularFile();
        try (var file = new jdk.jfr.consumer.RecordingFile(jfr)) {
            assertThat(file.hasMoreEvents()).isTrue();
        }
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files).containsExactly(jfr); // no temp file left behind
        }
    }

    /**
     * A session's time began when the recording was set up, before async-profiler had started
     * (the first start in a JVM takes 50-170 ms: the native profiler reads the JVM's symbols), so
     * every agent profile began with that long a stretch of nothing, counted in its duration, and
     * the program's first frames came after it. The session now begins once the sampler
     * records: not before async-profiler's own recording start, which its JFR file says.
     */
    @Test
    void theSessionBeginsWhenTheSamplerRecordsNotBefore(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("start.jfr");
        Session session = recordKeepingJfr(jfr);
        java.time.Instant recordingStart = null;
        try (var file = new jdk.jfr.consumer.RecordingFile(jfr)) {
            while (file.hasMoreEvents() && recordingStart == null) {
                var event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ActiveRecording")) {
                    recordingStart = event.getInstant("recordingStart");
                }
            }
        }
        assertThat(recordingStart).isNotNull();
        assertThat(session.startedAt()).isAfterOrEqualTo(recordingStart);
    }

    /**
     * 100 ms of a thread's CPU time recorded by async-profiler, asked to keep its recording at
     * {@code jfr}. CPU time, not a wall-clock deadline: at a load of 9 a 50 ms deadline passed
     * while the thread waited for a core, and the session had no sample to check.
     */
    private static Session recordKeepingJfr(Path jfr) {
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).jfrOutput(jfr).build();
        profiler.start();
        Workloads.spinCpu(100);
        Session session = profiler.stop();
        assertThat(session.sampler().name()).isEqualTo("async-profiler");
        return session;
    }

    /**
     * The JFR copy is an extra: a folder it cannot be written to (here a file stands where its
     * folder should be) used to make {@code stop()} throw "cannot read async-profiler's
     * recording", and the agent lost the whole report with it.
     */
    @Test
    void aJfrFileThatCannotBeWrittenDoesNotLoseTheSession(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("taken"), "a file, not a folder");
        Path jfr = dir.resolve("taken/profile.jfr");
        Session session = recordKeepingJfr(jfr);
        assertThat(session.sampleCount()).isPositive();
        assertThat(session.metadata().get("jfr.error")).contains(jfr.toString());
        assertThat(Files.isRegularFile(jfr)).isFalse();
    }

    /**
     * A JVM that ends without its shutdown hooks ({@code Runtime.halt}, {@code kill -9}, a
     * crash) leaves its recording folder, {@code $TMPDIR/markata-profiler-<pid>}, with a JFR
     * file as big as the run was long. The next recording removes those of processes that no
     * longer run, and leaves a live process's alone.
     */
    @Test
    void recordingsLeftByProcessesThatNoLongerRunAreRemoved() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        gone.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path stale = tmp.resolve("markata-profiler-" + gone.pid());
        Path live = tmp.resolve("markata-profiler-" + ProcessHandle.current().parent().orElseThrow().pid());
        boolean liveExisted = Files.exists(live);
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("recording-1.jfr"), "left by a halted JVM");
        Files.createDirectories(live);
        Path liveRecording = live.resolve("recording-test-live.jfr");
        Files.writeString(liveRecording, "still being written");
        try {
            Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).build();
            profiler.start();
            Workloads.spin(10);
            assertThat(profiler.stop().sampler().name()).isEqualTo("async-profiler");

            assertThat(Files.exists(stale)).isFalse();
            assertThat(liveRecording).isRegularFile();
        } finally {
            Files.deleteIfExists(liveRecording);
            if (!liveExisted) {
                Files.deleteIfExists(live);
            }
        }
    }

    @Test
    void twoProfilersAtOnceShareNothingAndTheSecondFallsBackToTheJdkSampler() {
        Profiler first = Profiler.builder().build();
        Profiler second = Profiler.builder().build();
        first.start();
        try {
            second.start();
            Workloads.spin(20);
            Session inner = second.stop();
            assertThat(inner.sampler().name()).isEqualTo("jdk");
            assertThat(inner.sampler().detail()).contains("busy");
        } finally {
            Session outer = first.stop();
            assertThat(outer.sampler().name()).isEqualTo("async-profiler");
        }
    }
}
