package dev.markata.bench;

import dev.markata.content.OutputDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing a 20 KB page through {@link OutputDir} on tmpfs: the unchanged case (compare and leave
 * alone, every warm build) and the changed case (temporary file, atomic rename).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OutputDirBench {

    private Path root;
    private OutputDir output;
    private byte[] page;
    private byte[] otherPage;
    private long writes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "markata-jmh-out");
        output = new OutputDir(root);
        page = "<p>page</p>\n".repeat(1700).getBytes(StandardCharsets.UTF_8);
        otherPage = "<p>gape</p>\n".repeat(1700).getBytes(StandardCharsets.UTF_8);
        output.write("same/index.html", page);
    }

    @Benchmark
    public boolean unchanged() throws IOException {
        return output.write("same/index.html", page);
    }

    @Benchmark
    public boolean changed() throws IOException {
        return output.write("changing/index.html", (writes++ & 1) == 0 ? page : otherPage);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
