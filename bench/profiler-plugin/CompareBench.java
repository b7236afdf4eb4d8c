package dev.markata.plugins.profiler;

import dev.markata.lifecycle.Stage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the comparison with the previous profiled build costs a build: reading the previous
 * build's figures ({@code index.stats.json}) and making the console block and the report's
 * baseline, then writing this build's figures, timed in a fresh JVM as a build meets them (the
 * first call: code not yet loaded or compiled), then warm. CPU of this thread (the build does the
 * read on a writer thread while the profiler stops, the rest on the build thread).
 *
 * <p>Compiled against the generator's jar into its package (it calls package-private code), by
 * {@code bench/profiler-plugin/compare.sh}. Arguments: the {@code index.stats.json} a profiled
 * build of a site left, and the number of documents the written figures hold (10,000).
 */
public final class CompareBench {

    public static void main(String[] args) throws Exception {
        Path previousFile = Path.of(args[0]);
        int documents = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BuildStats stats = statsOf(documents);
        Path out = Files.createTempDirectory("compare-bench").resolve("index.stats.json");

        long[] first = once(threads, previousFile, stats, out);
        System.out.printf("first call (cold code): read+compare %.2f ms CPU (%.2f ms wall; the read alone %.2f ms CPU),"
                + " write %.2f ms CPU (%.2f ms wall)%n", first[0] / 1e6, first[1] / 1e6, first[4] / 1e6, first[2] / 1e6,
                first[3] / 1e6);
        int runs = 200;
        long[][] warm = new long[runs][];
        for (int i = 0; i < runs; i++) {
            warm[i] = once(threads, previousFile, stats, out);
        }
        System.out.printf("warm, median of %d: read+compare %.3f ms CPU, write %.3f ms CPU; file %d bytes%n", runs,
                median(warm, 0) / 1e6, median(warm, 2) / 1e6, Files.size(previousFile));
    }

    /** {CPU, wall} of the read and compare, then of the write. */
    private static long[] once(ThreadMXBean threads, Path previousFile, BuildStats stats, Path out) throws Exception {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        PreviousBuild previous = PreviousBuild.read(previousFile);
        if (!(previous instanceof PreviousBuild.Found found)) {
            throw new IllegalStateException(previousFile + ": " + previous);
        }
        long onlyReadCpu = threads.getCurrentThreadCpuTime() - cpu;
        BuildFigures now = BuildFigures.of(stats, Instant.now());
        String text = BuildComparison.render(found.figures(), now, false);
        Map<String, String> baseline = BuildComparison.baseline(found.figures(), now);
        long readCpu = threads.getCurrentThreadCpuTime() - cpu;
        long readWall = System.nanoTime() - wall;
        if (text.isEmpty() || baseline.isEmpty()) {
            throw new IllegalStateException("nothing compared");
        }
        cpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
        StatsJson.writeSummary(stats, Instant.now(), out);
        return new long[] {readCpu, readWall, threads.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall, onlyReadCpu};
    }

    /** A build's figures with {@code documents} documents, as the recorder makes them (slowest first). */
    private static BuildStats statsOf(int documents) {
        List<BuildStats.StageStat> stages = new ArrayList<>();
        for (Stage stage : Stage.inOrder()) {
            stages.add(new BuildStats.StageStat(stage, 1_000_000L * (stage.ordinal() + 1), 500_000L, false));
        }
        List<BuildStats.HookStat> hooks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hooks.add(new BuildStats.HookStat(Stage.inOrder().get(i % Stage.inOrder().size()), "markata.plugins.p" + i,
                    1_000_000L * i, documents, 2_000_000L * i, false));
        }
        List<BuildStats.DocumentStat> docs = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            docs.add(new BuildStats.DocumentStat("posts/post-" + i + ".md", 1_000L * (documents - i), 4,
                    Map.of(Stage.LOAD, 100L, Stage.RENDER, 900L), false));
        }
        return new BuildStats(stages, hooks, docs, 5_000_000_000L, 8_000_000_000L, Optional.empty());
    }

    private static double median(long[][] runs, int column) {
        long[] values = Arrays.stream(runs).mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
