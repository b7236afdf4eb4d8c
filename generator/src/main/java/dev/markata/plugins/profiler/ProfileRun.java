package dev.markata.plugins.profiler;

import dev.markata.config.SiteConfig;
import dev.markata.content.OutputDir;
import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Reporter;
import dev.markata.profiler.Profiler;
import dev.markata.profiler.SamplerChoice;
import dev.markata.profiler.Session;
import dev.markata.profiler.ThreadSelection;
import dev.markata.profiler.io.AtomicFiles;
import dev.markata.profiler.io.SessionJson;
import dev.markata.profiler.render.HtmlRenderer;
import dev.markata.profiler.render.ReportOptions;
import dev.markata.profiler.render.Reports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One profiled build: starts the sampling profiler at the build's first stage, and at the end
 * of save (or at teardown when the build failed earlier) stops it, writes the reports under
 * {@code output_dir} and prints the summary, which ends with the comparison with the previous
 * profiled build ({@link BuildComparison}, from the figures it left beside its report).
 */
final class ProfileRun {

    private final ProfilerConfig config;
    private final SiteConfig site;
    private final Reporter reporter;
    private final Profiler profiler;
    private final BuildSpans spans;
    private final BuildStatsRecorder stats = new BuildStatsRecorder();
    private final Path report;
    private volatile boolean finished;
    /** The console summary of a finished profile, printed at teardown. */
    private volatile String pendingSummary;
    /** "Profile written to ...", printed after the summary (and without it under -q --profile). */
    private volatile String pendingReportLine;
    /** How long starting the profiler took, and in which stage's time it is counted. */
    private long startNanos;
    private Stage startStage;

    ProfileRun(ProfilerConfig config, SiteConfig site, Reporter reporter) {
        this.config = config;
        this.site = site;
        this.reporter = reporter;
        this.report = site.outputDir().resolve(config.outputFile()).normalize();
        if (config.interval().compareTo(Profiler.MIN_INTERVAL) < 0) {
            reporter.warn("[markata.profiler] interval = " + config.interval().toNanos() / 1e9 + " s is below "
                    + Profiler.MIN_INTERVAL.toNanos() / 1e9 + " s, the shortest interval the samplers hold; using "
                    + Profiler.MIN_INTERVAL.toNanos() / 1e9 + " s");
        }
        Profiler.Builder builder = Profiler.builder()
                .interval(config.interval().compareTo(Profiler.MIN_INTERVAL) < 0 ? Profiler.MIN_INTERVAL : config.interval())
                .asyncMode(config.asyncMode())
                .timeMode(config.mode())
                .threads(ThreadSelection.startingThread())
                .sampler(config.sampler())
                .target("markata build " + site.directory());
        if (config.formats().contains(OutputFormat.JFR)) {
            builder.jfrOutput(OutputFormat.JFR.fileFor(report));
        }
        // while the other plugins register (the first stage starts it); done already under --profile
        // unless the configuration may name a sampler (ProfilerPlugin.samplerBeforeConfiguration)
        Profiler.prepare(config.sampler());
        this.profiler = builder.build();
        this.spans = new BuildSpans(profiler, config.asyncMode(), this::start);
    }

    BuildSpans spans() {
        return spans;
    }

    BuildStatsRecorder stats() {
        return stats;
    }

    /** Where the HTML report goes (absolute). */
    Path report() {
        return report;
    }

    /** Starts the profiler; when it cannot start, one warning and the build goes on. */
    private void start(Stage first) {
        try {
            if (config.formats().contains(OutputFormat.JFR)) {
                Files.createDirectories(report.getParent());
            }
            long begin = System.nanoTime();
            profiler.start();
            startNanos = System.nanoTime() - begin;
            startStage = first;
        } catch (IOException | RuntimeException | LinkageError e) {
            reporter.warn("the build profiler could not start, so this build is not profiled: " + e.getMessage()
                    + "; " + howToFix());
        }
    }

    private String howToFix() {
        if (config.sampler() == SamplerChoice.ASYNC_PROFILER) {
            return "set [markata.profiler] sampler = \"auto\" to fall back to the pure-Java sampler, or run on a"
                    + " platform async-profiler supports (Linux or macOS on x64 or arm64, no other async-profiler"
                    + " recording in this JVM)";
        }
        return "set [markata.profiler] sampler = \"jdk\" to use the pure-Java sampler, or build with --no-profile";
    }

