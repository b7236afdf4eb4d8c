package dev.markata.bench;

import dev.markata.BuildResult;
import dev.markata.Markata;
import dev.markata.plugin.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole build of the corpus in a warm JVM (what {@code serve --watch} sees): the first
 * iterations warm the JIT, then each measured build starts from the previous one's output, so it
 * is the "nothing changed" rebuild.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BuildBench {

    private Path site;

    @Setup(Level.Trial)
    public void copyCorpus() throws IOException {
        Corpus.posts(1); // fails clearly when there is no corpus
        site = Files.createTempDirectory(Path.of("/dev/shm"), "markata-jmh-site");
        try (Stream<Path> files = Files.walk(Corpus.DIR)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                String relative = Corpus.DIR.relativize(from).toString();
                if (relative.startsWith("markout") || relative.startsWith(".markata")) {
                    continue;
                }
                Path to = site.resolve(relative);
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    @Benchmark
    public BuildResult rebuild() throws Exception {
        return Markata.builder(site).environment(Map.of()).reporter(Reporter.STDERR).open().build();
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void deleteSite() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
