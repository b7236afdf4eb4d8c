package dev.markata.profiler.sampling;

import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.TimeMode;
import dev.markata.profiler.Workloads;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The JFR reader against the JDK's parser ({@code jdk.jfr.consumer}, the oracle here only) on
 * recordings async-profiler makes in this JVM: every sample event, with its time, thread,
 * state, counts and stack (class, method, descriptor, line and type of every frame), must be
 * the same. Then the cases a profiler run does not make: several chunks, another writer's
 * layout (the JDK's own recorder), and truncated or damaged files.
 */
class JfrSampleReaderTest {

    @TempDir
    static Path dir;
    private static Path wall;
    private static Path cpu;

    @BeforeAll
    static void record() throws Exception {
        wall = record(TimeMode.WALL, dir.resolve("wall.jfr"));
        cpu = record(TimeMode.CPU, dir.resolve("cpu.jfr"));
    }

    /**
     * Four threads for ~0.3 s under async-profiler at 1 ms: one recursing 400 frames deep and
     * spinning there, one sleeping, one waiting on a latch, one parking and spinning in turn;
     * the JFR file is kept.
     */
    private static Path record(TimeMode mode, Path jfr) throws Exception {
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).timeMode(mode)
                .interval(Duration.ofMillis(1)).jfrOutput(jfr).build();
        ExecutorService pool = profiler.wrap(Executors.newFixedThreadPool(3));
        CountDownLatch release = new CountDownLatch(1);
        profiler.start();
        try {
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(() -> deep(400)));
            tasks.add(pool.submit(() -> {
                Thread.sleep(250);
                return null;
            }));
            tasks.add(pool.submit(() -> release.await(5, TimeUnit.SECONDS)));
            for (int i = 0; i < 10; i++) {
                Workloads.spin(15);
                LockSupport.parkNanos(10_000_000L);
            }
            release.countDown();
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            Session session = profiler.stop();
            pool.shutdown();
            assumeThat(session.sampler().name()).as("async-profiler loads here").isEqualTo("async-profiler");
        }
        return jfr;
    }

    private static int deep(int depth) {
        if (depth == 0) {
            Workloads.spin(250);
            return 0;
        }
        return deep(depth - 1) + 1;
    }


    @Test
    void wallClockSamplesAreReadAsTheJdkParserReadsThem() throws IOException {
        List<Row> rows = readOurs(wall);
        assertThat(rows).isEqualTo(readJdk(wall));
        // what the recording had to contain for the comparison to mean something
        assertThat(rows).extracting(Row::type).containsOnly(JfrSampleReader.WALL_CLOCK_SAMPLE);
        assertThat(rows.stream().map(Row::osThreadId).distinct()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(rows).extracting(Row::state).contains("STATE_RUNNABLE", "STATE_SLEEPING");
        assertThat(rows).anySatisfy(row -> assertThat(row.frames()).hasSizeGreaterThan(400));
        assertThat(rows).anySatisfy(row -> assertThat(row.samples()).isGreaterThan(1));
        assertThat(rows).anySatisfy(row -> assertThat(row.timeSpanNanos()).isGreaterThan(0));
        assertThat(rows).anySatisfy(row -> assertThat(row.frames()).anySatisfy(
                frame -> assertThat(frame).contains(JfrSampleReaderTest.class.getName() + ".deep(I)I:")));
    }

    @Test
    void cpuSamplesAreReadAsTheJdkParserReadsThem() throws IOException {
        List<Row> rows = readOurs(cpu);
        assertThat(rows).isEqualTo(readJdk(cpu));
        assertThat(rows).extracting(Row::type).containsOnly(JfrSampleReader.EXECUTION_SAMPLE);
        assertThat(rows.stream().map(Row::osThreadId).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows).anySatisfy(row -> assertThat(row.frames()).hasSizeGreaterThan(400));
    }

    /** As the JDK's parser, one object per thread and stack constant: what the sampler's identity maps rely on. */
    @Test
    void oneObjectPerThreadAndStackConstantWithinAChunk() throws IOException {
        Set<Object> threads = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> stacks = Collections.newSetFromMap(new IdentityHashMap<>());
        JfrSampleReader.read(wall, sample -> {
            threads.add(sample.thread());
            stacks.add(sample.stack());
        });
        Set<Object> jdkThreads = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> jdkStacks = Collections.newSetFromMap(new IdentityHashMap<>());
        try (RecordingFile recording = new RecordingFile(wall)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals(JfrSampleReader.WALL_CLOCK_SAMPLE)) {
                    jdkThreads.add(event.getThread("sampledThread"));
                    jdkStacks.add(event.getStackTrace());
                }
            }
        }
        assertThat(threads).hasSameSizeAs(jdkThreads);
        assertThat(stacks).hasSameSizeAs(jdkStacks);
    }

    /**
     * JFR allows chunks one after another in a file, each with its own constants; the times of
     * all chunks are taken on the first one's time base, as the JDK's parser does. (The JDK's
     * parser is no oracle for independent recordings put together: a key it has seen in an earlier
     * chunk stands there for the earlier chunk's constant, which holds for the JDK's own files,
     * whose keys are unique across chunks, not for async-profiler's, whose keys start again in
     * every recording. Each recording is compared with the JDK's parser alone, above.)
     */
    @Test
    void severalChunksInOneFileAreReadInTurn() throws IOException {
        Path both = dir.resolve("both.jfr");
        Files.write(both, concat(Files.readAllBytes(wall), Files.readAllBytes(cpu), Files.readAllBytes(wall)));
        List<List<Row>> pieces = List.of(readOurs(wall), readOurs(cpu), readOurs(wall));
        List<Row> read = readOurs(both);
        int at = 0;
        for (List<Row> piece : pieces) {
            List<Row> part = read.subList(at, at + piece.size());
            assertThat(part).map(JfrSampleReaderTest::timeless).isEqualTo(piece.stream().map(JfrSampleReaderTest::timeless).toList());
            long shift = part.get(0).startNanos() - piece.get(0).startNanos(); // the first chunk's base
            for (int i = 0; i < piece.size(); i++) {
                assertThat(part.get(i).startNanos() - piece.get(i).startNanos()).isEqualTo(shift);
            }
            at += piece.size();
        }
        assertThat(read).hasSize(at);
        assertThat(read.subList(0, pieces.get(0).size())).isEqualTo(pieces.get(0));
    }

    private static Row timeless(Row row) {
        return new Row(row.type(), 0, row.javaThreadId(), row.osThreadId(), row.state(), row.samples(),
                row.timeSpanNanos(), row.truncated(), row.frames());
    }

    /**
     * A recording of several chunks made by one writer, the JDK's flight recorder: starting and
     * stopping a second recording starts a new chunk in the first.
     */
    @Test
    void aRecordingOfSeveralChunksIsReadAsTheJdkParserReadsIt() throws Exception {
        Path jfr = dir.resolve("chunks.jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            Workloads.spin(100);
            for (int i = 0; i < 2; i++) {
                try (jdk.jfr.Recording other = new jdk.jfr.Recording()) {
                    other.start();
                    deep(200);
                    other.stop();
                }
                Workloads.spin(100);
            }
            recording.stop();
            recording.dump(jfr);
        }
        assertThat(chunkCount(Files.readAllBytes(jfr))).isGreaterThanOrEqualTo(3);
        List<Row> rows = readOurs(jfr);
        assertThat(rows).isNotEmpty().isEqualTo(readJdk(jfr));
    }

    /** The chunks of a file, by their sizes in their headers. */
    private static int chunkCount(byte[] bytes) {
        int count = 0;
        for (int at = 0; at + 16 <= bytes.length; count++) {
            at += (int) java.nio.ByteBuffer.wrap(bytes, at + 8, 8).getLong();
        }
        return count;
    }

    /**
     * A recording by the JDK's own flight recorder: other field orders and more fields (a thread
     * has a group and more, a method is hidden or not), many event types to skip, several
     * constant-pool events and metadata with more types. The reader takes its layout from the
     * metadata, so it reads the JDK's execution samples too.
     */
    @Test
    void aRecordingOfAnotherWriterIsReadFromItsMetadata() throws Exception {
        Path jfr = dir.resolve("jdk.jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            // the JDK's sampler may miss a 300 ms thread on a loaded machine (seen at load 7-11):
            // the worker runs again until the recording has it, at most ten times
            for (int round = 0; round < 10 && !hasDeepSample(recording, jfr); round++) {
                Thread worker = new Thread(() -> deep(300), "deep-worker");
                worker.start();
                Workloads.spin(300);
                worker.join();
            }
            recording.stop();
            recording.dump(jfr);
        }
        List<Row> rows = readOurs(jfr);
        assertThat(rows).isEqualTo(readJdk(jfr));
        assertThat(rows).isNotEmpty();
        assertThat(rows).anySatisfy(row -> assertThat(row.frames()).anySatisfy(
                frame -> assertThat(frame).contains(JfrSampleReaderTest.class.getName() + ".deep(I)I:")));
    }

    @Test
    void aTruncatedFileIsAnIOExceptionNamingTheFileAndTheOffset() throws IOException {
        byte[] bytes = Files.readAllBytes(wall);
        byte[] twoChunks = concat(bytes, bytes);
        int[] cuts = {0, 1, 40, 67, 68, 100, bytes.length / 2, bytes.length - 1};
        for (int cut : cuts) {
            assertTruncatedFails(Arrays.copyOf(bytes, cut), "cut at " + cut);
        }
        assertTruncatedFails(Arrays.copyOf(twoChunks, bytes.length + 10), "second chunk's header cut");
        assertTruncatedFails(Arrays.copyOf(twoChunks, twoChunks.length - 1), "second chunk cut");
    }

    private static void assertTruncatedFails(byte[] bytes, String what) throws IOException {
        Path file = dir.resolve("truncated.jfr");
        Files.write(file, bytes);
        assertThatThrownBy(() -> JfrSampleReader.read(file, sample -> { }))
                .as(what).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("offset");
    }

    /**
     * Damaged files (bytes overwritten at random places, lengths and counts made huge): each
     * read ends, in samples or in an IOException naming the file, never in another exception,
     * an endless loop or an attempt to allocate what a bogus length asks for.
     */
    @Test
    void aDamagedFileEndsInSamplesOrAnIOException() throws IOException {
        byte[] original = Files.readAllBytes(wall);
        Path file = dir.resolve("damaged.jfr");
        Random random = new Random(42);
        int failures = 0;
        for (int round = 0; round < 400; round++) {
            byte[] bytes = original.clone();
            int changes = 1 + random.nextInt(4);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(bytes.length);
                bytes[at] = round % 2 == 0 ? (byte) random.nextInt(256) : (byte) 0xFF; // 0xFF: a varint goes on
            }
            try {
                JfrSampleReader.read(file, bytes, sample -> { });
            } catch (IOException e) {
                assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("offset");
                failures++;
            }
        }
        assertThat(failures).as("some damage is noticed").isPositive();
    }

    @Test
    void notAJfrFileAtAll() throws IOException {
        Path file = dir.resolve("text.jfr");
        Files.writeString(file, "this is not a flight recording, but it is longer than a chunk header, "
                + "so the magic bytes are what tells");
        assertThatThrownBy(() -> JfrSampleReader.read(file, sample -> { })).isInstanceOf(IOException.class)
                .hasMessageContaining("no FLR magic").hasMessageContaining(file.toString());
    }

    // ------------------------------------------------------------------ the two readings

    /** One sample as both parsers can say it. */
    record Row(String type, long startNanos, long javaThreadId, long osThreadId, String state, int samples,
               long timeSpanNanos, Boolean truncated, List<String> frames) {
    }

    /** Whether what {@code recording} has so far holds a sample inside {@link #deep}. */
    private static boolean hasDeepSample(jdk.jfr.Recording recording, Path scratch) throws IOException {
        recording.dump(scratch);
        String deep = JfrSampleReaderTest.class.getName() + ".deep(I)I:";
        return readJdk(scratch).stream().anyMatch(row -> row.frames() != null
                && row.frames().stream().anyMatch(frame -> frame.contains(deep)));
    }

    private static List<Row> readOurs(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        JfrSampleReader.read(file, sample -> {
            List<String> frames = null;
            if (sample.stack() != null) {
                frames = new ArrayList<>();
                for (JfrSampleReader.StackFrame frame : sample.stack().frames()) {
                    JfrSampleReader.Method m = frame.method();
                    frames.add(m == null ? "null" : m.className() + "." + m.name() + m.descriptor() + ":"
                            + frame.line() + ":" + frame.type());
                }
            }
            rows.add(new Row(sample.eventType(), sample.startNanos(), sample.thread().javaThreadId(),
                    sample.thread().osThreadId(), sample.state(), sample.samples(), sample.timeSpanNanos(),
                    sample.stack() == null ? null : sample.stack().truncated(), frames));
        });
        return rows;
    }

    private static List<Row> readJdk(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (!type.equals(JfrSampleReader.WALL_CLOCK_SAMPLE) && !type.equals(JfrSampleReader.EXECUTION_SAMPLE)) {
                    continue;
                }
                RecordedThread thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                List<String> frames = null;
                if (stack != null) {
                    frames = new ArrayList<>();
                    for (RecordedFrame frame : stack.getFrames()) {
                        RecordedMethod m = frame.getMethod();
                        frames.add(m == null ? "null" : (m.getType() == null ? null : m.getType().getName()) + "."
                                + m.getName() + m.getDescriptor() + ":" + frame.getLineNumber() + ":" + frame.getType());
                    }
                }
                var start = event.getStartTime();
                // a thread that is not a Java thread (async-profiler samples a few in CPU mode): the
                // file says 0, which the JDK's parser hands out as is on 17 and as -1 from 21 on
                long javaId = thread.getJavaThreadId() == 0 ? -1 : thread.getJavaThreadId();
                rows.add(new Row(type, start.getEpochSecond() * 1_000_000_000L + start.getNano(), javaId,
                        thread.getOSThreadId(), event.hasField("state") ? event.getString("state") : null,
                        event.hasField("samples") ? event.getInt("samples") : 1,
                        event.hasField("timeSpan") ? event.getDuration("timeSpan").toNanos() : 0,
                        stack == null ? null : stack.isTruncated(), frames));
            }
        }
        return rows;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