    /**
     * The save hook (last): the build succeeded up to here. The profile is stopped and written
     * now; its console summary waits for teardown, so it follows the save stage's progress line
     * instead of cutting into the build's output.
     */
    void finishAfterSave(BuildContext context) {
        finish(context.failure(), context.output());
    }

    /** The teardown hook: prints the summary, after stopping and writing first if the build failed early. */
    void finishAtTeardown(BuildContext context) {
        finish(context.failure(), context.output());
        String summary = pendingSummary;
        String reportLine = pendingReportLine;
        pendingSummary = null;
        pendingReportLine = null;
        if (summary != null) {
            reporter.info(summary);
        }
        if (reportLine != null) {
            reporter.wrote(reportLine); // also under -q when --profile asked for the report
        }
    }

    /** Stops the profiler and writes the reports, each noted as this build's report in {@code output}. */
    private synchronized void finish(Optional<BuildFailure> failure, OutputDir output) {
        if (finished || !profiler.isRunning()) {
            return;
        }
        finished = true;
        ExecutorService writers = writers();
        // read before this build's figures replace it, beside the profiler's stop
        Future<PreviousBuild> pendingPrevious = writers.submit(() -> PreviousBuild.read(statsFile()));
        // The build's figures end here (the stop is not the build's time), right before the
        // recording's end, where the last stage's span ends: with the writers' threads started
        // in between, a loaded machine put up to 0.2 s between the two, and the report's save
        // stage was that much longer than the console's. The documents are added up on a writer
        // thread while this one stops the profiler.
        BuildStatsRecorder.Moment end = stats.now();
        Instant finishedAt = Instant.now();
        Future<BuildStats> pendingStats = writers.submit(() -> stats.snapshot(end));
        Session session;
        long stopBegin = System.nanoTime();
        long stopCpuBegin = BuildStatsRecorder.processCpuNanos();
        try {
            session = profiler.stop();
        } catch (RuntimeException e) {
            writers.shutdown();
            reporter.warn("the build profiler failed to stop, so no profile was written: " + e);
            return;
        }
        BuildStats buildStats;
        PreviousBuild previous;
        try {
            buildStats = result(pendingStats);
            previous = result(pendingPrevious);
        } catch (RuntimeException | Error e) {
            writers.shutdown();
            throw e;
        }
        if (session.jvm().recorded()) { // the JVM's figures, from the session: its stages are the build's
            buildStats = buildStats.withJvm(JvmFigures.of(session));
        }
        long stopNanos = System.nanoTime() - stopBegin;
        long stopCpuNanos = BuildStatsRecorder.processCpuNanos() - stopCpuBegin;
        session = BundledLibraries.reclassify(session);
        session = withMetadata(session, buildStats, failure);
        long writeBegin = System.nanoTime();
        long writeCpuBegin = BuildStatsRecorder.processCpuNanos();
        // the summary (and the comparison that ends it) only when it is printed
        boolean printsSummary = config.print() && !reporter.quiet();
        String comparison = "";
        boolean slower = false;
        if (previous instanceof PreviousBuild.Found found) {
            BuildComparison compared = BuildComparison.of(found.figures(), BuildFigures.of(buildStats, finishedAt));
            slower = compared.aStageGotSlower();
            for (Map.Entry<String, String> entry : compared.baseline().entrySet()) {
                session = session.withMetadata(entry.getKey(), entry.getValue());
            }
            comparison = printsSummary ? compared.render(reporter.verbose()) : "";
        } else if (previous instanceof PreviousBuild.OtherSchema other) {
            comparison = BuildComparison.notCompared(other);
        } else if (previous instanceof PreviousBuild.Damaged damaged) {
            reporter.warn(BuildComparison.damaged(damaged));
        }
        // One for the files and the summary: the session's raw call tree is built once for them all.
        Reports reports = Reports.of(session);
        Writing writing = startWriting(reports, writers, buildStats, finishedAt);
        // The summary is made on this thread while the writers run (it only reads the session);
        // the files are waited for even if it fails.
        String summary;
        List<Path> written;
        try {
            summary = printsSummary
                    ? ConsoleSummary.render(reports, buildStats, reportOptions(), reporter.verbose(), comparison) : null;
        } finally {
            written = writing.await();
        }
        written.forEach(output::keepReport);
        long writeNanos = System.nanoTime() - writeBegin;
        long writeCpuNanos = BuildStatsRecorder.processCpuNanos() - writeCpuBegin;
        StringBuilder text = new StringBuilder();
        if (summary != null) {
            text.append(summary);
            // CPU time beside the wall time: the process's, so the writer threads count too; on a
            // loaded machine it says more than the wall time about what the profiler itself costs.
            text.append(String.format(Locale.ROOT,
                    "%nProfiler cost, outside the figures above: %.2f s to start, %.2f s to stop (%.2f s CPU), %.2f s"
                            + " to write %d files and this summary (%.2f s CPU)%n", startNanos / 1e9, stopNanos / 1e9,
                    stopCpuNanos / 1e9, writeNanos / 1e9, written.size(), writeCpuNanos / 1e9));
        }
        if (!written.isEmpty()) {
            Path main = written.get(0);
            StringBuilder line = new StringBuilder("Profile written to ").append(main);
            if (main.equals(report)) {
                // the report opens on the tab its address names (app.js): a slower build on its comparison
                line.append(" (open it in a browser: ").append(main.toUri()).append(slower ? "#build" : "").append(')');
            }
            pendingReportLine = line.toString();
        }
        if (!text.isEmpty()) {
            // printed as a line of its own, before the report's
            pendingSummary = text.toString().stripTrailing();
        }
    }

