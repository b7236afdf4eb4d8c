import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.SpanScope;
import dev.markata.profiler.io.SessionJson;
import dev.markata.profiler.render.ReportFormat;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;

/**
 * The shape of a profiled markata build, without markata: the main thread opens a "stage" and a
 * "hook" span per hook and hands {@code TASKS} decorated tasks to a 2-thread pool, each task
 * opening a "document" span with the same two attributes markata's are given, then waits for
 * them; 7 hooks, as a 10,000-post build has. Then it times what a build's end costs: the stop
 * (async-profiler's recording read back, the session assembled), the session JSON, and the
 * pyinstrument JSON and console text trees, each on this thread, in a fresh JVM (run it with
 * {@code -XX:TieredStopAtLevel=1}, as the launcher runs builds, and once per JVM: the costs
 * that matter are the cold ones).
 *
 * <p>Usage: {@code java -XX:TieredStopAtLevel=1 -cp markata-profiler.jar:classes BuildStopBench [TASKS] [WORK]}
 */
public final class BuildStopBench {

    static volatile long sink;

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int work = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Profiler profiler = Profiler.builder().sampler(SamplerChoice.ASYNC_PROFILER).interval(Duration.ofMillis(1)).build();
        profiler.start();
        long recordStart = System.nanoTime();
        String[] hooks = {"load", "pre_render", "render", "post_render", "save", "feeds", "publish"};
        for (String hook : hooks) {
            try (SpanScope stage = profiler.span("stage", hook);
                 SpanScope plugin = profiler.span("hook", "markata.plugins." + hook, Map.of("stage", hook))) {
                // Waited for on a latch, as markata's BuildExecutor does (no "await" span per task).
                CountDownLatch done = new CountDownLatch(tasks);
                for (int i = 0; i < tasks; i++) {
                    String document = "posts/post-" + i + ".md";
                    int n = i;
                    // one span per task, as markata's build executor makes it: the document's
                    pool.execute(profiler.decorate("document", document,
                            Map.of("stage", hook, "plugin", "markata.plugins." + hook), () -> {
                                try {
                                    sink += BenchWork.hashing(work + n % 7 * 50) + BenchWork.sorting(work / 2);
                                } finally {
                                    done.countDown();
                                }
                            }));
                }
                done.await();
            }
        }
        long recorded = System.nanoTime() - recordStart;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Session session = profiler.stop();
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        byte[] json = SessionJson.toBytes(session);
        long t2 = System.nanoTime();
        Reports reports = Reports.of(session); // one for both, as a profiled build's: the raw tree is built once
        String pyinstrument = reports.render(ReportFormat.JSON, ReportOptions.defaults());
        long t3 = System.nanoTime();
        String text = reports.render(ReportFormat.TEXT, ReportOptions.defaults().withMaxDepth(18)
                .withThresholdPercent(3.0));
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "recorded %.1f s, %d samples, %d rows, %d spans, %d stacks; stop %.3f s (%.3f s CPU),"
                        + " session JSON %.3f s (%.1f MB), pyinstrument JSON %.3f s, text tree %.3f s%n",
                recorded / 1e9, session.sampleCount(), session.threads().stream().mapToLong(t -> t.samples().size()).sum(),
                session.spans().size(), session.stacks().size(), (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, (t2 - t1) / 1e9,
                json.length / 1e6, (t3 - t2) / 1e9, (t4 - t3) / 1e9);
        sink += pyinstrument.length() + text.length();
        pool.shutdown();
    }
}
