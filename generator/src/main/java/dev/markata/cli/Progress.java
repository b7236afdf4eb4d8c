package dev.markata.cli;

import dev.markata.lifecycle.BuildFailure;
import dev.markata.lifecycle.BuildObserver;
import dev.markata.lifecycle.Stage;
import dev.markata.lifecycle.TaskContext;
import dev.markata.plugins.profiler.ProfilerPlugin;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Shows per-document progress on stderr. On a terminal: a bar redrawn in place, only for
 * batches that run longer than a moment. Elsewhere (logs, CI): one line per stage that handled
 * documents, once it finishes, and while a batch runs long a line every few seconds with its
 * done and total (a 10,000-post render showed nothing for seconds; a line per task, or a bar
 * redrawn, would flood a log). The profiler's own hook (its stop and reports, at the end of
 * save) is left out of the stage's time and named beside it, so the line agrees with the
 * profile's stage table instead of making save look slow. When the build is interrupted
 * (Ctrl-C), the bar is cleared and a line says so: the process ends without the command's own
 * error line, and the shell's prompt landed after a half-drawn bar.
 */
final class Progress implements BuildObserver {

    private static final long SHOW_AFTER_NANOS = 300_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;
    /** How often a log gets a line while a batch runs. */
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean terminal;
    private final long showAfterNanos;
    private final LongSupplier clock;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger stageDocuments = new AtomicInteger();
    private volatile int total;
    private volatile String label = "";
    private volatile TaskContext batch;
    private volatile long nextLogLine;
    private volatile long batchStart;
    private long profilerNanos;
    private long lastDraw;
    private boolean drawn;
    private volatile boolean stopped;

    Progress(PrintStream err, boolean terminal) {
        this(err, terminal, SHOW_AFTER_NANOS);
    }

    /** @param showAfterNanos how long a batch runs before its bar is drawn (tests: 0) */
    Progress(PrintStream err, boolean terminal, long showAfterNanos) {
        this(err, terminal, showAfterNanos, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime} (tests: a clock they move) */
    Progress(PrintStream err, boolean terminal, long showAfterNanos, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.showAfterNanos = showAfterNanos;
        this.clock = clock;
    }

    @Override
    public synchronized void stageStarted(Stage stage) {
        stageDocuments.set(0);
        profilerNanos = 0;
    }

    @Override
    public void tasksSubmitted(TaskContext batch, int count) {
        total = count;
        done.set(0);
        label = batch.stage().id() + " " + batch.pluginId();
        this.batch = batch;
        batchStart = clock.getAsLong();
        nextLogLine = batchStart + LOG_EVERY_NANOS;
        stageDocuments.addAndGet(count);
    }

    @Override
    public void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
        int finished = done.incrementAndGet();
        if (stopped) {
            return;
        }
        long now = clock.getAsLong();
        if (!terminal) {
            logLine(finished, now);
            return;
        }
        if (now - batchStart < showAfterNanos) {
            return;
        }
        synchronized (this) {
            // a bar cleared for a message is drawn again at once; a drawn one at most every REDRAW_NANOS
            if (stopped || drawn && now - lastDraw < REDRAW_NANOS && finished < total) {
                return;
            }
            lastDraw = now;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * finished / total);
            err.print("\r" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + " " + finished + "/" + total + " "
                    + label + "\u001b[K");
            err.flush();
            drawn = true;
        }
    }

    /** A log's line for a batch that runs long: at most one every {@link #LOG_EVERY_NANOS}, none for its last task. */
    private void logLine(int finished, long now) {
        if (now < nextLogLine || finished >= total) {
            return;
        }
        synchronized (this) {
            if (stopped || now < nextLogLine) {
                return;
            }
            nextLogLine = now + LOG_EVERY_NANOS;
            TaskContext running = batch;
            err.println(String.format("%-12s %6d/%d tasks  %s (%.1f s so far)", running.stage().id(), finished, total,
                    running.pluginId(), (now - batchStart) / 1e9));
        }
    }

    /**
     * Called on the shutdown hook's thread when the process is stopped, while workers may still
     * finish tasks: no bar is drawn after it. A failure of the build's own is left to the
     * command's error line.
     */
    @Override
    public synchronized void buildFailed(BuildFailure failure) {
        if (!failure.interrupted()) {
            return;
        }
        stopped = true;
        clearBar();
        err.println("interrupted during stage " + failure.stage().id() + ": the files written so far stay in the"
                + " output folder, and the next build writes the rest");
        err.flush();
    }

    /**
     * Prints a line of its own (a warning, a message) while the bar may be drawn: the bar is
     * cleared first, under the lock that draws it, and the next finished task draws it again.
     */
    synchronized void println(String line) {
        clearBar();
        err.println(line);
        err.flush();
    }

    private void clearBar() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    @Override
    public synchronized void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
        if (pluginId.equals(ProfilerPlugin.ID)) {
            profilerNanos += elapsedNanos;
        }
        clearBar();
    }

    @Override
    public synchronized void stageFinished(Stage stage, long elapsedNanos, boolean failed) {
        int documents = stageDocuments.get();
        if (terminal || documents == 0) {
            return;
        }
        String line = String.format("%-12s %6d tasks  %8.1f ms", stage.id(), documents,
                (elapsedNanos - profilerNanos) / 1e6);
        if (profilerNanos > 0) {
            line += String.format("  (and %.1f ms stopping the profiler and writing its reports)", profilerNanos / 1e6);
        }
        err.println(line);
    }
}