    private Session withMetadata(Session session, BuildStats buildStats, Optional<BuildFailure> failure) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("outcome", failure.map(BuildStats::outcomeOf).orElse("ok"));
        failure.ifPresent(f -> {
            metadata.put("failed_stage", f.stage().id());
            metadata.put("failed_plugin", f.pluginId());
            f.document().ifPresent(d -> metadata.put("failed_document", d));
            metadata.put("error", StatsJson.oneLine(f.problems().get(0).message()));
        });
        metadata.put("build_wall_nanos", Long.toString(buildStats.wallNanos()));
        metadata.put("build_cpu_nanos", Long.toString(buildStats.cpuNanos()));
        metadata.put("site_title", site.title());
        metadata.put("site_directory", site.directory().toString());
        metadata.put("documents", Integer.toString(buildStats.documents().size()));
        metadata.put("workers", Integer.toString(site.workers()));
        metadata.put("markata_version", StatsJson.markataVersion());
        metadata.put("generator", "markata-java");
        metadata.put("profiler_start_nanos", Long.toString(startNanos));
        if (startStage != null) {
            metadata.put("profiler_start_stage", startStage.id());
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            session = session.withMetadata(entry.getKey(), entry.getValue());
        }
        return session;
    }

    ReportOptions reportOptions() {
        return ReportOptions.defaults().withShowAll(config.showAll()).withTimeline(config.timeline())
                .withThresholdPercent(config.thresholdPercent()).withShow(config.show()).withHide(config.hide());
    }

    /**
     * Starts writing every requested format, each atomically, on writer threads (they only read
     * the session), the HTML report first in the list; a file that cannot be written gets a
     * warning and does not stop the others.
     *
     * <p>The session file and the HTML report carry the same session JSON (the report embeds
     * it unchanged unless it resamples or reclassifies), 5 MB at 10,000 posts: it is serialized
     * once, by one writer, which then writes both files; the other formats (the pyinstrument
     * JSON builds a call tree) run beside it.
     */
    private Writing startWriting(Reports reports, ExecutorService writers, BuildStats stats, Instant finishedAt) {
        Session session = reports.session();
        ReportOptions options = reportOptions();
        List<OutputFormat> formats = formats();
        List<OutputFormat> withSessionJson = formats.stream()
                .filter(f -> f == OutputFormat.SESSION || f == OutputFormat.HTML).toList();
        List<OutputFormat> others = formats.stream().filter(f -> !withSessionJson.contains(f)).toList();
        Future<Map<OutputFormat, Optional<Path>>> shared = null;
        if (!withSessionJson.isEmpty()) {
            shared = writers.submit(() -> {
                byte[] json = SessionJson.toBytes(session);
                Map<OutputFormat, Optional<Path>> done = new LinkedHashMap<>();
                for (OutputFormat format : withSessionJson) {
                    done.put(format, writeOne(reports, format, options, json, stats, finishedAt));
                }
                return done;
            });
        }
        Map<OutputFormat, Future<Optional<Path>>> separate = new LinkedHashMap<>();
        for (OutputFormat format : others) {
            separate.put(format, writers.submit(() -> writeOne(reports, format, options, null, stats, finishedAt)));
        }
        writers.shutdown();
        return new Writing(formats, shared, separate);
    }

    /** The formats to write, in the order of {@link OutputFormat}; the session and the build's figures always. */
    private List<OutputFormat> formats() {
        List<OutputFormat> formats = new ArrayList<>();
        for (OutputFormat format : OutputFormat.values()) {
            if (config.formats().contains(format) || format == OutputFormat.SESSION || format == OutputFormat.STATS) {
                formats.add(format);
            }
        }
        return formats;
    }

    /**
     * The threads that write the files (one for the formats that carry the session JSON, one
     * per other format, no more than the cores); the first of them adds the build's documents
     * up while the profiler stops.
     */
    private ExecutorService writers() {
        List<OutputFormat> formats = formats();
        long withSessionJson = formats.stream().filter(f -> f == OutputFormat.SESSION || f == OutputFormat.HTML).count();
        int wanted = (int) (formats.size() - withSessionJson + (withSessionJson > 0 ? 1 : 0));
        int threads = Math.max(1, Math.min(wanted, Runtime.getRuntime().availableProcessors()));
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "markata-profile-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What a task of the writer threads returned; its failure as it was thrown. */
    private static <T> T result(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding the build's figures up", e);
        }
    }

    /**
     * The writers at work: {@code shared} writes the formats that carry the session JSON, each of
     * {@code separate} one other format.
     */
    private final class Writing {
        private final List<OutputFormat> formats;
        private final Future<Map<OutputFormat, Optional<Path>>> shared;
        private final Map<OutputFormat, Future<Optional<Path>>> separate;

        Writing(List<OutputFormat> formats, Future<Map<OutputFormat, Optional<Path>>> shared,
                Map<OutputFormat, Future<Optional<Path>>> separate) {
            this.formats = formats;
            this.shared = shared;
            this.separate = separate;
        }

        /** Waits for every file; returns the files written, in the order of {@link OutputFormat}. */
        List<Path> await() {
            List<Path> written = new ArrayList<>();
            boolean sharedFailed = false;
            for (OutputFormat format : formats) {
                try {
                    Future<Optional<Path>> own = separate.get(format);
                    if (own != null) {
                        own.get().ifPresent(written::add);
                    } else if (!sharedFailed) {
                        shared.get().get(format).ifPresent(written::add);
                    }
                } catch (ExecutionException e) {
                    sharedFailed |= !separate.containsKey(format); // said once for the shared writer
                    reporter.warn("the profile could not be written: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reporter.warn("writing the profile was interrupted; some files may be missing");
                    break;
                }
            }
            return written;
        }
    }

    /** Where the build's figures go, beside the report: what the next profiled build compares itself with. */
    private Path statsFile() {
        return OutputFormat.STATS.fileFor(report);
    }

    /**
     * Writes one format; empty (with a warning) when it could not be written. {@code sessionJson}
     * is the session's JSON when the caller made it (for the session file and the HTML report).
     */
    private Optional<Path> writeOne(Reports reports, OutputFormat format, ReportOptions options, byte[] sessionJson,
                                    BuildStats stats, Instant finishedAt) {
        Session session = reports.session();
        Path file = format.fileFor(report);
        try {
            if (format == OutputFormat.JFR) {
                if (Files.isRegularFile(file) && session.sampler().name().equals("async-profiler")) {
                    return Optional.of(file);
                }
                reporter.warn("[markata.profiler] formats: \"jfr\" needs the async-profiler sampler, but this"
                        + " build was sampled by " + session.sampler().name() + " (" + session.sampler().detail()
                        + "); no " + file.getFileName() + " was written");
                return Optional.empty();
            }
            if (format == OutputFormat.STATS) {
                StatsJson.writeSummary(stats, finishedAt, file);
            } else if (format == OutputFormat.SESSION) {
                AtomicFiles.write(file, sessionJson != null ? sessionJson : SessionJson.toBytes(session));
            } else if (format == OutputFormat.HTML) {
                HtmlRenderer html = new HtmlRenderer(options);
                AtomicFiles.write(file, (OutputStream out) -> html.write(session, sessionJson, out));
            } else {
                reports.write(format.reportFormat(), options, file);
            }
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            reporter.warn("the profile could not be written to " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
