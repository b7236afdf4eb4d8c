package dev.markata.profiler.render;

import dev.markata.profiler.Session;
import dev.markata.profiler.model.Sample;
import dev.markata.profiler.model.ThreadProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the HTML report's size bounded: when a session has more sample rows than the page
 * should carry, keeps every k-th row of each thread and gives it the wall time of the k rows it
 * stands for, as if the program had been sampled k times less often. Totals (time per thread,
 * per stack in expectation) are preserved; the timeline loses detail finer than k samples.
 *
 * <p>This is what a coarser sampling interval would have recorded, so every view stays honest;
 * the page shows a note with the factor.
 */
final class HtmlResampler {

    /** Metadata key the page reads to show the note: "rows before -> rows after (every k-th)". */
    static final String NOTE_KEY = "report.resampled";

    private HtmlResampler() {
    }

    static long rowCount(Session session) {
        long rows = 0;
        for (ThreadProfile thread : session.threads()) {
            rows += thread.samples().size();
        }
        return rows;
    }

    /** {@code session} itself when it has at most {@code maxRows} sample rows, else a resampled copy. */
    static Session bound(Session session, int maxRows) {
        long rows = rowCount(session);
        if (rows <= maxRows) {
            return session;
        }
        int factor = (int) Math.ceil((double) rows / maxRows);
        List<ThreadProfile> threads = new ArrayList<>(session.threads().size());
        long kept = 0;
        for (ThreadProfile thread : session.threads()) {
            List<Sample> resampled = resample(thread.samples(), factor);
            kept += resampled.size();
            threads.add(new ThreadProfile(thread.threadId(), thread.name(), resampled));
        }
        Session copy = new Session(session.startedAt(), session.duration(), session.interval().multipliedBy(factor),
                session.cpuTime(), session.targetDescription(), session.sampler(), session.asyncMode(),
                session.timeMode(), session.frames(), session.stacks(), threads, session.spans(), session.metadata(),
                session.jvm());
        return copy.withMetadata(NOTE_KEY, rows + " sample rows resampled to " + kept
                + " (one in " + factor + ", each standing for the time of the " + factor + " it replaces)");
    }

    /**
     * Every {@code factor}-th sample of a run of {@code factor}, stretched to cover the run: it
     * starts where the run starts and lasts as long as the run's samples together, so the wall
     * time and sample count of the thread add up as before.
     */
    private static List<Sample> resample(List<Sample> samples, int factor) {
        List<Sample> result = new ArrayList<>(samples.size() / factor + 1);
        for (int from = 0; from < samples.size(); from += factor) {
            int to = Math.min(from + factor, samples.size());
            long duration = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                duration += samples.get(i).durationNanos();
                count += samples.get(i).count();
            }
            // The middle sample represents the run, so a run's stack is not biased to its start.
            Sample chosen = samples.get(from + (to - from) / 2);
            result.add(new Sample(samples.get(from).startNanos(), duration, chosen.stackId(), chosen.state(),
                    chosen.spanId(), count));
        }
        return result;
    }
}
