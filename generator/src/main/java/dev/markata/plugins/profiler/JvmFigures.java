package dev.markata.plugins.profiler;

import dev.markata.lifecycle.Stage;
import dev.markata.profiler.Session;
import dev.markata.profiler.model.GcPause;
import dev.markata.profiler.model.JvmActivity;
import dev.markata.profiler.model.Span;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the JVM did during a build (its GC pauses, JIT compilers, classes loaded: the profiler's
 * {@link JvmActivity}), with each stage's share of the pauses: a pause counts in a stage for the
 * part of it inside the stage, so one across two stages is split between them.
 *
 * @param activity          what the JVM did, its pauses in the build's time
 * @param pauseNanos        each stage's pause time (a stage without pauses is left out)
 * @param longestPauseStage the stage the longest pause fell in most, or null when there was none
 */
record JvmFigures(JvmActivity activity, Map<Stage, Long> pauseNanos, Stage longestPauseStage) {

    public JvmFigures {
        pauseNanos = Map.copyOf(pauseNanos);
    }

    /** One stage's run, in the same time as the pauses. */
    record StageTime(Stage stage, long startNanos, long endNanos) {
    }

    /** The figures of a profiled build, from its session: the pauses placed in its stage spans. */
    static JvmFigures of(Session session) {
        List<StageTime> stages = session.spans().stream().filter(s -> s.category().equals("stage"))
                .flatMap(s -> Stage.byId(s.name()).stream().map(stage -> new StageTime(stage, s.startNanos(), s.endNanos())))
                .toList();
        return of(session.jvm(), stages);
    }

    /** The figures of {@code activity}, with each of {@code stages}' share of the pauses. */
    static JvmFigures of(JvmActivity activity, List<StageTime> stages) {
        Map<Stage, Long> paused = new EnumMap<>(Stage.class);
        for (StageTime stage : stages) {
            long nanos = activity.pauseNanosBetween(stage.startNanos(), stage.endNanos());
            if (nanos > 0) {
                paused.merge(stage.stage(), nanos, Long::sum);
            }
        }
        GcPause longest = activity.longestPause();
        Stage longestIn = null;
        long most = 0;
        for (StageTime stage : stages) {
            long overlap = longest == null ? 0 : longest.overlapNanos(stage.startNanos(), stage.endNanos());
            if (overlap > most) {
                most = overlap;
                longestIn = stage.stage();
            }
        }
        return new JvmFigures(activity, paused, longestIn);
    }

    /** The stage's pause time, 0 when it had none. */
    long pauseNanos(Stage stage) {
        return pauseNanos.getOrDefault(stage, 0L);
    }
}
